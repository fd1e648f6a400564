"""The CyberTipline XML reader: a sample report, several reports in one file, and refused input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tiaki.formats.cybertip import read_cybertip
from tiaki.formats.errors import InputError

SAMPLE = Path(__file__).parent / "data" / "cybertip-sample.xml"


def write(tmp_path: Path, text: str, name: str = "report.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_cybertip(path)
    return caught.value


def test_sample_report() -> None:
    d = read_cybertip(SAMPLE)
    assert d.source_format == "cybertipline-xml"
    assert d.disclosure_id == "90000001"
    assert d.provider.name == "Example Photos Inc."
    assert d.provider.contact == "trust-safety@example.org"
    assert d.description == "Child Pornography (possession, manufacture, and distribution)"
    assert d.source_files == [SAMPLE] and d.media_root is None

    sam, second = d.accounts
    assert (sam.account_id, sam.username, sam.display_name) == ("user-4711", "sam_example", "Sam E.")
    assert sam.platform == "Example Photos Albums"
    assert sam.profile_url == "https://photos.example.org/u/sam_example"
    # No espIdentifier: an id from the report number and position, never the screen name.
    assert (second.account_id, second.username, second.platform) == (
        "cybertip:90000001:person-2",
        "second_user",
        "Example Photos",
    )
    assert sam.report_ids == second.report_ids == ["90000001"]

    identifiers = {(i.account_id, i.kind, i.value, i.verified) for i in d.identifiers}
    assert identifiers == {
        ("user-4711", "name", "Example, Sam", None),
        ("user-4711", "email", "sam@example.org", True),
        ("user-4711", "email", "sam.second@example.org", None),
        ("user-4711", "phone", "+64 210000000", None),
        ("user-4711", "dob", "1985-04-12", None),
        ("user-4711", "address", "1 Example Street, Exampletown, 0000, NZ", None),
        ("user-4711", "device", "0000example0000", None),
    }
    (device,) = d.devices
    assert (device.account_id, device.id_type, device.value, device.upload_id) == (
        "user-4711",
        "Android ID",
        "0000example0000",
        None,
    )

    login, registration, upload_by_second, upload_by_sam = d.ip_events
    assert (login.account_id, login.ip, login.event, login.port, login.possible_proxy) == (
        "user-4711",
        "192.0.2.15",
        "login",
        50123,
        False,
    )
    assert login.timestamp == datetime(2019, 8, 30, 8, 15, tzinfo=timezone(timedelta(hours=12)))
    assert registration.ip == "2001:db8::7" and registration.event == "registration"
    assert upload_by_second.account_id == "cybertip:90000001:person-2"
    assert upload_by_second.possible_proxy is True and upload_by_second.upload_id is None
    assert upload_by_sam.account_id == "user-4711" and upload_by_sam.event == "upload"
    assert upload_by_sam.upload_id == "f0000000000000000000000000000001"

    first, second_file = d.uploads
    assert first.upload_id == "f0000000000000000000000000000001"
    assert first.account_id == "user-4711"  # no owner named: the first reported person
    assert first.original_name == "holiday-001.jpg"
    assert first.md5 == "0123456789abcdef0123456789abcdef"
    assert first.sha1 == "0123456789abcdef0123456789abcdef01234567"
    assert first.sha256 is None and first.file is None
    assert first.uploaded_at == datetime(2019, 8, 31, 10, tzinfo=UTC)
    assert (first.viewed_by_provider, first.publicly_available) == (True, False)
    assert [h.hash_type for h in first.hashes] == ["MD5", "SHA1", "PhotoDNA"]  # PhotoDNA kept, as written
    assert first.hashes[2].value == "not kept by this reader"
    assert second_file.upload_id == "cybertip:90000001:file-1"
    assert second_file.account_id == "cybertip:90000001:person-2"
    assert second_file.original_name == second_file.stored_name == "scan-002.png"
    assert second_file.sha256 is not None
    (report,) = d.reports
    assert report.report_id == "90000001" and report.provider_name == "Example Photos Inc."
    assert report.internet_details == [("webPageIncident", [("url", "https://photos.example.org/album/123")])]
    assert report.upload_ids == [first.upload_id, second_file.upload_id]


def test_several_reports_under_one_root(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"""<?xml version="1.0"?>
<reports xmlns="urn:example:any-namespace">
  <report id="1001">
    <incidentSummary><incidentType>Online Enticement of Children for Sexual Acts</incidentType>
      <incidentDateTime>2019-01-01T00:00:00Z</incidentDateTime></incidentSummary>
    <reporter><companyName>Example Chat</companyName></reporter>
    <personOrUserReported><espIdentifier>a-1</espIdentifier></personOrUserReported>
  </report>
  <report id="1002">
    <personOrUserReported>
      <personOrUserReportedPerson><email>b@example.org</email></personOrUserReportedPerson>
    </personOrUserReported>
  </report>
  <report id="1003"></report>
  <fileDetails>
    <reportId>1002</reportId><fileId>x-1</fileId>
    <originalFileHash hashType="MD5">ffffffffffffffffffffffffffffffff</originalFileHash>
  </fileDetails>
  <fileDetails>
    <reportId>1003</reportId>
    <originalFileHash hashType="SHA-256">{"e" * 64}</originalFileHash>
  </fileDetails>
</reports>
""",
        name="batch-2019.xml",
    )
    d = read_cybertip(path)
    assert d.disclosure_id == "batch-2019.xml"
    assert d.provider.name == "Example Chat"
    assert [a.account_id for a in d.accounts] == [
        "a-1",
        "cybertip:1002:person-1",
        "cybertip:1003:unattributed",
    ]
    assert [(u.upload_id, u.account_id) for u in d.uploads] == [
        ("x-1", "cybertip:1002:person-1"),
        ("cybertip:1003:file-1", "cybertip:1003:unattributed"),
    ]
    assert d.uploads[1].sha256 == "e" * 64
    assert [(i.account_id, i.value) for i in d.identifiers] == [("cybertip:1002:person-1", "b@example.org")]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<report><reportId>&lol3;</reportId></report>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE report [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<report><reportId>&secret;</reportId></report>
"""

DOCTYPE_ONLY = """<?xml version="1.0"?>
<!DOCTYPE report SYSTEM "http://example.org/report.dtd">
<report><reportId>1</reportId></report>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL_ENTITY, DOCTYPE_ONLY])
def test_dtd_and_entities_refused(tmp_path: Path, text: str) -> None:
    error = error_of(write(tmp_path, text, "evil.xml"))
    assert error.file == "evil.xml"
    assert "refused" in str(error)


def event_report(date_time: str, extra: str = "") -> str:
    return f"""<report>
  <personOrUserReported>
    <espIdentifier>u-1</espIdentifier>
    <ipCaptureEvent>
      <ipAddress>192.0.2.1</ipAddress>
      <dateTime>{date_time}</dateTime>{extra}
    </ipCaptureEvent>
  </personOrUserReported>
</report>
"""


def where(error: InputError) -> tuple[str, int | None, str | None]:
    return error.file, error.row, error.field


def test_date_time_without_offset_refused_unless_a_timezone_is_given(tmp_path: Path) -> None:
    path = write(tmp_path, event_report("2019-08-30T08:15:00"))
    error = error_of(path)
    assert where(error) == ("report.xml", 6, "ipCaptureEvent/dateTime")
    assert "offset" in str(error) and "--timezone" in str(error)
    (event,) = read_cybertip(path, timezone="Pacific/Auckland").ip_events
    assert event.timestamp == datetime(2019, 8, 30, 8, 15, tzinfo=timezone(timedelta(hours=12)))
    (event,) = read_cybertip(path, timezone="America/New_York").ip_events
    assert event.timestamp is not None and event.timestamp.utcoffset() == timedelta(hours=-4)  # summer time
    with pytest.raises(InputError, match="IANA"):
        read_cybertip(path, timezone="Mars/Olympus")


@pytest.mark.parametrize(
    ("extra", "row", "field"),
    [
        ("\n      <eventName>Teleport</eventName>", 7, "ipCaptureEvent/eventName"),
        ("\n      <port>99999</port>", 7, "ipCaptureEvent/port"),
        ("\n      <possibleProxy>maybe</possibleProxy>", 7, "ipCaptureEvent/possibleProxy"),
    ],
)
def test_bad_ip_event_values(tmp_path: Path, extra: str, row: int, field: str) -> None:
    assert where(error_of(write(tmp_path, event_report("2019-08-30T08:15:00Z", extra)))) == (
        "report.xml",
        row,
        field,
    )


def test_missing_date_time_is_kept_without_time_and_bad_ip_refused(tmp_path: Path) -> None:
    text = event_report("2019-08-30T08:15:00Z").replace("<dateTime>2019-08-30T08:15:00Z</dateTime>", "")
    (event,) = read_cybertip(write(tmp_path, text)).ip_events
    assert (event.account_id, event.ip, event.timestamp) == ("u-1", "192.0.2.1", None)
    text = event_report("2019-08-30T08:15:00Z").replace("192.0.2.1", "192.0.2.999")
    assert where(error_of(write(tmp_path, text))) == ("report.xml", 5, "ipCaptureEvent/ipAddress")


def test_file_without_hash_is_kept(tmp_path: Path) -> None:
    text = "<report>\n<fileDetails>\n<fileId>f</fileId>\n</fileDetails>\n</report>\n"
    (upload,) = read_cybertip(write(tmp_path, text)).uploads
    assert (upload.upload_id, upload.md5, upload.sha1, upload.sha256, upload.hashes) == (
        "f",
        None,
        None,
        None,
        [],
    )


def test_bad_hash_refused(tmp_path: Path) -> None:
    text = (
        '<report>\n<fileDetails>\n<originalFileHash hashType="MD5">abc</originalFileHash>\n'
        "</fileDetails>\n</report>"
    )
    assert where(error_of(write(tmp_path, text))) == ("report.xml", 3, "fileDetails/originalFileHash")


def test_not_xml(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "<report>\n<reportId>1</reportId>\n"))
    assert error.file == "report.xml" and error.row == 3


def test_no_report(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "<reports/>"))
    assert where(error) == ("report.xml", 1, None) and "<fileDetails>" in str(error)


@pytest.mark.parametrize(
    ("fields", "recorded"),
    [
        ({"firstName": "Sam", "middleName": "J", "lastName": "Example"}, "Example, Sam J"),
        ({"firstName": "Sam"}, "Sam"),
        ({"lastName": "Example"}, "Example"),
        ({"firstName": "Sam", "lastName": "Example, Jr."}, "Sam Example, Jr."),  # a comma of its own
    ],
)
def test_a_reported_persons_name_is_recorded_surname_first(fields: dict[str, str], recorded: str) -> None:
    """Separate name fields say which word is the surname: the identifier keeps it ("Last, First
    Middle"); with one field, or a field holding a comma, the name is written as given."""
    import xml.etree.ElementTree as ET

    from tiaki.formats.cybertip import _Reader

    person = ET.Element("personOrUserReportedPerson")
    for tag, text in fields.items():
        ET.SubElement(person, tag).text = text
    assert _Reader.recorded_name_of(person) == recorded
