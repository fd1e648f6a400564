"""Media: known-material lists, and the media stage (link uploads to items, hash, match, grade)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import F

from tiaki.apps.audit import services as audit
from tiaki.apps.bulk import insert_rows
from tiaki.apps.intake import evidence
from tiaki.apps.intake.models import Operation, Upload
from tiaki.apps.media.models import Grade, HashEntry, HashList, Match, MediaGroup, MediaItem, MediaUpload
from tiaki.engines.grouping import group_near_duplicates
from tiaki.engines.hashindex import PdqIndex, to_words
from tiaki.engines.media import Examined, examine
from tiaki.engines.pdq import MATCH_THRESHOLD, MIN_QUALITY, PIPELINE_VERSION
from tiaki.engines.progress import NullProgress, Progress
from tiaki.engines.video import compare, from_dict
from tiaki.formats.hashlist import HashEntry as FormatEntry
from tiaki.formats.hashlist import category_for
from tiaki.formats.hashlist_csv import read_hashlist_csv
from tiaki.formats.vics import iter_vics

BATCH = 5000


class HashListConflict(Exception):
    pass


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


def _entries_of(path: Path, info: ListInfo) -> tuple[str, str, Iterator[FormatEntry]]:
    """(profile, file format, entries) of a list file, entries streamed where the format allows."""
    if path.suffix.lower() == ".json":
        header, entries = iter_vics(path, profile=info.profile)
        return header.profile, f"vics-{header.version or 'json'}", entries
    parsed = read_hashlist_csv(path, profile=info.profile)
    return parsed.profile, "csv", iter(parsed.entries)


def import_hashlist(
    path: Path, *, actor: str, info: ListInfo | None = None, progress: Progress | None = None
) -> HashListResult:
    """Import a VICS JSON or hash-list CSV file, streaming it in batches inside one transaction: a
    bad entry anywhere leaves the database as it was. The same file imported again changes nothing."""
    info = info or ListInfo()
    progress = progress or NullProgress()
    name = info.name or path.name.split(".")[0]
    digests = evidence.store(path)  # kept as evidence whatever follows; digested in the same read
    existing = HashList.objects.filter(name=name).first()
    if existing is not None:
        if existing.file_sha256 != digests.sha256:
            raise HashListConflict(
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
        for batch in _chunks(entries, BATCH):
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
                ],
            )
            progress.advance(len(batch))
        hash_list.entry_count = count
        hash_list.save(update_fields=["entry_count"])
        list_index(hash_list)  # built and saved now, so matching loads it instead of rebuilding
        audit.record(
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


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _index_folder(hash_list: HashList) -> Path:
    return Path(settings.DATA_DIR) / "indexes" / f"hashlist-{hash_list.pk}-{hash_list.file_sha256[:16]}"


def list_index(hash_list: HashList) -> tuple[PdqIndex, np.ndarray]:
    """The list's PDQ index and the entry id at each indexed position: loaded (memory-mapped) from the
    data directory, or built from the database and saved there the first time."""
    folder = _index_folder(hash_list)
    if (folder / "entries.npy").is_file():
        return PdqIndex.load(folder, mmap=True), np.load(folder / "entries.npy", mmap_mode="r")
    with_pdq = HashEntry.objects.filter(hash_list=hash_list).exclude(pdq="").order_by("pk")
    n = with_pdq.count()
    words = np.zeros((n, 4), dtype=np.uint64)
    entries = np.zeros(n, dtype=np.int64)
    # Streamed in chunks into preallocated arrays: memory grows with the index, not with Python rows.
    row = 0
    for chunk in _chunks(with_pdq.values_list("pk", "pdq").iterator(chunk_size=BATCH), BATCH):
        words[row : row + len(chunk)] = to_words([pdq for _, pdq in chunk])
        entries[row : row + len(chunk)] = [pk for pk, _ in chunk]
        row += len(chunk)
    index = PdqIndex(words)
    index.save(folder)
    np.save(folder / "entries.npy", entries)
    return index, entries


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


def _link_uploads(operation: Operation) -> int:
    """Give every upload its media item: one item per distinct file, found by any digest. Uploads that
    supplied the file come first, so that uploads known only by a digest join the file's item."""
    uploads = list(
        Upload.objects.filter(disclosure__operation=operation, media_link__isnull=True)
        .order_by(F("stored_id").asc(nulls_last=True), "pk")
        .values_list(
            "pk",
            "stored_id",
            "stored__sha256",
            "stored__sha1",
            "stored__md5",
            "stored__size",
            "md5",
            "sha1",
            "sha256",
            "pdq",
        )
    )
    if not uploads:
        return 0
    items = {m.key: m for m in MediaItem.objects.filter(operation=operation)}
    by_digest: dict[str, MediaItem] = {}
    for item in items.values():
        for value in (item.sha256, item.sha1, item.md5):
            if value:
                by_digest[value] = item
    new_items: dict[str, MediaItem] = {}
    changed: dict[int, MediaItem] = {}
    links: list[tuple[int, str]] = []
    for pk, stored_id, s256, s1, m5, size, md5, sha1, sha256, pdq in uploads:
        if stored_id is not None:
            item = by_digest.get(s256) or next(
                (by_digest[v] for v in (s1, m5) if v in by_digest and by_digest[v].stored_id is None), None
            )
            if item is not None and item.stored_id is None:
                # An item known only by its digests (from an earlier disclosure) now has its file.
                item.stored_id, item.sha256, item.sha1, item.md5, item.size = stored_id, s256, s1, m5, size
                item.pdq, item.pdq_source = "", ""
                if item.pk is not None:
                    changed[item.pk] = item
            if item is None:
                item = MediaItem(
                    operation=operation,
                    key=s256,
                    stored_id=stored_id,
                    sha256=s256,
                    sha1=s1,
                    md5=m5,
                    size=size,
                )
        else:
            item = next((by_digest[v] for v in (sha256, sha1, md5) if v and v in by_digest), None)
            if item is None:
                key = sha256 or (f"sha1:{sha1}" if sha1 else f"md5:{md5}")
                item = MediaItem(operation=operation, key=key, sha256=sha256, sha1=sha1, md5=md5)
            if item.pk is None:  # a digest-only item learns every digest its uploads carry
                item.sha256, item.sha1, item.md5 = item.sha256 or sha256, item.sha1 or sha1, item.md5 or md5
        if pdq and not item.pdq and item.stored_id is None:
            item.pdq, item.pdq_source = pdq, "provider"
            if item.pk is not None:
                changed[item.pk] = item
        for value in (item.sha256, item.sha1, item.md5):
            if value:
                by_digest[value] = item
        if item.pk is None:
            new_items[item.key] = item
        links.append((pk, item.key))
    MediaItem.objects.bulk_create(list(new_items.values()), batch_size=BATCH)
    MediaItem.objects.bulk_update(
        list(changed.values()),
        ["stored_id", "sha256", "sha1", "md5", "size", "pdq", "pdq_source"],
        batch_size=BATCH,
    )
    key_pk = dict(MediaItem.objects.filter(operation=operation).values_list("key", "pk"))
    MediaUpload.objects.bulk_create(
        [MediaUpload(upload_id=pk, media_id=key_pk[key]) for pk, key in links], batch_size=BATCH
    )
    return len(new_items)


def _examine_all(operation: Operation, progress: Progress) -> None:
    """Sniff and PDQ-hash every stored item not yet examined, on all cores."""
    todo = list(
        MediaItem.objects.filter(operation=operation, stored__isnull=False, kind="")
        .order_by("pk")
        .values_list("pk", "sha256")
    )
    progress.start("hashing media", len(todo))
    if not todo:
        return
    paths = [str(evidence.path_for(sha)) for _, sha in todo]
    workers = min(os.cpu_count() or 1, max(1, len(paths) // 50))
    results: list[Examined] = []
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(examine, paths, chunksize=16):
                results.append(result)
                progress.advance()
    else:
        for path in paths:
            results.append(examine(path))
            progress.advance()
    updated = []
    for (pk, _), r in zip(todo, results, strict=True):
        updated.append(
            MediaItem(
                pk=pk,
                kind=r.kind,
                pdq=r.pdq or "",
                pdq_quality=r.quality,
                pdq_source=PIPELINE_VERSION if r.pdq else "",
                video_hash=r.video,
                error=r.error or "",
            )
        )
    MediaItem.objects.bulk_update(
        updated, ["kind", "pdq", "pdq_quality", "pdq_source", "video_hash", "error"], batch_size=BATCH
    )


def _match(operation: Operation, progress: Progress) -> None:
    items = list(
        MediaItem.objects.filter(operation=operation).values_list(
            "pk", "md5", "sha1", "sha256", "pdq", "pdq_quality"
        )
    )
    progress.start("matching known material", len(items))
    found: list[Match] = []
    for method, column in (("md5", 1), ("sha1", 2), ("sha256", 3)):
        by_value = {row[column]: row[0] for row in items if row[column]}
        values = list(by_value)
        for start in range(0, len(values), 900):
            chunk = values[start : start + 900]
            for entry_pk, value in HashEntry.objects.filter(**{f"{method}__in": chunk}).values_list(
                "pk", method
            ):
                found.append(Match(media_id=by_value[value], entry_id=entry_pk, method=method, distance=0))
    queries = [
        (pk, pdq)
        for pk, _, _, _, pdq, quality in items
        if pdq and (quality is None or quality >= MIN_QUALITY)
    ]
    if queries:
        for hash_list in HashList.objects.order_by("pk"):
            index, entries = list_index(hash_list)
            if not len(index):
                continue
            for qi, position, distance in index.search([pdq for _, pdq in queries], MATCH_THRESHOLD):
                found.append(
                    Match(
                        media_id=queries[qi][0],
                        entry_id=int(entries[position]),
                        method="pdq",
                        distance=distance,
                    )
                )
    Match.objects.bulk_create(found, batch_size=BATCH, ignore_conflicts=True)
    progress.advance(len(items))


def _grade(operation: Operation) -> None:
    """Known material takes the category of its best match: exact before perceptual, then the closest,
    then the most severe."""
    best: dict[int, tuple[tuple[int, int, int], Match]] = {}
    matches = Match.objects.filter(media__operation=operation).select_related("entry__hash_list")
    for m in matches:
        category = category_for(m.entry.hash_list.profile, m.entry.category or None)
        severity = category.severity if category else 0
        rank = (0 if m.method != "pdq" else 1, m.distance, -severity)
        if m.media_id not in best or rank < best[m.media_id][0]:
            best[m.media_id] = (rank, m)
    existing = {g.media_id: g for g in Grade.objects.filter(media__operation=operation)}
    to_create, to_update = [], []
    for media_id, (_, m) in best.items():
        hl = m.entry.hash_list
        category = category_for(hl.profile, m.entry.category or None)
        how = "exact " + m.method if m.method != "pdq" else f"PDQ distance {m.distance}"
        fields = dict(
            source="hashlist",
            profile=hl.profile,
            category=m.entry.category or "",
            label=category.label if category else "uncategorised",
            severity=category.severity if category else 0,
            series=m.entry.series,
            basis_id=m.pk,
            description=f"known material: list '{hl.name}' entry {m.entry.entry_id} ({how})",
        )
        grade = existing.get(media_id)
        if grade is None:
            to_create.append(Grade(media_id=media_id, **fields))
        elif grade.source != "reviewer" and any(getattr(grade, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(grade, k, v)
            to_update.append(grade)
    Grade.objects.bulk_create(to_create, batch_size=BATCH)
    Grade.objects.bulk_update(
        to_update,
        ["source", "profile", "category", "label", "severity", "series", "basis_id", "description"],
        batch_size=BATCH,
    )


def _video_pairs(videos: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, int]]:
    """Pairs of (list positions of) videos that match in the vPDQ manner. Candidates come from one
    index over every frame, so only videos sharing at least one near frame are compared."""
    hashes = [(pos, from_dict(data)) for pos, data in videos]
    frames = [(n, f.pdq) for n, (_, h) in enumerate(hashes) for f in h.frames if f.quality >= MIN_QUALITY]
    if not frames:
        return []
    owner = [n for n, _ in frames]
    candidates = {
        (min(owner[q], owner[e]), max(owner[q], owner[e]))
        for q, e, _ in PdqIndex([h for _, h in frames]).search([h for _, h in frames], MATCH_THRESHOLD)
        if owner[q] != owner[e]
    }
    return [
        (hashes[a][0], hashes[b][0])
        for a, b in sorted(candidates)
        if compare(hashes[a][1], hashes[b][1]).matched
    ]


def _group(operation: Operation) -> int:
    """Group the media no list knows into near-duplicate groups (pictures by PDQ distance, videos by
    frame matching); returns the number of groups."""
    items = list(
        MediaItem.objects.filter(operation=operation, matches__isnull=True)
        .order_by("key")
        .values_list("pk", "key", "pdq", "pdq_quality", "group__key", "video_hash")
    )
    hashes = [
        pdq if pdq and (quality is None or quality >= MIN_QUALITY) else None
        for _, _, pdq, quality, _, _ in items
    ]
    videos = [(pos, row[5]) for pos, row in enumerate(items) if row[5]]
    labels = group_near_duplicates(hashes, extra_pairs=_video_pairs(videos)).tolist()
    wanted: dict[str, list[int]] = {}
    for (pk, *_), label in zip(items, labels, strict=True):
        wanted.setdefault(items[label][1], []).append(pk)
    groups = list(MediaGroup.objects.filter(operation=operation).values_list("key", "pk", "size"))
    existing = {key: pk for key, pk, _ in groups}
    sizes = {key: size for key, _, size in groups}
    MediaGroup.objects.filter(pk__in=[pk for key, pk in existing.items() if key not in wanted]).delete()
    created = MediaGroup.objects.bulk_create(
        [MediaGroup(operation=operation, key=k, size=len(m)) for k, m in wanted.items() if k not in existing],
        batch_size=BATCH,
    )
    group_pk = {**existing, **{g.key: g.pk for g in created}}
    for key, members in wanted.items():
        if key in existing and sizes[key] != len(members):
            MediaGroup.objects.filter(pk=group_pk[key]).update(size=len(members))
    current = {pk: old for pk, _, _, _, old, _ in items}
    changed = [
        MediaItem(pk=pk, group_id=group_pk[key])
        for key, members in wanted.items()
        for pk in members
        if current[pk] != key
    ]
    MediaItem.objects.bulk_update(changed, ["group_id"], batch_size=BATCH)
    # Items that became known leave their group.
    MediaItem.objects.filter(operation=operation, matches__isnull=False, group__isnull=False).update(
        group=None
    )
    return len(wanted)


def summarise(operation: Operation) -> MediaSummary:
    items = MediaItem.objects.filter(operation=operation)
    known = items.filter(matches__isnull=False).distinct().count()
    return MediaSummary(
        items=items.count(),
        images=items.filter(kind="image").count(),
        videos=items.filter(kind="video").count(),
        errors=items.exclude(error="").count(),
        known=known,
        new=items.count() - known,
        matches=Match.objects.filter(media__operation=operation).count(),
        groups_to_review=MediaGroup.objects.filter(operation=operation).count(),
    )


def run_media(operation: Operation, *, actor: str, progress: Progress | None = None) -> MediaSummary:
    """The media stage. Each step only does what is not done yet, so a re-run changes nothing."""
    progress = progress or NullProgress()
    with transaction.atomic():
        created = _link_uploads(operation)
    _examine_all(operation, progress)
    with transaction.atomic():
        _match(operation, progress)
        _grade(operation)
        _group(operation)
        summary = summarise(operation)
        audit.record(
            "stage.media",
            actor=actor,
            operation=operation.name,
            details={"new_items": created, **summary.__dict__},
        )
    return summary


class GradeError(Exception):
    pass


def grade_item(
    operation: Operation, media_key: str, *, profile: str, category: str, actor: str, description: str = ""
) -> int:
    """A reviewer's grade for one item; the same grade is offered ("suggested") to every other member
    of its near-duplicate group that no list and no reviewer has graded. Returns how many items were
    offered the grade."""
    try:
        meaning = category_for(profile, category)
    except (KeyError, ValueError) as exc:
        raise GradeError(str(exc)) from None
    if meaning is None:
        raise GradeError("a grade needs a category")
    item = MediaItem.objects.filter(operation=operation, key__startswith=media_key).order_by("key")
    found = list(item[:2])
    if len(found) != 1:
        raise GradeError(
            f"'{media_key}' matches {len(found) or 'no'} media items of '{operation.name}'"
            + (" (give more characters)" if found else "")
        )
    target = found[0]
    fields = dict(
        profile=profile,
        category=meaning.code,
        label=meaning.label,
        severity=meaning.severity,
        series="",
        basis=None,
    )
    with transaction.atomic():
        Grade.objects.update_or_create(
            media=target,
            defaults={**fields, "source": "reviewer", "description": description or "graded by a reviewer"},
        )
        offered = 0
        if target.group_id is not None:
            for member in MediaItem.objects.filter(group_id=target.group_id).exclude(pk=target.pk):
                current = Grade.objects.filter(media=member).first()
                if current is None or current.source == "suggested":
                    Grade.objects.update_or_create(
                        media=member,
                        defaults={
                            **fields,
                            "source": "suggested",
                            "description": f"offered from near-duplicate {target.key[:16]}",
                        },
                    )
                    offered += 1
        audit.record(
            "media.grade",
            actor=actor,
            operation=operation.name,
            target=target.key,
            details={"profile": profile, "category": meaning.code, "offered_to": offered},
        )
    return offered
