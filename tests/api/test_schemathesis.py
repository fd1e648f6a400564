"""The API against its own schema (schemathesis, in process over WSGI): generated requests, valid and
invalid, with an administrator's token never get a server error and every answer conforms to the
schema; without a token every endpoint answers 401."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

if TYPE_CHECKING:
    from conftest import Referred

pytestmark = pytest.mark.django_db

BOUNDED = settings(
    max_examples=12,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def app() -> Iterator[WSGIHandler]:
    """The project's WSGI application, sharing the test's database connection: as Django's test
    client does, requests do not close the connection (that would end the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _real(referred: Referred) -> dict[str, Any]:
    """Path parameters that name what exists (generated ones almost never do)."""
    return {
        "operation_id": referred.operation.pk,
        "label": referred.nz_person,
        "country": "NZ",
        "send_id": referred.nz_send.pk,
        "outcome_id": referred.outcome.pk,
    }


def _operations(app: WSGIHandler) -> list[Any]:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    found = [result.ok() for result in schema.get_all_operations()]
    assert len(found) == 11
    return found


def _given_path(operation: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if "{" + name + "}" in operation.path}


def _run(strategy: st.SearchStrategy[Any], check: Callable[[Any], None]) -> None:
    @BOUNDED
    @given(case=strategy)
    def run(case: Any) -> None:
        check(case)

    run()


def test_generated_requests_with_a_token_never_fail_the_server_or_the_schema(
    referred: Referred, token_for: Callable[..., str], app: WSGIHandler
):
    headers = {"Authorization": f"Bearer {token_for('admin', name='ada')}"}
    checks = [not_a_server_error, response_schema_conformance, status_code_conformance]
    real = _real(referred)
    statuses: set[int] = set()

    def check(case: Any) -> None:
        response = case.call_and_validate(headers=headers, checks=checks)
        statuses.add(response.status_code)

    for operation in _operations(app):
        fixed = _given_path(operation, real)
        strategy = st.one_of(
            operation.as_strategy(),  # ids and labels as generated: mostly not there
            operation.as_strategy(path_parameters=fixed),
            operation.as_strategy(schemathesis.GenerationMode.NEGATIVE, path_parameters=fixed),
        )
        _run(strategy, check)
    assert 200 in statuses and 404 in statuses and 422 in statuses


def test_generated_requests_without_a_token_are_refused_at_every_endpoint(
    referred: Referred, app: WSGIHandler
):
    real = _real(referred)

    def check(case: Any) -> None:
        response = case.call()
        assert response.status_code == 401, (case.method, case.formatted_path, response.text[:200])
        assert response.json() == {"detail": "Unauthorized"}

    for operation in _operations(app):
        _run(operation.as_strategy(path_parameters=_given_path(operation, real)), check)
