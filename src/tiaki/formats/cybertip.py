"""Reader of NCMEC CyberTipline reports and file details (``docs/formats.md``, "CyberTipline").

The CyberTipline Reporting API carries a report as a ``<report>`` document and each file's metadata
as a separate ``<fileDetails>`` document naming its ``reportId`` and ``fileId``. This reader takes any
number of such documents, alone or together, and merges them into one :class:`DisclosureContent`:

- a document's root is ``<report>``, ``<fileDetails>``, or any element holding several of either;
- a ``<fileDetails>`` inside a ``<report>`` belongs to it; one outside names its report with
  ``<reportId>`` (it may omit it when its own document holds exactly one report);
- details of the same ``fileId`` in one report (a file inside its report and again in its own
  document) are merged into one upload;
- file details whose report is not among the inputs are kept under a report known by its number only.

Every element of the schema is kept in the dataclasses of :mod:`tiaki.formats.disclosure` or listed in
``docs/formats.md`` as dropped. Namespaces are ignored.

Times: an ``xs:dateTime`` with an offset is read as written; one without is refused with a message
naming ``--timezone``, unless ``timezone`` (an IANA name) is given, which then applies to every local
time of every input. An IP capture event without ``dateTime`` (optional in the schema) is kept with
``timestamp=None``.

Identity: a reported person with an ``espIdentifier`` is the account of that id (across reports and
files). One without gets ``cybertip:<report number>:person-<position>``, and a report's files with no
reported person ``cybertip:<report number>:unattributed``; if a provider's real id ever equals such a
generated id the input is refused, so generated ids can never merge with real accounts.

The XML is parsed with defusedxml: a document type declaration (DTD), entity declaration or external
reference is refused. Errors are :class:`~tiaki.formats.errors.InputError` naming the file, the line of
the offending element as ``row`` and the element's path (e.g. ``ipCaptureEvent/dateTime``) as ``field``.
"""

from __future__ import annotations

import ipaddress
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from tiaki.formats.disclosure import (
    INDUSTRY_CLASSIFICATIONS,
    IP_EVENT_KINDS,
    AccountRow,
    DeviceRow,
    DisclosureContent,
    EstimatedLocation,
    FileHash,
    IdentifierRow,
    IPEventRow,
    Provider,
    ReportRow,
    SafeguardingLead,
    UploadRow,
)
from tiaki.formats.errors import InputError
from tiaki.formats.values import parse_country_code, parse_hex, parse_xs_datetime, zone

SOURCE_FORMAT = "cybertipline-xml"
UNKNOWN_PROVIDER = "unknown ESP (CyberTipline report)"
GENERATED_PREFIX = "cybertip:"
# hashType attribute (upper case, without '-' or '_') -> UploadRow field; other types are kept in
# UploadRow.hashes only.
HASH_TYPES = {"MD5": "md5", "SHA1": "sha1", "SHA256": "sha256", "PDQ": "pdq"}
ADDRESS_PARTS = ("address", "city", "state", "nonUsaState", "zipCode", "country")
PERSON_ELEMENTS = {
    "personOrUserReported": "personOrUserReportedPerson",
    "victim": "victimPerson",
    "intendedRecipient": "intendedRecipientPerson",
}


def read_cybertip(
    path: Path, *, timezone: str | None = None, provider: str | None = None
) -> DisclosureContent:
    """Read the CyberTipline report(s) and file details in the XML file at ``path``.

    ``timezone`` is the IANA zone to read times without offset in (otherwise they are refused);
    ``provider`` names the reporting provider when the reports do not (see :func:`read_cybertip_many`).
    """
    return read_cybertip_many([Path(path)], timezone=timezone, provider=provider)


def read_cybertip_many(
    paths: Iterable[Path], *, timezone: str | None = None, provider: str | None = None
) -> DisclosureContent:
    """Read any number of report and file-details documents as one :class:`DisclosureContent`.

    ``disclosure_id`` is the report number for a single report, the file's name for one file of
    several reports, else ``cybertip-<lowest>-<highest>-<count>`` over the report numbers.
    ``provider.name`` is ``provider`` when given, else the first report's provider as the report
    says it (``reporter/espName`` or ``reporter/companyName``, else ``incidentSummary/platform``, else
    the first reported person's ``espService``, else the domain of the reporting person's e-mail),
    else ``unknown ESP (CyberTipline report)``.
    """
    files = [Path(p) for p in paths]
    if not files:
        raise InputError("(no input)", "no CyberTipline file was given")
    if timezone is not None:
        try:
            zone(timezone)
        except ValueError as error:
            raise InputError("--timezone", str(error)) from None
    reader = _Reader(timezone)
    for path in files:
        if not path.is_file():
            raise InputError(path.name, "no such file")
        root, lines = _parse(path)
        reader.add_document(path, root, lines)
    return reader.finish(files, provider)


class _LineTreeBuilder(ET.TreeBuilder):
    """A tree builder that drops namespaces and remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: Any = None
        self.lines: dict[int, int] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag.rpartition("}")[2], {k.rpartition("}")[2]: v for k, v in attrs.items()})
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
    except (ValueError, LookupError, UnicodeError) as error:  # e.g. an unknown declared encoding
        raise InputError(path.name, f"is not readable XML: {error}") from None
    except OSError as error:
        raise InputError(path.name, f"cannot be read: {error.strerror or error}") from None
    if not isinstance(root, ET.Element):
        raise InputError(path.name, "is not an XML document")
    return root, builder.lines


class _Doc:
    def __init__(self, path: Path, lines: dict[int, int]):
        self.path = path
        self.name = path.name
        self.lines = lines


class _Reader:
    def __init__(self, timezone: str | None):
        self.timezone = timezone
        self.reports: list[tuple[_Doc, ET.Element, str]] = []  # (document, element, report id)
        self.report_ids: set[str] = set()
        # report id -> fileId (or None) -> [(document, fileDetails element)]
        self.files: dict[str, dict[str | None, list[tuple[_Doc, ET.Element]]]] = {}
        self.unnumbered = 0
        self.accounts: dict[str, AccountRow] = {}
        self.generated: dict[str, tuple[_Doc, ET.Element]] = {}
        self.real_ids: dict[str, tuple[_Doc, ET.Element]] = {}
        self.identifiers: list[IdentifierRow] = []
        self.identifier_keys: set[tuple[str, str, str]] = set()
        self.ip_events: list[IPEventRow] = []
        self.devices: list[DeviceRow] = []
        self.uploads: dict[str, UploadRow] = {}
        self.upload_reports: dict[str, str] = {}
        self.rows: dict[str, ReportRow] = {}
        self.leads: list[SafeguardingLead] = []
        self.provider_names: list[str] = []
        self.one_file_name: str | None = None

    # --- helpers ------------------------------------------------------------------------------------

    def error(self, doc: _Doc, element: ET.Element, field: str | None, message: str) -> InputError:
        return InputError(doc.name, message, row=doc.lines.get(id(element)), field=field)

    @staticmethod
    def text(element: ET.Element, tag: str) -> str | None:
        child = element.find(tag)
        if child is None or child.text is None or not child.text.strip():
            return None
        return child.text.strip()

    @staticmethod
    def texts(element: ET.Element, tag: str) -> list[str]:
        return [child.text.strip() for child in element.findall(tag) if child.text and child.text.strip()]

    def timestamp(self, doc: _Doc, element: ET.Element, tag: str, field: str) -> datetime | None:
        child = element.find(tag)
        text = self.text(element, tag)
        if text is None:
            return None
        assert child is not None
        return self.xs_datetime(doc, child, text, field)

    def xs_datetime(self, doc: _Doc, element: ET.Element, text: str, field: str) -> datetime:
        try:
            return parse_xs_datetime(text, self.timezone)
        except ValueError as error:
            raise self.error(doc, element, field, str(error)) from None

    def boolean(self, doc: _Doc, element: ET.Element, tag: str, field: str) -> bool | None:
        text = self.text(element, tag)
        if text is None:
            return None
        child = element.find(tag)
        assert child is not None
        return self.xs_boolean(doc, child, text, field)

    def xs_boolean(self, doc: _Doc, element: ET.Element, text: str, field: str) -> bool:
        if text in ("true", "1"):
            return True
        if text in ("false", "0"):
            return False
        raise self.error(doc, element, field, f"'{text}' is not a boolean (true or false)")

    def integer(self, doc: _Doc, element: ET.Element, tag: str, field: str) -> int | None:
        text = self.text(element, tag)
        if text is None:
            return None
        if not (text.isascii() and text.isdigit()) or len(text) > 9:
            child = element.find(tag)
            assert child is not None
            raise self.error(doc, child, field, f"'{text}' is not a whole number")
        return int(text)

    @staticmethod
    def pairs(element: ET.Element, prefix: str = "") -> list[tuple[str, str]]:
        """Every attribute and text below ``element`` as (path, value), in document order."""
        found = [(f"{prefix}@{key}", value) for key, value in element.attrib.items()]
        for child in element:
            path = f"{prefix}{child.tag}"
            if child.text and child.text.strip():
                found.append((path, child.text.strip()))
            elif len(child) == 0 and not child.attrib:
                found.append((path, ""))  # an empty element is a flag, e.g. <sextortion/>
            found.extend(_Reader.pairs(child, f"{path}/"))
        return found

    # --- collecting documents -----------------------------------------------------------------------

    def add_document(self, path: Path, root: ET.Element, lines: dict[int, int]) -> None:
        doc = _Doc(path, lines)
        if root.tag == "report":
            reports, loose = [root], []
        elif root.tag == "fileDetails":
            reports, loose = [], [root]
        else:
            reports, loose = root.findall("report"), root.findall("fileDetails")
        if not reports and not loose:
            raise self.error(doc, root, None, "holds no <report> or <fileDetails> element")
        own: list[str] = []
        for report in reports:
            report_id = self.report_id(doc, report)
            if report_id in self.report_ids:
                raise self.error(
                    doc, report, "report/reportId", f"report '{report_id}' appears more than once"
                )
            self.report_ids.add(report_id)
            own.append(report_id)
            self.reports.append((doc, report, report_id))
            for details in report.findall("fileDetails"):
                self.add_file(doc, report_id, details)
        for details in loose:
            named = self.text(details, "reportId")
            if named is not None:
                report_id = named
            else:
                if len(own) != 1:
                    raise self.error(
                        doc,
                        details,
                        "fileDetails/reportId",
                        "is required: the document does not hold one report",
                    )
                report_id = own[0]
            self.add_file(doc, report_id, details)

    def report_id(self, doc: _Doc, report: ET.Element) -> str:
        given = self.text(report, "reportId") or report.get("id") or report.get("reportId")
        if given:
            return given.strip()
        self.unnumbered += 1
        return f"{doc.name}#report-{self.unnumbered}"

    def add_file(self, doc: _Doc, report_id: str, details: ET.Element) -> None:
        named = self.text(details, "reportId")
        if named is not None and named != report_id:
            raise self.error(
                doc,
                details,
                "fileDetails/reportId",
                f"names report '{named}' but sits in report '{report_id}'",
            )
        self.files.setdefault(report_id, {}).setdefault(self.text(details, "fileId"), []).append(
            (doc, details)
        )

    # --- building the disclosure --------------------------------------------------------------------

    def finish(self, files: list[Path], provider: str | None) -> DisclosureContent:
        for doc, report, report_id in self.reports:
            self.report(doc, report, report_id)
        for report_id, by_file in self.files.items():
            if report_id not in self.rows:  # file details whose report is not among the inputs
                doc = by_file[next(iter(by_file))][0][0]
                self.rows[report_id] = ReportRow(report_id=report_id, source_file=doc.name)
                self.files_of(report_id, [])
        for account_id in self.generated:
            if account_id in self.real_ids:
                real_doc, real = self.real_ids[account_id]
                raise self.error(
                    real_doc,
                    real,
                    "personOrUserReported/espIdentifier",
                    f"'{account_id}' has the form of an id generated for a person without one",
                )
        rows = list(self.rows.values())
        ids = [row.report_id for row in rows]
        if len(rows) == 1:
            disclosure_id = ids[0]
        elif len(files) == 1:
            disclosure_id = files[0].name
        else:
            ordered = sorted(ids)
            disclosure_id = f"cybertip-{ordered[0]}-{ordered[-1]}-{len(ordered)}"
        types = [t for t in dict.fromkeys(row.incident_type for row in rows) if t]
        first = next((row for row in rows if row.reporter_email), None)
        return DisclosureContent(
            source_format=SOURCE_FORMAT,
            disclosure_id=disclosure_id,
            provider=Provider(
                name=provider or (self.provider_names[0] if self.provider_names else UNKNOWN_PROVIDER),
                contact=(first.reporter_email if first else None),
            ),
            description="; ".join(types) or None,
            accounts=list(self.accounts.values()),
            identifiers=self.identifiers,
            ip_events=self.ip_events,
            uploads=list(self.uploads.values()),
            source_files=files,
            reports=rows,
            devices=self.devices,
            safeguarding_leads=self.leads,
        )

    def report(self, doc: _Doc, report: ET.Element, report_id: str) -> None:
        row = ReportRow(report_id=report_id, source_file=doc.name)
        self.rows[report_id] = row
        summary = report.find("incidentSummary")
        if summary is not None:
            row.incident_type = self.text(summary, "incidentType")
            row.incident_at = self.timestamp(
                doc, summary, "incidentDateTime", "incidentSummary/incidentDateTime"
            )
            row.incident_at_description = self.text(summary, "incidentDateTimeDescription")
            row.escalate_to_high_priority = self.text(summary, "escalateToHighPriority")
            annotations = summary.find("reportAnnotations")
            if annotations is not None:
                row.annotations = [child.tag for child in annotations]
        for incident in report.findall("internetDetails"):
            for kind in incident:
                row.internet_details.append((kind.tag, self.pairs(kind)))
        for law in report.findall("lawEnforcement"):
            row.law_enforcement.extend(self.pairs(law))
        reporter = report.find("reporter")
        if reporter is not None:
            row.reporter_name = self.name_of(reporter.find("reportingPerson"))
            row.reporter_email = self.text(reporter, "reportingPerson/email")
            row.contact_name = self.name_of(reporter.find("contactPerson"))
            row.contact_email = self.text(reporter, "contactPerson/email")
            row.reporter_details = self.pairs(reporter)
        row.notes = self.texts(report, "additionalInfo")
        platform = self.text(report, "incidentSummary/platform")
        people = [
            self.person(doc, report_id, person, position, platform)
            for position, person in enumerate(report.findall("personOrUserReported"), start=1)
        ]
        row.account_ids = people
        row.provider_name = (
            self.text(report, "reporter/espName")
            or self.text(report, "reporter/companyName")
            or platform
            or next((self.accounts[a].platform for a in people if self.accounts[a].platform), None)
            or (row.reporter_email.rpartition("@")[2] or None if row.reporter_email else None)
        )
        if row.provider_name:
            self.provider_names.append(row.provider_name)
        for role in ("victim", "intendedRecipient"):
            for position, element in enumerate(report.findall(role), start=1):
                self.lead(doc, report_id, role, element, position, people)
        self.files_of(report_id, people)

    @staticmethod
    def name_of(person: ET.Element | None) -> str | None:
        if person is None:
            return None
        return " ".join(name for name in _Reader.name_fields(person) if name) or None

    @staticmethod
    def name_fields(person: ET.Element) -> tuple[str | None, str | None, str | None]:
        """A person's ``firstName``, ``middleName`` and ``lastName``."""
        first, middle, last = (_Reader.text(person, tag) for tag in ("firstName", "middleName", "lastName"))
        return first, middle, last

    @staticmethod
    def recorded_name_of(person: ET.Element) -> str | None:
        """The name as an identifier: "Last, First Middle" when both are there (separate fields say
        which word is the surname, which the resolution guard uses), else as :meth:`name_of` (also
        when a field holds a comma of its own: "Example, Jr.")."""
        first, middle, last = _Reader.name_fields(person)
        if first and last and "," not in f"{first}{middle or ''}{last}":
            return f"{last}, {' '.join(n for n in (first, middle) if n)}"
        return _Reader.name_of(person)

    # --- persons ------------------------------------------------------------------------------------

    def person(
        self, doc: _Doc, report_id: str, person: ET.Element, position: int, platform: str | None
    ) -> str:
        """Add the reported person or user as an account; return its account_id."""
        account_id = self.text(person, "espIdentifier")
        if account_id is None:
            account_id = f"{GENERATED_PREFIX}{report_id}:person-{position}"
            self.generated[account_id] = (doc, person)
        else:
            self.real_ids.setdefault(account_id, (doc, person))
        account = self.accounts.get(account_id)
        if account is None:
            account = self.accounts[account_id] = AccountRow(account_id=account_id)
        # The same user may be reported in several reports: fill in what is missing, add the rest.
        account.report_ids.append(report_id)
        account.platform = account.platform or self.text(person, "espService") or platform
        account.username = account.username or self.text(person, "screenName")
        for name in self.texts(person, "displayName"):
            account.display_name = account.display_name or name
            if name not in account.display_names:
                account.display_names.append(name)
        for url in self.texts(person, "profileUrl"):
            account.profile_url = account.profile_url or url
            if url not in account.profile_urls:
                account.profile_urls.append(url)
        if account.third_party_user is None:
            account.third_party_user = self.boolean(
                doc, person, "thirdPartyUserReported", "personOrUserReported/thirdPartyUserReported"
            )
        _extend(account.prior_report_ids, self.texts(person, "priorCTReports"))
        _extend(account.group_identifiers, self.texts(person, "groupIdentifier"))
        _extend(account.notes, self.texts(person, "additionalInfo"))
        _extend(account.notes, [f"vehicle: {v}" for v in self.texts(person, "vehicleDescription")])
        location = self.location(doc, person, "personOrUserReported")
        if location is not None and account.estimated_location is None:
            account.estimated_location = location
        details = person.find("personOrUserReportedPerson")
        if details is not None:
            for identifier in self.person_details(doc, account_id, details, "personOrUserReportedPerson"):
                self.identifier(identifier)
            account.age = (
                account.age
                if account.age is not None
                else self.integer(doc, details, "age", "personOrUserReportedPerson/age")
            )
        for device in self.device_ids(doc, person, account_id, report_id, None, "personOrUserReported"):
            self.devices.append(device)
            self.identifier(IdentifierRow(account_id, "device", device.value, subtype=device.id_type))
        for event in person.findall("ipCaptureEvent"):
            self.ip_events.append(self.ip_event(doc, event, account_id, report_id, None, "ipCaptureEvent"))
        return account_id

    def person_details(self, doc: _Doc, owner: str, details: ET.Element, path: str) -> list[IdentifierRow]:
        found: list[IdentifierRow] = []
        full_name = self.recorded_name_of(details)
        if full_name:
            found.append(IdentifierRow(owner, "name", full_name))
        for email in details.findall("email"):
            if email.text and email.text.strip():
                verified = email.get("verified")
                flag = self.xs_boolean(doc, email, verified, f"{path}/email") if verified else None
                found.append(
                    IdentifierRow(owner, "email", email.text.strip(), flag, subtype=email.get("type"))
                )
        for phone in details.findall("phone"):
            if phone.text and phone.text.strip():
                number = phone.text.strip()
                code = (phone.get("countryCallingCode") or "").strip().lstrip("+")
                verified = phone.get("verified")
                flag = self.xs_boolean(doc, phone, verified, f"{path}/phone") if verified else None
                value = f"+{code} {number}" if code else number
                found.append(IdentifierRow(owner, "phone", value, flag, subtype=phone.get("type")))
        dob = self.text(details, "dateOfBirth")
        if dob:
            found.append(IdentifierRow(owner, "dob", dob))
        for address in details.findall("address"):
            parts = [self.text(address, tag) for tag in ADDRESS_PARTS]
            value = ", ".join(part for part in parts if part) or (address.text or "").strip()
            if value:
                found.append(IdentifierRow(owner, "address", value, subtype=address.get("type")))
        return found

    def identifier(self, row: IdentifierRow) -> None:
        key = (row.account_id, row.kind, row.value)
        if key not in self.identifier_keys:
            self.identifier_keys.add(key)
            self.identifiers.append(row)

    def location(self, doc: _Doc, person: ET.Element, path: str) -> EstimatedLocation | None:
        element = person.find("estimatedLocation")
        if element is None:
            return None
        field = f"{path}/estimatedLocation"
        code = self.text(element, "countryCode")
        country = None
        if code is not None:
            try:
                country = parse_country_code(code)
            except ValueError as error:
                child = element.find("countryCode")
                assert child is not None
                raise self.error(doc, child, f"{field}/countryCode", str(error)) from None
        verified = element.get("verified")
        stamp = element.get("timestamp")
        return EstimatedLocation(
            country=country,
            region=self.text(element, "region"),
            city=self.text(element, "city"),
            verified=self.xs_boolean(doc, element, verified, f"{field}/@verified") if verified else None,
            estimated_at=self.xs_datetime(doc, element, stamp, f"{field}/@timestamp") if stamp else None,
        )

    def device_ids(
        self, doc: _Doc, owner: ET.Element, account_id: str, report_id: str, upload_id: str | None, path: str
    ) -> list[DeviceRow]:
        devices = []
        for device in owner.findall("deviceId"):
            value = self.text(device, "idValue") or (device.text or "").strip()
            if not value:
                continue
            devices.append(
                DeviceRow(
                    account_id=account_id,
                    id_type=self.text(device, "idType"),
                    value=value,
                    event=self.event_name(doc, device, f"{path}/deviceId/eventName"),
                    observed_at=self.timestamp(doc, device, "dateTime", f"{path}/deviceId/dateTime"),
                    upload_id=upload_id,
                    report_id=report_id,
                )
            )
        return devices

    def event_name(self, doc: _Doc, element: ET.Element, field: str) -> str | None:
        name = self.text(element, "eventName")
        if name is None:
            return None
        if name.lower() not in IP_EVENT_KINDS:
            child = element.find("eventName")
            assert child is not None
            raise self.error(doc, child, field, f"'{name}' is not one of {', '.join(IP_EVENT_KINDS)}")
        return name.lower()

    def ip_event(
        self, doc: _Doc, event: ET.Element, account_id: str, report_id: str, upload_id: str | None, path: str
    ) -> IPEventRow:
        text = self.text(event, "ipAddress")
        if text is None:
            raise self.error(doc, event, f"{path}/ipAddress", "<ipAddress> is required")
        try:
            address = str(ipaddress.ip_address(text))
        except ValueError:
            element = event.find("ipAddress")
            assert element is not None
            raise self.error(
                doc, element, f"{path}/ipAddress", f"'{text}' is not an IPv4 or IPv6 address"
            ) from None
        when = self.timestamp(doc, event, "dateTime", f"{path}/dateTime")
        kind = self.event_name(doc, event, f"{path}/eventName")
        port_text = self.text(event, "port")
        port = None
        if port_text is not None:
            if not (port_text.isascii() and port_text.isdigit()) or int(port_text) > 65535:
                element = event.find("port")
                assert element is not None
                raise self.error(
                    doc, element, f"{path}/port", f"'{port_text}' is not a port number (0 to 65535)"
                )
            port = int(port_text)
        proxy = self.boolean(doc, event, "possibleProxy", f"{path}/possibleProxy")
        return IPEventRow(account_id, address, when, port, kind, proxy, upload_id, report_id)

    def lead(
        self, doc: _Doc, report_id: str, role: str, element: ET.Element, position: int, people: list[str]
    ) -> None:
        kind = "victim" if role == "victim" else "intended_recipient"
        lead_id = f"{report_id}/{kind}-{position}"
        details = element.find(PERSON_ELEMENTS[role])
        disabled = None
        for state in ("accountPermanentlyDisabled", "accountTemporarilyDisabled"):
            flag = element.find(state)
            if flag is not None and (len(flag) or (flag.text or "").strip() in ("true", "1")):
                disabled = disabled or state.removeprefix("account").removesuffix("Disabled").lower()
        lead = SafeguardingLead(
            lead_id=lead_id,
            report_id=report_id,
            role=kind,
            subject_account_ids=list(people),
            esp_identifier=self.text(element, "espIdentifier"),
            platform=self.text(element, "espService"),
            screen_name=self.text(element, "screenName"),
            display_names=self.texts(element, "displayName"),
            profile_urls=self.texts(element, "profileUrl"),
            school_name=self.text(element, "schoolName"),
            estimated_location=self.location(doc, element, role),
            prior_report_ids=self.texts(element, "priorCTReports"),
            group_identifiers=self.texts(element, "groupIdentifier"),
            account_disabled=disabled,
            notes=self.texts(element, "additionalInfo"),
        )
        if details is not None:
            lead.name = self.name_of(details)
            lead.age = self.integer(doc, details, "age", f"{PERSON_ELEMENTS[role]}/age")
            lead.date_of_birth = self.text(details, "dateOfBirth")
            lead.identifiers = self.person_details(doc, lead_id, details, PERSON_ELEMENTS[role])
        lead.devices = self.device_ids(doc, element, lead_id, report_id, None, role)
        lead.ip_events = [
            self.ip_event(doc, event, lead_id, report_id, None, f"{role}/ipCaptureEvent")
            for event in element.findall("ipCaptureEvent")
        ]
        self.leads.append(lead)

    # --- files --------------------------------------------------------------------------------------

    def files_of(self, report_id: str, people: list[str]) -> None:
        generated = 0
        for file_id, group in self.files.get(report_id, {}).items():
            if file_id is None:
                for doc, details in group:
                    generated += 1
                    upload_id = f"{GENERATED_PREFIX}{report_id}:file-{generated}"
                    self.file(doc, report_id, upload_id, [(doc, details)], people)
            else:
                self.file(group[0][0], report_id, file_id, group, people)

    def file(
        self,
        doc: _Doc,
        report_id: str,
        upload_id: str,
        group: list[tuple[_Doc, ET.Element]],
        people: list[str],
    ) -> None:
        if upload_id in self.uploads:
            first_doc, first = group[0]
            raise self.error(
                first_doc,
                first,
                "fileDetails/fileId",
                f"file '{upload_id}' is in report '{self.upload_reports[upload_id]}' "
                f"and in report '{report_id}'",
            )
        upload = UploadRow(upload_id=upload_id, account_id="", report_id=report_id)
        for details_doc, details in group:  # one fileId given in several documents: merge them
            self.file_details(details_doc, details, upload, people, report_id)
        self.uploads[upload_id] = upload
        self.upload_reports[upload_id] = report_id
        self.rows[report_id].upload_ids.append(upload_id)

    def file_details(
        self, doc: _Doc, details: ET.Element, upload: UploadRow, people: list[str], report_id: str
    ) -> None:
        def keep(current: Any, new: Any) -> Any:
            return current if current is not None else new

        if not upload.account_id:
            upload.account_id = self.uploader(doc, details, people, report_id)
        upload.original_name = keep(upload.original_name, self.text(details, "originalFileName"))
        upload.stored_name = keep(upload.stored_name, self.text(details, "fileName"))
        if upload.original_name is None:  # the stored name is all there is
            upload.original_name = upload.stored_name
        upload.location_url = keep(upload.location_url, self.text(details, "locationOfFile"))
        upload.uploaded_at = keep(
            upload.uploaded_at,
            self.timestamp(doc, details, "uploadedToEspTimestamp", "fileDetails/uploadedToEspTimestamp"),
        )
        upload.viewed_by_provider = keep(
            upload.viewed_by_provider,
            self.boolean(doc, details, "fileViewedByEsp", "fileDetails/fileViewedByEsp"),
        )
        upload.exif_viewed_by_provider = keep(
            upload.exif_viewed_by_provider,
            self.boolean(doc, details, "exifViewedByEsp", "fileDetails/exifViewedByEsp"),
        )
        upload.publicly_available = keep(
            upload.publicly_available,
            self.boolean(doc, details, "publiclyAvailable", "fileDetails/publiclyAvailable"),
        )
        upload.relevance = keep(upload.relevance, self.text(details, "fileRelevance"))
        grade = self.text(details, "industryClassification")
        if grade is not None:
            if grade.upper() not in INDUSTRY_CLASSIFICATIONS:
                child = details.find("industryClassification")
                assert child is not None
                raise self.error(
                    doc,
                    child,
                    "fileDetails/industryClassification",
                    f"'{grade}' is not one of {', '.join(INDUSTRY_CLASSIFICATIONS)}",
                )
            upload.industry_classification = keep(upload.industry_classification, grade.upper())
        annotations = details.find("fileAnnotations")
        if annotations is not None:
            _extend(upload.annotations, [child.tag for child in annotations])
        for digest in [*details.findall("originalFileHash"), *details.findall("hash")]:
            self.file_hash(doc, digest, upload)
        for block in details.findall("details"):
            kind = block.get("type") or ""
            for pair in block.findall("nameValuePair"):
                name, value = self.text(pair, "name"), self.text(pair, "value")
                if name is not None:
                    upload.details.append((kind, name, value or ""))
        _extend(upload.notes, self.texts(details, "additionalInfo"))
        for event in details.findall("ipCaptureEvent"):
            self.ip_events.append(
                self.ip_event(
                    doc, event, upload.account_id, report_id, upload.upload_id, "fileDetails/ipCaptureEvent"
                )
            )
        self.devices.extend(
            self.device_ids(doc, details, upload.account_id, report_id, upload.upload_id, "fileDetails")
        )

    def file_hash(self, doc: _Doc, digest: ET.Element, upload: UploadRow) -> None:
        hash_type = (digest.get("hashType") or "").strip()
        text = (digest.text or "").strip()
        if not text:
            return
        kind = HASH_TYPES.get(hash_type.upper().replace("-", "").replace("_", ""))
        value = text
        if kind is not None:
            try:
                value = parse_hex(text, kind)
            except ValueError as error:
                raise self.error(doc, digest, f"fileDetails/{digest.tag}", str(error)) from None
            if getattr(upload, kind) is None:
                setattr(upload, kind, value)
        entry = FileHash(hash_type or "unknown", value)
        if entry not in upload.hashes:
            upload.hashes.append(entry)

    def uploader(self, doc: _Doc, details: ET.Element, people: list[str], report_id: str) -> str:
        """Whose file this is: the account it names, else the report's first reported person."""
        named = self.text(details, "espIdentifier") or self.text(details, "screenName")
        if named is not None:
            for account_id in people:
                if named in (account_id, self.accounts[account_id].username):
                    return account_id
            raise self.error(doc, details, "fileDetails/espIdentifier", f"'{named}' is not a reported person")
        if people:
            return people[0]
        # No reported person (or the report is not among the inputs): an account known by nothing else.
        account_id = f"{GENERATED_PREFIX}{report_id}:unattributed"
        if account_id not in self.accounts:
            self.accounts[account_id] = AccountRow(account_id=account_id, report_ids=[report_id])
            self.generated[account_id] = (doc, details)
            self.rows[report_id].account_ids.append(account_id)
        return account_id


def _extend(target: list[str], values: Iterable[str]) -> None:
    for value in values:
        if value not in target:
            target.append(value)
