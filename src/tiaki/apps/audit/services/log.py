"""Writing and verifying the hash-chained audit log.

Each event's hash is SHA-256 over a canonical JSON of its fields and the previous event's hash. The
first event of a log (``audit.genesis``) carries a random log id. After each commit the log's id and
its newest sequence number and hash are also written outside the database (``anchor.py``:
``<data>/audit-head.json``, and a checkpoint signed with the unit's key), so that deleting, appending
or rewriting events is detected too, and tiaki refuses to append to a log that no longer matches.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction

from tiaki.apps.audit import anchor
from tiaki.apps.audit.chain import GENESIS_PREV, event_hash
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.errors import Conflict, Invalid, NotFound


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
            _pending.seq = event.seq
            transaction.on_commit(lambda: _committed(head))
    return event


# The newest event this thread appended in a transaction not yet committed: the recorded head moves
# to it on commit, so until then events up to it are this thread's own, not appended outside tiaki.
_pending = threading.local()
HEAD_WAIT = 3.0


def _pending_seq() -> int:
    return int(getattr(_pending, "seq", 0))


def _committed(head: anchor.Head) -> None:
    anchor.advance(head)
    _pending.seq = 0


def _check_anchor(last: AuditEvent | None) -> None:
    """Refuse to append to a log that no longer matches its recorded head. Another writer that has just
    committed moves the head a moment later (after its commit, outside the database's lock): events past
    the head are given ``HEAD_WAIT`` seconds to be anchored before they count as appended outside."""
    deadline = time.monotonic() + HEAD_WAIT
    while True:
        try:
            head = anchor.read_head()
        except anchor.AnchorError as exc:
            raise Conflict(f"{exc}; run `tiaki audit verify`. Nothing was written.") from None
        if head is None:
            _check_checkpoint(last)
            return
        if last is None or last.seq <= max(head.seq, _pending_seq()) or time.monotonic() >= deadline:
            break
        time.sleep(0.02)
    problem = None
    if last is None or last.seq < head.seq:
        problem = f"the log ends at #{last.seq if last else 0} but #{head.seq} was recorded (events deleted)"
    elif last.seq > max(head.seq, _pending_seq()):
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
            "run `tiaki audit verify` (and, only after a crash left the head behind, "
            "`tiaki audit accept-head`)."
        )
    _check_checkpoint(last)


def _check_checkpoint(last: AuditEvent | None) -> None:
    """With the unit's key, the log must still hold the event its signed checkpoint names: the head
    file alone can be rewritten by anyone who can write the data directory, the checkpoint cannot."""
    if not anchor.checkpoint_path().exists():
        return
    checkpoint, trouble = anchor.signed_checkpoint()
    if checkpoint is None:
        raise Conflict(f"{trouble}; run `tiaki audit verify`. Nothing was written.")
    at = AuditEvent.objects.filter(seq=checkpoint.seq).values_list("hash", flat=True).first()
    if last is None or at != checkpoint.head_hash:
        raise Conflict(
            f"the audit log no longer holds event #{checkpoint.seq} as the checkpoint signed by "
            f"{checkpoint.unit} records it (events deleted or rewritten). Nothing was written; run "
            "`tiaki audit verify`."
        )


def accept_head(actor: Actor, reason: str) -> tuple[int, int]:
    """After a crash between a commit and the head's update, move the head to the log's end: the events
    past the head must follow it in an unbroken chain. A person decides (``reason``, audited); the
    events accepted are named. Returns (old head, new head)."""
    actor.require(Permission.MANAGE)
    if not reason.strip():
        raise Invalid("accepting the head needs a reason")
    head = anchor.read_head()
    if head is None:
        raise NotFound("there is no recorded head to move")
    events = list(AuditEvent.objects.filter(seq__gte=head.seq).order_by("seq"))
    if not events or events[0].seq != head.seq or events[0].hash != head.hash:
        raise Conflict("the log does not hold the recorded head's event: this is not a head left behind")
    prev = events[0]
    for event in events[1:]:
        if event.seq != prev.seq + 1 or event.prev_hash != prev.hash or event_hash(event) != event.hash:
            raise Conflict(f"event #{event.seq} does not follow #{prev.seq}: the chain is broken, not behind")
        prev = event
    old = head.seq
    anchor.advance(anchor.Head(head.log_id, prev.seq, prev.hash), resign=True)
    record(
        "audit.head-accepted",
        actor=actor,
        details={
            "from": old,
            "to": prev.seq,
            "reason": reason,
            "events": [e.action for e in events[1:]][:50],
        },
    )
    return old, prev.seq


def checkpoint_now() -> None:
    """Record (and sign, with the unit's key) the log's current head: after ``tiaki keys init``."""
    last = AuditEvent.objects.order_by("-seq").first()
    genesis = AuditEvent.objects.filter(seq=1).values_list("details", flat=True).first()
    if last is not None and genesis:
        anchor.advance(anchor.Head(str(genesis["log_id"]), last.seq, last.hash), resign=True)
