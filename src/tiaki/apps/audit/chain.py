"""The audit chain's rule: how an event is hashed, over its fields and the previous event's hash."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

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
