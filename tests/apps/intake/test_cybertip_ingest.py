"""CyberTipline reports and file details, any number at once, kept whole and used downstream."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import actor, run_all
from specimens import details_file, report_file
from tiaki.apps.intake.models import Account, Device, IPEvent, Report, SafeguardingLead, Upload
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.queries import get_operation
from tiaki.apps.subjects.models import Person
from tiaki.apps.subjects.queries import current, person_record
from tiaki.errors import Invalid

pytestmark = pytest.mark.django_db


def _documents(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    report_file(folder, "111")
    report_file(folder, "222")
    details_file(folder, "111", "f1", grade="A1")
    details_file(folder, "222", "f2", grade="B2")
    return folder


def test_a_folder_of_reports_and_file_details_is_one_disclosure(tmp_path: Path):
    result = ingest([_documents(tmp_path)], "op", actor=actor(), timezone="Europe/London")
    assert result.created and result.counts["reports"] == 2
    assert set(Report.objects.values_list("report_id", flat=True)) == {"111", "222"}
    report = Report.objects.get(report_id="111")
    assert report.escalation == "Ongoing contact with a child" and "sextortion" in report.annotations
    account = Account.objects.get(account_id="acct-100")  # one person, named in both reports
    assert account.report_ids == ["111", "222"] and account.estimated_country == "GB"
    assert account.details["age"] == 34 and "R.E." in account.details["display_names"]
    upload = Upload.objects.get(upload_id__endswith="f1")
    assert upload.industry_classification == "A1" and upload.original_name == "IMG_f1.jpg"
    assert [h[0] for h in upload.hashes].count("MD5") == 2 and [
        "PhotoDNA",
        "opaque-photodna-value",
    ] in upload.hashes
    assert "viral" in upload.annotations and upload.details["stored_name"] == "stored-f1.jpg"
    assert IPEvent.objects.filter(timestamp__isnull=True).exists()  # an event without a time is kept
    assert IPEvent.objects.filter(upload_id=upload.upload_id).exists()
    assert Device.objects.filter(id_type="IMEI", value="490154203237518").exists()
    assert Device.objects.filter(id_type="ICCID", upload_id=upload.upload_id).exists()
    assert set(SafeguardingLead.objects.values_list("role", flat=True)) == {"victim", "intended_recipient"}


def test_times_without_an_offset_need_a_timezone(tmp_path: Path):
    with pytest.raises(Invalid, match="--timezone"):
        ingest([_documents(tmp_path)], "op", actor=actor())
    assert not Report.objects.exists()


def test_escalation_and_the_providers_grades_raise_triage_and_leads_reach_the_persons_file(tmp_path: Path):
    ingest([_documents(tmp_path)], "op", actor=actor(), timezone="Europe/London")
    operation = get_operation("op", actor())
    run_all(operation, "media", "resolve", "locate", "triage")
    person = Person.objects.get(accounts__account__account_id="acct-100")
    reasons = {r["factor"]: r for r in current(person.assessments.all()).get().reasons}
    assert reasons["provider escalated to high priority"]["points"] == 15
    assert reasons["provider graded the files"]["points"] == 5 + 3  # A1 and B2
    record = person_record(actor(), operation, person.label)
    assert {lead.role for lead in record.leads} == {"victim", "intended_recipient"}


def test_the_reporters_estimated_country_is_placement_evidence(tmp_path: Path):
    from tiaki.apps.intake.models import Identifier

    ingest([_documents(tmp_path)], "op", actor=actor(), timezone="Europe/London")
    operation = get_operation("op", actor())
    # Take the phone's country away (its events carry documentation addresses that place nowhere), and
    # let the report's estimate differ from anything the account says.
    Identifier.objects.filter(kind="phone").update(value="12")
    Account.objects.filter(account_id="acct-100").update(estimated_country="IE")
    run_all(operation, "resolve", "locate")
    person = Person.objects.get(accounts__account__account_id="acct-100")
    assert person.country == "IE"


def test_an_event_without_a_time_is_placed_as_of_its_report(tmp_path: Path):
    from datetime import UTC, datetime

    from mmdb_helpers import write_country_mmdb
    from tiaki.apps.operations.services.operations import SettingsChange, change_settings
    from tiaki.apps.subjects.models import GeoResult

    ingest([_documents(tmp_path)], "op", actor=actor(), timezone="Europe/London")
    operation = get_operation("op", actor())
    geo = tmp_path / "geo"
    geo.mkdir()
    # The reports' incidents are on 2024-03-01: January's snapshot is the one of their time.
    january = int(datetime(2024, 1, 10, tzinfo=UTC).timestamp())
    june = int(datetime(2024, 6, 10, tzinfo=UTC).timestamp())
    write_country_mmdb(geo / "jan.mmdb", {"203.0.113.0/24": "NZ"}, january)
    write_country_mmdb(geo / "jun.mmdb", {"203.0.113.0/24": "AU"}, june)
    change_settings(operation, SettingsChange(geo_dir=geo), actor())
    run_all(operation, "resolve", "locate")
    undated = GeoResult.objects.get(ip_event__ip="203.0.113.9", ip_event__report_id="111")
    assert undated.ip_event.timestamp is None
    assert undated.country == "NZ" and str(undated.source.build_date) == "2024-01-10"
