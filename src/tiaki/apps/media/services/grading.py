"""A reviewer's grade of one item, offered to its near-duplicates."""

from __future__ import annotations

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.choices import GradeSource
from tiaki.apps.media.models import Grade, MediaItem
from tiaki.apps.media.queries import find_item
from tiaki.apps.operations.models import Operation
from tiaki.errors import Invalid
from tiaki.formats.hashlist import category_for

BATCH = 5000


def grade_item(
    operation: Operation, media_key: str, *, profile: str, category: str, actor: Actor, description: str = ""
) -> int:
    """A reviewer's grade for one item; the same grade is offered ("suggested") to every other member
    of its near-duplicate group that no list and no reviewer has graded. Returns how many items were
    offered the grade. Grading never changes whether an item is known (see ``queries.known``)."""
    actor.require(Permission.GRADE)
    try:
        meaning = category_for(profile, category)
    except (KeyError, ValueError) as exc:
        raise Invalid(str(exc).strip("'\"")) from None
    if meaning is None:
        raise Invalid("a grade needs a category")
    target = find_item(actor, operation, media_key)
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
            defaults={
                **fields,
                "source": GradeSource.REVIEWER,
                "description": description or "graded by a reviewer",
            },
        )
        offered = 0
        if target.group_id is not None:
            for member in MediaItem.objects.filter(group_id=target.group_id).exclude(pk=target.pk):
                current = Grade.objects.filter(media=member).first()
                if current is None or current.source == GradeSource.SUGGESTED:
                    Grade.objects.update_or_create(
                        media=member,
                        defaults={
                            **fields,
                            "source": GradeSource.SUGGESTED,
                            "description": f"offered from near-duplicate {target.key[:16]}",
                        },
                    )
                    offered += 1
        record(
            "media.grade",
            actor=actor,
            operation=operation.name,
            target=target.key,
            details={"profile": profile, "category": meaning.code, "offered_to": offered},
        )
    return offered
