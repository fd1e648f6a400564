"""The in-memory form of a provider's disclosure, whatever format it arrived in.

Every intake reader (disclosure bundle, CyberTipline XML) produces a :class:`Disclosure`; the intake
service writes it. Values are already checked and typed: timestamps are timezone-aware, booleans are
``True``/``False``/``None`` (unknown), empty cells are ``None``, digests are lower-case hex.
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


@dataclass(slots=True)
class IdentifierRow:
    account_id: str
    kind: str
    value: str
    verified: bool | None = None
    observed_at: datetime | None = None


@dataclass(slots=True)
class IPEventRow:
    account_id: str
    ip: str
    timestamp: datetime
    port: int | None = None
    event: str | None = None
    possible_proxy: bool | None = None


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


@dataclass
class Disclosure:
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
