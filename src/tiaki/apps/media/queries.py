"""Reading media records. The rules *known* and *new* are defined here and nowhere else: an item is
known when it matched an entry of a known-material list, new otherwise; who graded it (a list, a
reviewer, a suggestion from a near-duplicate) is a separate fact, kept on its grade."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from tiaki.apps.core import scope
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.choices import MediaKind
from tiaki.apps.media.models import HashEntry, HashList, Match, MediaGroup, MediaItem, MediaUpload
from tiaki.apps.operations.models import Operation
from tiaki.errors import Invalid, NotFound
from tiaki.formats.hashlist import HashList as KnownList
from tiaki.formats.hashlist import ListEntry, VpdqFrame

TO_PERSON = "uploads__upload__account__" + scope.ACCOUNT


def is_known() -> Exists:
    """The one definition of known material, as an expression over a media item."""
    return Exists(Match.objects.filter(media=OuterRef("pk")))


def known(items: QuerySet[MediaItem]) -> QuerySet[MediaItem]:
    return items.filter(is_known())


def new(items: QuerySet[MediaItem]) -> QuerySet[MediaItem]:
    return items.filter(~Q(is_known()))


def media_items(actor: Actor, operation: Operation) -> QuerySet[MediaItem]:
    """The operation's media records that ``actor`` may see (a scoped actor: those uploaded by
    persons placed in scope)."""
    actor.require(Permission.READ_CASE)
    found = MediaItem.objects.filter(operation=operation)
    return scope.restrict(actor, found, TO_PERSON, fans_out=True)


def find_item(actor: Actor, operation: Operation, key: str) -> MediaItem:
    """One item by its key (SHA-256) or enough of its start."""
    if len(key) < 6:
        raise Invalid(f"'{key}': give at least 6 characters of the item's key")
    found = list(media_items(actor, operation).filter(key__startswith=key).order_by("key")[:2])
    if len(found) != 1:
        if not found:
            raise NotFound(f"'{key}' matches no media item of '{operation.name}'")
        raise Invalid(f"'{key}' matches several media items of '{operation.name}' (give more characters)")
    return found[0]


@dataclass
class MediaSummary:
    items: int
    images: int
    videos: int
    errors: int
    known: int
    new: int
    matches: int
    groups_to_review: int

    @property
    def needing_review(self) -> float:
        """Share of media a person still has to look at: one look per near-duplicate group of new
        media, none for known material."""
        return self.groups_to_review / self.items if self.items else 0.0


def summarise(actor: Actor, operation: Operation) -> MediaSummary:
    items = media_items(actor, operation)
    total = items.count()
    known_count = known(items).count()
    return MediaSummary(
        items=total,
        images=items.filter(kind=MediaKind.IMAGE).count(),
        videos=items.filter(kind=MediaKind.VIDEO).count(),
        errors=items.exclude(error="").count(),
        known=known_count,
        new=total - known_count,
        matches=Match.objects.filter(media__in=items).count(),
        groups_to_review=MediaGroup.objects.filter(operation=operation, members__in=items).distinct().count(),
    )


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
