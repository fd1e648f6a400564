"""A reviewer's work on new media: content facts (graded once, every scheme derived), suggested grades
confirmed in bulk, the items the queue serves (counted for the reviewer's wellbeing), reveals and the
original bytes behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tiaki.apps.audit.services.log import record
from tiaki.apps.core import evidence
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.choices import ExposureKind, GradeSource
from tiaki.apps.media.models import Exposure, Grade, MediaItem, Reveal
from tiaki.apps.media.queries import (
    SEVERE,
    NextItem,
    active_reveal,
    allowance,
    find_item,
    is_known,
    item_severity,
    next_item,
)
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import run_settings
from tiaki.engines.grading import Facts, derive_all, severity
from tiaki.errors import Conflict, Forbidden, Invalid, NotFound


def _new_item(actor: Actor, operation: Operation, key: str) -> MediaItem:
    """An item a person may look at: never known material, whose grade comes from its list."""
    item = find_item(actor, operation, key)
    if MediaItem.objects.filter(pk=item.pk).filter(is_known()).exists():
        raise Conflict(f"{item.key[:16]} is known material: its grade comes from its list, nobody views it")
    return item


def offer_to_group(target: MediaItem, fields: dict[str, Any], note: str) -> int:
    """Offer ``fields`` as a suggested grade to every other member of the target's near-duplicate group
    that no list and no reviewer has graded; returns how many were offered."""
    if target.group_id is None:
        return 0
    offered = 0
    for member in MediaItem.objects.filter(group_id=target.group_id).exclude(pk=target.pk):
        current = Grade.objects.filter(media=member).first()
        if current is None or current.source == GradeSource.SUGGESTED:
            Grade.objects.update_or_create(
                media=member, defaults={**fields, "source": GradeSource.SUGGESTED, "description": note}
            )
            offered += 1
    return offered


def record_facts(
    operation: Operation, media_key: str, facts: Facts, *, actor: Actor, now: datetime | None = None
) -> int:
    """Grade one new item by its content facts. The grade is stored in the operation's scheme (every
    other scheme is derived on reading, ``queries.grade_in_scheme``) and offered ("suggested") to the
    rest of its near-duplicate group; the reviewers' exposure to the item is counted at its severity.
    Returns how many items were offered the grade. Known material is refused (:class:`Conflict`)."""
    actor.require(Permission.GRADE)
    target = _new_item(actor, operation, media_key)
    scheme = run_settings(operation).grading_scheme
    derived = derive_all(facts)
    category = derived[scheme]
    if category is None:  # the operation's schemes always give a category
        raise Invalid(f"the facts give no category in '{scheme}'")
    level = severity(facts)
    fields = dict(
        profile=scheme,
        category=category.code,
        label=category.label,
        severity=level,
        series="",
        basis=None,
        age_bands=sorted(facts.age_bands),
        depiction=facts.depiction,
        conduct=facts.conduct,
        self_generated=sorted(facts.self_generated),
        graded_by=actor.name,
        graded_at=now or timezone.now(),
    )
    with transaction.atomic():
        Grade.objects.update_or_create(
            media=target,
            defaults={**fields, "source": GradeSource.REVIEWER, "description": "graded from content facts"},
        )
        offered = offer_to_group(target, fields, f"offered from near-duplicate {target.key[:16]}")
        Exposure.objects.filter(media=target).update(severity=level)
        record(
            "media.grade",
            actor=actor,
            operation=operation.name,
            target=target.key,
            details={
                "facts": facts.as_dict(),
                "derived": {s: (c.code if c else None) for s, c in derived.items()},
                "offered_to": offered,
            },
        )
    return offered


def confirm_suggested(operation: Operation, media_keys: list[str], *, actor: Actor) -> int:
    """Confirm suggested grades without opening the items: each becomes the actor's own grade.
    Items whose grade is not (or no longer) a suggestion are refused by name, nothing confirmed."""
    actor.require(Permission.GRADE)
    if not media_keys:
        raise Invalid("tick the grades to confirm")
    items = [find_item(actor, operation, key) for key in media_keys]
    grades = {g.media_id: g for g in Grade.objects.filter(media__in=items)}
    for item in items:
        found = grades.get(item.pk)
        if found is None or found.source != GradeSource.SUGGESTED:
            raise Conflict(f"{item.key[:16]} has no suggested grade to confirm")
    now = timezone.now()
    with transaction.atomic():
        Grade.objects.filter(pk__in=[g.pk for g in grades.values()]).update(
            source=GradeSource.REVIEWER, graded_by=actor.name, graded_at=now
        )
        record(
            "media.grades-confirmed",
            actor=actor,
            operation=operation.name,
            target=f"{len(items)} item(s)",
            details={"items": [i.key for i in items]},
        )
    return len(items)


def _refuse_over_budget(
    operation: Operation, actor: Actor, item: MediaItem, level: int, now: datetime
) -> None:
    if level < SEVERE:
        return
    seen = Exposure.objects.filter(operation=operation, reviewer=actor.name, media=item).exists()
    if not seen and allowance(operation, actor.name, now).reached:
        raise Forbidden(
            "you have reached your budget of severe items for now: take a break; the item goes to "
            "another reviewer"
        )


def serve_next(operation: Operation, *, actor: Actor, now: datetime | None = None) -> NextItem:
    """What the queue serves the actor next (``queries.next_item``), counted as viewed."""
    moment = now or timezone.now()
    served = next_item(actor, operation, moment)
    if served.entry is not None:
        view_item(operation, served.entry.item.key, actor=actor, now=moment)
    return served


def view_item(
    operation: Operation, media_key: str, *, actor: Actor, now: datetime | None = None
) -> MediaItem:
    """The actor opens a new item (its blurred derivative): counted towards their exposure and
    audited. A severe item the actor has not seen is refused once their budget is reached."""
    actor.require(Permission.GRADE)
    moment = now or timezone.now()
    item = _new_item(actor, operation, media_key)
    level = item_severity(item)
    _refuse_over_budget(operation, actor, item, level, moment)
    with transaction.atomic():
        Exposure.objects.create(
            operation=operation,
            media=item,
            reviewer=actor.name,
            event=ExposureKind.VIEWED,
            severity=level,
            kind=item.kind,
            at=moment,
        )
        record(
            "media.viewed", actor=actor, operation=operation.name, target=item.key, details={"blurred": True}
        )
    return item


def reveal_seconds() -> int:
    return int(getattr(settings, "REVEAL_SECONDS", 20))


def reveal(
    operation: Operation, media_key: str, reason: str, *, actor: Actor, now: datetime | None = None
) -> Reveal:
    """A deliberate reveal of one new item, with a reason, for ``settings.REVEAL_SECONDS``: audited
    and counted. The original bytes are served only while the window is open (:func:`original`)."""
    actor.require(Permission.GRADE)
    reason = reason.strip()
    if not reason:
        raise Invalid("reason: say why the item must be seen unblurred")
    moment = now or timezone.now()
    item = _new_item(actor, operation, media_key)
    level = item_severity(item)
    _refuse_over_budget(operation, actor, item, level, moment)
    with transaction.atomic():
        made = Reveal.objects.create(
            media=item,
            reviewer=actor.name,
            reason=reason[:2000],
            started_at=moment,
            expires_at=moment + timedelta(seconds=reveal_seconds()),
        )
        Exposure.objects.create(
            operation=operation,
            media=item,
            reviewer=actor.name,
            event=ExposureKind.REVEALED,
            severity=level,
            kind=item.kind,
            at=moment,
        )
        record(
            "media.revealed",
            actor=actor,
            operation=operation.name,
            target=item.key,
            details={"reason": made.reason, "seconds": reveal_seconds()},
        )
    return made


@dataclass(frozen=True)
class Original:
    path: Path
    kind: str


def original(operation: Operation, media_key: str, *, actor: Actor, now: datetime | None = None) -> Original:
    """The evidence file behind a new item, for the actor's open reveal only: audited each time."""
    actor.require(Permission.GRADE)
    moment = now or timezone.now()
    item = _new_item(actor, operation, media_key)
    if active_reveal(actor, item, moment) is None:
        raise Forbidden("the item is not revealed to you now: reveal it, with a reason, first")
    if not item.sha256 or not evidence.path_for(item.sha256).is_file():
        raise NotFound(f"{item.key[:16]}: the evidence file is not in the store")
    record("media.original-served", actor=actor, operation=operation.name, target=item.key)
    return Original(evidence.path_for(item.sha256), item.kind)
