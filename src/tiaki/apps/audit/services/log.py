"""Writing and verifying the hash-chained audit log.

Each event's hash is SHA-256 over a canonical JSON of its fields and the previous event's hash. The
first event of a log (``audit.genesis``) carries a random log id. After each commit the newest
sequence number and hash are also written to ``<data>/audit-head-<log id>.json``, outside the
database, so that deleting events from the end of the log is detected as well.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction

from tiaki.apps.audit.chain import GENESIS_PREV, event_hash, head_path
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core.actor import Actor


def _write_head(log_id: str, seq: int, digest: str) -> None:
    path = head_path(log_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Each writer its own temporary file: servers write the head from many threads and processes.
    tmp = path.with_suffix(f".{os.getpid()}-{threading.get_ident()}.tmp")
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
    action: str, *, actor: Actor, operation: str = "", target: str = "", details: dict[str, Any] | None = None
) -> AuditEvent:
    """Append one event. Runs inside the caller's transaction when there is one, so an event is kept
    exactly when the change it describes is."""
    with transaction.atomic():
        _lock_log()
        last = AuditEvent.objects.order_by("-seq").first()
        if last is None:
            last = _append("system", "audit.genesis", "", "", {"log_id": uuid.uuid4().hex}, None)
        event = _append(actor.name, action, operation, target[:300], details or {}, last)
        genesis = AuditEvent.objects.filter(seq=1).values_list("details", flat=True).first()
        if genesis is not None:  # a log whose start was deleted is reported by verify(), not here
            log_id = genesis["log_id"]
            transaction.on_commit(lambda: _write_head(log_id, event.seq, event.hash))
    return event
