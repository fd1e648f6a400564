"""The media review through the workspace: the permission matrix for every review page and action,
and what the browser is sent (a derivative; the original only inside a reveal window, never cached)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.test import Client
from PIL import Image

from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core.roles import GRANTS, Permission, Role
from tiaki.apps.media.models import Exposure, MediaItem
from tiaki.apps.operations.models import Operation

ROLES = tuple(Role.values)

pytestmark = pytest.mark.django_db


def _key(operation: Operation) -> str:
    return MediaItem.objects.filter(operation=operation).order_by("key").first().key  # type: ignore[union-attr]


def _allowed(role: str, permission: Permission) -> bool:
    return permission in GRANTS[Role(role)]


@pytest.mark.parametrize("role", ROLES)
def test_every_review_page_answers_by_role(role: str, operation: Operation, client_as: Callable[..., Client]):
    client = client_as(role)
    o, key = operation.pk, _key(operation)
    pages = [
        ("queue", f"/o/{o}/media/", Permission.GRADE),
        ("item", f"/o/{o}/media/items/{key}/", Permission.GRADE),
        ("derivative", f"/o/{o}/media/items/{key}/derivative.png", Permission.GRADE),
        ("suggested", f"/o/{o}/media/suggested/", Permission.GRADE),
        ("descriptions", f"/o/{o}/media/descriptions/", Permission.GRADE),
        ("series", f"/o/{o}/media/series/", Permission.READ_CASE),
        ("exposure", f"/o/{o}/media/exposure/", Permission.SUPERVISE),
    ]
    for name, url, permission in pages:
        response = client.get(url)
        expected = 200 if _allowed(role, permission) else 403
        assert response.status_code == expected, f"{role} GET {name}: {response.status_code}"


@pytest.mark.parametrize("role", ROLES)
def test_every_review_action_is_allowed_or_refused_by_role(
    role: str, operation: Operation, client_as: Callable[..., Client]
):
    client = client_as(role)
    o, key = operation.pk, _key(operation)
    item = f"/o/{o}/media/items/{key}/"
    actions = [
        ("next", f"/o/{o}/media/next/", {}, Permission.GRADE),
        ("reveal", item + "reveal/", {"reason": "read the calendar"}, Permission.GRADE),
        (
            "description",
            item + "description/",
            {"setting": "kitchen", "children": "0", "adults": "0", "summary": "A kitchen, a wall calendar."},
            Permission.GRADE,
        ),
        ("clue", item + "clues/", {"kind": "socket", "value": "I", "series": "s1"}, Permission.GRADE),
        ("market", f"/o/{o}/media/markets/", {"product": "Kiwi Crunch", "countries": "NZ"}, Permission.GRADE),
        (
            "budget",
            f"/o/{o}/media/exposure/budget/",
            {"reviewer": "", "severe_per_day": "5"},
            Permission.SUPERVISE,
        ),
        (
            "facts",
            item + "facts/",
            {"depiction": "real", "conduct": "none", "then": "stay"},
            Permission.GRADE,
        ),
    ]
    for name, url, data, permission in actions:
        response = client.post(url, data)
        expected = 302 if _allowed(role, permission) else 403
        assert response.status_code == expected, f"{role} POST {name}: {response.status_code}"


def test_the_browser_gets_the_derivative_and_the_original_only_while_revealed(
    operation: Operation, client_as: Callable[..., Client], settings
):
    settings.REVEAL_SECONDS = 60
    client = client_as("reviewer", name="rita")
    o, key = operation.pk, _key(operation)
    page = client.get(f"/o/{o}/media/items/{key}/")
    assert page.status_code == 200 and page["Cache-Control"].startswith("no-store")
    assert f"/o/{o}/media/items/{key}/derivative.png".encode() in page.content
    assert b"/original" not in page.content
    png = client.get(f"/o/{o}/media/items/{key}/derivative.png")
    assert png["Content-Type"] == "image/png" and "no-store" in png["Cache-Control"]
    image = Image.open(io.BytesIO(png.content))
    assert image.mode == "L" and max(image.size) <= 160
    assert Exposure.objects.filter(reviewer="user:rita", event="viewed").count() == 1
    assert client.get(f"/o/{o}/media/items/{key}/original").status_code == 403
    assert client.post(f"/o/{o}/media/items/{key}/reveal/", {"reason": ""}).status_code == 422
    assert client.post(f"/o/{o}/media/items/{key}/reveal/", {"reason": "read the sign"}).status_code == 302
    revealed = client.get(f"/o/{o}/media/items/{key}/")
    assert f"/o/{o}/media/items/{key}/original".encode() in revealed.content
    assert b'http-equiv="refresh"' in revealed.content
    served = client.get(f"/o/{o}/media/items/{key}/original")
    assert served.status_code == 200 and served["Cache-Control"].startswith("no-store")
    body = b"".join(served.streaming_content)  # type: ignore[attr-defined]
    assert body.startswith(b"\xff\xd8") and served["Content-Type"] == "image/jpeg"
    actions = list(AuditEvent.objects.filter(actor="user:rita").values_list("action", flat=True))
    assert "media.revealed" in actions and "media.original-served" in actions
    # Another reviewer has no window on it.
    other = client_as("reviewer", name="otto")
    assert other.get(f"/o/{o}/media/items/{key}/original").status_code == 403


def test_the_dashboard_reports_the_share_of_media_that_needed_a_person(
    operation: Operation, client_as: Callable[..., Client]
):
    page = client_as("investigator").get(f"/o/{operation.pk}/").content.decode()
    # Two new pictures, each its own group: both needed a person.
    assert "2 of 2 media item(s) needed a person (100%)" in page
