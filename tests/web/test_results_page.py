"""The results page and its CSV and PDF downloads, by role."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from builders import actor, run_all
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core.roles import GRANTS, Permission, Role
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.queries.sent import referred_persons, sent_content
from tiaki.apps.outcomes.services.outcomes import OutcomeFields, record_outcome, withdraw_outcome
from tiaki.apps.referrals.services.agencies import AgencyFields, add_agency
from tiaki.apps.referrals.services.dissemination import send_package
from tiaki.formats.documents import check_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(operation: Operation) -> Operation:
    """The NZ and US packages sent; NZ Police reported an investigation and two children safeguarded,
    and an arrest since withdrawn."""
    add_agency(AgencyFields("NZ", "NZ Police", "liaison"), actor())
    add_agency(AgencyFields("US", "HSI", "direct"), actor())
    run_all(operation, "refer")
    sent = send_package(operation, "NZ", actor())
    send_package(operation, "US", actor(), follow_up_due=timezone.localdate() - timedelta(days=3))
    person = referred_persons(sent_content(sent))[0].person
    today = timezone.localdate()
    for kind, children in (("investigation-opened", 0), ("children-safeguarded", 2), ("arrested", 0)):
        done = record_outcome(
            operation, sent.pk, OutcomeFields(person, kind, today, children), actor()
        ).outcome
    withdraw_outcome(operation, done.pk, actor(), reason="another person")
    return operation


def _reads_results(role: Role) -> bool:
    return Permission.READ_PACKAGES in GRANTS[role]


@pytest.mark.parametrize("role", ["investigator", "supervisor", "admin"])
def test_the_page_shows_the_figures_map_chart_and_overdue_follow_ups(
    role: str, reported: Operation, client_as: Callable[..., Client]
):
    assert _reads_results(Role(role))
    client = client_as(role)
    o = reported.pk
    response = client.get(f"/o/{o}/results/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Results</h1>" in page and "investigations opened" in page
    assert 'data-iso="NZ"' in page and 'class="line"' in page  # the map and the months
    assert "HSI" in page and "acknowledgement" in page  # the US send is overdue
    assert f'href="/o/{o}/results/"' in page  # in the navigation
    assert f'href="/o/{o}/results.csv"' in page and f'href="/o/{o}/results.pdf"' in page
    assert "<script>" not in page.split("</head>", 1)[1]


def test_the_csv_and_pdf_downloads(reported: Operation, client_as: Callable[..., Client]):
    client = client_as("investigator", name="ivy")
    o = reported.pk
    response = client.get(f"/o/{o}/results.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = {r["country"]: r for r in csv.DictReader(io.StringIO(response.content.decode()))}
    assert set(rows) == {"NZ", "US", "total"}
    assert (rows["NZ"]["investigations_opened"], rows["NZ"]["children_safeguarded"]) == ("1", "2")
    assert rows["NZ"]["arrests"] == "0"  # withdrawn
    assert rows["total"]["packages_sent"] == "2"
    pdf = client.get(f"/o/{o}/results.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    check_pdf(pdf.content)
    assert AuditEvent.objects.filter(action="export.results", actor="user:ivy").count() == 2


def test_a_country_scoped_user_sees_its_countries_only(
    reported: Operation, make_user: Callable[..., object], signed_in: Callable[..., Client]
):
    client = signed_in(make_user("nina", "investigator", reported, countries=["NZ"]))
    rows = list(csv.DictReader(io.StringIO(client.get(f"/o/{reported.pk}/results.csv").content.decode())))
    assert [r["country"] for r in rows] == ["NZ", "total"]
    assert "HSI" not in client.get(f"/o/{reported.pk}/results/").content.decode()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.PARTNER and not _reads_results(r)])
def test_roles_that_do_not_read_packages_are_refused(
    role: Role, reported: Operation, client_as: Callable[..., Client]
):
    client = client_as(role.value)
    o = reported.pk
    for url in (f"/o/{o}/results/", f"/o/{o}/results.csv", f"/o/{o}/results.pdf"):
        assert client.get(url).status_code == 403, url
    assert f"/o/{o}/results/" not in client.get(f"/o/{o}/").content.decode()


def test_a_partner_never_reaches_the_results(reported: Operation, client_as: Callable[..., Client]):
    client = client_as("partner", name="pat")
    o = reported.pk
    for url in (f"/o/{o}/results/", f"/o/{o}/results.csv", f"/o/{o}/results.pdf"):
        assert client.get(url).status_code in (403, 404), url
