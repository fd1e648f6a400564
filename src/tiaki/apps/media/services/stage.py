"""The media stage: every upload linked to its item, every stored item examined and hashed, then
matched, graded from lists and grouped. Each step only does what is not done yet."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from django.db import transaction
from django.db.models import F

from tiaki.apps.audit.services.log import record
from tiaki.apps.core import evidence
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import Upload
from tiaki.apps.media.models import Match, MediaItem, MediaUpload
from tiaki.apps.media.queries import MediaSummary, summarise
from tiaki.apps.media.services.grouping import group_new
from tiaki.apps.media.services.matching import find_matches, grade_from_lists
from tiaki.apps.operations.models import Operation
from tiaki.engines.media import Examined, examine, sniff
from tiaki.engines.pdq import PIPELINE_VERSION
from tiaki.engines.progress import NullProgress, Progress

BATCH = 5000


def run_media(operation: Operation, *, actor: Actor, progress: Progress | None = None) -> MediaSummary:
    """The media stage. Each step only does what is not done yet, so a re-run changes nothing."""
    actor.require(Permission.RUN)
    progress = progress or NullProgress()
    with transaction.atomic():
        created = _link_uploads(operation)
    _examine_all(operation, progress)
    # Searching the lists (and decoding unmatched pictures again for their turned variants) happens
    # before the write transaction, so the case database's write lock is held only for the writes.
    found = find_matches(operation, progress)
    with transaction.atomic():
        Match.objects.bulk_create(found, batch_size=BATCH, ignore_conflicts=True)
        grade_from_lists(operation)
        group_new(operation)
        summary = summarise(actor, operation)
        record(
            "stage.media",
            actor=actor,
            operation=operation.name,
            details={"new_items": created, **summary.__dict__},
        )
    return summary


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
    for existing in items.values():
        for value in (existing.sha256, existing.sha1, existing.md5):
            if value:
                by_digest[value] = existing
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


CHUNK = 256  # items examined, then written, at a time: a stopped stage resumes after the last chunk


def _examine_all(operation: Operation, progress: Progress) -> None:
    """Sniff and PDQ-hash every stored item not yet examined, in worker processes. Results are written
    a chunk at a time, so a stage stopped half-way resumes where it stopped; a worker that dies (out of
    memory, a crash in a decoder) costs only the file it was examining, recorded with the reason."""
    todo = list(
        MediaItem.objects.filter(operation=operation, stored__isnull=False, kind="")
        .order_by("pk")
        .values_list("pk", "sha256")
    )
    progress.start("hashing media", len(todo))
    workers = min(os.cpu_count() or 1, max(1, len(todo) // 50))
    for start in range(0, len(todo), CHUNK):
        chunk = todo[start : start + CHUNK]
        results = examine_in_workers([str(evidence.path_for(sha)) for _, sha in chunk], workers, progress)
        MediaItem.objects.bulk_update(
            [
                MediaItem(
                    pk=pk,
                    kind=r.kind,
                    pdq=r.pdq or "",
                    pdq_quality=r.quality,
                    pdq_source=PIPELINE_VERSION if r.pdq else "",
                    pdq_stored=r.pdq_stored or "",
                    video_hash=r.video,
                    error=r.error or "",
                )
                for (pk, _), r in zip(chunk, results, strict=True)
            ],
            ["kind", "pdq", "pdq_quality", "pdq_source", "pdq_stored", "video_hash", "error"],
            batch_size=BATCH,
        )


def examine_in_workers(paths: list[str], workers: int, progress: Progress) -> list[Examined]:
    """``examine`` each path in a pool of worker processes. When a worker dies, the files whose results
    were lost are examined again one at a time, each in a process of its own; a file that kills that
    process too is recorded as such."""
    results: dict[int, Examined] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(examine, path): i for i, path in enumerate(paths)}
        for future in as_completed(futures):
            try:
                results[futures[future]] = future.result()
                progress.advance()
            except BrokenProcessPool:
                pass
    for i in (i for i in range(len(paths)) if i not in results):
        with ProcessPoolExecutor(max_workers=1) as alone:
            try:
                results[i] = alone.submit(examine, paths[i]).result()
            except BrokenProcessPool:
                results[i] = _died(paths[i])
        progress.advance()
    return [results[i] for i in range(len(paths))]


def _died(path: str) -> Examined:
    with open(path, "rb") as fh:
        kind, _ = sniff(fh.read(64))
    reason = "not hashed: the process examining this file died (out of memory, or a crash in a decoder)"
    return Examined(kind if kind in ("image", "video") else "other", error=reason)
