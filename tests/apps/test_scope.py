"""An actor scoped to one country reads nothing of another, through every read function."""

from __future__ import annotations

import pytest

from builders import actor, run_all
from tiaki.apps.audit.queries import verify
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Role
from tiaki.apps.intake import queries as intake
from tiaki.apps.media import queries as media
from tiaki.apps.operations.models import Operation
from tiaki.apps.pipeline import operation_summary
from tiaki.apps.referrals import queries as referrals
from tiaki.apps.subjects import queries as subjects
from tiaki.errors import Forbidden, NotFound

pytestmark = pytest.mark.django_db

NZ = actor("nz-officer", role="investigator", countries={"NZ"})
PARTNER_US = Actor("us-partner", Role.PARTNER, frozenset({"US"}), agency="HSI")


def test_the_fixture_places_one_person_in_each_country(two_countries: Operation):
    everyone = subjects.persons(actor(), two_countries)
    assert sorted(everyone.values_list("country", flat=True)) == ["NZ", "US"]


def test_a_country_scoped_actor_reads_only_its_country(two_countries: Operation):
    op = two_countries
    assert set(subjects.persons(NZ, op).values_list("country", flat=True)) == {"NZ"}
    assert set(subjects.placed(subjects.persons(NZ, op)).values_list("country", flat=True)) == {"NZ"}
    assert sorted(intake.accounts(NZ, op).values_list("account_id", flat=True)) == ["a1", "a2"]
    assert set(intake.identifiers(NZ, op).values_list("account__account_id", flat=True)) == {"a1", "a2"}
    assert set(intake.ip_events(NZ, op).values_list("ip", flat=True)) == {"8.8.8.8"}
    assert set(intake.uploads(NZ, op).values_list("upload_id", flat=True)) == {"u1"}
    assert not intake.disclosures(NZ, op).exists()
    assert set(media.media_items(NZ, op).values_list("uploads__upload__upload_id", flat=True)) == {"u1"}
    assert set(subjects.assessments(NZ, op).values_list("person__country", flat=True)) == {"NZ"}
    assert [row[0] for row in subjects.persons_export_rows(NZ, op)] == ["a1", "a2"]
    assert set(referrals.packages(NZ, op).values_list("country", flat=True)) == {"NZ"}
    summary = operation_summary(NZ, op)
    assert (summary.accounts, summary.persons, summary.countries, summary.packages) == (2, 1, 1, 1)
    assert summary.media.items == 1 and {row.country for row in summary.top} == {"NZ"}


def test_another_countrys_records_are_not_found_by_id_either(two_countries: Operation):
    op = two_countries
    us_person = subjects.persons(actor(), op).get(country="US")
    us_item = media.media_items(actor(), op).get(uploads__upload__upload_id="u2")
    with pytest.raises(NotFound):
        subjects.find_person(NZ, op, us_person.label)
    with pytest.raises(NotFound):
        subjects.person_record(NZ, op, us_person.label)
    with pytest.raises(NotFound):
        subjects.find_account(NZ, op, "a3")
    with pytest.raises(NotFound):
        media.find_item(NZ, op, us_item.key)


def test_a_partner_reads_its_agencys_packages_and_nothing_of_the_case(two_countries: Operation):
    from tiaki.apps.referrals.services.agencies import AgencyFields, add_agency
    from tiaki.apps.referrals.services.dissemination import send_package

    op = two_countries
    assert not referrals.packages(PARTNER_US, op).exists()  # none addressed to HSI yet
    add_agency(AgencyFields("US", "HSI", "direct"), actor())
    add_agency(AgencyFields("NZ", "HSI", "direct"), actor())  # the same name elsewhere: not theirs
    run_all(op, "refer")
    assert not referrals.packages(PARTNER_US, op).exists()  # addressed to HSI, not yet sent
    send_package(op, "US", actor())
    send_package(op, "NZ", actor())
    assert set(referrals.packages(PARTNER_US, op).values_list("country", flat=True)) == {"US"}
    other = Actor("us-customs", Role.PARTNER, frozenset({"US"}), agency="CBP")
    assert not referrals.packages(other, op).exists()
    for read in (subjects.persons, intake.accounts, intake.ip_events, media.media_items):
        with pytest.raises(Forbidden):
            read(PARTNER_US, op)
    with pytest.raises(Forbidden):
        verify(PARTNER_US)


def test_a_person_who_awaits_review_is_seen_by_no_scoped_actor(two_countries: Operation):
    op = two_countries
    subjects.persons(actor(), op).filter(country="NZ").update(needs_review=True)
    assert not subjects.persons(NZ, op).exists()
    assert not intake.accounts(NZ, op).exists()
    assert not media.media_items(NZ, op).exists()
    assert subjects.persons(actor(), op).count() == 2  # an unscoped reader still sees them
