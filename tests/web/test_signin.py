"""Signing in: password then TOTP (enrolled at the first sign-in), lockout, CSRF, idle timeout, the
Content Security Policy and the health check."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.operations.models import Operation

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def _code(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def test_first_sign_in_enrols_a_totp_factor_and_later_ones_ask_for_a_code(
    operation: Operation, make_user: Callable[..., object]
):
    make_user("alice", "investigator", operation, enrolled=False)
    client = Client()
    response = client.post("/signin/", {"username": "alice", "password": PASSWORD, "next": "/"})
    assert response.status_code == 302 and response["Location"].startswith("/signin/enrol/")
    # Signed in with the password only: the workspace is not open yet.
    assert client.get(f"/o/{operation.pk}/").status_code == 302
    page = client.get("/signin/enrol/").content.decode()
    assert "<svg" in page and 'id="totp-secret"' in page and "<script>" not in page
    device = TOTPDevice.objects.get(user__username="alice", confirmed=False)
    wrong = client.post("/signin/enrol/", {"code": "12345"})
    assert "Code: enter the 6 digits" in wrong.content.decode()
    response = client.post("/signin/enrol/", {"code": _code(device), "next": f"/o/{operation.pk}/"})
    assert response.status_code == 302 and response["Location"] == f"/o/{operation.pk}/"
    assert client.get(f"/o/{operation.pk}/").status_code == 200
    assert AuditEvent.objects.filter(action="access.second-factor-enrolled", actor="user:alice").exists()

    client.post("/signout/")
    assert client.get("/").status_code == 302
    response = client.post("/signin/", {"username": "alice", "password": PASSWORD})
    assert response["Location"].startswith("/signin/verify/")
    bad = client.post("/signin/verify/", {"code": "000000" if _code(device) != "000000" else "111111"})
    assert "Code: that code is not right" in bad.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # django-otp slows down guessing; the test does not wait
    device.throttling_failure_timestamp = None
    device.save()
    assert client.post("/signin/verify/", {"code": _code(device, offset=1)}).status_code == 302
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(action="access.signed-in", actor="user:alice").exists()


def test_five_wrong_passwords_lock_the_user_out_even_with_the_right_one(
    operation: Operation, make_user: Callable[..., object]
):
    make_user("bob", "investigator", operation)
    client = Client()
    for _ in range(4):
        response = client.post("/signin/", {"username": "bob", "password": "wrong password"})
        assert response.status_code == 200
        assert "Password: user name or password not recognised" in response.content.decode()
    assert client.post("/signin/", {"username": "bob", "password": "wrong password"}).status_code == 429
    locked = client.post("/signin/", {"username": "bob", "password": PASSWORD})
    assert locked.status_code == 429 and b"Locked out" in locked.content
    assert AuditEvent.objects.filter(action="access.signin-failed", target="bob").count() >= 4


def test_forms_need_the_csrf_token(operation: Operation, make_user: Callable[..., object], signed_in):
    user = make_user("carol", "investigator", operation)
    client = signed_in(user, enforce_csrf_checks=True)
    label = operation.persons.order_by("label").first().label
    response = client.post(f"/o/{operation.pk}/persons/{label}/case/", {"status": "closed"})
    assert response.status_code == 403 and b"did not come from this site" in response.content
    page = client.get(f"/o/{operation.pk}/persons/{label}/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    ok = client.post(
        f"/o/{operation.pk}/persons/{label}/case/",
        {"status": "closed", "assignee": "", "csrfmiddlewaretoken": token.group(1)},
    )
    assert ok.status_code == 302


def test_an_idle_session_ends(operation: Operation, client_as: Callable[..., Client], settings):
    client = client_as("investigator")
    assert client.get("/").status_code == 200
    session = client.session
    session["seen"] = time.time() - settings.SESSION_IDLE_SECONDS - 5
    session.save()
    assert client.get("/").status_code == 302
    assert client.get("/").status_code == 302  # signed out, not just redirected once


def test_pages_carry_a_content_security_policy_without_inline_script(
    operation: Operation, client_as: Callable[..., Client]
):
    client = client_as("admin")
    for url in ("/", f"/o/{operation.pk}/", f"/o/{operation.pk}/persons/", "/signin/"):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        html = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert " on" + "click=" not in html and "style=" not in html


def test_health_answers_without_sign_in():
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_a_partner_user_reaches_none_of_the_investigators_pages(
    operation: Operation, client_as: Callable[..., Client]
):
    client = client_as("partner")
    home = client.get("/")
    assert home.status_code == 302 and home["Location"] == "/partner/"
    assert client.get(f"/o/{operation.pk}/").status_code == 403
    assert client.get(f"/o/{operation.pk}/persons/").status_code == 403
