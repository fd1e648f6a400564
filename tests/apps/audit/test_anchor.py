"""Tampering with the audit log through the database alone, or with the head file too, is detected;
tiaki never moves its recorded head back to match a shorter or rewritten log."""

from __future__ import annotations

import json
import uuid

import pytest
from django.db import connection

from builders import actor
from tiaki.apps.audit import anchor, queries
from tiaki.apps.audit.chain import event_hash
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.audit.services import log
from tiaki.apps.core import keys
from tiaki.errors import Conflict, Invalid

pytestmark = pytest.mark.django_db(transaction=True)


def _events(n: int) -> None:
    for i in range(n):
        log.record("test.event", actor=actor(), operation="op", target=f"t{i}")


def _sql(statement: str, params: list[object] | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params or [])


def _problems() -> list[str]:
    result = queries.verify(actor())
    assert not result.ok
    return result.problems


def _rehash_from(seq: int) -> None:
    """What someone with database access does to hide a change: recompute every hash from ``seq`` on."""
    prev = AuditEvent.objects.get(seq=seq - 1).hash if seq > 1 else "0" * 64
    for event in AuditEvent.objects.filter(seq__gte=seq).order_by("seq"):
        event.prev_hash = prev
        digest = event_hash(event)
        _sql(
            "UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE seq = %s", [prev, digest, event.seq]
        )
        prev = digest


def test_deleting_the_newest_events_is_detected_and_no_command_writes_over_it():
    _events(4)
    _sql("DELETE FROM audit_auditevent WHERE seq >= 4")
    assert any("events deleted" in p for p in _problems())
    with pytest.raises(Conflict, match="does not match its recorded head"):
        log.record("test.event", actor=actor())
    assert anchor.read_head().seq == 5  # the head was not moved back
    assert any("events deleted" in p for p in _problems())


def test_deleting_the_whole_log_is_detected():
    _events(2)
    _sql("DELETE FROM audit_auditevent")
    result = queries.verify(actor())
    assert not result.ok and result.events == 0
    assert any("events deleted" in p for p in result.problems)


def test_a_forged_appended_event_is_detected():
    _events(2)
    last = AuditEvent.objects.order_by("-seq").first()
    forged = AuditEvent(
        seq=last.seq + 1, at=last.at, actor="intruder", action="test.event", operation="op",
        target="forged", details={}, prev_hash=last.hash,
    )  # fmt: skip
    forged.hash = event_hash(forged)
    forged.save()
    assert any("appended outside tiaki" in p for p in _problems())
    with pytest.raises(Conflict):
        log.record("test.event", actor=actor())


def test_a_new_log_id_with_a_rehashed_chain_is_detected():
    _events(3)
    genesis = AuditEvent.objects.get(seq=1)
    _sql("UPDATE audit_auditevent SET details = %s WHERE seq = 1", [json.dumps({"log_id": uuid.uuid4().hex})])
    _rehash_from(1)
    assert genesis.details["log_id"] != AuditEvent.objects.get(seq=1).details["log_id"]
    assert any("log replaced" in p or "rewritten" in p for p in _problems())


def test_an_edited_event_with_a_rehashed_chain_is_detected_by_the_head():
    _events(3)
    _sql("UPDATE audit_auditevent SET target = %s WHERE seq = 2", ["someone-else"])
    _rehash_from(2)
    assert any("rewritten" in p for p in _problems())


def test_rewriting_the_head_file_too_is_caught_by_the_signed_checkpoint():
    keys.init("unit-test")
    _events(3)
    assert queries.verify(actor()).ok
    _sql("DELETE FROM audit_auditevent WHERE seq = 4")
    last = AuditEvent.objects.order_by("-seq").first()
    anchor.head_path().write_text(
        json.dumps(
            {"log_id": AuditEvent.objects.get(seq=1).details["log_id"], "seq": last.seq, "hash": last.hash}
        )
    )
    problems = _problems()
    assert any("checkpoint signed by unit-test" in p and "events deleted" in p for p in problems)


def test_a_corrupt_or_missing_anchor_is_reported_as_such():
    keys.init("unit-test")
    _events(2)
    anchor.checkpoint_path().write_text('{"checkpoint": "garbage"}')
    assert any("signed checkpoint is not valid" in p for p in _problems())
    anchor.checkpoint_path().unlink()
    assert any("missing anchor" in p for p in _problems())
    anchor.head_path().write_text("{not json")
    assert any("corrupt anchor" in p for p in _problems())
    with pytest.raises(Conflict):
        log.record("test.event", actor=actor())
    anchor.head_path().unlink()
    assert any("anchor deleted" in p for p in _problems())


def test_many_writers_at_once_keep_the_log_and_its_head_in_step():
    import threading

    failures: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(8):
                log.record("test.event", actor=actor(f"writer-{n}"), target=f"{n}-{i}")
        except BaseException as exc:
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not failures, failures
    result = queries.verify(actor())
    assert result.ok, result.problems
    assert result.events == 6 * 8 + 1 and anchor.read_head().seq == result.events


def test_with_a_key_deleting_events_and_the_head_file_is_not_erased_by_the_next_append():
    keys.init("unit-test")
    _events(6)
    _sql("DELETE FROM audit_auditevent WHERE seq > 3")
    anchor.head_path().unlink()
    with pytest.raises(Conflict, match="checkpoint signed by unit-test"):
        log.record("test.event", actor=actor())
    assert any("anchor deleted" in p for p in _problems())


def test_a_head_left_behind_by_a_crash_is_accepted_by_a_person_and_only_then(monkeypatch):
    monkeypatch.setattr(log, "HEAD_WAIT", 0.1)
    _events(3)
    behind = AuditEvent.objects.get(seq=3)
    genesis = AuditEvent.objects.get(seq=1).details["log_id"]
    anchor.head_path().write_text(json.dumps({"log_id": genesis, "seq": 3, "hash": behind.hash}))
    with pytest.raises(Conflict, match="accept-head"):
        log.record("test.event", actor=actor())
    with pytest.raises(Invalid):
        log.accept_head(actor(), reason=" ")
    assert log.accept_head(actor(), reason="the machine lost power after a commit") == (3, 4)
    log.record("test.event", actor=actor())
    assert queries.verify(actor()).ok
    assert AuditEvent.objects.filter(action="audit.head-accepted").exists()


def test_a_broken_chain_past_the_head_is_not_accepted():
    _events(3)
    _sql("UPDATE audit_auditevent SET target = %s WHERE seq = 4", ["forged"])
    genesis = AuditEvent.objects.get(seq=1).details["log_id"]
    three = AuditEvent.objects.get(seq=3)
    anchor.head_path().write_text(json.dumps({"log_id": genesis, "seq": 3, "hash": three.hash}))
    with pytest.raises(Conflict, match="does not follow"):
        log.accept_head(actor(), reason="after a crash")
