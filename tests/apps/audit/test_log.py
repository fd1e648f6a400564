from __future__ import annotations

import pytest
from django.db import connection

from builders import actor
from tiaki.apps.audit import chain, queries
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.audit.services import log

pytestmark = pytest.mark.django_db(transaction=True)


def _write_events(n: int) -> None:
    for i in range(n):
        log.record("test.event", actor=actor("tester"), operation="op", target=f"t{i}", details={"i": i})


def test_a_fresh_log_verifies_and_starts_with_a_genesis_event():
    _write_events(3)
    result = queries.verify(actor())
    assert result.ok, result.problems
    assert result.events == 4
    assert AuditEvent.objects.get(seq=1).action == "audit.genesis"
    assert [e.seq for e in AuditEvent.objects.all()] == [1, 2, 3, 4]


def test_events_cannot_be_changed_or_deleted_through_the_model():
    _write_events(1)
    event = AuditEvent.objects.last()
    event.target = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def _sql(statement: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_an_edited_event_is_detected():
    _write_events(3)
    _sql("UPDATE audit_auditevent SET target = %s WHERE seq = %s", ["someone-else", 3])
    result = queries.verify(actor())
    assert not result.ok
    assert any("#3" in p and "edited" in p for p in result.problems)


def test_a_deleted_event_in_the_middle_is_detected():
    _write_events(4)
    _sql("DELETE FROM audit_auditevent WHERE seq = %s", [3])
    result = queries.verify(actor())
    assert not result.ok
    assert any("#4" in p for p in result.problems)


def test_a_deleted_last_event_is_detected_through_the_head():
    _write_events(3)
    _sql("DELETE FROM audit_auditevent WHERE seq = %s", [4])
    result = queries.verify(actor())
    assert not result.ok
    assert any("deleted from the end" in p for p in result.problems)


def test_an_inserted_event_is_detected_even_with_a_plausible_hash():
    _write_events(2)
    # Shift the last event up and insert a forged one, hashed correctly on its own.
    last = AuditEvent.objects.get(seq=3)
    _sql("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [4, 3])
    forged = AuditEvent(
        seq=3,
        at=last.at,
        actor="intruder",
        action="test.event",
        operation="op",
        target="forged",
        details={},
        prev_hash=AuditEvent.objects.get(seq=2).hash,
    )
    forged.hash = chain.event_hash(forged)
    forged.save()
    result = queries.verify(actor())
    assert not result.ok
    assert any("#4" in p for p in result.problems)
