"""Writing a checked disclosure's rows: every table, in one pass, inside the ingest's transaction.
Values the provider gave beyond the columns (a CyberTipline report's reporter, a file's EXIF pairs)
are kept whole in ``details`` (JSON), so nothing read is lost."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from django.db.models import Model

from tiaki.apps.core.bulk import insert_rows
from tiaki.apps.intake.models import (
    Access,
    Account,
    Device,
    Disclosure,
    DisclosureFile,
    Identifier,
    IPEvent,
    Report,
    SafeguardingLead,
    StoredFile,
    Upload,
    Venue,
    VenueMembership,
)
from tiaki.apps.operations.models import Operation
from tiaki.engines.digest import Digests
from tiaki.engines.identifiers import KINDS, comparable_identifier
from tiaki.engines.progress import Progress
from tiaki.formats import disclosure as fmt

BATCH = 5000


def normalised(kind: str, value: str, country: str | None) -> str:
    """The identifier as search and linkage compare it (empty when it cannot be normalised)."""
    normal = comparable_identifier(kind, value, country) if kind in KINDS else None
    return (normal or "")[:500]


def plain(value: Any) -> Any:
    """``value`` (a dataclass, list or dict) as JSON-ready data: dates as ISO text, tuples as lists."""
    if hasattr(value, "__dataclass_fields__"):
        value = asdict(value)
    return json.loads(json.dumps(value, default=str))


def _stored_file_ids(stored: list[tuple[str, str, Digests]]) -> dict[str, int]:
    by_sha = {d.sha256: d for _, _, d in stored}
    existing = dict(StoredFile.objects.filter(sha256__in=list(by_sha)).values_list("sha256", "id"))
    StoredFile.objects.bulk_create(
        [
            StoredFile(sha256=d.sha256, sha1=d.sha1, md5=d.md5, size=d.size)
            for sha, d in by_sha.items()
            if sha not in existing
        ],
        batch_size=BATCH,
    )
    return dict(StoredFile.objects.filter(sha256__in=list(by_sha)).values_list("sha256", "id"))


def write_disclosure(
    operation: Operation,
    d: fmt.DisclosureContent,
    stored: list[tuple[str, str, Digests]],
    fingerprint: str,
    progress: Progress,
) -> dict[str, int]:
    total = (
        len(d.accounts)
        + len(d.identifiers)
        + len(d.ip_events)
        + len(d.venues)
        + len(d.memberships)
        + len(d.uploads)
        + len(d.accesses)
    )
    progress.start("writing disclosure", total)
    disclosure = Disclosure.objects.create(
        operation=operation,
        disclosure_id=d.disclosure_id,
        source_format=d.source_format,
        provider_name=d.provider.name,
        provider_country=d.provider.country or "",
        provider_contact=d.provider.contact or "",
        received_at=d.received_at,
        legal_reference=d.legal_reference or "",
        description=d.description or "",
        fingerprint=fingerprint,
    )
    file_ids = _stored_file_ids(stored)
    DisclosureFile.objects.bulk_create(
        [
            DisclosureFile(disclosure=disclosure, stored_id=file_ids[dg.sha256], name=name, role=role)
            for role, name, dg in stored
        ],
        batch_size=BATCH,
    )
    media_ids = {name: file_ids[dg.sha256] for role, name, dg in stored if role == "media"}

    def insert(model: type[Model], fields: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
        for start in range(0, len(rows), BATCH):
            progress.advance(insert_rows(model, fields, rows[start : start + BATCH]))

    insert(
        Account,
        (
            "operation_id",
            "disclosure_id",
            "account_id",
            "platform",
            "username",
            "display_name",
            "created_at",
            "profile_url",
            "stated_country",
            "status",
            "report_ids",
            "estimated_country",
            "details",
        ),
        [
            (
                operation.pk,
                disclosure.pk,
                a.account_id,
                a.platform or "",
                a.username or "",
                a.display_name or "",
                a.created_at,
                a.profile_url or "",
                a.stated_country or "",
                a.status or "",
                list(a.report_ids),
                (a.estimated_location.country or "") if a.estimated_location else "",
                _account_details(a),
            )
            for a in d.accounts
        ],
    )
    account_pk = dict(Account.objects.filter(disclosure=disclosure).values_list("account_id", "pk"))
    stated = {a.account_id: a.stated_country or None for a in d.accounts}
    insert(
        Identifier,
        ("account_id", "kind", "value", "normalised", "verified", "observed_at", "subtype"),
        [
            (
                account_pk[i.account_id],
                i.kind,
                i.value,
                normalised(i.kind, i.value, stated.get(i.account_id)),
                i.verified,
                i.observed_at,
                i.subtype or "",
            )
            for i in d.identifiers
        ],
    )
    insert(
        IPEvent,
        ("account_id", "ip", "port", "event", "timestamp", "possible_proxy", "upload_id", "report_id"),
        [
            (
                account_pk[e.account_id],
                e.ip,
                e.port,
                e.event or "",
                e.timestamp,
                e.possible_proxy,
                e.upload_id or "",
                e.report_id or "",
            )
            for e in d.ip_events
        ],
    )
    # Venues named by uploads, accesses or memberships but absent from a venues table still get a row.
    listed = {v.venue_id for v in d.venues}
    named = [*(u.venue_id for u in d.uploads), *(x.venue_id for x in d.accesses)]
    named += [m.venue_id for m in d.memberships]
    referenced = {v for v in named if v} - listed
    insert(
        Venue,
        ("disclosure_id", "venue_id", "kind", "name", "url"),
        [
            *((disclosure.pk, v.venue_id, v.kind or "", v.name or "", v.url or "") for v in d.venues),
            *((disclosure.pk, vid, "", "", "") for vid in sorted(referenced)),
        ],
    )
    venue_pk = dict(Venue.objects.filter(disclosure=disclosure).values_list("venue_id", "pk"))
    insert(
        VenueMembership,
        ("account_id", "venue_id", "role", "joined_at"),
        [(account_pk[m.account_id], venue_pk[m.venue_id], m.role or "", m.joined_at) for m in d.memberships],
    )
    insert(
        Upload,
        (
            "disclosure_id",
            "upload_id",
            "account_id",
            "file_name",
            "stored_id",
            "md5",
            "sha1",
            "sha256",
            "pdq",
            "uploaded_at",
            "venue_id",
            "viewed_by_provider",
            "publicly_available",
            "original_name",
            "report_id",
            "industry_classification",
            "annotations",
            "hashes",
            "details",
        ),
        [
            (
                disclosure.pk,
                u.upload_id,
                account_pk[u.account_id],
                u.file or "",
                media_ids[u.file] if u.file else None,
                u.md5 or "",
                u.sha1 or "",
                u.sha256 or "",
                u.pdq or "",
                u.uploaded_at,
                venue_pk[u.venue_id] if u.venue_id else None,
                u.viewed_by_provider,
                u.publicly_available,
                u.original_name or "",
                u.report_id or "",
                u.industry_classification or "",
                list(u.annotations),
                [[h.hash_type, h.value] for h in u.hashes],
                _upload_details(u),
            )
            for u in d.uploads
        ],
    )
    upload_pk = dict(Upload.objects.filter(disclosure=disclosure).values_list("upload_id", "pk"))
    insert(
        Access,
        ("account_id", "upload_id", "venue_id", "action", "timestamp"),
        [
            (
                account_pk[x.account_id],
                upload_pk[x.upload_id] if x.upload_id else None,
                venue_pk[x.venue_id] if x.venue_id else None,
                x.action or "",
                x.timestamp,
            )
            for x in d.accesses
        ],
    )
    insert(
        Device,
        ("account_id", "id_type", "value", "event", "observed_at", "upload_id", "report_id"),
        [
            (
                account_pk[v.account_id],
                v.id_type or "",
                v.value,
                v.event or "",
                v.observed_at,
                v.upload_id or "",
                v.report_id or "",
            )
            for v in d.devices
        ],
    )
    insert(
        Report,
        (
            "disclosure_id",
            "report_id",
            "incident_type",
            "incident_at",
            "escalation",
            "annotations",
            "provider_name",
            "account_ids",
            "details",
        ),
        [
            (
                disclosure.pk,
                r.report_id,
                r.incident_type or "",
                r.incident_at,
                r.escalate_to_high_priority or "",
                list(r.annotations),
                r.provider_name or "",
                list(r.account_ids),
                _report_details(r),
            )
            for r in d.reports
        ],
    )
    insert(
        SafeguardingLead,
        ("disclosure_id", "lead_id", "report_id", "role", "subject_account_ids", "details"),
        [
            (disclosure.pk, x.lead_id, x.report_id, x.role, list(x.subject_account_ids), _lead_details(x))
            for x in d.safeguarding_leads
        ],
    )
    return {
        "accounts": len(d.accounts),
        "identifiers": len(d.identifiers),
        "ip_events": len(d.ip_events),
        "venues": len(venue_pk),
        "memberships": len(d.memberships),
        "uploads": len(d.uploads),
        "accesses": len(d.accesses),
        "media_files": len(media_ids),
        **({"reports": len(d.reports)} if d.reports else {}),
        **({"devices": len(d.devices)} if d.devices else {}),
        **({"safeguarding_leads": len(d.safeguarding_leads)} if d.safeguarding_leads else {}),
    }


def _without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in keys and v not in (None, [], {}, "")}


def _account_details(a: fmt.AccountRow) -> dict[str, Any]:
    """What an account carries beyond its columns (further names and URLs, age, notes, the full
    estimated location)."""
    return _without(
        plain(a),
        *("account_id", "platform", "username", "display_name", "created_at", "profile_url"),
        *("stated_country", "status", "report_ids"),
    )


def _upload_details(u: fmt.UploadRow) -> dict[str, Any]:
    return _without(
        plain(u),
        *("upload_id", "account_id", "file", "md5", "sha1", "sha256", "pdq", "uploaded_at", "venue_id"),
        *("viewed_by_provider", "publicly_available", "original_name", "report_id"),
        *("industry_classification", "annotations", "hashes"),
    )


def _report_details(r: fmt.ReportRow) -> dict[str, Any]:
    return _without(
        plain(r),
        *("report_id", "incident_type", "incident_at", "escalate_to_high_priority", "annotations"),
        *("provider_name", "account_ids"),
    )


def _lead_details(x: fmt.SafeguardingLead) -> dict[str, Any]:
    return _without(plain(x), "lead_id", "report_id", "role", "subject_account_ids")
