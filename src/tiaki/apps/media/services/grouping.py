"""Near-duplicate groups of new media: graded once, the grade offered to the rest."""

from __future__ import annotations

from typing import Any

from tiaki.apps.media.models import MediaGroup, MediaItem
from tiaki.apps.media.queries import known, new
from tiaki.apps.operations.models import Operation
from tiaki.engines.grouping import group_near_duplicates
from tiaki.engines.hashindex import PdqIndex
from tiaki.engines.pdq import MATCH_THRESHOLD, MIN_QUALITY
from tiaki.engines.video import compare, from_dict

BATCH = 5000


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


def group_new(operation: Operation) -> int:
    """Group the media no list knows into near-duplicate groups (pictures by PDQ distance, videos by
    frame matching); returns the number of groups."""
    items = list(
        new(MediaItem.objects.filter(operation=operation))
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
    known(MediaItem.objects.filter(operation=operation, group__isnull=False)).update(group=None)
    return len(wanted)
