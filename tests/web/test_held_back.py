"""Links the household guard held back reach investigators, who confirm or reject them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from builders import actor, run_all, write_bundle, write_table
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.queries import get_operation
from tiaki.apps.subjects.models import HeldBackLink, Person

pytestmark = pytest.mark.django_db

HOUSEHOLD = [
    {"account_id": "h1", "username": "kari_m", "display_name": "Kari Moana", "stated_country": "NZ"},
    {"account_id": "h2", "username": "rito_v", "display_name": "Rito Moana", "stated_country": "NZ"},
]
IDENTIFIERS = [
    {"account_id": "h1", "kind": "phone", "value": "+64 9 555 0100"},  # the household's line
    {"account_id": "h2", "kind": "phone", "value": "+6495550100"},
    {"account_id": "h1", "kind": "email", "value": "kari.moana@example.org"},
    {"account_id": "h2", "kind": "email", "value": "rito.v@example.net"},
]


@pytest.fixture
def household(tmp_path: Path):  # type: ignore[no-untyped-def]
    bundle = write_bundle(tmp_path / "b", accounts=[], ip_events=[], uploads=[])
    write_table(
        bundle / "accounts.csv", HOUSEHOLD, ["account_id", "username", "display_name", "stated_country"]
    )
    write_table(bundle / "identifiers.csv", IDENTIFIERS, ["account_id", "kind", "value"])
    ingest(bundle, "home", actor=actor())
    operation = get_operation("home", actor())
    run_all(operation, "resolve")
    return operation


@pytest.fixture
def client_in(household, make_user, signed_in):  # type: ignore[no-untyped-def]
    def make(role: str, name: str) -> Client:
        return signed_in(make_user(name, role, household))

    return make


def test_a_household_is_held_back_offered_and_confirmed(household, client_in: Callable[..., Client]):
    assert Person.objects.filter(operation=household).count() == 2  # two people, one line
    link = HeldBackLink.objects.get(operation=household)
    client = client_in("investigator", "ivy")
    page = client.get(f"/o/{household.pk}/review/").content.decode()
    assert "h1" in page and "h2" in page and "phone" in page
    response = client.post(
        f"/o/{household.pk}/review/held-back/{link.pk}/",
        {"decision": "confirm", "reason": "one person using two names"},
    )
    assert response.status_code == 302
    assert Person.objects.filter(operation=household).count() == 1
    assert not HeldBackLink.objects.exists()
    assert AuditEvent.objects.filter(action="subjects.confirm-link", actor="user:ivy").exists()
    run_all(household, "resolve")  # the decision holds, and the pair is not offered again
    assert Person.objects.filter(operation=household).count() == 1 and not HeldBackLink.objects.exists()


def test_a_reviewer_may_not_decide_a_held_back_link(household, client_in: Callable[..., Client]):
    link = HeldBackLink.objects.get(operation=household)
    client = client_in("reviewer", "rev")
    response = client.post(
        f"/o/{household.pk}/review/held-back/{link.pk}/", {"decision": "confirm", "reason": "x"}
    )
    assert response.status_code == 403 and HeldBackLink.objects.exists()
