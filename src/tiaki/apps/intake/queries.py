"""Reading what providers disclosed, narrowed to what the actor may see.

An account, its identifiers, IP events, uploads and accesses belong to the person the account was
resolved to; a country-scoped actor sees them only when that person is placed in their scope
(``core/scope.py``). Disclosures and stored files are visible to those who read the whole case.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from tiaki.apps.core import scope
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import (
    Account,
    Disclosure,
    Identifier,
    IPEvent,
    Report,
    SafeguardingLead,
    Upload,
)
from tiaki.apps.operations.models import Operation

TO_PERSON = {
    Account: scope.ACCOUNT,
    Identifier: "account__" + scope.ACCOUNT,
    IPEvent: "account__" + scope.ACCOUNT,
    Upload: "account__" + scope.ACCOUNT,
}


def accounts(actor: Actor, operation: Operation) -> QuerySet[Account]:
    actor.require(Permission.READ_CASE)
    return scope.restrict(actor, Account.objects.filter(operation=operation), TO_PERSON[Account])


def identifiers(actor: Actor, operation: Operation) -> QuerySet[Identifier]:
    actor.require(Permission.READ_CASE)
    found = Identifier.objects.filter(account__operation=operation)
    return scope.restrict(actor, found, TO_PERSON[Identifier])


def ip_events(actor: Actor, operation: Operation) -> QuerySet[IPEvent]:
    actor.require(Permission.READ_CASE)
    return scope.restrict(actor, IPEvent.objects.filter(account__operation=operation), TO_PERSON[IPEvent])


def uploads(actor: Actor, operation: Operation) -> QuerySet[Upload]:
    actor.require(Permission.READ_CASE)
    found = Upload.objects.filter(disclosure__operation=operation)
    return scope.restrict(actor, found, TO_PERSON[Upload])


def disclosures(actor: Actor, operation: Operation) -> QuerySet[Disclosure]:
    """Disclosures as a whole hold every country's accounts: only unscoped readers see them."""
    actor.require(Permission.READ_CASE)
    found = Disclosure.objects.filter(operation=operation)
    return found if not actor.scoped else found.none()


def disclosure_records(actor: Actor, operation: Operation) -> Iterator[dict[str, Any]]:
    """Everything kept of what the providers disclosed, one JSON-ready record at a time: each
    disclosure, report and safeguarding lead, each account with its identifiers, devices and IP
    events, each upload with every hash, name and flag (an unscoped reader's view: see
    :func:`disclosures`)."""
    actor.require(Permission.EXPORT)
    for d in disclosures(actor, operation).order_by("disclosure_id"):
        yield {
            "record": "disclosure",
            "disclosure_id": d.disclosure_id,
            "format": d.source_format,
            "provider": {
                "name": d.provider_name,
                "country": d.provider_country,
                "contact": d.provider_contact,
            },
            "received_at": _iso(d.received_at),
            "legal_reference": d.legal_reference,
            "description": d.description,
        }
        for r in Report.objects.filter(disclosure=d).order_by("report_id"):
            yield {
                "record": "report",
                "disclosure_id": d.disclosure_id,
                "report_id": r.report_id,
                "incident_type": r.incident_type,
                "incident_at": _iso(r.incident_at),
                "escalation": r.escalation,
                "annotations": r.annotations,
                "provider_name": r.provider_name,
                "account_ids": r.account_ids,
                **r.details,
            }
        for lead in SafeguardingLead.objects.filter(disclosure=d).order_by("lead_id"):
            yield {
                "record": "safeguarding_lead",
                "disclosure_id": d.disclosure_id,
                "lead_id": lead.lead_id,
                "report_id": lead.report_id,
                "role": lead.role,
                "subject_account_ids": lead.subject_account_ids,
                **lead.details,
            }
        for a in (
            Account.objects.filter(disclosure=d)
            .order_by("account_id")
            .prefetch_related("identifiers", "ip_events", "devices")
        ):
            yield {
                "record": "account",
                "disclosure_id": d.disclosure_id,
                "account_id": a.account_id,
                "platform": a.platform,
                "username": a.username,
                "display_name": a.display_name,
                "created_at": _iso(a.created_at),
                "profile_url": a.profile_url,
                "stated_country": a.stated_country,
                "status": a.status,
                "report_ids": a.report_ids,
                "estimated_country": a.estimated_country,
                **a.details,
                "identifiers": [
                    {"kind": i.kind, "value": i.value, "subtype": i.subtype, "verified": i.verified,
                     "observed_at": _iso(i.observed_at)}
                    for i in a.identifiers.all()
                ],
                "devices": [
                    {"id_type": v.id_type, "value": v.value, "event": v.event,
                     "observed_at": _iso(v.observed_at), "upload_id": v.upload_id, "report_id": v.report_id}
                    for v in a.devices.all()
                ],
                "ip_events": [
                    {"ip": e.ip, "port": e.port, "event": e.event, "timestamp": _iso(e.timestamp),
                     "possible_proxy": e.possible_proxy, "upload_id": e.upload_id,
                     "report_id": e.report_id}
                    for e in a.ip_events.all()
                ],
            }  # fmt: skip
        for u in Upload.objects.filter(disclosure=d).order_by("upload_id").select_related("account", "venue"):
            yield {
                "record": "upload",
                "disclosure_id": d.disclosure_id,
                "upload_id": u.upload_id,
                "account_id": u.account.account_id,
                "file_name": u.file_name,
                "original_name": u.original_name,
                "md5": u.md5,
                "sha1": u.sha1,
                "sha256": u.sha256,
                "pdq": u.pdq,
                "hashes": u.hashes,
                "uploaded_at": _iso(u.uploaded_at),
                "venue_id": u.venue.venue_id if u.venue else None,
                "viewed_by_provider": u.viewed_by_provider,
                "publicly_available": u.publicly_available,
                "report_id": u.report_id,
                "industry_classification": u.industry_classification,
                "annotations": u.annotations,
                **u.details,
            }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def events_per_month(actor: Actor, operation: Operation) -> list[tuple[datetime, int]]:
    """IP events per calendar month (UTC), oldest first; events without a time are not counted."""
    rows = (
        ip_events(actor, operation)
        .exclude(timestamp=None)
        .annotate(month=TruncMonth("timestamp"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return [(month, n) for month, n in rows]
