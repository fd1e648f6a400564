"""``tiaki token create | list | revoke``, in process: the secret shown once, kept only hashed, listed
by its prefix, refused by the API once revoked; each change audited."""

from __future__ import annotations

import hashlib

import pytest
from django.test import Client
from typer.testing import CliRunner

from builders import actor
from tiaki.apps.access.models import ApiToken
from tiaki.apps.access.services.users import add_user
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.operations.models import Operation
from tiaki.cli.main import app

runner = CliRunner()
pytestmark = pytest.mark.django_db


def tiaki(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    assert result.exit_code == code, result.output + repr(result.exception)
    return result.output


def test_a_token_is_created_listed_by_prefix_and_revoked():
    operation = Operation.objects.create(name="op")
    add_user("ivy", "investigator", [operation], countries=[], agency="", actor=actor())
    out = tiaki("token", "create", "case sync", "--user", "ivy", "--expires-days", "30")
    assert "for ivy" in out and "expires" in out
    secret = next(line for line in out.splitlines() if line.startswith("tiaki_"))
    token = ApiToken.objects.get(user__username="ivy")
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest() and token.name == "case sync"
    assert token.created_by.startswith("cli:")

    listed = tiaki("token", "list")
    assert token.prefix in listed and secret not in listed and secret[len(token.prefix) :] not in listed
    assert "in force" in listed and "ivy" in listed
    assert "ivy" in tiaki("token", "list", "--user", "ivy")
    assert "there is no user 'nobody'" in tiaki("token", "list", "--user", "nobody", code=2)

    headers = {"Authorization": f"Bearer {secret}"}
    assert Client().get("/api/operations", headers=headers).status_code == 200
    assert f"revoked token #{token.pk}" in tiaki("token", "revoke", str(token.pk))
    assert Client().get("/api/operations", headers=headers).status_code == 401
    assert "was revoked" in tiaki("token", "revoke", str(token.pk), code=2)
    assert "revoked" in tiaki("token", "list")
    assert "no API token #999" in tiaki("token", "revoke", "999", code=2)

    actions = list(AuditEvent.objects.filter(target="ivy").values_list("action", flat=True))
    assert actions.count("access.token-created") == 1 and actions.count("access.token-revoked") == 1
    assert secret not in str(list(AuditEvent.objects.values_list("details", flat=True)))


def test_a_token_is_refused_for_an_unknown_user_or_an_impossible_expiry():
    operation = Operation.objects.create(name="op")
    add_user("ivy", "investigator", [operation], countries=[], agency="", actor=actor())
    assert "there is no user 'nobody'" in tiaki("token", "create", "x", "--user", "nobody", code=2)
    assert "--expires-days" in tiaki("token", "create", "x", "--user", "ivy", "--expires-days", "0", code=2)
    assert "name" in tiaki("token", "create", " ", "--user", "ivy", code=2)
    assert not ApiToken.objects.exists()
