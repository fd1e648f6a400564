"""Structured descriptions, so that partners can act without viewing; four eyes before they leave.

The style rule (shown beside the form): neutral and factual; what could identify a place or a person,
not what is done; no gratuitous detail; at most :data:`SUMMARY_LIMIT` characters of free text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.choices import AgeBand, DescriptionStatus, Setting
from tiaki.apps.media.models import Description
from tiaki.apps.media.queries import find_item
from tiaki.apps.operations.models import Operation
from tiaki.errors import Conflict, Forbidden, Invalid, NotFound

SUMMARY_LIMIT = 500
TEXT_LIMIT = 1000
STYLE_RULE = (
    "Neutral and factual. Describe what could identify a place or a person (room, objects, text, "
    f"sounds), not what is done. No gratuitous detail. At most {SUMMARY_LIMIT} characters."
)


@dataclass
class DescriptionDraft:
    setting: str
    children: int = 0
    adults: int = 0
    child_age_bands: list[str] = field(default_factory=list)
    objects_seen: str = ""
    visible_text: str = ""
    sounds: str = ""
    summary: str = ""

    def check(self) -> None:
        """Raise :class:`Invalid` naming the field that breaks the vocabulary or the style rule."""
        if self.setting not in Setting.values:
            raise Invalid(f"setting: '{self.setting}' is not one of {', '.join(Setting.values)}")
        if not 0 <= self.children <= 99 or not 0 <= self.adults <= 99:
            raise Invalid("children, adults: give a count from 0 to 99")
        for band in self.child_age_bands:
            if band not in AgeBand.values:
                raise Invalid(f"child_age_bands: '{band}' is not one of {', '.join(AgeBand.values)}")
        if self.children and not self.child_age_bands:
            raise Invalid("child_age_bands: give the apparent age band of the children visible")
        if len(self.summary) > SUMMARY_LIMIT:
            raise Invalid(f"summary: {len(self.summary)} characters, the limit is {SUMMARY_LIMIT}")
        for name in ("objects_seen", "visible_text", "sounds"):
            if len(getattr(self, name)) > TEXT_LIMIT:
                raise Invalid(f"{name}: more than {TEXT_LIMIT} characters")


def submit_description(
    operation: Operation, media_key: str, draft: DescriptionDraft, *, actor: Actor
) -> Description:
    """A new version of the item's description, awaiting a second reviewer."""
    actor.require(Permission.GRADE)
    draft.check()
    item = find_item(actor, operation, media_key)
    with transaction.atomic():
        latest = Description.objects.filter(media=item).aggregate(v=Max("version"))["v"] or 0
        made = Description.objects.create(
            media=item,
            version=latest + 1,
            setting=draft.setting,
            children=draft.children,
            adults=draft.adults,
            child_age_bands=sorted(set(draft.child_age_bands)),
            objects_seen=draft.objects_seen.strip(),
            visible_text=draft.visible_text.strip(),
            sounds=draft.sounds.strip(),
            summary=draft.summary.strip(),
            status=DescriptionStatus.SUBMITTED,
            author=actor.name,
        )
        record(
            "media.description-submitted",
            actor=actor,
            operation=operation.name,
            target=item.key,
            details={"version": made.version},
        )
    return made


def decide_description(
    operation: Operation, description_id: int, *, approve: bool, note: str = "", actor: Actor
) -> Description:
    """A second reviewer approves or returns (with a note) the newest version of a description. Nobody
    decides on their own description."""
    actor.require(Permission.GRADE)
    found = Description.objects.filter(pk=description_id, media__operation=operation).first()
    if found is None:
        raise NotFound(f"there is no description #{description_id} in '{operation.name}'")
    find_item(actor, operation, found.media.key)  # the actor's scope
    if found.author == actor.name:
        raise Forbidden("nobody approves or returns their own description: a second reviewer decides")
    if found.status != DescriptionStatus.SUBMITTED:
        raise Conflict(f"version {found.version} is already {found.get_status_display()}")
    if Description.objects.filter(media=found.media, version__gt=found.version).exists():
        raise Conflict(f"version {found.version} has been replaced by a newer version")
    if not approve and not note.strip():
        raise Invalid("note: say what the author should change")
    with transaction.atomic():
        found.status = DescriptionStatus.APPROVED if approve else DescriptionStatus.RETURNED
        found.reviewer = actor.name
        found.decided_at = timezone.now()
        found.note = note.strip()
        found.save(update_fields=["status", "reviewer", "decided_at", "note"])
        record(
            "media.description-approved" if approve else "media.description-returned",
            actor=actor,
            operation=operation.name,
            target=found.media.key,
            details={"version": found.version, "author": found.author, "note": found.note},
        )
    return found
