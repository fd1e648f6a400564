"""A small operation worked through every stage with its packages sent, users of every role holding
API tokens, and a client that calls the API with a token."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from builders import actor, place_and_run, run_all, write_bundle
from tiaki.apps.access.services.tokens import create_token
from tiaki.apps.access.services.users import add_user
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import get_operation
from tiaki.apps.outcomes.models import Outcome
from tiaki.apps.outcomes.services.outcomes import OutcomeFields, record_outcome
from tiaki.apps.referrals.models import Dissemination
from tiaki.apps.referrals.services.agencies import AgencyFields, add_agency
from tiaki.apps.referrals.services.dissemination import send_package
from tiaki.apps.subjects.models import Person


@pytest.fixture
def operation(tmp_path: Path) -> Operation:
    """a1 and a2 (one person, by a shared e-mail) log in from NZ; a3 from the US. Every stage has run."""
    ingest(write_bundle(tmp_path / "bundle"), "op", actor=actor())
    op = get_operation("op", actor())
    place_and_run(op, tmp_path / "geo")
    return op


@dataclass(frozen=True)
class Referred:
    """The operation with its NZ package sent to NZ Police and its US package to HSI, and one
    outcome recorded on the NZ send."""

    operation: Operation
    nz_person: str
    us_person: str
    nz_send: Dissemination
    us_send: Dissemination
    outcome: Outcome

    def path(self, rest: str = "") -> str:
        return f"/api/operations/{self.operation.pk}{rest}"


@pytest.fixture
def referred(operation: Operation) -> Referred:
    add_agency(AgencyFields("NZ", "NZ Police", "liaison"), actor())
    add_agency(AgencyFields("NZ", "NZ Customs", "liaison"), actor())  # another agency of the same country
    add_agency(AgencyFields("US", "HSI", "direct"), actor())
    run_all(operation, "refer")
    nz_send = send_package(operation, "NZ", actor())
    us_send = send_package(operation, "US", actor())
    nz_person = Person.objects.get(operation=operation, country="NZ").label
    us_person = Person.objects.get(operation=operation, country="US").label
    outcome = record_outcome(
        operation,
        nz_send.pk,
        OutcomeFields(person=nz_person, kind="investigation-opened", occurred_on=date.today()),
        actor(),
    ).outcome
    return Referred(operation, nz_person, us_person, nz_send, us_send, outcome)


def _user(
    name: str, role: str, operation: Operation, *, countries: list[str] | None = None, agency: str = ""
) -> User:
    partner = role == "partner"
    return add_user(
        name,
        role,
        [operation],
        countries=countries if countries is not None else (["NZ"] if partner else []),
        agency=agency or ("NZ Police" if partner else ""),
        actor=actor(),
    )


@pytest.fixture
def token_for(operation: Operation) -> Callable[..., str]:
    """``token_for(role, name=role, countries=None, agency="")``: the secret of a new token of a new
    user with ``role`` in the operation (a partner: NZ Police, NZ, unless told otherwise)."""

    def make(role: str, name: str | None = None, **kwargs: Any) -> str:
        user = _user(name or role, role, operation, **kwargs)
        return create_token("tests", user.username, actor=actor()).secret

    return make


class Api:
    """Calls to the API with a token (or none), answering (status, JSON body)."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def call(
        self,
        method: str,
        path: str,
        token: str | None,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        response = self.respond(method, path, token, body, headers)
        return response.status_code, response.json()

    def respond(
        self,
        method: str,
        path: str,
        token: str | None,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        """The whole response (headers too), checked to be JSON."""
        headers = {**(headers or {}), **({"Authorization": f"Bearer {token}"} if token is not None else {})}
        if method == "GET":
            response = self.client.get(path, headers=headers)
        else:
            response = self.client.post(
                path, data=body if body is not None else {}, content_type="application/json", headers=headers
            )
        assert response["Content-Type"].startswith("application/json"), (path, response.content[:200])
        return response

    def get(self, path: str, token: str | None) -> tuple[int, Any]:
        return self.call("GET", path, token)

    def post(self, path: str, token: str | None, body: Any = None) -> tuple[int, Any]:
        return self.call("POST", path, token, body)


@pytest.fixture
def api() -> Api:
    # As a server sees it: Django's CSRF checks on (a token-authenticated request must not need CSRF).
    return Api(Client(enforce_csrf_checks=True))
