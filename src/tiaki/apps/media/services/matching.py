"""Matching media against every list, and the grades lists give to known material."""

from __future__ import annotations

from tiaki.apps.media.choices import GradeSource
from tiaki.apps.media.indexes import list_index
from tiaki.apps.media.models import Grade, HashEntry, HashList, Match, MediaItem
from tiaki.apps.operations.models import Operation
from tiaki.engines.pdq import MATCH_THRESHOLD, MIN_QUALITY
from tiaki.engines.progress import Progress
from tiaki.formats.hashlist import category_for

BATCH = 5000


def match_known(operation: Operation, progress: Progress) -> None:
    """Match every item against every list: exact digests, then PDQ within the match threshold."""
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


def grade_from_lists(operation: Operation) -> None:
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
