"""A person's file: everything the workspace shows about one person."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, Q

from tiaki.apps.core.actor import Actor
from tiaki.apps.intake.models import Account, Identifier, IPEvent
from tiaki.apps.operations.models import Operation
from tiaki.apps.subjects.models import (
    GeoResult,
    Person,
    PersonCase,
    RecordsFact,
    ResolutionLink,
)
from tiaki.apps.subjects.queries.persons import PersonRecord, find_person, person_record, persons
from tiaki.engines.identifiers import comparable_forms
from tiaki.errors import NotFound


@dataclass
class EventRow:
    event: IPEvent
    account: str
    country: str
    source: str
    network: str  # the network's owner, when a source names it


@dataclass
class PersonFile:
    """A person's file: the record, and everything the workspace shows beside it."""

    record: PersonRecord
    identifiers: list[Identifier]
    events: list[EventRow]
    facts: list[RecordsFact]
    case: PersonCase | None
    accounts_by_pk: dict[int, Account] = field(default_factory=dict)


def person_file(actor: Actor, operation: Operation, label: str, *, max_events: int = 500) -> PersonFile:
    """Everything about one person the actor may see: accounts, identifiers, links with evidence,
    decisions, IP events (newest first, at most ``max_events``) with the country and the source that
    answered, the triage assessment, the records-check facts that matched and the case."""
    r = person_record(actor, operation, label)
    pks = [a.pk for a in r.accounts]
    idents = list(
        Identifier.objects.filter(account_id__in=pks).select_related("account").order_by("kind", "value")
    )
    events = []
    for e in (
        IPEvent.objects.filter(account_id__in=pks)
        .select_related("account", "geo", "geo__source")
        .order_by(F("timestamp").desc(nulls_last=True), "pk")[:max_events]
    ):
        geo = getattr(e, "geo", None)
        events.append(
            EventRow(
                event=e,
                account=e.account.account_id,
                country=geo.country if geo else "",
                source=str(geo.source) if geo else "",
                network=_owner(geo),
            )
        )
    keys = {(i.kind, i.normalised) for i in idents if i.normalised}
    names = [form for i in idents if i.kind == "name" for form in comparable_forms("name", i.value)]
    keys |= {("name", name) for name in names}
    dobs = [i.normalised for i in idents if i.kind == "dob" and i.normalised]
    wanted = Q(pk__in=[])
    for kind in {k for k, _ in keys}:
        wanted |= Q(kind=kind, normalised__in=[v for k, v in keys if k == kind])
    if names and dobs:
        wanted |= Q(kind="name+dob", normalised__in=[f"{n}|{d}" for n in names for d in dobs])
    facts = list(
        RecordsFact.objects.filter(wanted, records_import__operation=operation).order_by("fact", "value")
    )
    return PersonFile(
        record=r,
        identifiers=idents,
        events=events,
        facts=facts,
        case=PersonCase.objects.filter(person=r.person).select_related("assignee").first(),
        accounts_by_pk={a.pk: a for a in r.accounts},
    )


def _owner(geo: GeoResult | None) -> str:
    """The network's owner as served legal process: ``AS64500 Example Networks``, or ""."""
    if geo is None or (geo.asn is None and not geo.organisation):
        return ""
    return " ".join(x for x in (f"AS{geo.asn}" if geo.asn is not None else "", geo.organisation) if x)


def holder(actor: Actor, operation: Operation, account_pk: int) -> Person | None:
    """The person an account belongs to now (after a decision re-clustered it), if the actor sees it."""
    return persons(actor, operation).filter(accounts__account_id=account_pk).first()


def person_link(actor: Actor, operation: Operation, label: str, link_id: int) -> ResolutionLink:
    """One link of a person's: :class:`NotFound` unless it is the person's."""
    person = find_person(actor, operation, label)
    link = person.links.select_related("account_a", "account_b").filter(pk=link_id).first()
    if link is None:
        raise NotFound(f"{label} has no link #{link_id} (the person may have changed: reload the page)")
    return link
