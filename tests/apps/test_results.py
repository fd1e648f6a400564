"""The operation's results: figures per country and in total from sends and outcomes recorded through
the services, withdrawn outcomes left out, a country-scoped actor's narrower figures, the months and
the overdue follow-ups; and the CSV, HTML and PDF written from them."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, timedelta

import pytest
from django.utils import timezone

from builders import actor, run_all
from tiaki.apps.core import scope
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.queries.results import operation_results
from tiaki.apps.outcomes.queries.sent import referred_persons, sent_content
from tiaki.apps.outcomes.services.outcomes import OutcomeFields, record_outcome, withdraw_outcome
from tiaki.apps.referrals.models import Dissemination
from tiaki.apps.referrals.services.agencies import AgencyFields, add_agency
from tiaki.apps.referrals.services.dissemination import acknowledge, send_package
from tiaki.apps.subjects.models import Person
from tiaki.errors import Forbidden
from tiaki.formats import results as figures
from tiaki.formats.documents import check_pdf

pytestmark = pytest.mark.django_db


def _month(day: date) -> date:
    return day.replace(day=1)


def _person(sent: Dissemination) -> str:
    return referred_persons(sent_content(sent))[0].person


def _outcome(operation: Operation, sent: Dissemination, kind: str, on: date, **more: object) -> int:
    fields = OutcomeFields(person=_person(sent), kind=kind, occurred_on=on, **more)  # type: ignore[arg-type]
    return record_outcome(operation, sent.pk, fields, actor("ivy", "investigator")).outcome.pk


@pytest.fixture
def worked(two_countries: Operation) -> dict[str, object]:
    """Four sends and their outcomes. NZ Police got the NZ package 70 days ago and acknowledged it 60
    days ago; it reported an investigation, two searches, two arrests of the same person, a charge,
    children safeguarded twice (3 and 2) and a conviction since withdrawn. DIA (NZ) got the package
    today, due five days ago, and acknowledged it with no outcome since. HSI got the US package today,
    due two days ago, not acknowledged; it reported an investigation, a conviction and a handing on.
    The FBI got it today, due today: not overdue yet."""
    op = two_countries
    for fields in (
        AgencyFields("NZ", "NZ Police", "liaison"),
        AgencyFields("NZ", "DIA", "direct"),
        AgencyFields("US", "HSI", "direct"),
        AgencyFields("US", "FBI", "direct"),
    ):
        add_agency(fields, actor())
    run_all(op, "refer")
    now = timezone.now()
    today = timezone.localdate()
    police = send_package(op, "NZ", actor(), follow_up_due=today - timedelta(days=40))
    Dissemination.objects.filter(pk=police.pk).update(sent_at=now - timedelta(days=70))
    acknowledge(op, police.pk, actor())
    Dissemination.objects.filter(pk=police.pk).update(acknowledged_at=now - timedelta(days=60))
    police.refresh_from_db()
    dia = send_package(op, "NZ", actor(), agency="DIA", follow_up_due=today - timedelta(days=5))
    acknowledge(op, dia.pk, actor())
    hsi = send_package(op, "US", actor(), follow_up_due=today - timedelta(days=2))
    fbi = send_package(op, "US", actor(), agency="FBI", follow_up_due=today)
    nz_dates = {
        "investigation-opened": [today - timedelta(days=50)],
        "search-executed": [today - timedelta(days=45), today - timedelta(days=44)],
        "arrested": [today - timedelta(days=30), today - timedelta(days=29)],
        "charged": [today - timedelta(days=20)],
    }
    for kind, days in nz_dates.items():
        for day in days:
            _outcome(op, police, kind, day)
    _outcome(op, police, "children-safeguarded", today - timedelta(days=30), children=3)
    _outcome(op, police, "children-safeguarded", today - timedelta(days=10), children=2)
    wrong = _outcome(op, police, "convicted", today - timedelta(days=5))
    withdraw_outcome(op, wrong, actor("ivy", "investigator"), reason="recorded on the wrong person")
    _outcome(op, hsi, "investigation-opened", today)
    _outcome(op, hsi, "convicted", today)
    _outcome(op, hsi, "passed-to-another-agency", today, passed_to="State police")
    return {
        "operation": op,
        "today": today,
        "police": police,
        "dia": dia,
        "hsi": hsi,
        "fbi": fbi,
        "now": now,
        "nz_dates": nz_dates,
    }


def test_the_figures_count_sends_and_standing_outcomes_per_country(worked: dict[str, object]):
    op = worked["operation"]
    assert isinstance(op, Operation)
    today = timezone.localdate()
    found = operation_results(actor(), op, today)
    persons = Person.objects.filter(operation=op).filter(scope.placed())
    assert Counter(persons.values_list("country", flat=True)) == {"NZ": 1, "US": 1}
    rows = {r.country: r.counts for r in found.countries}
    assert set(rows) == {"NZ", "US"}
    assert rows["NZ"] == figures.Counts(
        persons=1,
        packages_written=1,
        packages_sent=2,
        acknowledged=2,
        investigations=1,
        searches=2,
        arrests=1,  # two arrests of one person
        charged=1,
        convictions=0,  # withdrawn
        children_safeguarded=5,
    )
    assert rows["US"] == figures.Counts(
        persons=1, packages_written=1, packages_sent=2, investigations=1, convictions=1, passed_on=1
    )
    assert found.totals == rows["NZ"] + rows["US"]
    totals = found.totals
    assert (totals.investigations, totals.children_safeguarded, totals.convictions) == (2, 5, 1)
    assert found.scope is None and found.operation == op.name


def test_months_count_sends_acknowledgements_and_outcomes_where_they_fell(worked: dict[str, object]):
    op, today, now = worked["operation"], worked["today"], worked["now"]
    assert isinstance(op, Operation) and isinstance(today, date)
    found = operation_results(actor(), op, today)
    expected: dict[date, Counter[str]] = {}

    def add(day: date, name: str, n: int = 1) -> None:
        expected.setdefault(_month(day), Counter())[name] += n

    add((now - timedelta(days=70)).date(), "sends")  # type: ignore[operator]
    for _ in range(3):
        add(today, "sends")
    add((now - timedelta(days=60)).date(), "acknowledgements")  # type: ignore[operator]
    add(today, "acknowledgements")
    add(today - timedelta(days=50), "investigations")
    add(today, "investigations")
    for month in {_month(today - timedelta(days=30)), _month(today - timedelta(days=29))}:
        add(month, "arrests")  # one person: once a month
    add(today, "convictions")
    add(today - timedelta(days=30), "children_safeguarded", 3)
    add(today - timedelta(days=10), "children_safeguarded", 2)
    months = {m.month: m for m in found.months}
    assert list(months) == sorted(expected)
    for month, counts in expected.items():
        assert months[month] == figures.Month(month=month, **counts), month


def test_overdue_follow_ups_are_unacknowledged_sends_and_acknowledged_ones_with_no_outcome(
    worked: dict[str, object],
):
    op, today = worked["operation"], worked["today"]
    assert isinstance(op, Operation) and isinstance(today, date)
    dia, hsi = worked["dia"], worked["hsi"]
    assert isinstance(dia, Dissemination) and isinstance(hsi, Dissemination)
    overdue = operation_results(actor(), op, today).overdue
    assert [(o.send, o.agency, o.days_overdue, o.waiting_for) for o in overdue] == [
        (dia.pk, "DIA", 5, "an outcome"),
        (hsi.pk, "HSI", 2, "acknowledgement"),
    ]  # NZ Police reported outcomes; the FBI's follow-up is due today, not past
    later = operation_results(actor(), op, today + timedelta(days=1)).overdue
    assert [o.agency for o in later] == ["DIA", "HSI", "FBI"]


def test_a_country_scoped_actor_sees_only_its_countries(worked: dict[str, object]):
    op, today = worked["operation"], worked["today"]
    assert isinstance(op, Operation) and isinstance(today, date)
    everything = operation_results(actor(), op, today)
    nz = operation_results(actor("nina", "investigator", {"NZ"}), op, today)
    assert [r.country for r in nz.countries] == ["NZ"]
    assert nz.totals == next(r.counts for r in everything.countries if r.country == "NZ")
    assert [o.agency for o in nz.overdue] == ["DIA"]
    assert sum(m.sends for m in nz.months) == 2 and sum(m.convictions for m in nz.months) == 0
    assert nz.scope == ("NZ",) and nz.scope_text == "NZ"
    nowhere = operation_results(actor("fay", "supervisor", {"FR"}), op, today)
    assert nowhere.countries == () and nowhere.totals == figures.Counts() and nowhere.months == ()


def test_only_roles_that_read_packages_and_not_partners_get_the_figures(worked: dict[str, object]):
    op, today = worked["operation"], worked["today"]
    assert isinstance(op, Operation) and isinstance(today, date)
    for role in ("reviewer", "auditor", "partner"):
        with pytest.raises(Forbidden):
            operation_results(actor("x", role, {"NZ"}), op, today)
    operation_results(actor("sue", "supervisor"), op, today)


def test_the_figures_take_a_fixed_number_of_queries(worked: dict[str, object], django_assert_max_num_queries):
    op, today = worked["operation"], worked["today"]
    assert isinstance(op, Operation) and isinstance(today, date)
    with django_assert_max_num_queries(8):
        operation_results(actor(), op, today)


def test_the_csv_html_and_pdf_carry_the_figures(worked: dict[str, object]):
    op, today = worked["operation"], worked["today"]
    assert isinstance(op, Operation) and isinstance(today, date)
    found = operation_results(actor(), op, today)
    rows = list(csv.DictReader(io.StringIO(figures.results_csv(found).decode())))
    assert [r["country"] for r in rows] == ["NZ", "US", "total"]
    assert rows[0]["children_safeguarded"] == "5" and rows[0]["convictions"] == "0"
    assert rows[2]["investigations_opened"] == "2" and rows[2]["packages_sent"] == "4"
    document = figures.render_html(found)
    assert "Investigations opened per country" in document and 'data-iso="NZ"' in document
    assert "Month by month" in document and "Overdue follow-ups" in document and "DIA" in document
    for forbidden in ("<script", "<img", "href=", "url("):
        assert forbidden not in document
    pdf = figures.render_pdf(found)
    assert pdf.startswith(b"%PDF")
    check_pdf(pdf)


def test_a_cell_that_looks_like_a_formula_is_written_as_text():
    found = figures.Results(
        operation="op",
        today=date(2025, 1, 31),
        scope=None,
        totals=figures.Counts(persons=1),
        countries=(figures.CountryResults("=1+2", figures.Counts(persons=1)),),
        months=(),
        overdue=(),
    )
    assert figures.results_csv(found).decode().splitlines()[1].startswith("'=1+2,1,")
