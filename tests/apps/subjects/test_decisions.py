"""Investigators' decisions about persons survive every re-run and are audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import actor, write_bundle
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.queries import get_operation as _get_operation
from tiaki.apps.subjects.models import Person, ResolutionDecision
from tiaki.apps.subjects.queries import find_account as _find_account
from tiaki.apps.subjects.queries import person_record as _person_record
from tiaki.apps.subjects.services.decisions import decide, merge_persons, split_person
from tiaki.apps.subjects.services.resolve import resolve
from tiaki.errors import Invalid, NotFound

pytestmark = pytest.mark.django_db


@pytest.fixture
def operation(tmp_path: Path):
    ingest(write_bundle(tmp_path / "b"), "op", actor=actor("tester"))
    op = get_operation("op")
    resolve(op, actor=actor("tester"))  # a1+a2 share an email; a3 alone
    return op


def _persons() -> list[list[str]]:
    return sorted(
        sorted(p.accounts.values_list("account__account_id", flat=True)) for p in Person.objects.all()
    )


def test_a_rejected_link_splits_the_person_and_stays_split_after_a_rerun(operation):
    a1, a2 = find_account(operation, "a1"), find_account(operation, "a2")
    decide(
        operation, "reject-link", [(a1, a2)], reason="different people in one household", actor=actor("inv")
    )
    assert _persons() == [["a1"], ["a2"], ["a3"]]
    resolve(operation, actor=actor("tester"))
    assert _persons() == [["a1"], ["a2"], ["a3"]]
    assert AuditEvent.objects.filter(action="subjects.reject-link", actor=actor("inv")).count() == 1


def test_a_merge_then_a_split_and_the_latest_decision_counts(operation):
    first = Person.objects.get(accounts__account__account_id="a1").label
    other = Person.objects.get(accounts__account__account_id="a3").label
    merge_persons(operation, first, other, reason="same device seen in seized phone", actor=actor("inv"))
    assert _persons() == [["a1", "a2", "a3"]]
    record = person_record(operation, Person.objects.get().label)
    assert {link.method for link in record.links} == {"hard-identifier", "investigator"}
    assert [d.kind for d in record.decisions] == ["merge"]
    split_person(
        operation, Person.objects.get().label, ["a3"], reason="the device was shared", actor=actor("inv")
    )
    assert _persons() == [["a1", "a2"], ["a3"]]
    resolve(operation, actor=actor("tester"))
    assert _persons() == [["a1", "a2"], ["a3"]]
    assert ResolutionDecision.objects.count() == 3  # one merge pair, two split pairs


def test_bad_decisions_are_refused(operation):
    a1 = find_account(operation, "a1")
    with pytest.raises((Invalid, NotFound), match="reason"):
        decide(
            operation, "reject-link", [(a1, find_account(operation, "a2"))], reason=" ", actor=actor("inv")
        )
    with pytest.raises((Invalid, NotFound), match="two different"):
        decide(operation, "reject-link", [(a1, a1)], reason="x", actor=actor("inv"))
    with pytest.raises((Invalid, NotFound), match="no account"):
        find_account(operation, "nobody")
    label = Person.objects.get(accounts__account__account_id="a1").label
    with pytest.raises((Invalid, NotFound), match="at least one"):
        split_person(operation, label, ["a1", "a2"], reason="x", actor=actor("inv"))
    assert not ResolutionDecision.objects.exists()


def test_confirming_a_link_between_joined_accounts_adds_its_evidence_and_both_sides_show_it(operation):
    a1, a2 = find_account(operation, "a1"), find_account(operation, "a2")
    summary = decide(operation, "confirm-link", [(a2, a1)], reason="seen together", actor=actor("inv"))
    assert (summary.persons_created, summary.persons_removed) == (0, 0)  # the same person as before
    record = person_record(operation, Person.objects.get(accounts__account__account_id="a1").label)
    assert {link.method for link in record.links} == {"hard-identifier", "investigator"}
    assert [d.kind for d in record.decisions] == ["confirm-link"]  # account_b of the decision is a1


def get_operation(name: str):
    return _get_operation(name, actor())


def find_account(operation, ref: str):
    return _find_account(actor(), operation, ref)


def person_record(operation, label: str):
    return _person_record(actor(), operation, label)


def test_a_decision_keeps_the_persons_place_case_and_queue_position(two_countries):
    from tiaki.apps.subjects.models import PersonCase
    from tiaki.apps.subjects.queries import current

    before = Person.objects.get(accounts__account__account_id="a1")
    score = current(before.assessments.all()).get().score
    PersonCase.objects.create(person=before, status="in-progress", updated_by="inv")
    a1, a2 = find_account(two_countries, "a1"), find_account(two_countries, "a2")
    decide(two_countries, "reject-link", [(a1, a2)], reason="two people", actor=actor("inv"))
    for account in ("a1", "a2"):
        after = Person.objects.get(accounts__account__account_id=account)
        assert after.pk != before.pk
        assert (after.country, after.needs_review) == ("NZ", False)
        assert after.case.status == "in-progress"
        assert current(after.assessments.all()).get().score == score
