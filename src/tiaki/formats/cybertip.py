"""Reader of NCMEC CyberTipline report XML (``docs/formats.md``, "CyberTipline report XML").

Reads the elements of the CyberTipline Reporting API schema that say who was reported and what they
shared: each ``<personOrUserReported>`` becomes an account with its identifiers and IP capture
events, each ``<fileDetails>`` an upload with its hashes. A file may hold one ``<report>`` as its root
or several ``<report>`` elements under any root; ``<fileDetails>`` may sit inside its report or beside
the reports, pointing at one with ``<reportId>``. Namespaces are ignored.

The XML is parsed with defusedxml: a document type declaration (DTD), entity declaration or external
reference is refused. Errors are :class:`~tiaki.formats.errors.InputError` naming the file, the line
of the offending element as ``row`` and the element's path (e.g. ``ipCaptureEvent/dateTime``) as
``field``.
"""

from __future__ import annotations

import ipaddress
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from tiaki.formats.disclosure import (
    IP_EVENT_KINDS,
    AccountRow,
    Disclosure,
    IdentifierRow,
    IPEventRow,
    Provider,
    UploadRow,
)
from tiaki.formats.errors import InputError
from tiaki.formats.values import parse_hex, parse_timestamp

SOURCE_FORMAT = "cybertipline-xml"
UNKNOWN_PROVIDER = "unknown ESP (CyberTipline report)"
# hashType attribute (upper case, without '-' or '_') -> UploadRow field; other types are skipped.
HASH_TYPES = {"MD5": "md5", "SHA1": "sha1", "SHA256": "sha256", "PDQ": "pdq"}
ADDRESS_PARTS = ("address", "city", "state", "nonUsaState", "zipCode", "country")


def read_cybertip(path: Path) -> Disclosure:
    """Read and check the CyberTipline report(s) in the XML file at ``path``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path.name, "no such file")
    root, lines = _parse(path)
    return _Reader(path, lines).read(root)


class _LineTreeBuilder(ET.TreeBuilder):
    """A tree builder that drops namespaces and remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: Any = None
        self.lines: dict[int, int] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag.rpartition("}")[2], attrs)
        self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element

    def end(self, tag: str) -> ET.Element:
        return super().end(tag.rpartition("}")[2])


def _parse(path: Path) -> tuple[ET.Element, dict[int, int]]:
    builder = _LineTreeBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1024 * 1024):
                parser.feed(chunk)
        root = parser.close()
    except DefusedXmlException as error:
        raise InputError(
            path.name, f"refused: the XML declares a DTD, entities or external references ({error})"
        ) from None
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        raise InputError(path.name, f"is not well-formed XML: {error}", row=line) from None
    return root, builder.lines


class _Reader:
    def __init__(self, path: Path, lines: dict[int, int]):
        self.path = path
        self.name = path.name
        self.lines = lines
        self.accounts: dict[str, AccountRow] = {}
        self.identifiers: list[IdentifierRow] = []
        self.identifier_keys: set[tuple[str, str, str]] = set()
        self.ip_events: list[IPEventRow] = []
        self.uploads: list[UploadRow] = []
        self.upload_ids: set[str] = set()
        self.generated_people = 0
        self.generated_files = 0

    # --- helpers ------------------------------------------------------------------------------------

    def error(self, element: ET.Element, field: str | None, message: str) -> InputError:
        return InputError(self.name, message, row=self.lines.get(id(element)), field=field)

    @staticmethod
    def text(element: ET.Element, tag: str) -> str | None:
        child = element.find(tag)
        if child is None or child.text is None or not child.text.strip():
            return None
        return child.text.strip()

    def timestamp(self, element: ET.Element, tag: str, field: str, required: bool = False) -> datetime | None:
        child = element.find(tag)
        text = self.text(element, tag)
        if text is None:
            if required:
                raise self.error(element, field, f"<{tag}> is required")
            return None
        try:
            return parse_timestamp(text)
        except ValueError as error:
            raise self.error(child if child is not None else element, field, str(error)) from None

    def boolean(self, element: ET.Element, tag: str, field: str) -> bool | None:
        text = self.text(element, tag)
        if text is None:
            return None
        return self.xs_boolean(element.find(tag), text, field)

    def xs_boolean(self, element: ET.Element | None, text: str, field: str) -> bool:
        if text in ("true", "1"):
            return True
        if text in ("false", "0"):
            return False
        assert element is not None
        raise self.error(element, field, f"'{text}' is not a boolean (true or false)")

    # --- the document -------------------------------------------------------------------------------

    def read(self, root: ET.Element) -> Disclosure:
        reports = [root] if root.tag == "report" else root.findall("report")
        if not reports:
            raise self.error(root, None, "holds no <report> element")
        ids = [self.report_id(report) for report in reports]
        by_id = {report_id: report for report_id, report in zip(ids, reports, strict=True) if report_id}
        files: dict[int, list[ET.Element]] = {id(report): report.findall("fileDetails") for report in reports}
        if root.tag != "report":
            for details in root.findall("fileDetails"):  # file details sent beside the reports
                report_id = self.text(details, "reportId")
                if report_id is not None and report_id in by_id:
                    files[id(by_id[report_id])].append(details)
                elif len(reports) == 1:
                    files[id(reports[0])].append(details)
                else:
                    raise self.error(
                        details, "fileDetails/reportId", "does not name one of the reports in the file"
                    )
        for report in reports:
            self.report(report, files[id(report)])
        first = reports[0]
        types = [t for t in dict.fromkeys(self.text(r, "incidentSummary/incidentType") for r in reports) if t]
        return Disclosure(
            source_format=SOURCE_FORMAT,
            disclosure_id=ids[0] if len(reports) == 1 and ids[0] else self.name,
            provider=self.provider(first),
            description="; ".join(types) or None,
            accounts=list(self.accounts.values()),
            identifiers=self.identifiers,
            ip_events=self.ip_events,
            uploads=self.uploads,
            source_files=[self.path],
        )

    def report_id(self, report: ET.Element) -> str | None:
        return self.text(report, "reportId") or report.get("id") or report.get("reportId") or None

    def provider(self, report: ET.Element) -> Provider:
        name = (
            self.text(report, "reporter/espName")
            or self.text(report, "reporter/companyName")
            or self.text(report, "incidentSummary/platform")
            or UNKNOWN_PROVIDER
        )
        contact = self.text(report, "reporter/reportingPerson/email") or self.text(
            report, "reporter/contactPerson/email"
        )
        return Provider(name=name, contact=contact)

    def report(self, report: ET.Element, files: list[ET.Element]) -> None:
        summary = report.find("incidentSummary")
        if summary is not None:
            self.timestamp(summary, "incidentDateTime", "incidentSummary/incidentDateTime")
        platform = self.text(report, "incidentSummary/platform")
        people = [self.person(person, platform) for person in report.findall("personOrUserReported")]
        for details in files:
            self.file(details, people)

    def person(self, person: ET.Element, platform: str | None) -> str:
        """Add the reported person or user as an account; return its account_id."""
        account_id = self.text(person, "espIdentifier") or self.text(person, "screenName")
        if account_id is None:
            self.generated_people += 1
            account_id = f"person-{self.generated_people}"
        account = self.accounts.get(account_id)
        if account is None:
            account = self.accounts[account_id] = AccountRow(account_id=account_id)
        # The same user may be reported in several reports of one file: fill in what is missing.
        account.platform = account.platform or self.text(person, "espService") or platform
        account.username = account.username or self.text(person, "screenName")
        account.display_name = account.display_name or self.text(person, "displayName")
        account.profile_url = account.profile_url or self.text(person, "profileUrl")
        details = person.find("personOrUserReportedPerson")
        if details is not None:
            self.person_details(account_id, details)
        for device in person.findall("deviceId"):
            value = self.text(device, "idValue") or (device.text or "").strip()
            if value:
                self.identifier(account_id, "device", value)
        for event in person.findall("ipCaptureEvent"):
            self.ip_event(event, account_id, "ipCaptureEvent")
        return account_id

    def person_details(self, account_id: str, details: ET.Element) -> None:
        names = [self.text(details, tag) for tag in ("firstName", "middleName", "lastName")]
        full_name = " ".join(name for name in names if name)
        if full_name:
            self.identifier(account_id, "name", full_name)
        for email in details.findall("email"):
            if email.text and email.text.strip():
                verified = email.get("verified")
                field = "personOrUserReportedPerson/email"
                flag = self.xs_boolean(email, verified, field) if verified else None
                self.identifier(account_id, "email", email.text.strip(), flag)
        for phone in details.findall("phone"):
            if phone.text and phone.text.strip():
                number = phone.text.strip()
                code = (phone.get("countryCallingCode") or "").strip().lstrip("+")
                self.identifier(account_id, "phone", f"+{code} {number}" if code else number)
        dob = self.text(details, "dateOfBirth")
        if dob:
            self.identifier(account_id, "dob", dob)
        for address in details.findall("address"):
            parts = [self.text(address, tag) for tag in ADDRESS_PARTS]
            value = ", ".join(part for part in parts if part) or (address.text or "").strip()
            if value:
                self.identifier(account_id, "address", value)

    def identifier(self, account_id: str, kind: str, value: str, verified: bool | None = None) -> None:
        key = (account_id, kind, value)
        if key not in self.identifier_keys:
            self.identifier_keys.add(key)
            self.identifiers.append(IdentifierRow(account_id, kind, value, verified))

    def ip_event(self, event: ET.Element, account_id: str, path: str) -> None:
        text = self.text(event, "ipAddress")
        if text is None:
            raise self.error(event, f"{path}/ipAddress", "<ipAddress> is required")
        try:
            address = str(ipaddress.ip_address(text))
        except ValueError:
            element = event.find("ipAddress")
            assert element is not None
            raise self.error(
                element, f"{path}/ipAddress", f"'{text}' is not an IPv4 or IPv6 address"
            ) from None
        when = self.timestamp(event, "dateTime", f"{path}/dateTime", required=True)
        assert when is not None
        name = self.text(event, "eventName")
        kind = name.lower() if name is not None else None
        if kind is not None and kind not in IP_EVENT_KINDS:
            element = event.find("eventName")
            assert element is not None
            raise self.error(
                element, f"{path}/eventName", f"'{name}' is not one of {', '.join(IP_EVENT_KINDS)}"
            )
        port_text = self.text(event, "port")
        port = None
        if port_text is not None:
            if not (port_text.isascii() and port_text.isdigit()) or int(port_text) > 65535:
                element = event.find("port")
                assert element is not None
                raise self.error(element, f"{path}/port", f"'{port_text}' is not a port number (0 to 65535)")
            port = int(port_text)
        proxy = self.boolean(event, "possibleProxy", f"{path}/possibleProxy")
        self.ip_events.append(IPEventRow(account_id, address, when, port, kind, proxy))

    def file(self, details: ET.Element, people: list[str]) -> None:
        upload_id = self.text(details, "fileId")
        if upload_id is None:
            self.generated_files += 1
            upload_id = f"file-{self.generated_files}"
        if upload_id in self.upload_ids:
            raise self.error(details, "fileDetails/fileId", f"file '{upload_id}' appears more than once")
        self.upload_ids.add(upload_id)
        upload = UploadRow(
            upload_id=upload_id,
            account_id=self.uploader(details, people),
            uploaded_at=self.timestamp(
                details, "uploadedToEspTimestamp", "fileDetails/uploadedToEspTimestamp"
            ),
            viewed_by_provider=self.boolean(details, "fileViewedByEsp", "fileDetails/fileViewedByEsp"),
            publicly_available=self.boolean(details, "publiclyAvailable", "fileDetails/publiclyAvailable"),
            original_name=self.text(details, "originalFileName") or self.text(details, "fileName"),
        )
        for digest in [*details.findall("originalFileHash"), *details.findall("hash")]:
            kind = HASH_TYPES.get((digest.get("hashType") or "").upper().replace("-", "").replace("_", ""))
            if kind is None or not digest.text or not digest.text.strip():
                continue
            field = f"fileDetails/{digest.tag}"
            try:
                setattr(upload, kind, parse_hex(digest.text, kind))
            except ValueError as error:
                raise self.error(digest, field, str(error)) from None
        if upload.md5 is None and upload.sha1 is None and upload.sha256 is None:
            raise self.error(
                details, "fileDetails/originalFileHash", "a file needs an MD5, SHA1 or SHA256 hash"
            )
        for event in details.findall("ipCaptureEvent"):
            self.ip_event(event, upload.account_id, "fileDetails/ipCaptureEvent")
        self.uploads.append(upload)

    def uploader(self, details: ET.Element, people: list[str]) -> str:
        """Whose file this is: the account it names, else the report's first reported person."""
        named = self.text(details, "espIdentifier") or self.text(details, "screenName")
        if named is not None:
            for account_id, account in self.accounts.items():
                if named in (account_id, account.username):
                    return account_id
            raise self.error(details, "fileDetails/espIdentifier", f"'{named}' is not a reported person")
        if people:
            return people[0]
        # A report without a reported person: the file belongs to an account known by nothing else.
        self.generated_people += 1
        account_id = f"person-{self.generated_people}"
        self.accounts[account_id] = AccountRow(account_id=account_id)
        people.append(account_id)
        return account_id
