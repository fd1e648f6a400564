"""Reading the audit log: the events an actor may see, and the chain's verification."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max, QuerySet

from tiaki.apps.audit import anchor
from tiaki.apps.audit.chain import GENESIS_PREV, event_hash
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.errors import Invalid


def restrict(actor: Actor, queryset: QuerySet[AuditEvent] | None = None) -> QuerySet[AuditEvent]:
    """The log is read whole or not at all: by those whose role grants reading it."""
    actor.require(Permission.READ_AUDIT)
    return AuditEvent.objects.all() if queryset is None else queryset


@dataclass(frozen=True)
class Verification:
    ok: bool
    events: int
    problems: list[str]


def verify(actor: Actor) -> Verification:
    """Walk the whole chain and report every break (edited, inserted or deleted events), then hold it
    against its anchors outside the database: the recorded head, and the unit's signed checkpoint."""
    events = restrict(actor)
    problems: list[str] = []
    expected_seq = 1
    prev = GENESIS_PREV
    count = 0
    log_id = None
    hashes: dict[int, str] = {}
    for event in events.order_by("seq").iterator(chunk_size=5000):
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
        hashes[event.seq] = event.hash
    if count and log_id is None:
        problems.append("the first event is not the start of a log (events deleted from the start)")
    last = expected_seq - 1 if count else 0
    try:
        head = anchor.read_head()
    except anchor.AnchorError as exc:
        problems.append(f"{exc} (corrupt anchor)")
        head = None
    if head is None and count:
        problems.append("the recorded head of the log is missing (anchor deleted)")
    if head is not None:
        problems += _against("the recorded head", head.log_id, head.seq, head.hash, log_id, last, hashes)
    checkpoint, trouble = anchor.signed_checkpoint()
    if trouble and (count or checkpoint_path_exists()):
        problems.append(trouble)
    if checkpoint is not None:
        problems += _against(
            f"the checkpoint signed by {checkpoint.unit}",
            checkpoint.log_id,
            checkpoint.seq,
            checkpoint.head_hash,
            log_id,
            last,
            hashes,
        )
    return Verification(ok=not problems, events=count, problems=problems)


def checkpoint_path_exists() -> bool:
    return anchor.checkpoint_path().exists()


def _against(
    what: str, anchored_log: str, seq: int, digest: str, log_id: str | None, last: int, hashes: dict[int, str]
) -> list[str]:
    """Problems of the chain held against one anchor (log id, newest sequence number and hash)."""
    if log_id is not None and anchored_log != log_id:
        return [f"{what} belongs to log {anchored_log[:12]}, not to this log {log_id[:12]} (log replaced)"]
    if seq > last:
        return [f"the log ends at #{last} but {what} is at #{seq} (events deleted from the end)"]
    if hashes.get(seq) != digest:
        return [f"event #{seq} differs from {what} (events rewritten)"]
    if seq < last:
        return [f"events #{seq + 1}-#{last} come after {what} (appended outside tiaki)"]
    return []


def events(
    actor: Actor, *, who: str = "", target: str = "", action: str = "", operation: str = ""
) -> QuerySet[AuditEvent]:
    """The log, newest first, narrowed to the events matching every filter given: ``who`` an actor
    (as written, e.g. ``user:alice``), ``target`` the object, ``action`` an action or the start of one
    ending in ``.`` (``subjects.``), ``operation`` an operation's name."""
    for name, value in (("actor", who), ("object", target), ("action", action), ("operation", operation)):
        if len(value) > 300:
            raise Invalid(f"{name}: at most 300 characters")
    found = restrict(actor)
    if who:
        found = found.filter(actor=who)
    if target:
        found = found.filter(target=target)
    if action:
        found = (
            found.filter(action__startswith=action) if action.endswith(".") else found.filter(action=action)
        )
    if operation:
        found = found.filter(operation=operation)
    return found.order_by("-seq")


def newest_seq(actor: Actor, operation: str, actions: list[str]) -> int:
    """The sequence number of the newest event of any of ``actions`` in ``operation`` (0: none): what
    has changed since, changes it (one index range read)."""
    actor.require(Permission.READ_CASE)
    found = AuditEvent.objects.filter(operation=operation, action__in=actions).aggregate(seq=Max("seq"))
    return int(found["seq"] or 0)


def latest(actor: Actor, operation: str, actions: list[str]) -> dict[str, AuditEvent]:
    """The newest event of each of ``actions`` in ``operation`` (when a stage last ran, and by whom):
    facts about the case, so those who read the case may know them."""
    actor.require(Permission.READ_CASE)
    newest = (
        AuditEvent.objects.filter(operation=operation, action__in=actions)
        .values("action")
        .annotate(seq=Max("seq"))
        .values_list("seq", flat=True)
    )
    return {e.action: e for e in AuditEvent.objects.filter(seq__in=list(newest))}
