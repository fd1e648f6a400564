"""Reading packages, agencies, case details and the dissemination log. A scoped actor sees only the
packages, agencies and sends of the countries in its scope; a partner agency's officer, only those
addressed to their own agency (:func:`for_actor`, the one definition of what a partner sees)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from django.db.models import Model, QuerySet
from django.utils.text import slugify

from tiaki.apps.core import datadir
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission, Role
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.models import Agency, CaseDetails, Dissemination, Package
from tiaki.apps.subjects.models import GeoResult, TriageAssessment
from tiaki.formats.handling import Marking, marking

M = TypeVar("M", bound=Model)


def for_actor(actor: Actor, found: QuerySet[M], agency: str = "agency__name") -> QuerySet[M]:
    """Packages or sends narrowed to the actor's countries, and for a partner agency's officer to
    those addressed to their own agency (``found``'s model has ``country``; ``agency`` is the lookup
    of the agency's name it was addressed to)."""
    if actor.countries is not None:
        found = found.filter(country__in=sorted(actor.countries))
    if actor.role == Role.PARTNER:  # the agency's name exactly, as the directory keeps it
        found = found.filter(**{agency: actor.agency})
    return found


def packages(actor: Actor, operation: Operation) -> QuerySet[Package]:
    """The operation's packages ``actor`` may read; a partner's: those sent to its agency, also when
    it was sent to an agency of the country other than the one it is addressed to."""
    actor.require(Permission.READ_PACKAGES)
    found = for_actor(actor, Package.objects.filter(operation=operation), "disseminations__agency__name")
    return found.distinct() if actor.role == Role.PARTNER else found  # once, however often it was sent


def packages_root(operation: Operation) -> Path:
    """The operation's package folder, named by its identity (so two operations whose names read
    alike never share one) and its name (so a person can tell which it is)."""
    return datadir.root() / "packages" / f"{operation.pk}-{slugify(operation.name) or 'operation'}"


def network_owner_fields() -> tuple[str | None, str | None]:
    """The network owner's fields on ``GeoResult``, where legal process is served: the AS number
    (``asn``) and the organisation (``organisation``, or ``asn_org``), each None while the geolocation
    stage does not record it; ``ip_events.csv`` then leaves that column empty."""
    present = {f.name for f in GeoResult._meta.get_fields()}
    asn = "asn" if "asn" in present else None
    organisation = next((name for name in ("organisation", "asn_org") if name in present), None)
    return asn, organisation


def sendable(assessment: TriageAssessment | None) -> bool:
    """The inclusion rule (``formats/referral.INCLUSION_RULE``): a score above 0 or a reason."""
    return assessment is not None and (assessment.score > 0 or bool(assessment.reasons))


def agencies(actor: Actor) -> QuerySet[Agency]:
    """The directory, by country and name (primary first); a scoped actor sees its countries' only."""
    actor.require(Permission.READ_PACKAGES)
    found = Agency.objects.order_by("country", "-primary", "name")
    return found if actor.countries is None else found.filter(country__in=sorted(actor.countries))


def addressee(country: str) -> Agency | None:
    """The agency a country's packages are addressed to: its primary agency, if any."""
    return Agency.objects.filter(country=country, primary=True).first()


def case_details(operation: Operation) -> CaseDetails:
    """The operation's case details; an unsaved row of defaults when none were set."""
    found = CaseDetails.objects.filter(operation=operation).first()
    return found if found is not None else CaseDetails(operation=operation)


def case_marking(details: CaseDetails) -> Marking:
    """The handling marking of the operation's packages."""
    return marking(
        details.tlp,
        details.handling_code,
        details.source_reliability,
        details.information,
        details.handling_note,
    )


def disseminations(actor: Actor, operation: Operation) -> QuerySet[Dissemination]:
    """The dissemination log, newest first."""
    actor.require(Permission.READ_PACKAGES)
    found = Dissemination.objects.filter(operation=operation).select_related("agency", "package")
    return for_actor(actor, found).order_by("-sent_at", "-pk")


def follow_ups_due(actor: Actor, operation: Operation, today: date) -> QuerySet[Dissemination]:
    """Sends not yet acknowledged whose follow-up date is today or past: the dashboard's reminders."""
    return disseminations(actor, operation).filter(
        acknowledged_at__isnull=True, follow_up_due__isnull=False, follow_up_due__lte=today
    )


@dataclass(frozen=True)
class IndexRow:
    """One line of the dispatching officer's index: a country's package and what became of it."""

    country: str
    agency: str
    channel: str
    persons: int
    left_out: int
    top_score: int | None
    zip_sha256: str
    sealed: bool
    sent_at: str
    acknowledged: bool


def dispatch_index(actor: Actor, operation: Operation) -> list[IndexRow]:
    """Every country's package in order of its top score (highest first), with its addressee and
    its latest send."""
    latest: dict[str, Dissemination] = {}
    for d in disseminations(actor, operation):
        latest.setdefault(d.country, d)
    rows = []
    for p in packages(actor, operation).select_related("agency"):
        sent = latest.get(p.country)
        rows.append(
            IndexRow(
                country=p.country,
                agency=p.agency.name if p.agency else "",
                channel=p.agency.channel if p.agency else "",
                persons=p.persons,
                left_out=p.left_out,
                top_score=p.top_score,
                zip_sha256=p.zip_sha256,
                sealed=bool(p.sealed_sha256),
                sent_at=sent.sent_at.isoformat(timespec="seconds") if sent else "",
                acknowledged=bool(sent and sent.acknowledged_at),
            )
        )
    return sorted(rows, key=lambda r: (-(r.top_score if r.top_score is not None else -1), r.country))
