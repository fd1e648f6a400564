"""Recording an outcome on a referred person, and withdrawing one recorded in error.

The person must be one of the package as sent (its ``persons.csv``); the send must be one the actor
may see (a partner: its own agency's). Dates may not lie in the future nor before the send's
package was written. Each outcome keeps the person's score, priority and triage model as they were in
the package, so that outcomes can later calibrate triage. Audited; nothing is edited in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission, Role
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.choices import NEEDS_AGENCY, NEEDS_CHILDREN, NEEDS_REASON, OutcomeKind
from tiaki.apps.outcomes.models import Outcome
from tiaki.apps.outcomes.queries.outcomes import outcomes
from tiaki.apps.outcomes.queries.sent import referred_persons, send, sent_content
from tiaki.errors import Conflict, Forbidden, Invalid, NotFound

MAX_CHILDREN = 10000


@dataclass(frozen=True)
class OutcomeFields:
    person: str
    kind: str
    occurred_on: date
    children: int = 0
    reason: str = ""
    passed_to: str = ""
    note: str = ""


def _check(fields: OutcomeFields, sent_on: date) -> OutcomeKind:
    if fields.kind not in OutcomeKind.values:
        raise Invalid(f"kind: '{fields.kind}' is not one of {', '.join(OutcomeKind.values)}")
    kind = OutcomeKind(fields.kind)
    today = timezone.now().date()
    if fields.occurred_on > today:
        raise Invalid(f"occurred_on: {fields.occurred_on} is in the future")
    if fields.occurred_on < sent_on:
        raise Invalid(f"occurred_on: {fields.occurred_on} is before the package was sent ({sent_on})")
    if kind in NEEDS_CHILDREN and not 1 <= fields.children <= MAX_CHILDREN:
        raise Invalid(f"children: children safeguarded needs a count from 1 to {MAX_CHILDREN}")
    if kind not in NEEDS_CHILDREN and fields.children:
        raise Invalid("children: a count of children goes with 'children safeguarded' only")
    if kind in NEEDS_REASON and not fields.reason.strip():
        raise Invalid("reason: no further action needs a reason")
    if kind in NEEDS_AGENCY and not fields.passed_to.strip():
        raise Invalid("passed_to: name the agency the case was passed to")
    for name, value, limit in (
        ("reason", fields.reason, 2000),
        ("passed_to", fields.passed_to, 200),
        ("note", fields.note, 2000),
    ):
        if len(value) > limit:
            raise Invalid(f"{name}: at most {limit} characters")
    return kind


def record_outcome(operation: Operation, send_id: int, fields: OutcomeFields, actor: Actor) -> Outcome:
    """Record one outcome on a person of send ``send_id``."""
    actor.require(Permission.OUTCOMES)
    sent = send(actor, operation, send_id)
    kind = _check(fields, timezone.localdate(sent.sent_at))
    content = sent_content(sent)
    persons = {p.person: p for p in referred_persons(content)}
    person = persons.get(fields.person.strip())
    if person is None:
        raise Invalid(f"person: '{fields.person}' is not in the {sent.country} package that was sent")
    with transaction.atomic():
        outcome = Outcome.objects.create(
            operation=operation,
            dissemination=sent,
            country=sent.country,
            agency=sent.agency,
            person=person.person,
            kind=kind,
            occurred_on=fields.occurred_on,
            children=fields.children,
            reason=fields.reason.strip(),
            passed_to=fields.passed_to.strip(),
            note=fields.note.strip(),
            referred_score=person.score,
            referred_priority=person.priority,
            triage_model=str(content.manifest.get("triage_model", "")),
            recorded_by=actor.name,
        )
        record(
            "outcomes.outcome-recorded",
            actor=actor,
            operation=operation.name,
            target=f"{sent.country}/{person.person}",
            details={
                "outcome": outcome.pk,
                "send": sent.pk,
                "agency": sent.agency.name,
                "kind": kind.value,
                "occurred_on": fields.occurred_on.isoformat(),
                "children": fields.children,
                "reason": outcome.reason,
                "passed_to": outcome.passed_to,
            },
        )
    return outcome


def withdraw_outcome(operation: Operation, outcome_id: int, actor: Actor, *, reason: str) -> Outcome:
    """Withdraw an outcome recorded in error: a new row that points at it (the original stays)."""
    actor.require(Permission.OUTCOMES)
    if not reason.strip():
        raise Invalid("reason: say why the outcome is withdrawn")
    with transaction.atomic():
        original = outcomes(actor, operation).select_for_update().filter(pk=outcome_id).first()
        if original is None:
            raise NotFound(f"no outcome #{outcome_id} for you in '{operation.name}'")
        if actor.role == Role.PARTNER and original.recorded_by != actor.name:
            raise Forbidden(f"{actor.name} withdraws only outcomes they recorded; ask the sending unit")
        if original.withdraws_id is not None:
            raise Conflict(f"outcome #{outcome_id} is itself a withdrawal")
        if Outcome.objects.filter(withdraws=original).exists():
            raise Conflict(f"outcome #{outcome_id} was already withdrawn")
        withdrawal = Outcome.objects.create(
            operation=operation,
            dissemination=original.dissemination,
            country=original.country,
            agency=original.agency,
            person=original.person,
            kind=original.kind,
            occurred_on=timezone.now().date(),
            reason=reason.strip()[:2000],
            withdraws=original,
            recorded_by=actor.name,
        )
        record(
            "outcomes.outcome-withdrawn",
            actor=actor,
            operation=operation.name,
            target=f"{original.country}/{original.person}",
            details={"outcome": original.pk, "withdrawal": withdrawal.pk, "reason": withdrawal.reason},
        )
    return withdrawal
