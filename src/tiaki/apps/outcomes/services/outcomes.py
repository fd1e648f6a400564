"""Recording an outcome on a referred person, and withdrawing one recorded in error.

The person must be one of the package as sent (its ``persons.csv``); the send must be one the actor
may see (a partner: its own agency's). Dates may not lie in the future nor before the send's package
was written. A client may send a key with an outcome (the API's ``Idempotency-Key``, the portal
form's own): the same key with the same outcome again, as a client retrying after a timeout or a
second click sends it, answers the outcome recorded the first time and records nothing; the same key
with a different outcome is refused. Each outcome keeps the person's score, priority and triage model
as they were in the package, so that outcomes can later calibrate triage. Audited; nothing is edited
in place.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.utils import timezone

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission, Role
from tiaki.apps.core.typed import typed
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.choices import NEEDS_AGENCY, NEEDS_CHILDREN, NEEDS_REASON, OutcomeKind
from tiaki.apps.outcomes.models import Outcome
from tiaki.apps.outcomes.queries.outcomes import outcomes
from tiaki.apps.outcomes.queries.sent import ReferredPerson, SentContent, referred_persons, send, sent_content
from tiaki.apps.referrals.models import Dissemination
from tiaki.errors import Conflict, Forbidden, Invalid, NotFound

MAX_CHILDREN = 10000
MAX_KEY = 255


@dataclass(frozen=True)
class OutcomeFields:
    person: str
    kind: str
    occurred_on: date
    children: int = 0
    reason: str = ""
    passed_to: str = ""
    note: str = ""


def _typed(fields: OutcomeFields) -> OutcomeFields:
    return replace(
        fields,
        person=typed("person", fields.person),
        reason=typed("reason", fields.reason),
        passed_to=typed("passed_to", fields.passed_to),
        note=typed("note", fields.note),
    )


def _check(fields: OutcomeFields, sent_at: datetime) -> OutcomeKind:
    """``fields`` (as :func:`_typed` made them) checked for the send made at ``sent_at``. A date is
    judged where the partner is, which may be anywhere: it is in the future only when it is later
    than today's date at UTC+14 (where the day begins first), and before the send only when it is
    earlier than the send's date at UTC-12 (where it ends last)."""
    if fields.kind not in OutcomeKind.values:
        raise Invalid(f"kind: '{fields.kind}' is not one of {', '.join(OutcomeKind.values)}")
    kind = OutcomeKind(fields.kind)
    latest = (timezone.now() + timedelta(hours=14)).date()
    if fields.occurred_on > latest:
        raise Invalid(f"occurred_on: {fields.occurred_on} is in the future (it is {latest} nowhere yet)")
    sent_on = (sent_at - timedelta(hours=12)).date()
    if fields.occurred_on < sent_on:
        raise Invalid(f"occurred_on: {fields.occurred_on} is before the package was sent ({sent_on})")
    if kind in NEEDS_CHILDREN and not 1 <= fields.children <= MAX_CHILDREN:
        raise Invalid(f"children: children safeguarded needs a count from 1 to {MAX_CHILDREN}")
    if kind not in NEEDS_CHILDREN and fields.children:
        raise Invalid("children: a count of children goes with 'children safeguarded' only")
    if kind in NEEDS_REASON and not any(c.isalnum() for c in fields.reason):
        raise Invalid("reason: no further action needs a reason")
    if kind not in NEEDS_REASON and fields.reason:
        raise Invalid("reason: a reason goes with 'no further action' only (anything else: note)")
    if kind in NEEDS_AGENCY and not any(c.isalnum() for c in fields.passed_to):
        raise Invalid("passed_to: name the agency the case was passed to")
    if kind not in NEEDS_AGENCY and fields.passed_to:
        raise Invalid("passed_to: an agency goes with 'passed to another agency' only (anything else: note)")
    for name, value, limit in (
        ("reason", fields.reason, 2000),
        ("passed_to", fields.passed_to, 200),
        ("note", fields.note, 2000),
    ):
        if len(value) > limit:
            raise Invalid(f"{name}: at most {limit} characters")
    return kind


class Recorded(NamedTuple):
    outcome: Outcome
    replayed: bool  # the key was seen with this outcome before: nothing new was recorded


def request_key(text: str | None) -> str:
    """A client's key for one request, as sent (an ``Idempotency-Key`` header may quote it): 1 to
    255 printable ASCII characters; ``""`` when there is none."""
    if text is None:
        return ""
    key = text.strip()
    if len(key) >= 2 and key[0] == key[-1] == '"':
        key = key[1:-1]
    if not 1 <= len(key) <= MAX_KEY or not all(" " <= c <= "~" for c in key):
        raise Invalid(f"key: 1 to {MAX_KEY} printable ASCII characters (a UUID, say), as Idempotency-Key")
    return key


def _digest(send_id: int, fields: OutcomeFields) -> str:
    said = asdict(fields)
    said["occurred_on"] = fields.occurred_on.isoformat()
    said["send"] = send_id
    return hashlib.sha256(json.dumps(said, sort_keys=True).encode()).hexdigest()


def _replay(operation: Operation, actor: Actor, key: str, digest: str) -> Outcome | None:
    """The outcome ``actor`` recorded under ``key``, if the request said the same; refused if not."""
    if not key:
        return None
    earlier = Outcome.objects.filter(operation=operation, recorded_by=actor.name, request_key=key).first()
    if earlier is not None and earlier.request_digest != digest:
        raise Invalid(
            f"key: '{key}' was sent before with another outcome (#{earlier.pk}); a new outcome needs a new "
            "key (in the portal: open the form again)"
        )
    return earlier


def record_outcome(
    operation: Operation, send_id: int, fields: OutcomeFields, actor: Actor, *, key: str = ""
) -> Recorded:
    """Record one outcome on a person of send ``send_id``, once per ``key`` (:func:`request_key`)."""
    actor.require(Permission.OUTCOMES)
    sent = send(actor, operation, send_id)
    fields = _typed(fields)
    digest = _digest(send_id, fields) if key else ""
    earlier = _replay(operation, actor, key, digest)
    if earlier is not None:
        return Recorded(earlier, True)
    kind = _check(fields, sent.sent_at)
    content = sent_content(sent)
    persons = {p.person: p for p in referred_persons(content)}
    person = persons.get(fields.person)
    if person is None:
        raise Invalid(f"person: '{fields.person}' is not in the {sent.country} package that was sent")
    try:
        return Recorded(_create(operation, sent, fields, actor, kind, person, content, key, digest), False)
    except IntegrityError:  # the same key, recorded meanwhile by a request sent beside this one
        earlier = _replay(operation, actor, key, digest)
        if earlier is None:
            raise
        return Recorded(earlier, True)


def _create(
    operation: Operation,
    sent: Dissemination,
    fields: OutcomeFields,
    actor: Actor,
    kind: OutcomeKind,
    person: ReferredPerson,
    content: SentContent,
    key: str,
    digest: str,
) -> Outcome:
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
            reason=fields.reason,
            passed_to=fields.passed_to,
            note=fields.note,
            referred_score=person.score,
            referred_priority=person.priority,
            triage_model=str(content.manifest.get("triage_model", "")),
            recorded_by=actor.name,
            request_key=key,
            request_digest=digest,
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
    reason = typed("reason", reason)
    if not any(c.isalnum() for c in reason):
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
            reason=reason[:2000],
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
