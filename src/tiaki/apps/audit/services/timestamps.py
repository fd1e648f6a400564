"""Time-stamping the audit log's signed checkpoint by an RFC 3161 authority the operator chooses.

tiaki never calls out: it writes the request (``<data>/audit-timestamps/checkpoint-<seq>.tsq``) for the
operator to send with their own tools, and checks and keeps the authority's response when they bring
it back. A time-stamped checkpoint shows that the log up to that event existed at that time.
"""

from __future__ import annotations

import json
from pathlib import Path

from tiaki.apps.audit import anchor
from tiaki.apps.audit.services.log import record
from tiaki.apps.core import datadir
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.engines import signing
from tiaki.errors import Invalid, NotFound


def folder() -> Path:
    return datadir.private_dir(datadir.root() / "audit-timestamps")


def request_timestamp(actor: Actor) -> Path:
    """Write an RFC 3161 request for the latest signed checkpoint; returns the ``.tsq`` file."""
    actor.require(Permission.MANAGE)
    checkpoint, trouble = anchor.signed_checkpoint()
    if checkpoint is None:
        raise NotFound(trouble or "no signed checkpoint: create the unit's key first (`tiaki keys init`)")
    request = signing.timestamp_request(checkpoint)
    base = folder() / f"checkpoint-{checkpoint.seq}"
    base.with_suffix(".tsq").write_bytes(request.der)
    base.with_suffix(".json").write_text(
        json.dumps({"seq": checkpoint.seq, "digest": request.digest.hex(), "nonce": request.nonce})
    )
    record("audit.timestamp-requested", actor=actor, target=f"#{checkpoint.seq}")
    return base.with_suffix(".tsq")


def accept_timestamp(response: Path, actor: Actor) -> signing.Timestamp:
    """Check the authority's response against the pending request it answers, and keep it."""
    actor.require(Permission.MANAGE)
    pending = sorted(folder().glob("checkpoint-*.json"), key=lambda p: int(p.stem.split("-")[1]))
    if not pending:
        raise NotFound("no time-stamp request is waiting (`tiaki audit timestamp-request` writes one)")
    data = response.read_bytes()
    for meta_path in reversed(pending):
        meta = json.loads(meta_path.read_text())
        request = signing.TimestampRequest(
            meta_path.with_suffix(".tsq").read_bytes(), bytes.fromhex(meta["digest"]), int(meta["nonce"])
        )
        try:
            stamp = signing.read_timestamp_response(data, request)
        except signing.TimestampError:
            continue
        meta_path.with_suffix(".tsr").write_bytes(stamp.response_der)
        record(
            "audit.timestamp-accepted",
            actor=actor,
            target=f"#{meta['seq']}",
            details={"time": stamp.gen_time.isoformat(), "serial": str(stamp.serial_number)},
        )
        return stamp
    raise Invalid(f"{response}: answers none of the waiting requests (wrong digest or nonce, or not granted)")
