"""Matching media against every list, and the grades lists give to known material."""

from __future__ import annotations

from typing import Any

from tiaki.apps.core import evidence
from tiaki.apps.media.choices import GradeSource
from tiaki.apps.media.indexes import list_index
from tiaki.apps.media.models import Grade, HashEntry, HashList, Match, MediaItem
from tiaki.apps.operations.models import Operation
from tiaki.engines.hashindex import PdqIndex
from tiaki.engines.pdq import MATCH_THRESHOLD, MIN_QUALITY, pdq_file_dihedral
from tiaki.engines.progress import Progress
from tiaki.engines.video import compare_query, from_dict, from_vpdq_frames
from tiaki.formats.hashlist import VpdqFrame, category_for

BATCH = 5000


def find_matches(operation: Operation, progress: Progress) -> list[Match]:
    """The matches of every item against every list (the caller writes them): exact digests; PDQ
    within the match threshold, for a photo both as shown upright and as stored (other tools hash the
    stored pixels); videos against listed vPDQ hashes by Meta's rule (the share of the item's own
    frames found in the listed video); and pictures no list matched, turned and mirrored. Entries a
    list marks as new (listed, not graded) are never matched: they are not known material."""
    items: list[Any] = list(
        MediaItem.objects.filter(operation=operation).values_list(
            "pk", "md5", "sha1", "sha256", "pdq", "pdq_quality", "pdq_stored", "video_hash", named=True
        )
    )
    progress.start("matching known material", len(items))
    known_entries = HashEntry.objects.exclude(status="new")
    found: list[Match] = []
    for method in ("md5", "sha1", "sha256"):
        by_value = {getattr(row, method): row.pk for row in items if getattr(row, method)}
        values = list(by_value)
        for start in range(0, len(values), 900):
            chunk = values[start : start + 900]
            for entry_pk, value in known_entries.filter(**{f"{method}__in": chunk}).values_list("pk", method):
                found.append(Match(media_id=by_value[value], entry_id=entry_pk, method=method, distance=0))
    good = [row for row in items if row.pdq and (row.pdq_quality is None or row.pdq_quality >= MIN_QUALITY)]
    queries = [(row.pk, row.pdq) for row in good] + [
        (row.pk, row.pdq_stored) for row in good if row.pdq_stored
    ]
    found += _search_lists(queries, "pdq")
    found += _video_matches([(row.pk, row.video_hash) for row in items if row.video_hash])
    matched = {m.media_id for m in found} | set(
        Match.objects.filter(media__operation=operation).values_list("media_id", flat=True)
    )
    found += _turned_matches([row.pk for row in good if row.pk not in matched])
    progress.advance(len(items))
    return found


def _turned_matches(unmatched: list[int]) -> list[Match]:
    """Pictures no list matched, searched again as turned and mirrored (the seven other dihedral
    variants of their hash): a copy rotated or flipped by hand matches its listed original. Only the
    unmatched pay for it, decoding their file again, so hashing every picture stays as fast as it was."""
    stored = dict(
        MediaItem.objects.filter(pk__in=unmatched, stored__isnull=False).values_list("pk", "sha256")
    )
    queries: list[tuple[int, str]] = []
    for pk, sha256 in stored.items():
        try:
            variants = pdq_file_dihedral(evidence.path_for(sha256))
        except (OSError, ValueError, SyntaxError):  # hashed once already: a second failure adds nothing
            continue
        queries += [(pk, v.hash) for v in variants[1:] if v.quality >= MIN_QUALITY]
    return _search_lists(queries, "pdq-turned")


def _search_lists(queries: list[tuple[int, str]], method: str) -> list[Match]:
    """Matches of (item, PDQ hash) ``queries`` within the threshold, in every list's index."""
    found: list[Match] = []
    if not queries:
        return found
    hashes = [pdq for _, pdq in queries]
    for hash_list in HashList.objects.order_by("pk"):
        index, entries = list_index(hash_list)
        if not len(index):
            continue
        for qi, position, distance in index.search(hashes, MATCH_THRESHOLD):
            found.append(
                Match(
                    media_id=queries[qi][0], entry_id=int(entries[position]), method=method, distance=distance
                )
            )
    return found


def _video_matches(videos: list[tuple[int, dict[str, Any]]]) -> list[Match]:
    """Items' videos against every listed video: candidates share a frame within the threshold, then
    Meta's rule decides on the share of the item's unique frames found in the listed video."""
    listed = list(
        HashEntry.objects.exclude(status="new")
        .filter(video_frames__isnull=False)
        .values_list("pk", "video_frames")
    )
    if not videos or not listed:
        return []
    hashes = {
        pk: from_vpdq_frames(VpdqFrame(int(n), int(q), str(h), float(t)) for n, h, q, t in frames or [])
        for pk, frames in listed
    }
    owner = [pk for pk, video in hashes.items() for _ in video.frames]
    index = PdqIndex([f.pdq for video in hashes.values() for f in video.frames])
    matches = []
    for media_pk, data in videos:
        query = from_dict(data)
        frames = [f.pdq for f in query.frames if f.quality >= MIN_QUALITY]
        if not frames:
            continue
        candidates = {owner[position] for _, position, _ in index.search(frames, MATCH_THRESHOLD)}
        for entry_pk in sorted(candidates):
            verdict = compare_query(query, hashes[entry_pk])
            if verdict.matched:
                distance = round(100 * (1 - verdict.query_share))  # 0: every frame of the item found
                matches.append(Match(media_id=media_pk, entry_id=entry_pk, method="vpdq", distance=distance))
    return matches


def grade_from_lists(operation: Operation) -> None:
    """Known material takes the category of its best match: exact before perceptual, then the closest,
    then the most severe."""
    best: dict[int, tuple[tuple[int, int, int], Match]] = {}
    matches = Match.objects.filter(media__operation=operation).select_related("entry__hash_list")
    for m in matches:
        category = category_for(m.entry.hash_list.profile, m.entry.category or None)
        severity = category.severity if category else 0
        rank = (0 if m.method not in ("pdq", "vpdq", "pdq-turned") else 1, m.distance, -severity)
        if m.media_id not in best or rank < best[m.media_id][0]:
            best[m.media_id] = (rank, m)
    existing = {g.media_id: g for g in Grade.objects.filter(media__operation=operation)}
    to_create, to_update = [], []
    for media_id, (_, m) in best.items():
        hl = m.entry.hash_list
        category = category_for(hl.profile, m.entry.category or None)
        how = {
            "pdq": f"PDQ distance {m.distance}",
            "vpdq": f"video frames, {100 - m.distance}% of the item's frames found",
            "pdq-turned": f"PDQ distance {m.distance}, turned or mirrored",
        }.get(m.method, "exact " + m.method)
        fields = dict(
            source=GradeSource.HASHLIST,
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
        elif grade.source != GradeSource.REVIEWER and any(getattr(grade, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(grade, k, v)
            to_update.append(grade)
    Grade.objects.bulk_create(to_create, batch_size=BATCH)
    Grade.objects.bulk_update(
        to_update,
        ["source", "profile", "category", "label", "severity", "series", "basis_id", "description"],
        batch_size=BATCH,
    )
