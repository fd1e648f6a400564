"""Importing known-material hash lists, with where they came from."""

from __future__ import annotations

import hashlib
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
from tiaki.formats.hashlist import ListEntry, fingerprint_line, fingerprint_of
from tiaki.formats.hashlist_any import read_any_hashlist
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
    hash_type: str | None = None  # md5, sha1 or sha256: what a plain list of digests holds when unclear


def _entries_of(path: Path, info: ListInfo) -> tuple[str, str, Iterator[ListEntry]]:
    """(profile, file format, entries) of a list file in any format tiaki reads; a UTF-8 VICS JSON
    file is streamed (lists of millions of entries), every other format is read whole."""
    if path.is_file() and path.suffix.lower() == ".json" and _utf8_json(path):
        header, entries = iter_vics(path, profile=info.profile)
        return header.profile, f"vics-{header.version or 'json'}", entries
    parsed, file_format = read_any_hashlist(path, profile=info.profile, hash_type=info.hash_type)
    return parsed.profile, file_format, iter(parsed.entries)


def _store(path: Path) -> str:
    """Keep the list's file (or, for a folder of vPDQ files, every file in it) in the evidence store;
    the SHA-256 of the file, or of the folder's names and SHA-256s."""
    if not path.is_dir():
        return evidence.store(path).sha256
    lines = []
    for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink()):
        lines.append(f"{file.relative_to(path).as_posix()}\t{evidence.store(file).sha256}")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _utf8_json(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(4)
    return not head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in head


class _Duplicate(Exception):
    def __init__(self, existing: HashList):
        self.existing = existing


def import_hashlist(
    path: Path, *, actor: Actor, info: ListInfo | None = None, progress: Progress | None = None
) -> HashListResult:
    """Import a known-material list in any format tiaki reads (``formats/hashlist_any.py``), in batches
    inside one transaction: a bad entry anywhere leaves the database as it was. The same file again
    changes nothing; the same list in another file, format or order (the same fingerprint) is not
    imported twice either."""
    actor.require(Permission.INGEST)
    info = info or ListInfo()
    progress = progress or NullProgress()
    name = info.name or path.name.split(".")[0]
    sha256 = _store(path)  # kept as evidence whatever follows; digested in the same read
    existing = HashList.objects.filter(name=name).first()
    if existing is not None:
        if existing.file_sha256 != sha256:
            raise Conflict(
                f"{path}: a different list named '{name}' is already imported; choose another --name"
            )
        return HashListResult(existing.name, False, existing.entry_count, existing.profile)
    profile, file_format, entries = _entries_of(path, info)
    progress.start(f"importing {name}", None)
    lines: list[str] = []
    try:
        return _import(path, name, profile, file_format, entries, lines, sha256, info, actor, progress)
    except _Duplicate as duplicate:
        same = duplicate.existing
        return HashListResult(same.name, False, same.entry_count, same.profile)


def _import(
    path: Path,
    name: str,
    profile: str,
    file_format: str,
    entries: Iterator[ListEntry],
    lines: list[str],
    sha256: str,
    info: ListInfo,
    actor: Actor,
    progress: Progress,
) -> HashListResult:
    with transaction.atomic():
        hash_list = HashList.objects.create(
            name=name,
            profile=profile,
            source=info.source or path.name,
            version=info.version or "",
            published=info.published,
            licence=info.licence or "",
            file_sha256=sha256,
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
            "classification",
            "kind",
            "video_frames",
            "status",
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
                        e.classification or "",
                        e.kind or ("video" if e.video_frames else ""),
                        [[f.frame, f.pdq, f.quality, f.timestamp] for f in e.video_frames]
                        if e.video_frames
                        else None,
                        e.status or "",
                    )
                    for e in _checked(path, batch, lines)
                ],
            )
            progress.advance(len(batch))
        hash_list.entry_count = count
        hash_list.fingerprint = fingerprint_of(lines)
        same = HashList.objects.filter(fingerprint=hash_list.fingerprint).exclude(pk=hash_list.pk).first()
        if same is not None:
            raise _Duplicate(same)  # rolls this import back
        hash_list.save(update_fields=["entry_count", "fingerprint"])
        list_index(hash_list)  # built and saved now, so matching loads it instead of rebuilding
        record(
            "media.hashlist-import",
            actor=actor,
            target=name,
            details={
                "path": str(path),
                "sha256": sha256,
                "fingerprint": hash_list.fingerprint,
                "profile": profile,
                "format": file_format,
                "entries": count,
            },
        )
    return HashListResult(name, True, count, profile)


def _checked(path: Path, batch: list[ListEntry], lines: list[str]) -> list[ListEntry]:
    """The entries of ``batch``, each checked (:func:`_fits`) and its fingerprint line kept."""
    for entry in batch:
        _fits(path, entry)
        lines.append(fingerprint_line(entry))
    return batch


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
