"""The partner portal: a partner agency's officer sees only the packages sent to their agency, reads
the dossier, downloads the package (audited), acknowledges receipt and records outcomes. Every page
and action is tried with guessed, sequential and other agencies' ids."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client

from builders import actor, run_all
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core import datadir
from tiaki.apps.core.roles import Role
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.services.operations import ensure_operation
from tiaki.apps.outcomes.models import Outcome
from tiaki.apps.referrals.models import Dissemination
from tiaki.apps.referrals.services.agencies import AgencyFields, add_agency
from tiaki.apps.referrals.services.dissemination import send_package

pytestmark = pytest.mark.django_db


@pytest.fixture
def sends(operation: Operation) -> dict[str, Dissemination]:
    """The NZ package sent to NZ Police and the US package to HSI."""
    add_agency(AgencyFields("NZ", "NZ Police", "liaison"), actor())
    add_agency(AgencyFields("US", "HSI", "direct"), actor())
    run_all(operation, "refer")
    return {c: send_package(operation, c, actor(), reference=f"LO-{c}") for c in ("NZ", "US")}


@pytest.fixture
def partner(make_user: Callable[..., User], signed_in: Callable[..., Client]) -> Callable[..., Client]:
    """``partner(name, operation, country, agency)``: a signed-in partner agency's officer."""

    def make(name: str, operation: Operation, country: str = "NZ", agency: str = "NZ Police") -> Client:
        from tiaki.apps.access.models import Membership

        user = make_user(name, "partner", operation, countries=[country])
        Membership.objects.filter(user=user).update(agency=agency)
        return signed_in(user)

    return make


def _person(sent: Dissemination) -> str:
    from tiaki.apps.outcomes.queries.sent import referred_persons, sent_content

    return referred_persons(sent_content(sent))[0].person


def test_a_partner_reads_downloads_acknowledges_and_records_outcomes(
    operation: Operation, sends: dict[str, Dissemination], partner: Callable[..., Client]
):
    o, nz = operation.pk, sends["NZ"]
    pat = partner("pat", operation)
    home = pat.get("/partner/").content.decode()
    assert f"/partner/o/{o}/sends/{nz.pk}/" in home and f"/sends/{sends['US'].pk}/" not in home
    person = _person(nz)
    page = pat.get(f"/partner/o/{o}/sends/{nz.pk}/").content.decode()
    assert person in page and "Acknowledge receipt" in page and "Record the outcome" in page
    assert "Persons" not in page.split("<main>")[0]  # none of the investigators' navigation

    dossier = pat.get(f"/partner/o/{o}/sends/{nz.pk}/dossier/")
    assert dossier.status_code == 200 and person in dossier.content.decode()
    assert dossier["Content-Security-Policy"].startswith("sandbox;")
    assert "script-src" not in dossier["Content-Security-Policy"]

    download = pat.get(f"/partner/o/{o}/sends/{nz.pk}/package/")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert hashlib.sha256(download.content).hexdigest() == nz.sent_sha256
    assert download.content == datadir.absolute(nz.sent_file).read_bytes()
    logged = AuditEvent.objects.filter(actor="user:pat").values_list("action", flat=True)
    assert {"outcomes.dossier-read", "outcomes.package-downloaded"} <= set(logged)

    assert pat.post(f"/partner/o/{o}/sends/{nz.pk}/acknowledge/", {"note": "received"}).status_code == 302
    nz.refresh_from_db()
    assert nz.acknowledged_by == "user:pat" and nz.acknowledgement == "received"
    again = pat.post(f"/partner/o/{o}/sends/{nz.pk}/acknowledge/")
    assert again.status_code == 409 and "was acknowledged on" in again.content.decode()

    today = date.today()
    url = f"/partner/o/{o}/sends/{nz.pk}/outcomes/"
    arrest = {"person": person, "kind": "arrested", "occurred_on": today.isoformat()}
    assert pat.post(url, arrest).status_code == 302
    outcome = Outcome.objects.get(kind="arrested")
    assert (outcome.person, outcome.agency.name, outcome.recorded_by) == (person, "NZ Police", "user:pat")
    assert outcome.referred_score is not None and outcome.triage_model
    page = pat.get(f"/partner/o/{o}/sends/{nz.pk}/").content.decode()
    assert "arrested" in page

    no_count = pat.post(url, {**arrest, "kind": "children-safeguarded"})
    assert (
        no_count.status_code == 422
        and "children: children safeguarded needs a count" in no_count.content.decode()
    )
    future = pat.post(url, {**arrest, "occurred_on": (today + timedelta(days=3)).isoformat()})
    assert future.status_code == 422 and "is in the future" in future.content.decode()
    stranger = pat.post(url, {**arrest, "person": "P-000000000000"})
    assert stranger.status_code == 422 and "person" in stranger.content.decode()
    no_reason = pat.post(url, {**arrest, "kind": "no-further-action"})
    assert no_reason.status_code == 422 and "no further action needs a reason" in no_reason.content.decode()
    assert pat.post(url, {**arrest, "kind": "children-safeguarded", "children": "2"}).status_code == 302
    assert Outcome.objects.count() == 2  # nothing half-written by the refused forms

    withdraw = pat.post(f"/partner/o/{o}/outcomes/{outcome.pk}/withdraw/", {"reason": "wrong person"})
    assert withdraw.status_code == 302
    assert Outcome.objects.get(withdraws=outcome).reason == "wrong person"
    twice = pat.post(f"/partner/o/{o}/outcomes/{outcome.pk}/withdraw/", {"reason": "again"})
    assert twice.status_code == 409
    assert set(AuditEvent.objects.filter(actor="user:pat").values_list("action", flat=True)) >= {
        "referrals.package-acknowledged",
        "outcomes.outcome-recorded",
        "outcomes.outcome-withdrawn",
    }


def test_the_outcome_form_sent_twice_records_one_outcome(
    operation: Operation, sends: dict[str, Dissemination], partner: Callable[..., Client]
):
    o, nz = operation.pk, sends["NZ"]
    pat = partner("pat", operation)
    page = f"/partner/o/{o}/sends/{nz.pk}/"

    def shown_key() -> str:
        found = re.search(
            r'<input type="hidden" name="request_key" value="([^"]+)"', pat.get(page).content.decode()
        )
        assert found is not None
        return found.group(1)

    key = shown_key()
    assert shown_key() != key  # a key per form shown
    url = page + "outcomes/"
    arrest = {
        "person": _person(nz),
        "kind": "arrested",
        "occurred_on": date.today().isoformat(),
        "request_key": key,
    }
    assert pat.post(url, arrest).status_code == 302
    assert pat.post(url, arrest).status_code == 302  # a second click, or the browser sending it again
    assert Outcome.objects.filter(kind="arrested").count() == 1
    other = pat.post(url, {**arrest, "kind": "charged"})  # the same form's key with another outcome
    assert other.status_code == 422 and "open the form again" in other.content.decode()
    assert pat.post(url, {**arrest, "kind": "charged", "request_key": shown_key()}).status_code == 302
    bad = pat.post(url, {**arrest, "request_key": "clé"})
    assert bad.status_code == 422 and Outcome.objects.count() == 2


def _portal_urls(o: int, send_id: int, outcome_id: int) -> list[tuple[str, str]]:
    base = f"/partner/o/{o}/sends/{send_id}/"
    return [
        ("get", base),
        ("get", base + "dossier/"),
        ("get", base + "package/"),
        ("post", base + "acknowledge/"),
        ("post", base + "outcomes/"),
        ("post", f"/partner/o/{o}/outcomes/{outcome_id}/withdraw/"),
    ]


def test_a_partner_sees_nothing_of_another_country_or_agency_by_any_id(
    operation: Operation, sends: dict[str, Dissemination], partner: Callable[..., Client]
):
    o, nz, us = operation.pk, sends["NZ"], sends["US"]
    hsi = partner("hank", operation, "US", "HSI")
    us_outcome = {
        "person": _person(us),
        "kind": "investigation-opened",
        "occurred_on": date.today().isoformat(),
    }
    assert hsi.post(f"/partner/o/{o}/sends/{us.pk}/outcomes/", us_outcome).status_code == 302
    theirs = Outcome.objects.get().pk
    pat = partner("pat", operation)
    customs = partner("cole", operation, "NZ", "NZ Customs")  # the same country, another agency
    before = AuditEvent.objects.count()
    guesses = [us.pk, us.pk + 1, nz.pk + 100, 0, 2**31 - 1]
    for client, send_ids in ((pat, guesses), (customs, [nz.pk, *guesses])):
        for send_id in send_ids:
            for method, url in _portal_urls(o, send_id, theirs):
                response = getattr(client, method)(url, {"reason": "x", "note": "x"})
                assert response.status_code == 404, f"{method} {url}: {response.status_code}"
    assert "/sends/" not in customs.get("/partner/").content.decode().split("<main>")[1]
    assert AuditEvent.objects.count() == before  # nothing was read, nothing written
    nz.refresh_from_db()
    us.refresh_from_db()
    assert nz.acknowledged_at is None and us.acknowledged_at is None and Outcome.objects.count() == 1
    other = ensure_operation("op-2", actor())
    assert pat.get(f"/partner/o/{other.pk}/sends/{nz.pk}/").status_code == 404  # as if it did not exist
    assert pat.get(f"/partner/o/{other.pk + 1}/sends/{nz.pk}/").status_code == 404


def test_what_was_sent_stays_readable_after_a_later_run_and_tampering_is_refused(
    operation: Operation, sends: dict[str, Dissemination], partner: Callable[..., Client]
):
    from tiaki.apps.referrals.models import Package
    from tiaki.apps.referrals.services.case import CaseChange, change_case

    o, nz = operation.pk, sends["NZ"]
    before = Package.objects.get(operation=operation, country="NZ").manifest_sha256
    change_case(operation, CaseChange(reference="OP-2"), actor())
    run_all(operation, "refer")  # the package is rewritten; what was sent is not
    assert Package.objects.get(operation=operation, country="NZ").manifest_sha256 != before
    pat = partner("pat", operation)
    assert pat.get(f"/partner/o/{o}/sends/{nz.pk}/").status_code == 200
    download = pat.get(f"/partner/o/{o}/sends/{nz.pk}/package/")
    assert hashlib.sha256(download.content).hexdigest() == nz.sent_sha256
    arrest = {"person": _person(nz), "kind": "arrested", "occurred_on": date.today().isoformat()}
    assert pat.post(f"/partner/o/{o}/sends/{nz.pk}/outcomes/", arrest).status_code == 302

    kept = datadir.absolute(nz.zip_file)
    kept.chmod(0o600)
    kept.write_bytes(kept.read_bytes() + b"x")
    for url in ("", "dossier/", "package/"):
        response = pat.get(f"/partner/o/{o}/sends/{nz.pk}/{url}")
        assert response.status_code == 409 and "changed since it was sent" in response.content.decode(), url


def test_bad_input_records_nothing_and_a_partner_withdraws_only_what_they_recorded(
    operation: Operation, sends: dict[str, Dissemination], partner: Callable[..., Client]
):
    from tiaki.apps.outcomes.services.outcomes import OutcomeFields, record_outcome

    o, nz = operation.pk, sends["NZ"]
    pat = partner("pat", operation)
    long_note = pat.post(f"/partner/o/{o}/sends/{nz.pk}/acknowledge/", {"note": "x" * 2001})
    assert long_note.status_code == 422 and "note:" in long_note.content.decode()
    nz.refresh_from_db()
    assert nz.acknowledged_at is None  # not acknowledged with the note lost
    by_unit = record_outcome(
        operation, nz.pk, OutcomeFields(_person(nz), "investigation-opened", date.today()), actor()
    ).outcome
    refused = pat.post(f"/partner/o/{o}/outcomes/{by_unit.pk}/withdraw/", {"reason": "not ours"})
    assert refused.status_code == 403 and not Outcome.objects.filter(withdraws=by_unit).exists()
    too_long = pat.post(f"/partner/o/{o}/outcomes/{by_unit.pk}/withdraw/", {"reason": "y" * 2001})
    assert too_long.status_code == 422 and "reason:" in too_long.content.decode()


def test_a_partners_agency_is_matched_exactly_as_the_directory_names_it(
    operation: Operation, sends: dict[str, Dissemination], partner: Callable[..., Client]
):
    o, nz = operation.pk, sends["NZ"]
    lookalike = partner("lou", operation, "NZ", "nz police")
    assert lookalike.get(f"/partner/o/{o}/sends/{nz.pk}/").status_code == 404
    assert lookalike.post(f"/partner/o/{o}/sends/{nz.pk}/acknowledge/").status_code == 404
    nz.refresh_from_db()
    assert nz.acknowledged_at is None


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.PARTNER])
def test_the_portal_is_only_for_partners_and_the_workspace_never_for_them(
    role: str,
    operation: Operation,
    sends: dict[str, Dissemination],
    client_as: Callable[..., Client],
    partner: Callable[..., Client],
):
    o, nz = operation.pk, sends["NZ"]
    staff = client_as(role)
    for method, url in _portal_urls(o, nz.pk, 1):
        assert getattr(staff, method)(url).status_code == 403, f"{role} {method} {url}"
    pat = partner("pat", operation)
    for url in (f"/o/{o}/", f"/o/{o}/packages/", f"/o/{o}/agencies/", f"/o/{o}/persons/", f"/o/{o}/audit/"):
        assert pat.get(url).status_code == 403, url
    assert pat.post(f"/o/{o}/packages/sends/{nz.pk}/acknowledge/").status_code == 403


def test_the_portal_needs_a_signed_in_partner(operation: Operation, sends: dict[str, Dissemination]):
    anonymous = Client()
    for method, url in [("get", "/partner/"), *_portal_urls(operation.pk, sends["NZ"].pk, 1)]:
        response = getattr(anonymous, method)(url)
        assert response.status_code in (302, 403) and not Outcome.objects.exists(), url
        if method == "get":
            assert response["Location"].startswith("/signin/"), url


def test_a_partner_sees_that_a_person_moved_to_their_country_and_when(
    operation: Operation, partner: Callable[..., Client]
):
    """A person placed where they moved to (engines.placement) is listed with the country they left
    and the first day in the partner's."""
    from tiaki.apps.subjects.models import Person

    mover = Person.objects.get(operation=operation, country="NZ")
    mover.country_evidence = {**mover.country_evidence, "moved_from": "AU", "moved_since": "2019-02-11"}
    mover.save(update_fields=["country_evidence"])
    add_agency(AgencyFields("NZ", "NZ Police", "liaison"), actor())
    run_all(operation, "refer")
    nz = send_package(operation, "NZ", actor(), reference="LO-NZ")
    page = partner("pat", operation).get(f"/partner/o/{operation.pk}/sends/{nz.pk}/").content.decode()
    moved = '<small class="moved">moved here from AU on 2019-02-11</small>'
    assert f"<code>{mover.label}</code><br>{moved}" in page
