"""The permission matrix: every role against every page and action of the workspace, through Django's
test client. What each role may do comes from one table (``apps/core/roles.py``); a partner user
reaches none of the investigators' pages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tiaki.apps.core.roles import GRANTS, Permission, Role
from tiaki.apps.operations.models import Operation, StageJob
from tiaki.apps.subjects.models import Person, ResolutionLink

ROLES = tuple(Role.values)

pytestmark = pytest.mark.django_db


def _nz(operation: Operation) -> Person:
    return Person.objects.get(operation=operation, accounts__account__account_id="a1")


def _us(operation: Operation) -> Person:
    return Person.objects.get(operation=operation, accounts__account__account_id="a3")


def _pages(operation: Operation) -> list[tuple[str, str, Permission | None]]:
    o = operation.pk
    job = StageJob.objects.create(operation=operation, stage="triage", started_by="user:x", status="done")
    nz = _nz(operation).label
    return [
        ("operations", "/", None),
        ("dashboard", f"/o/{o}/", Permission.READ_CASE),
        ("persons", f"/o/{o}/persons/", Permission.READ_CASE),
        ("search", f"/o/{o}/persons/?q=8.8.8.8", Permission.READ_CASE),
        ("person", f"/o/{o}/persons/{nz}/", Permission.READ_CASE),
        ("review", f"/o/{o}/review/", Permission.READ_CASE),
        ("job", f"/o/{o}/jobs/{job.pk}/", Permission.READ_CASE),
        ("packages", f"/o/{o}/packages/", Permission.READ_PACKAGES),
        ("agencies", f"/o/{o}/agencies/", Permission.READ_PACKAGES),
        ("audit", f"/o/{o}/audit/", Permission.READ_AUDIT),
        ("audit verified", f"/o/{o}/audit/?verify=1", Permission.READ_AUDIT),
    ]


def _allowed(role: str, permission: Permission | None) -> bool:
    """Whether ``role`` reaches a workspace page: never a partner (the partner portal is theirs)."""
    if role == Role.PARTNER:
        return False
    return permission is None or permission in GRANTS[Role(role)]


@pytest.mark.parametrize("role", ROLES)
def test_every_page_answers_by_role(role: str, operation: Operation, client_as: Callable[..., Client]):
    client = client_as(role)
    for name, url, permission in _pages(operation):
        response = client.get(url)
        if role == Role.PARTNER and url == "/":  # a partner's home is the portal
            assert response.status_code == 302 and response["Location"] == "/partner/"
            continue
        expected = 200 if _allowed(role, permission) else 403
        assert response.status_code == expected, f"{role} GET {name}: {response.status_code}"
        if expected == 403:
            assert b"Not allowed" in response.content


@pytest.mark.parametrize("role", ROLES)
def test_every_action_is_allowed_or_refused_by_role(
    role: str, operation: Operation, client_as: Callable[..., Client]
):
    client = client_as(role)
    client_as("investigator", name="ivy")  # someone a person can be assigned to
    o = operation.pk

    def act(name: str, url: str, data: dict[str, object], permission: Permission) -> None:
        response = client.post(url, data)
        allowed = _allowed(role, permission)
        expected = 302 if allowed else 403
        assert response.status_code == expected, f"{role} POST {name}: {response.status_code}"

    nz = _nz(operation)
    act(
        "case",
        f"/o/{o}/persons/{nz.label}/case/",
        {"status": "in-progress", "assignee": "ivy"},
        Permission.CASEWORK,
    )
    link = ResolutionLink.objects.get(person=nz)
    act(
        "confirm link",
        f"/o/{o}/persons/{nz.label}/links/{link.pk}/",
        {"decision": "confirm", "reason": "same mailbox"},
        Permission.DECIDE,
    )
    act("start stage", f"/o/{o}/stages/", {"stage": "triage"}, Permission.RUN)
    nz = _nz(operation)
    act(
        "merge",
        f"/o/{o}/persons/{nz.label}/merge/",
        {"other": _us(operation).label, "reason": "same person"},
        Permission.DECIDE,
    )
    nz = _nz(operation)
    a2 = nz.accounts.get(account__account_id="a2").account
    act(
        "split",
        f"/o/{o}/persons/{nz.label}/split/",
        {"accounts": [str(a2.pk)], "reason": "another user"},
        Permission.DECIDE,
    )


def test_a_country_scoped_user_sees_only_their_countrys_persons(
    operation: Operation, make_user: Callable[..., object], signed_in: Callable[..., Client]
):
    client = signed_in(make_user("nz-only", "investigator", operation, countries=["NZ"]))
    o = operation.pk
    assert client.get(f"/o/{o}/persons/{_nz(operation).label}/").status_code == 200
    assert client.get(f"/o/{o}/persons/{_us(operation).label}/").status_code == 404
    listed = client.get(f"/o/{o}/persons/").content.decode()
    assert _nz(operation).label in listed and _us(operation).label not in listed
    assert _us(operation).label not in client.get(f"/o/{o}/persons/?q=1.1.1.1").content.decode()


def test_an_operation_the_user_has_no_role_in_answers_as_one_that_does_not_exist(
    operation: Operation, client_as: Callable[..., Client]
):
    other = Operation.objects.create(name="Op Nightjar, a name to keep")
    client = client_as("admin")
    theirs = client.get(f"/o/{other.pk}/")
    nothing = client.get("/o/999999/")
    assert theirs.status_code == nothing.status_code == 404
    assert b"Nightjar" not in theirs.content and b"no operation #999999 for you" in nothing.content
    assert client.get(f"/o/{operation.pk}/persons/P-doesnotexist/").status_code == 404
    assert client.get("/no/such/page/").status_code == 404
