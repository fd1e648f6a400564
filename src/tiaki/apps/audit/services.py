"""Writing and verifying the hash-chained audit log.

Each event's hash is SHA-256 over a canonical JSON of its fields and the previous event's hash. The
first event of a log (``audit.genesis``) carries a random log id. After each commit the newest
sequence number and hash are also written to ``<data>/audit-head-<log id>.json``, outside the
database, so that deleting events from the end of the log is detected as well.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from tiaki.apps.audit.models import AuditEvent

GENESIS_PREV = "0" * 64


def _canonical(
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    operation: str,
    target: str,
    details: dict[str, Any],
    prev_hash: str,
) -> bytes:
    payload = {
        "seq": seq,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "operation": operation,
        "target": target,
        "details": details,
        "prev_hash": prev_hash,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(event: AuditEvent) -> str:
    return hashlib.sha256(
        _canonical(
            event.seq,
            event.at,
            event.actor,
            event.action,
            event.operation,
            event.target,
            event.details,
            event.prev_hash,
        )
    ).hexdigest()


def _head_path(log_id: str) -> Path:
    return Path(settings.DATA_DIR) / f"audit-head-{log_id}.json"


def _write_head(log_id: str, seq: int, digest: str) -> None:
    path = _head_path(log_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"seq": seq, "hash": digest}))
    os.replace(tmp, path)


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
    action: str, *, actor: str, operation: str = "", target: str = "", details: dict[str, Any] | None = None
) -> AuditEvent:
    """Append one event. Runs inside the caller's transaction when there is one, so an event is kept
    exactly when the change it describes is."""
    with transaction.atomic():
        _lock_log()
        last = AuditEvent.objects.order_by("-seq").first()
        if last is None:
            last = _append("system", "audit.genesis", "", "", {"log_id": uuid.uuid4().hex}, None)
        event = _append(actor, action, operation, target, details or {}, last)
        genesis = AuditEvent.objects.filter(seq=1).values_list("details", flat=True).first()
        if genesis is not None:  # a log whose start was deleted is reported by verify(), not here
            log_id = genesis["log_id"]
            transaction.on_commit(lambda: _write_head(log_id, event.seq, event.hash))
    return event


@dataclass(frozen=True)
class Verification:
    ok: bool
    events: int
    problems: list[str]


def verify() -> Verification:
    """Walk the whole chain and report every break: edited, inserted or deleted events."""
    problems: list[str] = []
    expected_seq = 1
    prev = GENESIS_PREV
    count = 0
    log_id = None
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=5000):
        count += 1
        if event.seq == 1:
            log_id = event.details.get("log_id")
        if event.seq != expected_seq:
            problems.append(f"event #{event.seq}: expected #{expected_seq} (events missing or inserted)")
        if event.prev_hash != prev:
            problems.append(f"event #{event.seq}: does not follow the event before it (deleted or inserted)")
        if event_hash(event) != event.hash:
            problems.append(f"event #{event.seq}: content does not match its hash (edited)")
        prev = event.hash
        expected_seq = event.seq + 1
    if log_id is not None:
        head_file = _head_path(log_id)
        if head_file.exists():
            head = json.loads(head_file.read_text())
            if head["seq"] > expected_seq - 1:
                problems.append(
                    f"the log ends at #{expected_seq - 1} but #{head['seq']} was written "
                    "(events deleted from the end)"
                )
            else:
                at_head = AuditEvent.objects.filter(seq=head["seq"]).first()
                if at_head is not None and at_head.hash != head["hash"]:
                    problems.append(f"event #{head['seq']}: differs from the recorded head of the log")
    elif count:
        problems.append("the first event is not the start of a log (events deleted from the start)")
    return Verification(ok=not problems, events=count, problems=problems)
