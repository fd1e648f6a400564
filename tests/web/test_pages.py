"""The workspace's pages: what they show, what they audit, how they refuse bad input."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.audit.services.log import checkpoint_now
from tiaki.apps.operations.models import Operation
from tiaki.apps.subjects.models import Person, PersonCase, ResolutionDecision, ResolutionLink

pytestmark = pytest.mark.django_db


def _holder(operation: Operation, account_id: str) -> Person:
    return Person.objects.get(operation=operation, accounts__account__account_id=account_id)


def test_the_person_file_shows_the_evidence_and_is_audited(
    operation: Operation, client_as: Callable[..., Client]
):
    client = client_as("investigator", name="ivy")
    nz = _holder(operation, "a1")
    page = client.get(f"/o/{operation.pk}/persons/{nz.label}/").content.decode()
    for expected in ("a1", "a2", "river.stone@example.com", "8.8.8.8", "NZ", "Triage", "Confirm", "Reject"):
        assert expected in page, expected
    event = AuditEvent.objects.filter(action="subjects.person-viewed").latest("seq")
    assert (event.actor, event.target, event.operation) == ("user:ivy", nz.label, "op")
    assert "Moved here from" not in page
    # Placed where they moved to (engines.placement): the page says from where and since when.
    nz.country_evidence = {**nz.country_evidence, "moved_from": "AU", "moved_since": "2019-02-11"}
    nz.save(update_fields=["country_evidence"])
    page = client.get(f"/o/{operation.pk}/persons/{nz.label}/").content.decode()
    assert "<strong>Moved here from</strong> AU · in NZ since 2019-02-11" in page


@pytest.mark.parametrize(
    "typed",
    [
        "+1 415 555 0132",
        "(415) 555-0132",
        "001 415 555 0132",
        "RIVER.STONE@example.COM",
        "8.8.8.8",
        "blue_kite",
    ],
)
def test_search_finds_a_person_from_an_identifier_written_any_way(
    typed: str, operation: Operation, client_as: Callable[..., Client]
):
    client = client_as("investigator", name="ivy")
    expected = _holder(operation, "a3" if typed[0] in "+(0b" else "a1").label
    page = client.get(f"/o/{operation.pk}/persons/", {"q": typed}).content.decode()
    assert f"/persons/{expected}/" in page
    others = {p.label for p in Person.objects.filter(operation=operation)} - {expected}
    assert not any(f"/persons/{o}/" in page for o in others)
    assert AuditEvent.objects.filter(action="subjects.searched", target=typed, actor="user:ivy").exists()


def test_rejecting_a_link_records_the_decision_and_its_audit_event(
    operation: Operation, client_as: Callable[..., Client]
):
    client = client_as("investigator", name="ivy")
    nz = _holder(operation, "a1")
    link = ResolutionLink.objects.get(person=nz)
    response = client.post(
        f"/o/{operation.pk}/persons/{nz.label}/links/{link.pk}/",
        {"decision": "reject", "reason": "different people at one address"},
    )
    assert response.status_code == 302
    assert _holder(operation, "a1").pk != _holder(operation, "a2").pk  # applied at once
    decision = ResolutionDecision.objects.get()
    assert (decision.kind, decision.actor) == ("reject-link", "user:ivy")
    page = client.get(response["Location"]).content.decode()
    assert "different people at one address" in page
    event = AuditEvent.objects.get(action="subjects.reject-link")
    assert event.actor == "user:ivy" and event.details["reason"] == "different people at one address"


def test_a_form_error_names_the_field_and_writes_nothing(
    operation: Operation, client_as: Callable[..., Client]
):
    client = client_as("investigator", name="ivy")
    nz = _holder(operation, "a1")
    link = ResolutionLink.objects.get(person=nz)
    events = AuditEvent.objects.count()
    response = client.post(f"/o/{operation.pk}/persons/{nz.label}/links/{link.pk}/", {"decision": "reject"})
    assert response.status_code == 422 and "Reason: give a reason" in response.content.decode()
    response = client.post(
        f"/o/{operation.pk}/persons/{nz.label}/case/", {"status": "in-progress", "assignee": "nobody-here"}
    )
    assert (
        response.status_code == 422
        and "Assignee: assignee: &#x27;nobody-here&#x27;" in response.content.decode()
    )
    response = client.post(f"/o/{operation.pk}/persons/{nz.label}/case/", {"status": "finished"})
    assert response.status_code == 422 and "Status: Select a valid choice" in response.content.decode()
    response = client.post(f"/o/{operation.pk}/persons/{nz.label}/merge/", {"other": "P-none", "reason": "x"})
    assert response.status_code == 422 and "no person &#x27;P-none&#x27;" in response.content.decode()
    assert not ResolutionDecision.objects.exists() and not PersonCase.objects.exists()
    # Only the re-rendered pages' views were audited.
    assert set(AuditEvent.objects.filter(seq__gt=events).values_list("action", flat=True)) <= {
        "subjects.person-viewed"
    }


def test_case_status_and_assignment_filter_the_persons_list(
    operation: Operation, client_as: Callable[..., Client]
):
    client = client_as("supervisor", name="sam")
    client_as("investigator", name="ivy")
    nz, us = _holder(operation, "a1"), _holder(operation, "a3")
    assert (
        client.post(
            f"/o/{operation.pk}/persons/{nz.label}/case/", {"status": "in-progress", "assignee": "ivy"}
        ).status_code
        == 302
    )
    case = PersonCase.objects.get(person=nz)
    assert (case.status, case.assignee.username, case.updated_by) == ("in-progress", "ivy", "user:sam")
    listed = client.get(f"/o/{operation.pk}/persons/", {"assignee": "ivy"}).content.decode()
    assert nz.label in listed and us.label not in listed
    listed = client.get(f"/o/{operation.pk}/persons/", {"status": "new"}).content.decode()
    assert us.label in listed and nz.label not in listed
    listed = client.get(f"/o/{operation.pk}/persons/", {"country": "US"}).content.decode()
    assert us.label in listed and nz.label not in listed
    bad = client.get(f"/o/{operation.pk}/persons/", {"band": "enormous"})
    assert bad.status_code == 422 and b"band: &#x27;enormous&#x27;" in bad.content
    review = client.get(f"/o/{operation.pk}/review/").content.decode()
    assert "ivy" in review and "in-progress" in review


def test_the_dashboard_shows_the_funnel_map_charts_and_stages(
    operation: Operation, client_as: Callable[..., Client]
):
    page = client_as("admin").get(f"/o/{operation.pk}/").content.decode()
    assert 'data-iso="NZ"' in page and "From accounts to packages" in page
    assert "Triage scores" in page and "Known and new media" in page and "IP events per month" in page
    for stage in ("media", "resolve", "locate", "triage", "refer"):
        assert f'value="{stage}"' in page
    assert "not yet" not in page.split('id="stages"')[1]  # every stage has run


def test_the_dashboard_keeps_its_figures_until_a_change_and_one_request_counts_them_again(
    operation: Operation, client_as: Callable[..., Client]
):
    from django.core.cache import caches

    from builders import actor, run_all
    from tiaki.apps.subjects.models import Person
    from tiaki.web.panels import dashboard_figures

    admin = actor()
    first, up_to_date = dashboard_figures(admin, operation)
    assert up_to_date and first.summary.persons == Person.objects.filter(operation=operation).count()
    again, _ = dashboard_figures(admin, operation)
    assert again.counted_at == first.counted_at  # kept, not counted again
    nz_only = actor("nz", countries={"NZ"})
    scoped, _ = dashboard_figures(nz_only, operation)
    assert scoped.summary.persons < first.summary.persons  # each scope its own figures

    run_all(operation, "triage")  # a change: the version moves on
    key = f"tiaki:figures:{operation.pk}:{operation.created_at.timestamp()}:*"
    assert caches["figures"].add(key + ":counting", 1, 60)  # another request is counting them
    stale, up_to_date = dashboard_figures(admin, operation)
    assert not up_to_date and stale.counted_at == first.counted_at
    page = client_as("admin").get(f"/o/{operation.pk}/").content.decode()
    assert "being counted again" in page
    caches["figures"].delete(key + ":counting")
    fresh, up_to_date = dashboard_figures(admin, operation)
    assert up_to_date and fresh.version > first.version and fresh.counted_at > first.counted_at


def test_the_audit_page_filters_and_verifies_the_chain(
    operation: Operation, client_as: Callable[..., Client]
):
    client = client_as("auditor", name="aud")
    nz = _holder(operation, "a1")
    client_as("investigator", name="ivy").get(f"/o/{operation.pk}/persons/{nz.label}/")
    checkpoint_now()  # this test's transaction never commits: record the head as a commit would
    page = client.get(
        f"/o/{operation.pk}/audit/", {"actor": "user:ivy", "action": "subjects.", "verify": "1"}
    ).content.decode()
    assert "subjects.person-viewed" in page and nz.label in page
    assert "stage.resolve" not in page
    assert "The chain is intact" in page
