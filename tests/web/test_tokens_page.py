"""A signed-in user's own API tokens from the workspace: created (the secret shown once, only its
digest kept), used against the API, revoked; nobody reaches another user's."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from django.test import Client

from tiaki.apps.access.models import ApiToken
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.operations.models import Operation

pytestmark = pytest.mark.django_db


def test_a_user_creates_uses_and_revokes_their_own_token(
    operation: Operation, client_as: Callable[..., Client]
):
    ivy = client_as("investigator", name="ivy")
    made = ivy.post("/account/tokens/", {"name": "case system", "expires_days": "30"})
    assert made.status_code == 200 and made["Cache-Control"].startswith("max-age=0")
    page = made.content.decode()
    secret = page.split('id="token-secret">')[1].split("<")[0]
    token = ApiToken.objects.get(user__username="ivy")
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest() and secret not in token.prefix
    assert secret not in ivy.get("/account/tokens/").content.decode()  # shown once
    assert AuditEvent.objects.filter(action="access.token-created", actor="user:ivy").exists()

    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    listed = api.get("/api/operations")
    assert listed.status_code == 200 and listed.json()["items"][0]["id"] == operation.pk

    sam = client_as("supervisor", name="sam")
    assert sam.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404  # not sam's
    assert "case system" not in sam.get("/account/tokens/").content.decode()
    assert ivy.post(f"/account/tokens/{token.pk}/revoke/").status_code == 302
    assert api.get("/api/operations").status_code == 401
    assert ivy.post(f"/account/tokens/{token.pk}/revoke/").status_code == 409

    bad = ivy.post("/account/tokens/", {"name": "", "expires_days": "99999"})
    assert bad.status_code == 422 and ApiToken.objects.count() == 1
    assert Client().get("/account/tokens/").status_code == 302  # signed in first


def test_a_partner_keeps_tokens_too_and_they_reach_only_their_agencys_sends(
    operation: Operation, client_as: Callable[..., Client]
):
    pat = client_as("partner", name="pat")
    page = pat.post("/account/tokens/", {"name": "agency system"}).content.decode()
    secret = page.split('id="token-secret">')[1].split("<")[0]
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get(f"/api/operations/{operation.pk}/sends").json()["items"] == []
    assert api.get(f"/api/operations/{operation.pk}/persons").status_code == 403
