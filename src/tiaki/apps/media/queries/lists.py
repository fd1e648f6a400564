"""Known-material lists, and the media export."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet

from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.models import (
    HashEntry,
    HashList,
    Match,
    MediaUpload,
)
from tiaki.apps.media.queries.items import media_items
from tiaki.apps.operations.models import Operation
from tiaki.errors import NotFound
from tiaki.formats.hashlist import HashList as KnownList
from tiaki.formats.hashlist import ListEntry, VpdqFrame


def hash_lists(actor: Actor) -> QuerySet[HashList]:
    """Every imported known-material list (lists are shared by the case's operations)."""
    actor.require(Permission.READ_CASE)
    return HashList.objects.order_by("name")


def list_content(actor: Actor, name: str) -> KnownList:
    """The list called ``name`` as the formats write it, every entry with everything kept."""
    found = hash_lists(actor).filter(name=name).first()
    if found is None:
        raise NotFound(f"there is no list '{name}' (see `tiaki hashlist list`)")
    entries = [
        ListEntry(
            entry_id=e.entry_id,
            md5=e.md5 or None,
            sha1=e.sha1 or None,
            sha256=e.sha256 or None,
            pdq=e.pdq or None,
            photodna=e.photodna or None,
            category=e.category or None,
            series=e.series or None,
            victim_identified=e.victim_identified,
            is_distributed=e.is_distributed,
            comments=e.comments or None,
            classification=e.classification or None,
            kind=e.kind or None,
            video_frames=tuple(VpdqFrame(int(n), int(q), str(h), float(t)) for n, h, q, t in e.video_frames)
            if e.video_frames
            else None,
            status=e.status or None,
        )
        for e in HashEntry.objects.filter(hash_list=found).order_by("pk").iterator(chunk_size=5000)
    ]
    return KnownList(
        name=found.name,
        profile=found.profile,
        source=found.source or None,
        version=found.version or None,
        published=found.published,
        licence=found.licence or None,
        entries=entries,
    )


MEDIA_COLUMNS = (
    "media_id",
    "sha256",
    "md5",
    "sha1",
    "kind",
    "status",
    "list",
    "entry",
    "match",
    "grade_source",
    "grade_profile",
    "grade_category",
    "grade_label",
    "provider_classification",
    "pdq",
    "pdq_stored",
    "error",
)


def media_rows(actor: Actor, operation: Operation) -> Iterator[tuple[object, ...]]:
    """One row per media item the actor may see, in the order of :data:`MEDIA_COLUMNS`: whether it is
    known (and by which list and entry), who graded it, and the provider's own grade."""
    actor.require(Permission.EXPORT)
    items = media_items(actor, operation).select_related("grade").order_by("key")
    best: dict[int, Match] = {}
    for match in (
        Match.objects.filter(media__in=items).select_related("entry__hash_list").order_by("distance", "pk")
    ):
        best.setdefault(match.media_id, match)
    provider: dict[int, set[str]] = {}
    for media_id, grade in (
        MediaUpload.objects.filter(media__in=items)
        .exclude(upload__industry_classification="")
        .values_list("media_id", "upload__industry_classification")
    ):
        provider.setdefault(media_id, set()).add(grade)
    for item in items.iterator(chunk_size=5000):
        found = best.get(item.pk)
        graded = getattr(item, "grade", None)
        yield (
            item.key,
            item.sha256,
            item.md5,
            item.sha1,
            item.kind,
            "known" if found else "new",
            found.entry.hash_list.name if found else "",
            found.entry.entry_id if found else "",
            f"{found.method} {found.distance}" if found else "",
            graded.source if graded else "",
            graded.profile if graded else "",
            graded.category if graded else "",
            graded.label if graded else "",
            ";".join(sorted(provider.get(item.pk, ()))),
            item.pdq,
            item.pdq_stored,
            item.error,
        )


# --- Review: grades in every scheme, the queue, exposure, descriptions, clues ---------------------

#: An item of this severity (0-3) or more is *severe*: budgets count and limit these.
