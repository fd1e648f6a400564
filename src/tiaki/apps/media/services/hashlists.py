"""Importing known-material hash lists, with where they came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core import evidence
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.bulk import insert_rows
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.indexes import chunks, list_index
from tiaki.apps.media.models import HashEntry, HashList
from tiaki.engines.progress import NullProgress, Progress
from tiaki.errors import Conflict, Invalid
from tiaki.formats.hashlist import ListEntry
from tiaki.formats.hashlist_csv import read_hashlist_csv
from tiaki.formats.vics import iter_vics

BATCH = 5000


@dataclass
class HashListResult:
    name: str
    created: bool
    entries: int
    profile: str


@dataclass(frozen=True)
class ListInfo:
    """What an operator knows about a list that the file may not say."""

    name: str | None = None
    profile: str | None = None
    source: str | None = None
    version: str | None = None
    published: date | None = None
    licence: str | None = None


def _entries_of(path: Path, info: ListInfo) -> tuple[str, str, Iterator[ListEntry]]:
    """(profile, file format, entries) of a list file, entries streamed where the format allows."""
    if path.suffix.lower() == ".json":
        header, entries = iter_vics(path, profile=info.profile)
        return header.profile, f"vics-{header.version or 'json'}", entries
    parsed = read_hashlist_csv(path, profile=info.profile)
    return parsed.profile, "csv", iter(parsed.entries)


def import_hashlist(
    path: Path, *, actor: Actor, info: ListInfo | None = None, progress: Progress | None = None
) -> HashListResult:
    """Import a VICS JSON or hash-list CSV file, streaming it in batches inside one transaction: a
    bad entry anywhere leaves the database as it was. The same file imported again changes nothing."""
    actor.require(Permission.INGEST)
    info = info or ListInfo()
    progress = progress or NullProgress()
    name = info.name or path.name.split(".")[0]
    digests = evidence.store(path)  # kept as evidence whatever follows; digested in the same read
    existing = HashList.objects.filter(name=name).first()
    if existing is not None:
        if existing.file_sha256 != digests.sha256:
            raise Conflict(
                f"{path}: a different list named '{name}' is already imported; choose another --name"
            )
        return HashListResult(existing.name, False, existing.entry_count, existing.profile)
    profile, file_format, entries = _entries_of(path, info)
    progress.start(f"importing {name}", None)
    with transaction.atomic():
        hash_list = HashList.objects.create(
            name=name,
            profile=profile,
            source=info.source or path.name,
            version=info.version or "",
            published=info.published,
            licence=info.licence or "",
            file_sha256=digests.sha256,
            file_format=file_format,
        )
        count = 0
        columns = (
            "hash_list_id",
            "entry_id",
            "md5",
            "sha1",
            "sha256",
            "pdq",
            "photodna",
            "category",
            "series",
            "victim_identified",
            "is_distributed",
            "comments",
        )
        for batch in chunks(entries, BATCH):
            count += insert_rows(
                HashEntry,
                columns,
                [
                    (
                        hash_list.pk,
                        e.entry_id,
                        e.md5 or "",
                        e.sha1 or "",
                        e.sha256 or "",
                        e.pdq or "",
                        e.photodna or "",
                        e.category or "",
                        e.series or "",
                        e.victim_identified,
                        e.is_distributed,
                        e.comments or "",
                    )
                    for e in batch
                    if _fits(path, e)
                ],
            )
            progress.advance(len(batch))
        hash_list.entry_count = count
        hash_list.save(update_fields=["entry_count"])
        list_index(hash_list)  # built and saved now, so matching loads it instead of rebuilding
        record(
            "media.hashlist-import",
            actor=actor,
            target=name,
            details={
                "path": str(path),
                "sha256": digests.sha256,
                "profile": profile,
                "format": file_format,
                "entries": count,
            },
        )
    return HashListResult(name, True, count, profile)


_LIMITS = {"entry_id": 100, "category": 20, "series": 200}


def _fits(path: Path, entry: ListEntry) -> bool:
    """Check an entry against what every database can hold, so that SQLite and PostgreSQL accept and
    refuse the same lists: :class:`Invalid` names the entry and the field."""
    for field, limit in _LIMITS.items():
        value = getattr(entry, field) or ""
        if len(value) > limit:
            raise Invalid(f"{path}: entry '{entry.entry_id[:40]}': {field} is longer than {limit} characters")
    for field in ("entry_id", "category", "series", "comments", "photodna"):
        if "\x00" in (getattr(entry, field) or ""):
            raise Invalid(f"{path}: entry '{entry.entry_id[:40]}': {field} holds a NUL character")
    return True
