"""Writing and verifying the hash-chained audit log.

Each event's hash is SHA-256 over a canonical JSON of its fields and the previous event's hash. The
first event of a log (``audit.genesis``) carries a random log id. After each commit the newest
sequence number and hash are also written to ``<data>/audit-head-<log id>.json``, outside the
database, so that deleting events from the end of the log is detected as well.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction

from tiaki.apps.audit import anchor
from tiaki.apps.audit.chain import GENESIS_PREV, event_hash
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core.actor import Actor
from tiaki.errors import Conflict


def _lock_log() -> None:
    # SQLite serialises writers already (IMMEDIATE transactions); PostgreSQL needs an explicit lock so
    # that two writers never take the same sequence number.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(7245221)")


def _append(
    actor: str, action: str, operation: str, target: str, details: dict[str, Any], last: AuditEvent | None
) -> AuditEvent:
    event = AuditEvent(
        seq=(last.seq + 1) if last else 1,
        at=datetime.now(UTC),
        actor=actor,
        action=action,
        operation=operation,
        target=target,
        details=json.loads(json.dumps(details, default=str)),
        prev_hash=last.hash if last else GENESIS_PREV,
    )
    event.hash = event_hash(event)
    event.save()
    return event


def record(
    action: str, *, actor: Actor, operation: str = "", target: str = "", details: dict[str, Any] | None = None
) -> AuditEvent:
    """Append one event. Runs inside the caller's transaction when there is one, so an event is kept
    exactly when the change it describes is. Refuses (:class:`Conflict`, nothing written) to append to
    a log that no longer matches its recorded head (``anchor.py``)."""
    with transaction.atomic():
        _lock_log()
        last = AuditEvent.objects.order_by("-seq").first()
        _check_anchor(last)
        if last is None:
            last = _append("system", "audit.genesis", "", "", {"log_id": uuid.uuid4().hex}, None)
        event = _append(actor.name, action, operation, target[:300], details or {}, last)
        genesis = AuditEvent.objects.filter(seq=1).values_list("details", flat=True).first()
        head = anchor.Head(str(genesis["log_id"]), event.seq, event.hash) if genesis else None
        if head is not None:
            _pending["seq"] = event.seq
            transaction.on_commit(lambda: _committed(head))
    return event


# The newest event this process appended in a transaction not yet committed: the recorded head moves
# to it on commit, so until then events up to it are this process's own, not appended outside tiaki.
_pending = {"seq": 0}


def _committed(head: anchor.Head) -> None:
    anchor.advance(head)
    _pending["seq"] = 0


def _check_anchor(last: AuditEvent | None) -> None:
    try:
        head = anchor.read_head()
    except anchor.AnchorError as exc:
        raise Conflict(f"{exc}; run `tiaki audit verify`. Nothing was written.") from None
    if head is None:
        return
    problem = None
    if last is None or last.seq < head.seq:
        problem = f"the log ends at #{last.seq if last else 0} but #{head.seq} was recorded (events deleted)"
    elif last.seq > max(head.seq, _pending["seq"]):
        problem = f"events #{head.seq + 1}-#{last.seq} were appended outside tiaki"
    elif last.seq > head.seq:
        return  # this transaction's own events, anchored when it commits
    else:
        genesis = AuditEvent.objects.filter(seq=1).values_list("details", flat=True).first()
        if last.hash != head.hash or not genesis or genesis.get("log_id") != head.log_id:
            problem = "the newest event or the log's id differs from the recorded head (rewritten)"
    if problem:
        raise Conflict(
            f"the audit log does not match its recorded head: {problem}. Nothing was written; "
            "run `tiaki audit verify`."
        )


def checkpoint_now() -> None:
    """Record (and sign, with the unit's key) the log's current head: after ``tiaki keys init``."""
    last = AuditEvent.objects.order_by("-seq").first()
    genesis = AuditEvent.objects.filter(seq=1).values_list("details", flat=True).first()
    if last is not None and genesis:
        anchor.advance(anchor.Head(str(genesis["log_id"]), last.seq, last.hash), resign=True)
