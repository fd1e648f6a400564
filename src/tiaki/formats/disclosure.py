"""The in-memory form of a provider's disclosure, whatever format it arrived in.

Every intake reader (disclosure bundle, CyberTipline XML) produces a :class:`DisclosureContent`; the intake
service writes it. Values are already checked and typed: timestamps are timezone-aware, booleans are
``True``/``False``/``None`` (unknown), empty cells are ``None``, digests are lower-case hex.

The fields after the first block of each dataclass (report numbers, estimated locations, file
annotations, devices, safeguarding leads, ...) are filled by the CyberTipline reader; the bundle reader
leaves them at their defaults. ``docs/formats.md`` maps every CyberTipline element to its field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

IDENTIFIER_KINDS = ("email", "phone", "device", "payment", "name", "dob", "address", "other")
IP_EVENT_KINDS = ("login", "registration", "upload", "purchase", "other", "unknown")
ACCOUNT_STATUSES = ("active", "disabled", "deleted")
ACCESS_ACTIONS = ("view", "download", "share", "comment", "other")
VENUE_KINDS = ("group", "url", "forum", "chat", "other")
MEMBERSHIP_ROLES = ("owner", "admin", "member", "visitor")


@dataclass(frozen=True, slots=True)
class Provider:
    name: str
    country: str | None = None
    contact: str | None = None


# CyberTipline file annotations and report annotations (the schema's element names, kept as written).
FILE_ANNOTATIONS = (
    "animeDrawingVirtualHentai",
    "potentialMeme",
    "viral",
    "possibleSelfProduction",
    "physicalHarm",
    "violenceGore",
    "bestiality",
    "liveStreaming",
    "infant",
    "generativeAi",
)
REPORT_ANNOTATIONS = ("sextortion", "csamSolicitation", "minorToMinorInteraction", "spam")
# The ESP-designated industry classification of a file: A/B = prepubescent/pubescent, 1/2 = sex act /
# lascivious exhibition. ``tiaki.formats.hashlist.PROFILES["industry"]`` gives their severities.
INDUSTRY_CLASSIFICATIONS = ("A1", "A2", "B1", "B2")
LEAD_ROLES = ("victim", "intended_recipient")


@dataclass(frozen=True, slots=True)
class EstimatedLocation:
    """Where the reporter estimates a person to be (CyberTipline ``estimatedLocation``)."""

    country: str | None = None  # ISO 3166-1 alpha-2, upper case, checked against pycountry
    region: str | None = None
    city: str | None = None
    verified: bool | None = None
    estimated_at: datetime | None = None


@dataclass(slots=True)
class AccountRow:
    account_id: str
    platform: str | None = None
    username: str | None = None
    display_name: str | None = None
    created_at: datetime | None = None
    profile_url: str | None = None
    stated_country: str | None = None
    status: str | None = None
    # CyberTipline: the reports that name this account, in order (report numbers).
    report_ids: list[str] = field(default_factory=list)
    # The reporter's estimate of where the person is: placement evidence, never a stated country.
    estimated_location: EstimatedLocation | None = None
    # Every further display name and profile URL (the first of each is in the fields above).
    display_names: list[str] = field(default_factory=list)
    profile_urls: list[str] = field(default_factory=list)
    age: int | None = None  # the person's approximate age as reported
    third_party_user: bool | None = None  # a user of another company's service
    prior_report_ids: list[str] = field(default_factory=list)  # earlier CyberTipline reports on them
    group_identifiers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # additionalInfo, vehicleDescription ("vehicle: ...")


@dataclass(slots=True)
class IdentifierRow:
    account_id: str
    kind: str
    value: str
    verified: bool | None = None
    observed_at: datetime | None = None
    # What kind of value within ``kind``: a device id's type (IMEI, ICCID, SSID, ...), an address's or
    # a phone's type attribute (Home, Mobile, ...). None when the source does not say.
    subtype: str | None = None


@dataclass(slots=True)
class IPEventRow:
    account_id: str
    ip: str
    # None when the source gives no time (the CyberTipline schema makes ``dateTime`` optional): such an
    # event is kept, and placement uses the geolocation snapshot nearest the report instead.
    timestamp: datetime | None
    port: int | None = None
    event: str | None = None
    possible_proxy: bool | None = None
    upload_id: str | None = None  # set when the event was captured for one file (file-level event)
    report_id: str | None = None


@dataclass(slots=True)
class DeviceRow:
    """A device id as the CyberTipline gives it (``deviceId``), at person or file level."""

    account_id: str  # the person it was reported for, or the uploader of the file
    id_type: str | None  # IMEI, ICCID, SSID, Android ID, ... as written
    value: str
    event: str | None = None  # login, registration, upload, purchase, other, unknown
    observed_at: datetime | None = None
    upload_id: str | None = None  # set for a file-level device
    report_id: str | None = None


@dataclass(frozen=True, slots=True)
class FileHash:
    """One hash of a file as the source gives it, whatever its type (PhotoDNA included)."""

    hash_type: str  # as written, e.g. "MD5", "SHA-256", "PhotoDNA"
    value: str  # lower-case hex for MD5/SHA1/SHA256/PDQ, otherwise as written


@dataclass(slots=True)
class UploadRow:
    upload_id: str
    account_id: str
    file: str | None = None  # path relative to the bundle's media/ folder
    md5: str | None = None
    sha1: str | None = None
    sha256: str | None = None
    pdq: str | None = None
    uploaded_at: datetime | None = None
    venue_id: str | None = None
    viewed_by_provider: bool | None = None
    publicly_available: bool | None = None
    original_name: str | None = None
    # CyberTipline file details (None / empty when the source has none).
    report_id: str | None = None
    stored_name: str | None = None  # fileName: the name the provider stored the file under
    location_url: str | None = None  # locationOfFile
    exif_viewed_by_provider: bool | None = None
    relevance: str | None = None  # fileRelevance: "Reported", "Supplemental Reported", ...
    industry_classification: str | None = None  # A1, A2, B1 or B2: the provider's grade of the file
    annotations: list[str] = field(default_factory=list)  # fileAnnotations, e.g. "viral"
    # Every hash given, in order, including a second value of one type and types tiaki does not
    # compute (PhotoDNA); md5/sha1/sha256/pdq above hold the first of each.
    hashes: list[FileHash] = field(default_factory=list)
    # details/nameValuePair as (type, name, value), e.g. ("EXIF", "Model", "...").
    details: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # additionalInfo


@dataclass(slots=True)
class AccessRow:
    account_id: str
    upload_id: str | None = None
    venue_id: str | None = None
    action: str | None = None
    timestamp: datetime | None = None


@dataclass(slots=True)
class VenueRow:
    venue_id: str
    kind: str | None = None
    name: str | None = None
    url: str | None = None


@dataclass(slots=True)
class MembershipRow:
    account_id: str
    venue_id: str
    role: str | None = None
    joined_at: datetime | None = None


@dataclass(slots=True)
class ReportRow:
    """One CyberTipline report: the key an officer quotes, and what the provider said about it."""

    report_id: str  # the CyberTipline report number (or a name derived from the file, see docs)
    source_file: str  # the file it was read from
    incident_type: str | None = None
    incident_at: datetime | None = None
    incident_at_description: str | None = None
    # The provider's reason for escalation; any value means the provider asked for high priority.
    escalate_to_high_priority: str | None = None
    annotations: list[str] = field(default_factory=list)  # reportAnnotations, e.g. "sextortion"
    provider_name: str | None = None
    reporter_name: str | None = None
    reporter_email: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    # internetDetails: one entry per incident, (kind, [(field path, value), ...]), e.g.
    # ("webPageIncident", [("url", "https://..."), ("@thirdPartyHostedContent", "true")]).
    internet_details: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    # lawEnforcement and the reporter's free texts (companyTemplate, termsOfService, legalURL) as
    # (field path, value) pairs.
    law_enforcement: list[tuple[str, str]] = field(default_factory=list)
    reporter_details: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # the report's additionalInfo
    account_ids: list[str] = field(default_factory=list)  # the reported persons, in order
    upload_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SafeguardingLead:
    """A child victim or an intended recipient named in a report: a lead to safeguard a person, never
    a suspect. Tied to the report and to the persons reported in it (``subject_account_ids``)."""

    lead_id: str  # "<report id>/victim-<n>" or "<report id>/intended_recipient-<n>"
    report_id: str
    role: str  # "victim" or "intended_recipient"
    subject_account_ids: list[str] = field(default_factory=list)
    esp_identifier: str | None = None
    platform: str | None = None  # espService
    screen_name: str | None = None
    display_names: list[str] = field(default_factory=list)
    profile_urls: list[str] = field(default_factory=list)
    name: str | None = None
    age: int | None = None
    date_of_birth: str | None = None
    school_name: str | None = None
    identifiers: list[IdentifierRow] = field(default_factory=list)  # account_id = lead_id
    ip_events: list[IPEventRow] = field(default_factory=list)  # account_id = lead_id
    devices: list[DeviceRow] = field(default_factory=list)  # account_id = lead_id
    estimated_location: EstimatedLocation | None = None
    prior_report_ids: list[str] = field(default_factory=list)
    group_identifiers: list[str] = field(default_factory=list)
    account_disabled: str | None = None  # "temporarily" / "permanently" (intended recipients)
    notes: list[str] = field(default_factory=list)


@dataclass
class DisclosureContent:
    """One disclosure, fully read and checked; nothing here has been written anywhere yet."""

    source_format: str  # "disclosure-bundle" or "cybertipline-xml"
    disclosure_id: str
    provider: Provider
    received_at: datetime | None = None
    legal_reference: str | None = None
    description: str | None = None
    accounts: list[AccountRow] = field(default_factory=list)
    identifiers: list[IdentifierRow] = field(default_factory=list)
    ip_events: list[IPEventRow] = field(default_factory=list)
    uploads: list[UploadRow] = field(default_factory=list)
    accesses: list[AccessRow] = field(default_factory=list)
    venues: list[VenueRow] = field(default_factory=list)
    memberships: list[MembershipRow] = field(default_factory=list)
    # Folder that upload ``file`` paths are relative to (None when no media was supplied).
    media_root: Path | None = None
    # Every file the disclosure was read from, to be kept content-addressed as evidence.
    source_files: list[Path] = field(default_factory=list)
    # CyberTipline only: the reports, device ids (person- and file-level) and safeguarding leads.
    reports: list[ReportRow] = field(default_factory=list)
    devices: list[DeviceRow] = field(default_factory=list)
    safeguarding_leads: list[SafeguardingLead] = field(default_factory=list)
