"""CyberTipline documents shaped as the Reporting API carries them: a report, its files' details in
documents of their own, many of them at once (folder, glob, zip), and inputs that must never crash.

Every specimen is written here to the public shape of the schema; all values are invented
(example.org, documentation IP ranges, hashes of nothing).
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from specimens import FILE_DETAILS, REPORT, details_file, report_file
from tiaki.formats.cybertip import read_cybertip, read_cybertip_many
from tiaki.formats.disclosure import EstimatedLocation, FileHash
from tiaki.formats.errors import InputError
from tiaki.formats.inputs import expand_inputs


def test_a_report_keeps_what_an_officer_and_triage_need(tmp_path: Path) -> None:
    d = read_cybertip(report_file(tmp_path))

    (report,) = d.reports
    assert report.report_id == "123456789" and d.disclosure_id == "123456789"
    assert report.escalate_to_high_priority == "Ongoing contact with a child"
    assert report.annotations == ["sextortion", "minorToMinorInteraction"]
    assert report.incident_at == datetime(2024, 3, 1, 10, tzinfo=UTC)
    assert report.incident_at_description == "first seen by the moderation queue"
    assert report.internet_details == [
        ("chatImIncident", [("chatClient", "Example Messenger"), ("chatRoomName", "room-7")])
    ]
    assert report.law_enforcement == [("agencyName", "Example Police"), ("caseNumber", "EX-1")]
    assert ("companyTemplate", "Legal process: see the provider's site.") in report.reporter_details
    assert report.reporter_name == "Alex Moderator"
    assert report.notes == ["report made from the moderation tool"]
    # No espName in the schema: the reported person's service names the provider.
    assert d.provider.name == report.provider_name == "Example Messenger"
    assert d.provider.contact == "safety@example-messenger.example.org"

    (account,) = d.accounts
    assert account.account_id == "acct-100" and account.report_ids == ["123456789"]
    assert account.display_names == ["Robin", "R.E."] and account.age == 34
    assert account.estimated_location == EstimatedLocation(
        "GB", "West Yorkshire", "Leeds", False, datetime(2024, 3, 1, 9, tzinfo=UTC)
    )
    assert (account.third_party_user, account.prior_report_ids, account.group_identifiers) == (
        False,
        ["1000001"],
        ["group-abc"],
    )
    assert account.notes == ["account created two days before"]
    phone = next(i for i in d.identifiers if i.kind == "phone")
    assert (phone.value, phone.verified, phone.subtype) == ("+44 7700900000", False, "Mobile")
    (device,) = d.devices
    assert (device.id_type, device.value, device.event) == ("IMEI", "490154203237518", "login")
    assert device.observed_at == datetime(2024, 2, 28, 9, tzinfo=UTC)
    (event,) = d.ip_events
    assert (event.ip, event.timestamp, event.event, event.report_id) == (
        "203.0.113.9",
        None,
        "login",
        "123456789",
    )

    victim, recipient = d.safeguarding_leads
    assert (recipient.role, recipient.lead_id) == ("intended_recipient", "123456789/intended_recipient-1")
    assert (recipient.esp_identifier, recipient.screen_name, recipient.account_disabled) == (
        "acct-200",
        "kid_account",
        "temporarily",
    )
    assert recipient.estimated_location == EstimatedLocation("IE")
    assert recipient.subject_account_ids == ["acct-100"]
    assert (victim.role, victim.name, victim.age, victim.school_name) == (
        "victim",
        "Sky",
        13,
        "Example School",
    )
    assert [(i.kind, i.value) for i in victim.identifiers] == [("name", "Sky"), ("email", "sky@example.org")]
    # Leads never become accounts: they are people to protect, not suspects.
    assert {a.account_id for a in d.accounts} == {"acct-100"}


def test_file_details_documents_attach_to_theirreport_file(tmp_path: Path) -> None:
    report = report_file(tmp_path)
    first = details_file(tmp_path, "123456789", "FILE1", "A1")
    second = details_file(tmp_path, "123456789", "FILE2", "b2")

    d = read_cybertip_many([first, report, second], timezone="Europe/London")

    one, two = d.uploads
    assert (one.upload_id, one.account_id, one.report_id) == ("FILE1", "acct-100", "123456789")
    assert (one.original_name, one.stored_name) == ("IMG_FILE1.jpg", "stored-FILE1.jpg")
    assert one.location_url == "https://cdn.example.org/FILE1"
    assert (one.viewed_by_provider, one.exif_viewed_by_provider, one.publicly_available) == (
        True,
        False,
        False,
    )
    assert (one.relevance, one.industry_classification, two.industry_classification) == (
        "Reported",
        "A1",
        "B2",
    )
    assert one.annotations == ["viral", "possibleSelfProduction"]
    # Two MD5 values: the first in md5, both (and the PhotoDNA, as written) in hashes.
    assert one.md5 is not None and [h.hash_type for h in one.hashes] == ["MD5", "MD5", "PhotoDNA"]
    assert one.hashes[1] == FileHash("MD5", "ab" * 16)
    assert one.details == [("EXIF", "Model", "Example Cam")]
    assert one.notes == ["uploaded from the mobile app"]
    file_event = next(e for e in d.ip_events if e.upload_id == "FILE1")
    # A local time read under --timezone Europe/London (winter: UTC+0).
    assert file_event.timestamp == datetime(2024, 2, 29, 8, tzinfo=UTC) and file_event.port == 443
    file_device = next(x for x in d.devices if x.upload_id == "FILE1")
    assert (file_device.id_type, file_device.account_id, file_device.event) == ("ICCID", "acct-100", "upload")
    assert d.reports[0].upload_ids == ["FILE1", "FILE2"]
    assert d.source_files == [first, report, second]


def test_file_details_alone_are_kept_under_their_report_number(tmp_path: Path) -> None:
    d = read_cybertip(details_file(tmp_path, "555", "F9"), timezone="UTC")

    (upload,) = d.uploads
    assert (upload.upload_id, upload.report_id, upload.account_id) == (
        "F9",
        "555",
        "cybertip:555:unattributed",
    )
    (report,) = d.reports
    assert (report.report_id, report.upload_ids, report.incident_type) == ("555", ["F9"], None)
    assert d.disclosure_id == "555" and d.provider.name == "unknown ESP (CyberTipline report)"
    assert read_cybertip(
        details_file(tmp_path, "555", "F9"), timezone="UTC", provider="Example"
    ).provider.name == ("Example")


def test_a_file_inside_its_report_and_again_in_its_own_document_is_one_upload(tmp_path: Path) -> None:
    inline = tmp_path / "r.xml"
    inline.write_text(
        "<report><reportId>77</reportId><personOrUserReported><espIdentifier>u</espIdentifier>"
        "</personOrUserReported><fileDetails><fileId>F</fileId>"
        f'<originalFileHash hashType="SHA1">{"1" * 40}</originalFileHash></fileDetails></report>',
        encoding="utf-8",
    )
    d = read_cybertip_many([inline, details_file(tmp_path, "77", "F")], timezone="UTC")
    (upload,) = d.uploads
    assert upload.sha1 == "1" * 40 and upload.md5 is not None and upload.industry_classification == "A1"


def test_many_reports_in_one_command_merge_accounts_by_esp_identifier_only(tmp_path: Path) -> None:
    a, b = report_file(tmp_path, "1"), report_file(tmp_path, "2")
    no_id = tmp_path / "3.xml"
    no_id.write_text(
        "<report><reportId>3</reportId><personOrUserReported><screenName>robin_ex</screenName>"
        "</personOrUserReported></report>",
        encoding="utf-8",
    )
    d = read_cybertip_many([a, b, no_id])
    assert [acc.account_id for acc in d.accounts] == ["acct-100", "cybertip:3:person-1"]
    assert d.accounts[0].report_ids == ["1", "2"]
    assert d.disclosure_id == "cybertip-1-3-3"
    assert len(d.safeguarding_leads) == 4


def test_a_real_id_shaped_like_a_generated_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.xml"
    path.write_text(
        "<reports><report><reportId>9</reportId><personOrUserReported><screenName>x</screenName>"
        "</personOrUserReported></report><report><reportId>10</reportId><personOrUserReported>"
        "<espIdentifier>cybertip:9:person-1</espIdentifier></personOrUserReported></report></reports>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="generated"):
        read_cybertip(path)


@pytest.mark.parametrize(
    ("replace", "field"),
    [
        ("<industryClassification>A1", "fileDetails/industryClassification"),
        ("<countryCode>gb", "personOrUserReported/estimatedLocation/countryCode"),
    ],
)
def test_bad_codes_are_refused_with_the_field(tmp_path: Path, replace: str, field: str) -> None:
    report = report_file(tmp_path).read_text(encoding="utf-8").replace("<countryCode>gb", "<countryCode>ZZ")
    details = details_file(tmp_path, "123456789", "F").read_text(encoding="utf-8")
    details = details.replace("<industryClassification>A1", "<industryClassification>C3")
    both = tmp_path / "both.xml"
    chosen = report if "country" in replace else details
    both.write_text(chosen, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_cybertip(both, timezone="UTC")
    assert caught.value.field == field and caught.value.file == "both.xml"


def test_file_details_naming_no_report_in_a_batch_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "b.xml"
    path.write_text(
        "<batch><report><reportId>1</reportId></report><report><reportId>2</reportId></report>"
        "<fileDetails><fileId>x</fileId></fileDetails></batch>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="reportId"):
        read_cybertip(path)


def test_inputs_from_a_folder_a_glob_and_a_zip(tmp_path: Path) -> None:
    folder = tmp_path / "op"
    (folder / "sub").mkdir(parents=True)
    report_file(folder, "1")
    report_file(folder / "sub", "2")
    (folder / "notes.txt").write_text("not a report", encoding="utf-8")
    archive = tmp_path / "more.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("batch/r3.xml", REPORT.format(report_id="3"))
        zf.writestr(
            "batch/d3.xml",
            FILE_DETAILS.format(report_id="3", file_id="Z", grade="A2", md5="0" * 32, md5b="1" * 32),
        )
        zf.writestr("__MACOSX/._r3.xml", "resource fork")
    work = tmp_path / "work"

    files = expand_inputs(
        [folder / "report-1.xml", str(folder / "**" / "report-2.xml"), archive], work, suffixes={".xml"}
    )
    assert [f.name for f in files[:2]] == ["report-1.xml", "report-2.xml"]
    assert [f.name for f in files[2:]] == ["d3.xml", "r3.xml"]
    assert all(work in f.parents for f in files[2:])
    with pytest.raises(InputError, match="more than once"):  # the glob names report-2.xml again
        read_cybertip_many(expand_inputs([folder, str(folder / "sub" / "*.xml")], tmp_path / "w2"))

    assert [f.name for f in expand_inputs(folder, tmp_path / "w3", suffixes={".xml"})] == [
        "report-1.xml",
        "report-2.xml",
    ]
    d = read_cybertip_many(files, timezone="UTC")
    assert {r.report_id for r in d.reports} == {"1", "2", "3"}
    assert [u.upload_id for u in d.uploads] == ["Z"]


@pytest.mark.parametrize(
    ("member", "message"),
    [("../escape.xml", "outside"), ("/abs.xml", "outside"), ("C:/win.xml", "outside")],
)
def test_unsafe_zips_are_refused(tmp_path: Path, member: str, message: str) -> None:
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(member, "<report/>")
    with pytest.raises(InputError, match=message) as caught:
        expand_inputs(archive, tmp_path / "work")
    assert caught.value.file == "bad.zip"
    assert not (tmp_path / "escape.xml").exists()


def test_zip_size_budget(tmp_path: Path) -> None:
    archive = tmp_path / "big.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.xml", "x" * 10_000)
    with pytest.raises(InputError, match="expand"):
        expand_inputs(archive, tmp_path / "work", max_total=1000)
    with pytest.raises(InputError, match="matches no file"):
        expand_inputs(str(tmp_path / "*.nothing"), tmp_path / "work")


FRAGMENTS = st.sampled_from(
    [
        "<report>",
        "</report>",
        "<fileDetails>",
        "</fileDetails>",
        "<reportId>1</reportId>",
        "<fileId>f</fileId>",
        "<personOrUserReported>",
        "</personOrUserReported>",
        "<espIdentifier>a</espIdentifier>",
        "<ipCaptureEvent><ipAddress>192.0.2.1</ipAddress>",
        "</ipCaptureEvent>",
        "<dateTime>2024-01-01T00:00:00</dateTime>",
        "<dateTime>garbage</dateTime>",
        '<originalFileHash hashType="MD5">00</originalFileHash>',
        "<industryClassification>A1</industryClassification>",
        "<estimatedLocation><countryCode>NZ</countryCode></estimatedLocation>",
        "<victim><victimPerson><age>x</age></victimPerson></victim>",
        "<port>70000</port>",
        "<deviceId><idValue>d</idValue><eventName>Nope</eventName></deviceId>",
        "&amp;",
        "<!DOCTYPE r>",
        "\x00",
        "é",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(FRAGMENTS, max_size=20), noise=st.binary(max_size=20))
def test_any_input_parses_or_raises_input_error(tmp_path: Path, parts: list[str], noise: bytes) -> None:
    path = tmp_path / "fuzz.xml"
    path.write_bytes("".join(parts).encode("utf-8") + noise)
    try:
        read_cybertip(path)
    except InputError as error:
        assert error.file == "fuzz.xml"
