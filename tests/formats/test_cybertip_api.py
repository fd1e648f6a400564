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

from tiaki.formats.cybertip import read_cybertip, read_cybertip_many
from tiaki.formats.disclosure import EstimatedLocation, FileHash
from tiaki.formats.errors import InputError
from tiaki.formats.inputs import expand_inputs

REPORT = """<?xml version="1.0" encoding="UTF-8"?>
<report xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
        xsi:noNamespaceSchemaLocation="https://report.cybertip.org/ispws/xsd">
  <reportId>{report_id}</reportId>
  <incidentSummary>
    <incidentType>Child Pornography (possession, manufacture, and distribution)</incidentType>
    <escalateToHighPriority>Ongoing contact with a child</escalateToHighPriority>
    <reportAnnotations><sextortion/><minorToMinorInteraction/></reportAnnotations>
    <incidentDateTime>2024-03-01T10:00:00.000Z</incidentDateTime>
    <incidentDateTimeDescription>first seen by the moderation queue</incidentDateTimeDescription>
  </incidentSummary>
  <internetDetails>
    <chatImIncident>
      <chatClient>Example Messenger</chatClient>
      <chatRoomName>room-7</chatRoomName>
    </chatImIncident>
  </internetDetails>
  <lawEnforcement>
    <agencyName>Example Police</agencyName>
    <caseNumber>EX-1</caseNumber>
  </lawEnforcement>
  <reporter>
    <reportingPerson>
      <firstName>Alex</firstName><lastName>Moderator</lastName>
      <email verified="true">safety@example-messenger.example.org</email>
    </reportingPerson>
    <companyTemplate>Legal process: see the provider's site.</companyTemplate>
    <legalURL>https://example-messenger.example.org/legal</legalURL>
  </reporter>
  <personOrUserReported>
    <personOrUserReportedPerson>
      <firstName>Robin</firstName><lastName>Example</lastName>
      <phone verified="false" countryCallingCode="44" type="Mobile">7700900000</phone>
      <age>34</age>
    </personOrUserReportedPerson>
    <espIdentifier>acct-100</espIdentifier>
    <espService>Example Messenger</espService>
    <screenName>robin_ex</screenName>
    <displayName>Robin</displayName>
    <displayName>R.E.</displayName>
    <ipCaptureEvent>
      <ipAddress>203.0.113.9</ipAddress>
      <eventName>Login</eventName>
    </ipCaptureEvent>
    <deviceId>
      <idType>IMEI</idType>
      <idValue>490154203237518</idValue>
      <eventName>Login</eventName>
      <dateTime>2024-02-28T09:00:00+00:00</dateTime>
    </deviceId>
    <thirdPartyUserReported>false</thirdPartyUserReported>
    <priorCTReports>1000001</priorCTReports>
    <groupIdentifier>group-abc</groupIdentifier>
    <estimatedLocation verified="false" timestamp="2024-03-01T09:00:00Z">
      <city>Leeds</city><region>West Yorkshire</region><countryCode>gb</countryCode>
    </estimatedLocation>
    <additionalInfo>account created two days before</additionalInfo>
  </personOrUserReported>
  <intendedRecipient>
    <espIdentifier>acct-200</espIdentifier>
    <screenName>kid_account</screenName>
    <estimatedLocation><countryCode>IE</countryCode></estimatedLocation>
    <accountTemporarilyDisabled><disabledDate>2024-03-02T00:00:00Z</disabledDate></accountTemporarilyDisabled>
  </intendedRecipient>
  <victim>
    <victimPerson><firstName>Sky</firstName><age>13</age>
      <email>sky@example.org</email></victimPerson>
    <schoolName>Example School</schoolName>
  </victim>
  <additionalInfo>report made from the moderation tool</additionalInfo>
</report>
"""

FILE_DETAILS = """<?xml version="1.0" encoding="UTF-8"?>
<fileDetails xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
             xsi:noNamespaceSchemaLocation="https://report.cybertip.org/ispws/xsd">
  <reportId>{report_id}</reportId>
  <fileId>{file_id}</fileId>
  <fileName>stored-{file_id}.jpg</fileName>
  <originalFileName>IMG_{file_id}.jpg</originalFileName>
  <locationOfFile>https://cdn.example.org/{file_id}</locationOfFile>
  <fileViewedByEsp>true</fileViewedByEsp>
  <exifViewedByEsp>false</exifViewedByEsp>
  <publiclyAvailable>false</publiclyAvailable>
  <fileRelevance>Reported</fileRelevance>
  <fileAnnotations><viral/><possibleSelfProduction/></fileAnnotations>
  <industryClassification>{grade}</industryClassification>
  <originalFileHash hashType="MD5">{md5}</originalFileHash>
  <originalFileHash hashType="MD5">{md5b}</originalFileHash>
  <originalFileHash hashType="PhotoDNA">opaque-photodna-value</originalFileHash>
  <ipCaptureEvent>
    <ipAddress>203.0.113.10</ipAddress>
    <eventName>Upload</eventName>
    <dateTime>2024-02-29T08:00:00</dateTime>
    <port>443</port>
  </ipCaptureEvent>
  <deviceId><idType>ICCID</idType><idValue>8944500102198304826</idValue><eventName>Upload</eventName></deviceId>
  <details type="EXIF">
    <nameValuePair><name>Model</name><value>Example Cam</value></nameValuePair>
  </details>
  <additionalInfo>uploaded from the mobile app</additionalInfo>
</fileDetails>
"""


def _report(tmp_path: Path, report_id: str = "123456789", name: str | None = None) -> Path:
    path = tmp_path / (name or f"report-{report_id}.xml")
    path.write_text(REPORT.format(report_id=report_id), encoding="utf-8")
    return path


def _details(tmp_path: Path, report_id: str, file_id: str, grade: str = "A1") -> Path:
    path = tmp_path / f"details-{report_id}-{file_id}.xml"
    md5 = f"{abs(hash(file_id)) % 16**32:032x}"
    path.write_text(
        FILE_DETAILS.format(report_id=report_id, file_id=file_id, grade=grade, md5=md5, md5b="ab" * 16),
        encoding="utf-8",
    )
    return path


def test_a_report_keeps_what_an_officer_and_triage_need(tmp_path: Path) -> None:
    d = read_cybertip(_report(tmp_path))

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


def test_file_details_documents_attach_to_their_report(tmp_path: Path) -> None:
    report = _report(tmp_path)
    first = _details(tmp_path, "123456789", "FILE1", "A1")
    second = _details(tmp_path, "123456789", "FILE2", "b2")

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
    d = read_cybertip(_details(tmp_path, "555", "F9"), timezone="UTC")

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
        _details(tmp_path, "555", "F9"), timezone="UTC", provider="Example"
    ).provider.name == ("Example")


def test_a_file_inside_its_report_and_again_in_its_own_document_is_one_upload(tmp_path: Path) -> None:
    inline = tmp_path / "r.xml"
    inline.write_text(
        "<report><reportId>77</reportId><personOrUserReported><espIdentifier>u</espIdentifier>"
        "</personOrUserReported><fileDetails><fileId>F</fileId>"
        f'<originalFileHash hashType="SHA1">{"1" * 40}</originalFileHash></fileDetails></report>',
        encoding="utf-8",
    )
    d = read_cybertip_many([inline, _details(tmp_path, "77", "F")], timezone="UTC")
    (upload,) = d.uploads
    assert upload.sha1 == "1" * 40 and upload.md5 is not None and upload.industry_classification == "A1"


def test_many_reports_in_one_command_merge_accounts_by_esp_identifier_only(tmp_path: Path) -> None:
    a, b = _report(tmp_path, "1"), _report(tmp_path, "2")
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
    report = _report(tmp_path).read_text(encoding="utf-8").replace("<countryCode>gb", "<countryCode>ZZ")
    details = _details(tmp_path, "123456789", "F").read_text(encoding="utf-8")
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
    _report(folder, "1")
    _report(folder / "sub", "2")
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
