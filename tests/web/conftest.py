"""A small operation worked through every stage, and signed-in clients for every role."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from builders import actor, place_and_run, write_bundle
from tiaki.apps.access.services.users import add_user, set_password
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import get_operation

PASSWORD = "correct horse battery staple"


@pytest.fixture
def operation(tmp_path: Path) -> Operation:
    """a1 and a2 (one person, by a shared e-mail) log in from NZ; a3 (phone +1 415 555 0132) from
    the US. Every stage has run."""
    ingest(write_bundle(tmp_path / "bundle"), "op", actor=actor())
    op = get_operation("op", actor())
    place_and_run(op, tmp_path / "geo")
    return op


def _make_user(
    name: str, role: str, operation: Operation, *, countries: list[str] | None = None, enrolled: bool = True
) -> User:
    partner = role == "partner"
    user = add_user(
        name,
        role,
        [operation],
        countries=countries or (["NZ"] if partner else []),
        agency="NZ Police" if partner else "",
        actor=actor(),
    )
    set_password(name, PASSWORD, actor=actor())
    user.refresh_from_db()
    if enrolled:
        TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user


def _signed_in(user: User, **kwargs: object) -> Client:
    """A client signed in as ``user`` with both factors (as the sign-in pages leave it)."""
    client = Client(**kwargs)  # type: ignore[arg-type]
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def make_user() -> Callable[..., User]:
    """``make_user(name, role, operation, countries=None, enrolled=True)``: a user with a password and,
    when ``enrolled``, a confirmed second factor."""
    return _make_user


@pytest.fixture
def signed_in() -> Callable[..., Client]:
    """``signed_in(user)``: a client signed in as the user with both factors."""
    return _signed_in


@pytest.fixture
def client_as(operation: Operation) -> Callable[..., Client]:
    """``client_as(role, name=role)``: a signed-in client of a new user with ``role`` in the operation."""

    def make(role: str, name: str | None = None, **kwargs: object) -> Client:
        return _signed_in(_make_user(name or role, role, operation), **kwargs)

    return make
