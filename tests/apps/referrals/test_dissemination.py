"""Agencies, case details, the package's context and handling, sealing, sending and acknowledging."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from builders import actor, run_all
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core import datadir
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.models import Agency, Dissemination, Package
from tiaki.apps.referrals.queries import agencies, dispatch_index, follow_ups_due
from tiaki.apps.referrals.services.agencies import AgencyFields, add_agency, remove_agency
from tiaki.apps.referrals.services.case import CaseChange, change_case
from tiaki.apps.referrals.services.dissemination import acknowledge, seal_packages, send_package
from tiaki.apps.subjects.models import Person, TriageAssessment
from tiaki.engines import sealing
from tiaki.errors import Conflict, Forbidden, Invalid, NotFound
from tiaki.formats.package import verify_package

pytestmark = pytest.mark.django_db


def _files(operation: Operation, country: str) -> dict[str, bytes]:
    package = Package.objects.get(operation=operation, country=country)
    with zipfile.ZipFile(datadir.absolute(package.zip_path)) as archive:
        return {info.filename.split("/", 1)[1]: archive.read(info) for info in archive.infolist()}


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode())))


def test_agencies_are_checked_kept_and_removed_by_those_who_may(two_countries: Operation):
    keys = sealing.generate_identity()
    agency = add_agency(AgencyFields("nz", "NZ Police", "liaison", recipient=keys.recipient), actor())
    assert (agency.country, agency.primary) == ("NZ", True)
    second = add_agency(
        AgencyFields("NZ", "DIA", "direct", grading_scheme="uk-caid"), actor("sup", "supervisor")
    )
    assert not second.primary
    with pytest.raises(Conflict):
        add_agency(AgencyFields("NZ", "NZ Police", "direct"), actor())
    for bad in (
        AgencyFields("NZL", "X", "direct"),
        AgencyFields("NZ", "X", "pigeon"),
        AgencyFields("NZ", "X", "direct", grading_scheme="nope"),
        AgencyFields("NZ", "X", "direct", recipient="age1notakey"),
    ):
        with pytest.raises(Invalid):
            add_agency(bad, actor())
    with pytest.raises(Forbidden):
        add_agency(AgencyFields("US", "FBI", "direct"), actor("ivy", "investigator"))
    assert [a.name for a in agencies(actor("p", "partner", {"US"}))] == []
    assert [a.name for a in agencies(actor())] == ["NZ Police", "DIA"]
    remove_agency("NZ", "DIA", actor())
    assert AuditEvent.objects.filter(action="referrals.agency-removed").exists()
    with pytest.raises(NotFound):
        remove_agency("NZ", "DIA", actor())


def test_a_package_carries_sender_case_handling_and_why_each_person_is_sent(two_countries: Operation):
    add_agency(AgencyFields("NZ", "NZ Police", "liaison", contact="desk@example.org", language="fr"), actor())
    change_case(
        two_countries,
        CaseChange(
            unit="Unit One",
            contact="unit@example.org",
            reference="OP-2019-01",
            legal_basis="Mutual assistance treaty, art. 5",
            tlp="amber+strict",
            handling_code="H1",
            source_reliability="A",
            information="2",
        ),
        actor(),
    )
    with pytest.raises(Invalid, match="H3 needs a note"):
        change_case(two_countries, CaseChange(handling_code="H3"), actor())
    with pytest.raises(Invalid, match=r"TLP 2\.0"):
        change_case(two_countries, CaseChange(tlp="white"), actor())
    run_all(two_countries, "refer")
    files = _files(two_countries, "NZ")
    manifest = json.loads(files["manifest.json"])
    assert manifest["marking"]["tlp"] == "TLP:AMBER+STRICT" and manifest["marking"]["evaluation"] == "A2"
    assert manifest["case_reference"] == "OP-2019-01" and manifest["addressee"]["name"] == "NZ Police"
    context = json.loads(files["context.json"])
    assert context["sender"]["unit"] == "Unit One" and context["case"]["legal_basis"].startswith("Mutual")
    assert context["providers"][0]["legal_contact"] == "legal@example.org"
    person = context["persons"][0]
    assert person["triage_score"] > 0 and person["reasons"] and all(r["evidence"] for r in person["reasons"])
    persons = _rows(files["persons.csv"])
    assert {(p["tlp"], p["handling_code"], p["evaluation"]) for p in persons} == {
        ("TLP:AMBER+STRICT", "H1", "A2")
    }
    reasons = _rows(files["reasons.csv"])
    assert {r["person_id"] for r in reasons} == {p["person_id"] for p in persons}
    readme = files["README.md"].decode()
    for expected in ("TLP:AMBER+STRICT · H1 · A2", "Unit One", "OP-2019-01", "Mutual assistance", "age -d"):
        assert expected in readme, expected
    html = files["dossier.html"].decode()
    assert "Dossier de signalement" in html and html.count("TLP:AMBER+STRICT · H1 · A2") >= 2
    events = _rows(files["ip_events.csv"])
    assert events and {"network_asn", "network_org"} <= set(events[0])
    assert verify_package(datadir.absolute(Package.objects.get(country="NZ").zip_path)) == []


def test_persons_with_a_score_of_zero_and_no_reason_are_left_out_and_counted(two_countries: Operation):
    us = Person.objects.get(operation=two_countries, country="US")
    TriageAssessment.objects.filter(person=us).update(score=0, reasons=[])
    from tiaki.apps.referrals.services.packages import write_packages

    summaries = write_packages(two_countries, actor=actor())
    assert [s.country for s in summaries] == ["NZ"]
    assert not Package.objects.filter(country="US").exists()
    event = AuditEvent.objects.filter(action="referrals.packages-written").latest("seq")
    assert event.details["left_out"] == {"US": 1}
    nz = Person.objects.get(operation=two_countries, country="NZ")
    TriageAssessment.objects.filter(person=nz).update(score=0)  # reasons alone still send a person
    write_packages(two_countries, actor=actor())
    assert Package.objects.get(country="NZ").persons == 1


def test_a_sealed_package_opens_with_the_agency_key_only_and_its_send_is_logged(two_countries: Operation):
    keys, other = sealing.generate_identity(), sealing.generate_identity()
    add_agency(AgencyFields("NZ", "NZ Police", "liaison", recipient=keys.recipient), actor())
    add_agency(AgencyFields("US", "HSI", "direct"), actor())
    run_all(two_countries, "refer")
    results = {r.country: r for r in seal_packages(two_countries, actor())}
    assert "no public key" in results["US"].reason and results["NZ"].sealed_path.endswith(".zip.age")
    nz = Package.objects.get(country="NZ")
    sealed = datadir.absolute(nz.sealed_path).read_bytes()
    assert sealing.decrypt_with(sealed, keys.identity) == datadir.absolute(nz.zip_path).read_bytes()
    with pytest.raises(sealing.WrongKeyError):
        sealing.decrypt_with(sealed, other.identity)

    with pytest.raises(Forbidden):
        send_package(two_countries, "NZ", actor("rita", "reviewer"))
    sent = send_package(two_countries, "NZ", actor("ivy", "investigator"), reference="LO-1")
    assert (sent.sent_sha256, sent.channel) == (nz.sealed_sha256, "liaison")
    kept = datadir.absolute(sent.sent_file)  # a read-only copy of what went, beside the package
    assert kept.read_bytes() == sealed and kept.name.endswith(".zip.age") and kept.stat().st_mode & 0o222 == 0
    assert datadir.absolute(sent.zip_file).read_bytes() == datadir.absolute(nz.zip_path).read_bytes()
    assert sent.follow_up_due == date.today() + timedelta(days=30)
    late = send_package(two_countries, "US", actor(), follow_up_due=date.today() - timedelta(days=1))
    assert late.sent_sha256 == Package.objects.get(country="US").zip_sha256  # not sealed: the zip went
    assert list(follow_ups_due(actor(), two_countries, date.today())) == [late]
    assert list(follow_ups_due(actor("p", "partner", {"NZ"}), two_countries, date.today())) == []
    acknowledge(two_countries, late.pk, actor(), note="received, assigned")
    with pytest.raises(Conflict):
        acknowledge(two_countries, late.pk, actor())
    assert list(follow_ups_due(actor(), two_countries, date.today())) == []
    index = {r.country: r for r in dispatch_index(actor(), two_countries)}
    assert index["NZ"].sealed and index["NZ"].agency == "NZ Police" and index["US"].acknowledged
    assert index["NZ"].zip_sha256 == nz.zip_sha256 and index["NZ"].top_score == nz.top_score > 0
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"referrals.package-sealed", "referrals.package-sent", "referrals.package-acknowledged"} <= actions
    with pytest.raises(Conflict):
        remove_agency("NZ", "NZ Police", actor())  # something was sent to it: it stays for the log
    assert Dissemination.objects.count() == 2 and Agency.objects.count() == 2


def test_a_rewritten_package_drops_its_stale_sealed_copy(two_countries: Operation, tmp_path: Path):
    keys = sealing.generate_identity()
    add_agency(AgencyFields("NZ", "NZ Police", "liaison", recipient=keys.recipient), actor())
    run_all(two_countries, "refer")
    seal_packages(two_countries, actor(), ["NZ"])
    sealed = datadir.absolute(Package.objects.get(country="NZ").sealed_path)
    run_all(two_countries, "refer")  # nothing changed: the sealed copy stays
    assert sealed.is_file() and Package.objects.get(country="NZ").sealed_sha256
    change_case(two_countries, CaseChange(reference="OP-2"), actor())
    run_all(two_countries, "refer")
    assert not sealed.exists() and Package.objects.get(country="NZ").sealed_path == ""


def test_each_event_carries_its_network_owner_as_the_geolocation_stage_recorded_it(two_countries: Operation):
    from tiaki.apps.referrals.queries import network_owner_fields
    from tiaki.apps.subjects.models import GeoResult

    asn, organisation = network_owner_fields()
    events = _rows(_files(two_countries, "NZ")["ip_events.csv"])
    assert events
    for event in events:
        geo = GeoResult.objects.get(
            ip_event__ip=event["ip"], ip_event__account__account_id=event["account_id"]
        )
        expected_asn = getattr(geo, asn) if asn else None
        expected_org = getattr(geo, organisation) if organisation else ""
        assert event["network_asn"] == ("" if expected_asn is None else str(expected_asn))
        assert event["network_org"] == expected_org


def test_a_package_written_before_its_country_had_an_agency_says_to_run_refer_again(
    two_countries: Operation,
):
    run_all(two_countries, "refer")  # the directory is empty: the packages are addressed to no one
    with pytest.raises(Invalid, match="no agency for NZ: add one"):
        send_package(two_countries, "NZ", actor())
    add_agency(AgencyFields("NZ", "NZ Police", "liaison"), actor())
    with pytest.raises(Invalid, match=r"written before .* \(NZ Police\): run refer again"):
        send_package(two_countries, "NZ", actor())
    assert send_package(two_countries, "NZ", actor(), agency="NZ Police").agency.name == "NZ Police"
    run_all(two_countries, "refer")
    assert send_package(two_countries, "NZ", actor()).agency.name == "NZ Police"


def test_a_person_placed_where_they_moved_to_is_sent_with_where_from_and_since_when(two_countries: Operation):
    """The package's persons.csv and dossier say that the NZ person moved from Australia, and when;
    the US person, who did not move, has both columns empty."""
    person = Person.objects.get(operation=two_countries, country="NZ")
    person.country_evidence = {**person.country_evidence, "moved_from": "AU", "moved_since": "2019-02-11"}
    person.save(update_fields=["country_evidence"])
    run_all(two_countries, "refer")
    nz, us = _files(two_countries, "NZ"), _files(two_countries, "US")
    (row,) = _rows(nz["persons.csv"])
    assert (row["person_id"], row["moved_from"], row["moved_since"]) == (person.label, "AU", "2019-02-11")
    assert [(r["moved_from"], r["moved_since"]) for r in _rows(us["persons.csv"])] == [("", "")]
    assert "<dt>Moved here from</dt><dd>AU (2019-02-11)</dd>" in nz["dossier.html"].decode()
    assert "Moved here from" not in us["dossier.html"].decode()
