"""The REST API: every role against every endpoint, country and agency scope, tokens, errors, docs."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from builders import actor
from tiaki.api import api as ninja_api
from tiaki.apps.access.models import ApiToken
from tiaki.apps.access.services.tokens import create_token, revoke_token
from tiaki.apps.access.services.users import disable_user
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core.roles import GRANTS, Permission, Role
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.models import Outcome
from tiaki.apps.referrals.models import Dissemination
from tiaki.apps.referrals.services.dissemination import send_package

if TYPE_CHECKING:
    from conftest import Api, Referred

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Endpoint:
    method: str
    template: str  # as in the schema, under /api
    needs: Permission | None  # None: any role
    ok: int = 200

    def path(self, r: Referred, outcome_id: int | None = None) -> str:
        return "/api" + self.template.format(
            operation_id=r.operation.pk,
            label=r.nz_person,
            country="NZ",
            send_id=r.nz_send.pk,
            outcome_id=outcome_id or r.outcome.pk,
        )

    def body(self, r: Referred) -> dict[str, Any] | None:
        if self.template.endswith("/acknowledge"):
            return {"note": "received by the duty officer"}
        if self.template.endswith("/outcomes") and self.method == "POST":
            return {"person": r.nz_person, "kind": "arrested", "occurred_on": date.today().isoformat()}
        if self.template.endswith("/withdraw"):
            return {"reason": "recorded against the wrong person"}
        return None


OP = "/operations/{operation_id}"
ENDPOINTS = [
    Endpoint("GET", "/operations", None),
    Endpoint("GET", OP + "/persons", Permission.READ_CASE),
    Endpoint("GET", OP + "/persons/{label}", Permission.READ_CASE),
    Endpoint("GET", OP + "/packages", Permission.READ_PACKAGES),
    Endpoint("GET", OP + "/packages/{country}", Permission.READ_PACKAGES),
    Endpoint("GET", OP + "/sends", Permission.READ_PACKAGES),
    Endpoint("GET", OP + "/sends/{send_id}", Permission.READ_PACKAGES),
    Endpoint("GET", OP + "/outcomes", Permission.READ_PACKAGES),
    Endpoint("POST", OP + "/sends/{send_id}/acknowledge", Permission.ACKNOWLEDGE),
    Endpoint("POST", OP + "/sends/{send_id}/outcomes", Permission.OUTCOMES, 201),
    Endpoint("POST", OP + "/outcomes/{outcome_id}/withdraw", Permission.OUTCOMES, 201),
]


def test_the_matrix_names_every_endpoint_of_the_schema():
    schema = ninja_api.get_openapi_schema()
    published = {(m.upper(), p) for p, ops in schema["paths"].items() for m in ops}
    assert published == {(e.method, "/api" + e.template) for e in ENDPOINTS}


@pytest.mark.parametrize("role", list(Role))
def test_every_role_gets_what_its_grants_allow_at_every_endpoint(
    role: Role, referred: Referred, token_for: Callable[..., str], api: Api
):
    token = token_for(role.value)
    own: int | None = None  # the outcome this role recorded (a partner withdraws only its own)
    for endpoint in ENDPOINTS:
        allowed = endpoint.needs is None or endpoint.needs in GRANTS[role]
        path = endpoint.path(referred, own)
        status, body = api.call(endpoint.method, path, token, endpoint.body(referred))
        if endpoint.ok == 201 and status == 201 and own is None:
            own = body["id"]
        assert status == (endpoint.ok if allowed else 403), (role, endpoint, body)
        if not allowed:
            assert isinstance(body["detail"], str) and body["detail"]


def test_reads_answer_the_operation_as_the_workspace_shows_it(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    token = token_for("investigator", name="ivy")
    _, ops = api.get("/api/operations", token)
    assert ops["count"] == 1
    assert ops["items"] == [
        {
            "id": referred.operation.pk,
            "name": "op",
            "description": "",
            "role": "investigator",
            "countries": None,
            "agency": "",
        }
    ]
    _, persons = api.get(referred.path("/persons"), token)
    assert persons["count"] == 2 and [p["rank"] for p in persons["items"]] == [1, 2]
    assert {p["country"] for p in persons["items"]} == {"NZ", "US"}
    _, nz_only = api.get(referred.path("/persons?country=nz"), token)
    assert [p["label"] for p in nz_only["items"]] == [referred.nz_person]
    _, page_two = api.get(referred.path("/persons?per_page=1&page=2"), token)
    assert page_two["count"] == 2 and len(page_two["items"]) == 1 and page_two["page"] == 2
    status, person = api.get(referred.path(f"/persons/{referred.nz_person}"), token)
    assert status == 200 and person["country"] == "NZ" and person["case_status"] == "new"
    assert {a["account_id"] for a in person["accounts"]} == {"a1", "a2"}
    assert person["score"] is not None and all({"factor", "points"} <= set(x) for x in person["reasons"])
    _, packages = api.get(referred.path("/packages"), token)
    assert [(p["country"], p["agency"]) for p in packages["items"]] == [("NZ", "NZ Police"), ("US", "HSI")]
    assert all(re.fullmatch(r"[0-9a-f]{64}", p["zip_sha256"]) for p in packages["items"])
    _, sends = api.get(referred.path("/sends"), token)
    assert {s["id"] for s in sends["items"]} == {referred.nz_send.pk, referred.us_send.pk}
    _, outcomes = api.get(referred.path(f"/outcomes?send={referred.nz_send.pk}"), token)
    assert [o["id"] for o in outcomes["items"]] == [referred.outcome.pk]
    assert outcomes["items"][0]["occurred_on"] == date.today().isoformat()  # ISO dates


@pytest.mark.parametrize("content_type", ["application/json", "application/octet-stream"])
def test_an_acknowledgement_needs_no_body_as_the_docs_say(
    referred: Referred, token_for: Callable[..., str], api: Api, content_type: str
):
    token = token_for("partner", name="pat")
    response = api.client.post(  # as `curl -X POST` sends it: no body at all
        referred.path(f"/sends/{referred.nz_send.pk}/acknowledge"),
        data=b"",
        content_type=content_type,
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["acknowledgement"] == ""
    referred.nz_send.refresh_from_db()
    assert referred.nz_send.acknowledged_by == "user:pat"


def test_an_acknowledgement_with_a_null_note_or_a_bad_body_is_answered_clearly(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    token = token_for("partner", name="pat")
    ack = referred.path(f"/sends/{referred.nz_send.pk}/acknowledge")
    status, found = api.post(ack, token, {"note": None})
    assert status == 200 and found["acknowledgement"] == ""
    referred.nz_send.acknowledged_at = None
    referred.nz_send.save()
    status, refused = api.post(ack, token, {"note": 3})
    assert status == 422 and "note" in json.dumps(refused)


def test_acknowledging_and_recording_outcomes_write_through_the_services(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    token = token_for("partner", name="pat")  # NZ Police, NZ
    status, sent = api.post(referred.path(f"/sends/{referred.nz_send.pk}/acknowledge"), token, {"note": "ok"})
    assert status == 200 and sent["acknowledged_by"] == "user:pat" and sent["acknowledgement"] == "ok"
    status, again = api.post(referred.path(f"/sends/{referred.nz_send.pk}/acknowledge"), token)
    assert status == 409 and "acknowledged" in again["detail"]
    arrest = {"person": referred.nz_person, "kind": "arrested", "occurred_on": date.today().isoformat()}
    status, made = api.post(referred.path(f"/sends/{referred.nz_send.pk}/outcomes"), token, arrest)
    assert status == 201 and made["recorded_by"] == "user:pat" and made["agency"] == "NZ Police"
    assert Outcome.objects.get(pk=made["id"]).kind == "arrested"
    nonsense = {**arrest, "kind": "promoted"}
    status, body = api.post(referred.path(f"/sends/{referred.nz_send.pk}/outcomes"), token, nonsense)
    assert status == 422 and "kind" in body["detail"]
    future = {**arrest, "occurred_on": (date.today() + timedelta(days=3)).isoformat()}
    status, body = api.post(referred.path(f"/sends/{referred.nz_send.pk}/outcomes"), token, future)
    assert status == 422 and "future" in body["detail"]
    nul = {**arrest, "note": "a\x00b"}  # no database keeps NUL in text: refused, not a server error
    status, body = api.post(referred.path(f"/sends/{referred.nz_send.pk}/outcomes"), token, nul)
    assert status == 422 and "note" in body["detail"]
    status, body = api.post(referred.path(f"/sends/{referred.nz_send.pk}/outcomes"), token, {"kind": 3})
    assert status == 422 and isinstance(body["detail"], str) and "person" in body["detail"]
    status, withdrawal = api.post(
        referred.path(f"/outcomes/{made['id']}/withdraw"), token, {"reason": "wrong person"}
    )
    assert status == 201 and withdrawal["withdraws"] == made["id"]
    _, standing = api.get(referred.path("/outcomes?standing=true"), token)
    assert [o["id"] for o in standing["items"]] == [referred.outcome.pk]
    _, every = api.get(referred.path("/outcomes"), token)
    assert {o["id"]: o["withdrawn"] for o in every["items"]}[made["id"]] is True
    status, body = api.post(referred.path(f"/outcomes/{made['id']}/withdraw"), token, {"reason": "again"})
    assert status == 409
    loose = {**arrest, "kind": "children-safeguarded", "children": "7"}  # a count is a JSON number
    status, body = api.post(referred.path(f"/sends/{referred.nz_send.pk}/outcomes"), token, loose)
    assert status == 422 and "children" in body["detail"]
    theirs = referred.path(f"/outcomes/{referred.outcome.pk}/withdraw")  # recorded by the unit
    status, body = api.post(theirs, token, {"reason": "not ours to withdraw"})
    assert status == 403 and "only outcomes they recorded" in body["detail"]


def test_an_outcome_sent_again_under_its_idempotency_key_is_recorded_once(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    pat, ivy = token_for("partner", name="pat"), token_for("investigator", name="ivy")
    path = referred.path(f"/sends/{referred.nz_send.pk}/outcomes")
    arrest = {"person": referred.nz_person, "kind": "arrested", "occurred_on": date.today().isoformat()}
    key = {"Idempotency-Key": "8e03978e-40d5-43e8-bc93-6894a57f9324"}
    before = Outcome.objects.count()
    first = api.respond("POST", path, pat, arrest, key)
    assert first.status_code == 201 and "Idempotent-Replayed" not in first
    again = api.respond("POST", path, pat, arrest, key)  # a retry after a timeout
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    quoted = api.respond("POST", path, pat, arrest, {"Idempotency-Key": f'"{key["Idempotency-Key"]}"'})
    assert quoted.json()["id"] == first.json()["id"]  # the header's structured form: a quoted string
    assert Outcome.objects.count() == before + 1
    recorded = AuditEvent.objects.filter(action="outcomes.outcome-recorded", actor="user:pat")
    assert recorded.count() == 1
    status, body = api.call("POST", path, pat, {**arrest, "kind": "charged"}, key)
    assert (
        status == 422
        and "sent before with another outcome" in body["detail"]
        and f"#{first.json()['id']}" in body["detail"]
    )
    status, theirs = api.call("POST", path, ivy, arrest, key)  # a key is its sender's own
    assert status == 201 and theirs["id"] != first.json()["id"] and theirs["recorded_by"] == "user:ivy"
    status, fresh = api.call("POST", path, pat, arrest, {"Idempotency-Key": "another"})
    assert status == 201 and fresh["id"] not in (first.json()["id"], theirs["id"])
    for bad in ("", "x" * 256, "clé", "a\tb"):
        status, body = api.call("POST", path, pat, arrest, {"Idempotency-Key": bad})
        assert status == 422 and "printable ASCII" in body["detail"], bad
    status, _ = api.call("POST", path, pat, arrest)  # no key: recorded, as before
    assert status == 201 and Outcome.objects.count() == before + 4
    status, _ = api.call(
        "POST", referred.path(f"/outcomes/{first.json()['id']}/withdraw"), pat, {"reason": "duplicate"}
    )
    assert status == 201
    replay = api.respond("POST", path, pat, arrest, key)  # still the outcome the key recorded
    assert replay["Idempotent-Replayed"] == "true" and replay.json()["id"] == first.json()["id"]
    assert replay.json()["withdrawn"] is True and Outcome.objects.count() == before + 5


def test_what_a_partner_writes_is_read_never_acted_on_and_dates_are_judged_where_they_may_be(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    pat = token_for("partner", name="pat")
    path = referred.path(f"/sends/{referred.nz_send.pk}/outcomes")
    arrest = {"person": referred.nz_person, "kind": "arrested", "occurred_on": date.today().isoformat()}
    before = Outcome.objects.count()
    for field, value, kind in (
        ("note", "\x1b]8;;http://example.org\x1b\\click\x1b]8;;\x1b\\", "arrested"),
        ("note", "ctl \x1b[31mred", "arrested"),
        ("reason", "not him \u202e", "no-further-action"),
        ("passed_to", "Police\x85", "passed-to-another-agency"),
    ):
        status, body = api.post(path, pat, {**arrest, "kind": kind, field: value})
        assert status == 422 and body["detail"].startswith(f"{field}: holds the control character"), body
    status, body = api.post(path, pat, {**arrest, "kind": "passed-to-another-agency", "passed_to": "\u200b"})
    assert status == 422 and body["detail"].startswith("passed_to: name the agency")
    for field in ("reason", "passed_to"):  # what belongs to another kind is not kept silently
        status, body = api.post(path, pat, {**arrest, field: "X"})
        assert status == 422 and body["detail"].startswith(f"{field}: "), body
    for when in (1796169600, "1796169600", "20261202", "2026-12-02T00:00:00"):
        status, body = api.post(path, pat, {**arrest, "occurred_on": when})
        assert status == 422 and "YYYY-MM-DD" in body["detail"], (when, body)
    assert Outcome.objects.count() == before
    status, made = api.post(path, pat, {**arrest, "note": "line one\r\nline two\tend"})
    assert status == 201 and made["note"] == "line one\nline two\tend"
    # Today somewhere: the date at UTC+14 is never in the future; the day after it is.
    latest = (timezone.now() + timedelta(hours=14)).date()
    assert api.post(path, pat, {**arrest, "occurred_on": latest.isoformat()})[0] == 201
    status, body = api.post(path, pat, {**arrest, "occurred_on": (latest + timedelta(days=1)).isoformat()})
    assert status == 422 and "in the future" in body["detail"]
    # The day of the send somewhere: its date at UTC-12 is never before it; the day before is.
    earliest = (referred.nz_send.sent_at - timedelta(hours=12)).date()
    assert api.post(path, pat, {**arrest, "occurred_on": earliest.isoformat()})[0] == 201
    status, body = api.post(path, pat, {**arrest, "occurred_on": (earliest - timedelta(days=1)).isoformat()})
    assert status == 422 and "before the package was sent" in body["detail"]
    ack = referred.path(f"/sends/{referred.nz_send.pk}/acknowledge")
    status, body = api.post(ack, pat, {"note": "seen \x1b[2J"})
    assert status == 422 and body["detail"].startswith("note: holds the control character U+001B")
    referred.nz_send.refresh_from_db()
    assert referred.nz_send.acknowledged_at is None


def test_errors_no_endpoint_wrote_are_json_too(referred: Referred, token_for: Callable[..., str], api: Api):
    pat = token_for("partner", name="pat")
    auth = {"Authorization": f"Bearer {pat}"}
    status, body = api.get("/api/nothing/here", pat)
    assert status == 404 and "/api/docs" in body["detail"]
    path = referred.path(f"/sends/{referred.nz_send.pk}/outcomes")
    put = api.client.put(path, data="{}", content_type="application/json", headers=auth)
    assert put.status_code == 405 and put["Content-Type"].startswith("application/json")
    assert "PUT is not taken here" in put.json()["detail"] and "POST" in put["Allow"]
    huge = {
        "person": referred.nz_person,
        "kind": "arrested",
        "occurred_on": "2026-01-01",
        "note": "x" * 3_000_000,
    }
    status, body = api.post(path, pat, huge)
    assert status == 413 and "larger than" in body["detail"]
    assert api.client.get("/no-such-page/").status_code == 404  # elsewhere, pages answer as before


def test_a_country_scoped_token_never_reads_another_country_by_list_or_by_id(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    token = token_for("investigator", name="nz-only", countries=["NZ"])
    _, persons = api.get(referred.path("/persons"), token)
    assert [p["label"] for p in persons["items"]] == [referred.nz_person]
    _, us = api.get(referred.path("/persons?country=US"), token)
    assert us["count"] == 0
    assert api.get(referred.path(f"/persons/{referred.us_person}"), token)[0] == 404
    _, packages = api.get(referred.path("/packages"), token)
    assert [p["country"] for p in packages["items"]] == ["NZ"]
    assert api.get(referred.path("/packages/US"), token)[0] == 404
    _, sends = api.get(referred.path("/sends"), token)
    assert [s["id"] for s in sends["items"]] == [referred.nz_send.pk]
    us_send = referred.us_send.pk
    assert api.get(referred.path(f"/sends/{us_send}"), token)[0] == 404
    assert api.post(referred.path(f"/sends/{us_send}/acknowledge"), token)[0] == 404
    arrest = {"person": referred.us_person, "kind": "arrested", "occurred_on": date.today().isoformat()}
    assert api.post(referred.path(f"/sends/{us_send}/outcomes"), token, arrest)[0] == 404
    referred.us_send.refresh_from_db()
    assert referred.us_send.acknowledged_at is None


def test_a_partner_of_another_agency_in_the_same_country_sees_nothing_of_nz_police(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    token = token_for("partner", name="customs", agency="NZ Customs")
    for listing in ("/packages", "/sends", "/outcomes"):
        status, found = api.get(referred.path(listing), token)
        assert (status, found["count"], found["items"]) == (200, 0, []), listing
    nz = referred.nz_send.pk
    assert api.get(referred.path("/packages/NZ"), token)[0] == 404
    assert api.get(referred.path(f"/sends/{nz}"), token)[0] == 404
    assert api.post(referred.path(f"/sends/{nz}/acknowledge"), token)[0] == 404
    arrest = {"person": referred.nz_person, "kind": "arrested", "occurred_on": date.today().isoformat()}
    assert api.post(referred.path(f"/sends/{nz}/outcomes"), token, arrest)[0] == 404
    withdraw = referred.path(f"/outcomes/{referred.outcome.pk}/withdraw")
    assert api.post(withdraw, token, {"reason": "not ours"})[0] == 404
    assert api.get(referred.path("/persons"), token)[0] == 403  # a partner reads no case records
    referred.nz_send.refresh_from_db()
    assert referred.nz_send.acknowledged_at is None


def test_a_package_sent_to_a_second_agency_of_the_country_is_readable_by_that_agency_once(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    to_customs = send_package(referred.operation, "NZ", actor(), agency="NZ Customs")
    send_package(referred.operation, "NZ", actor(), agency="NZ Customs")  # sent to them twice
    customs = token_for("partner", name="customs", agency="NZ Customs")
    _, packages = api.get(referred.path("/packages"), customs)
    assert [(p["country"], p["agency"]) for p in packages["items"]] == [("NZ", "NZ Police")]
    assert packages["count"] == 1
    status, nz = api.get(referred.path("/packages/NZ"), customs)
    assert (status, nz["manifest_sha256"]) == (200, to_customs.manifest_sha256)
    _, sends = api.get(referred.path("/sends"), customs)
    assert {s["agency"] for s in sends["items"]} == {"NZ Customs"}
    assert api.get(referred.path(f"/sends/{referred.nz_send.pk}"), customs)[0] == 404  # police's, not theirs
    police = token_for("partner", name="police")
    _, theirs = api.get(referred.path("/packages"), police)
    assert [p["country"] for p in theirs["items"]] == ["NZ"]
    hsi = token_for("partner", name="hsi", agency="HSI", countries=["US"])
    _, us = api.get(referred.path("/packages"), hsi)
    assert us["items"] == [api.get(referred.path("/packages/US"), token_for("investigator", name="ivy"))[1]]


def test_guessed_ids_and_other_operations_answer_404_whether_they_exist_or_not(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    token = token_for("investigator", name="ivy")
    other = Operation.objects.create(name="someone else's")
    highest = max(Dissemination.objects.values_list("pk", flat=True))
    for path in (
        f"/api/operations/{other.pk}/persons",  # exists, no role in it
        f"/api/operations/{other.pk + 1}/persons",  # does not exist
        referred.path(f"/sends/{highest + 1}"),
        referred.path("/sends/999999"),
        referred.path("/persons/P-999999"),
        referred.path("/packages/FR"),
    ):
        status, body = api.get(path, token)
        assert status == 404, path
        assert set(body) == {"detail"}
    unknown, _ = api.get(f"/api/operations/{other.pk + 1}/persons", token)
    member_elsewhere, _ = api.get(f"/api/operations/{other.pk}/persons", token)
    assert unknown == member_elsewhere == 404
    assert api.post(referred.path(f"/outcomes/{highest + 1000}/withdraw"), token, {"reason": "x"})[0] == 404
    assert api.get(referred.path("/sends/0"), token)[0] == 422  # not an id at all


def test_every_endpoint_refuses_a_request_without_a_token_in_force(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    token = token_for("admin", name="ada")
    in_force = ApiToken.objects.get(user__username="ada")
    expired = create_token("old", "ada", actor=actor(), expires_days=1)
    ApiToken.objects.filter(pk=expired.token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    revoked = create_token("gone", "ada", actor=actor())
    revoke_token(revoked.token.pk, actor=actor())
    refused: list[str | None] = [
        None,
        "",
        "tiaki_not-a-token",
        token[:-1],
        in_force.digest,  # what is kept is no key
        expired.secret,
        revoked.secret,
    ]
    for endpoint in ENDPOINTS:
        for secret in refused:
            status, body = api.call(endpoint.method, endpoint.path(referred), secret, endpoint.body(referred))
            assert (status, body) == (401, {"detail": "Unauthorized"}), (endpoint, secret)
    # the scheme is Bearer; a session does not sign the API in
    assert Client().get("/api/operations", headers={"Authorization": f"Token {token}"}).status_code == 401
    session = Client()
    session.force_login(User.objects.get(username="ada"))
    assert session.get("/api/operations").status_code == 401
    assert api.get("/api/operations", token)[0] == 200
    disable_user("ada", actor=actor())
    assert api.get("/api/operations", token)[0] == 401


def test_tokens_are_kept_hashed_recorded_when_used_and_audited(
    referred: Referred, token_for: Callable[..., str], api: Api
):
    token = token_for("auditor", name="aud")
    row = ApiToken.objects.get(user__username="aud")
    assert row.digest == hashlib.sha256(token.encode()).hexdigest()
    assert token.startswith(row.prefix) and len(row.prefix) < len(token) // 3
    stored = json.dumps(list(ApiToken.objects.values()), default=str)
    assert token not in stored and token[len(row.prefix) :] not in stored
    assert row.last_used_at is None
    api.get("/api/operations", token)
    row.refresh_from_db()
    assert row.last_used_at is not None
    created = AuditEvent.objects.get(action="access.token-created", target="aud")
    assert created.details["prefix"] == row.prefix and token not in json.dumps(created.details)
    revoke_token(row.pk, actor=actor())
    revoked = AuditEvent.objects.get(action="access.token-revoked", target="aud")
    assert revoked.details["token"] == row.pk
    assert api.get("/api/operations", token)[0] == 401
    # a membership made inactive takes the operation away from the token's user
    other = token_for("investigator", name="ivy")
    User.objects.get(username="ivy").memberships.update(active=False)
    assert api.get(referred.path("/sends"), other)[0] == 404
    assert api.get("/api/operations", other)[1]["count"] == 0


def test_a_token_can_be_managed_by_its_owner_and_an_administrator_only(
    referred: Referred, token_for: Callable[..., str]
):
    from tiaki.apps.access.queries import tokens
    from tiaki.apps.core.actor import Actor
    from tiaki.errors import Forbidden, NotFound

    token_for("investigator", name="ivy")
    token_for("investigator", name="ian")
    ivy = User.objects.get(username="ivy")
    as_ivy = Actor(name="user:ivy", role=Role.INVESTIGATOR, user_id=ivy.pk)
    own = create_token("laptop", "ivy", actor=as_ivy, expires_days=30)
    assert own.token.created_by == "user:ivy" and own.token.expires_at is not None
    assert {t.user.username for t in tokens(as_ivy)} == {"ivy"}
    with pytest.raises(Forbidden):
        create_token("sneaky", "ian", actor=as_ivy)
    ians = ApiToken.objects.get(user__username="ian")
    with pytest.raises(NotFound):
        revoke_token(ians.pk, actor=as_ivy)  # another's token is not there for her
    revoke_token(own.token.pk, actor=as_ivy)
    assert {t.user.username for t in tokens(actor())} == {"ivy", "ian"}


def test_the_schema_and_the_offline_docs_are_served_without_inline_script():
    client = Client()
    schema = client.get("/api/openapi.json").json()
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="' in attrs or 'type="application/json"' in attrs for attrs, _ in scripts)
    assert all(not body.strip() for attrs, body in scripts if "src=" in attrs)
    (settings,) = [json.loads(body) for attrs, body in scripts if 'id="swagger-settings"' in attrs]
    assert settings["url"] == "/api/openapi.json"  # what the page's script reads to start Swagger UI
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) == 3
    for asset in assets:
        assert asset.startswith("/api/docs/")
        served = client.get(asset)
        assert served.status_code == 200 and served["Content-Type"] in ("text/css", "text/javascript")
    assert client.get("/api/docs/settings.py").status_code == 404
