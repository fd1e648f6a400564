"""An operation's case details: the sending unit and how to reach it, the case reference, the legal
basis, the default handling marking and the follow-up period (audited)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.models import CaseDetails
from tiaki.apps.referrals.queries import case_details
from tiaki.errors import Invalid
from tiaki.formats.handling import marking


@dataclass(frozen=True)
class CaseChange:
    """Only the values given (not None) change."""

    unit: str | None = None
    contact: str | None = None
    reference: str | None = None
    legal_basis: str | None = None
    tlp: str | None = None
    handling_code: str | None = None
    source_reliability: str | None = None
    information: str | None = None
    handling_note: str | None = None
    follow_up_days: int | None = None


def change_case(operation: Operation, change: CaseChange, actor: Actor) -> CaseDetails:
    """Apply ``change``; the marking is checked whole (``formats/handling.marking``), so an H3 code
    without its note is refused. Unchanged values are not written or audited."""
    actor.require(Permission.EXPORT)
    current = case_details(operation)
    wanted = {f.name: getattr(change, f.name) for f in fields(change) if getattr(change, f.name) is not None}
    for key in ("unit", "contact", "reference", "legal_basis", "handling_note"):
        if key in wanted:
            wanted[key] = str(wanted[key]).strip()
    if "follow_up_days" in wanted and not 1 <= int(wanted["follow_up_days"]) <= 365:
        raise Invalid("the follow-up period is 1 to 365 days")
    merged = {f.name: wanted.get(f.name, getattr(current, f.name)) for f in fields(change)}
    checked = marking(
        str(merged["tlp"]),
        str(merged["handling_code"]),
        str(merged["source_reliability"]),
        str(merged["information"]),
        str(merged["handling_note"]),
    )
    wanted.update(
        tlp=checked.tlp,
        handling_code=checked.code,
        source_reliability=checked.source,
        information=checked.information,
    )
    changed = {k: v for k, v in wanted.items() if getattr(current, k) != v}
    if not changed and current.pk is not None:
        return current
    with transaction.atomic():
        for key, value in changed.items():
            setattr(current, key, value)
        current.updated_by = actor.name
        current.save()
        record("referrals.case-details", actor=actor, operation=operation.name, details=changed)
    return current
