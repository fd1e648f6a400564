"""Reading persons, their links, places and triage, narrowed to what the actor may see.

The rules defined here and nowhere else: ``placed()`` (a person with a country and no review pending,
from ``core/scope.py``), ``current()`` (the assessment by the model the operation runs with now,
chosen by an explicit flag), and how a person or an account is found from what an investigator types.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import overload

from django.db.models import Count, F, Q, QuerySet

from tiaki.apps.core import scope
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import Account, Identifier, IPEvent, SafeguardingLead
from tiaki.apps.intake.queries import accounts as visible_accounts
from tiaki.apps.intake.queries import identifiers as visible_identifiers
from tiaki.apps.intake.queries import ip_events as visible_ip_events
from tiaki.apps.operations.models import Operation
from tiaki.apps.subjects.choices import CaseStatus
from tiaki.apps.subjects.models import (
    GeoResult,
    HeldBackLink,
    Person,
    PersonAccount,
    PersonCase,
    RecordsFact,
    ResolutionDecision,
    ResolutionLink,
    TriageAssessment,
)
from tiaki.engines.identifiers import normalise_identifier
from tiaki.errors import Invalid, NotFound


def persons(actor: Actor, operation: Operation) -> QuerySet[Person]:
    actor.require(Permission.READ_CASE)
    return scope.restrict(actor, Person.objects.filter(operation=operation))


def placed(queryset: QuerySet[Person]) -> QuerySet[Person]:
    """Persons with a country and no review pending: the ones packages carry."""
    return queryset.filter(scope.placed())


def current(queryset: QuerySet[TriageAssessment]) -> QuerySet[TriageAssessment]:
    """The assessments by the model the operation runs with now (one per person)."""
    return queryset.filter(current=True)


def assessments(actor: Actor, operation: Operation) -> QuerySet[TriageAssessment]:
    actor.require(Permission.READ_CASE)
    found = TriageAssessment.objects.filter(person__operation=operation)
    return scope.restrict(actor, found, "person__")


def find_person(actor: Actor, operation: Operation, label: str) -> Person:
    found = persons(actor, operation).filter(label=label).first()
    if found is None:
        raise NotFound(f"no person '{label}' in '{operation.name}' (run the resolve stage first?)")
    return found


def find_account(actor: Actor, operation: Operation, ref: str) -> Account:
    """An account by its provider id, or ``disclosure_id/account_id`` when that is ambiguous."""
    disclosure, _, account_id = ref.rpartition("/")
    found = visible_accounts(actor, operation).filter(account_id=account_id)
    if disclosure:
        found = found.filter(disclosure__disclosure_id=disclosure)
    matches = list(found[:2])
    if not matches:
        raise NotFound(f"no account '{ref}' in '{operation.name}'")
    if len(matches) > 1:
        raise Invalid(f"account id '{ref}' is in several disclosures; write it as disclosure_id/account_id")
    return matches[0]


def persons_export_rows(
    actor: Actor, operation: Operation, *, detailed: bool = False
) -> list[tuple[object, ...]]:
    """(account_id, person_id, country) for every account the actor may see, sorted by account; with
    ``detailed``, also the country's confidence, basis and evidence, and whether it awaits review."""
    actor.require(Permission.EXPORT)
    columns = ["account_id", "person__label", "person__country"]
    if detailed:
        columns += [
            "person__country_confidence",
            "person__country_basis",
            "person__needs_review",
            "person__country_evidence",
        ]
    links = scope.restrict(actor, PersonAccount.objects.filter(person__operation=operation), "person__")
    person = {row[0]: row[1:] for row in links.values_list(*columns)}
    blank = ("",) * (len(columns) - 1)
    rows = []
    for pk, account_id in visible_accounts(actor, operation).values_list("pk", "account_id"):
        values = person.get(pk, blank)
        if detailed and pk in person:
            confidence, basis, review, evidence = values[2:]
            values = (
                *values[:2],
                "" if confidence is None else confidence,
                basis,
                "true" if review else "false",
                json.dumps(evidence, sort_keys=True),
            )
        rows.append((account_id, *values))
    return sorted(rows, key=lambda r: str(r[0]))


@dataclass
class PersonRecord:
    person: Person
    accounts: list[Account]
    links: list[ResolutionLink]
    decisions: list[ResolutionDecision]
    assessment: TriageAssessment | None
    # Children reported with these accounts (victims, intended recipients): leads to safeguard.
    leads: list[SafeguardingLead] = field(default_factory=list)


def person_record(actor: Actor, operation: Operation, label: str) -> PersonRecord:
    """Everything that says who a person is, where, and why their accounts belong together."""
    person = find_person(actor, operation, label)
    accounts = [
        pa.account for pa in person.accounts.select_related("account").order_by("account__account_id")
    ]
    pks = [a.pk for a in accounts]
    return PersonRecord(
        person=person,
        accounts=accounts,
        links=list(person.links.select_related("account_a", "account_b").order_by("pk")),
        decisions=_decisions(actor, operation, pks),
        assessment=current(person.assessments.all()).first(),
        leads=_leads(accounts),
    )


def _decisions(actor: Actor, operation: Operation, pks: list[int]) -> list[ResolutionDecision]:
    """Decisions about the person's accounts; a scoped actor sees those whose other account it may
    see too (a decision names accounts of a person outside the actor's countries otherwise)."""
    found = (
        ResolutionDecision.objects.filter(operation=operation)
        .filter(Q(account_a_id__in=pks) | Q(account_b_id__in=pks))
        .select_related("account_a", "account_b")
        .order_by("decided_at", "pk")
    )
    if actor.scoped:
        seen = set(visible_accounts(actor, operation).values_list("pk", flat=True))
        return [d for d in found if d.account_a_id in seen and d.account_b_id in seen]
    return list(found)


def _leads(accounts: list[Account]) -> list[SafeguardingLead]:
    """Safeguarding leads reported with any of ``accounts`` (matched within each account's disclosure)."""
    by_disclosure: dict[int, set[str]] = {}
    for a in accounts:
        by_disclosure.setdefault(a.disclosure_id, set()).add(a.account_id)
    found = []
    for lead in SafeguardingLead.objects.filter(disclosure_id__in=list(by_disclosure)).order_by("lead_id"):
        if by_disclosure[lead.disclosure_id] & set(lead.subject_account_ids):
            found.append(lead)
    return found


# Triage score bands, as the persons list filters them: (lowest score, highest score or None).
SCORE_BANDS: dict[str, tuple[int, int | None]] = {"high": (50, None), "medium": (20, 49), "low": (0, 19)}


@dataclass(frozen=True)
class PersonFilter:
    """What the persons list is narrowed to; empty fields do not narrow. ``review``: "yes" for persons
    whose country awaits review, "no" for placed ones; ``assignee``: a username, or "-" for nobody."""

    country: str = ""
    band: str = ""
    review: str = ""
    status: str = ""
    assignee: str = ""

    def check(self) -> None:
        """:class:`Invalid` naming the first field that cannot be accepted."""
        if self.country and (len(self.country) != 2 or not self.country.isalpha()):
            raise Invalid(f"country: '{self.country}' is not a two-letter country code")
        if self.band and self.band not in SCORE_BANDS:
            raise Invalid(f"band: '{self.band}' is not one of {', '.join(SCORE_BANDS)}")
        if self.review not in ("", "yes", "no"):
            raise Invalid("review: answer yes or no")
        if self.status and self.status not in CaseStatus.values:
            raise Invalid(f"status: '{self.status}' is not one of {', '.join(CaseStatus.values)}")


class RankedPersons(Sequence[Person]):
    """Persons in the order of their current assessment's rank, read a page at a time through the
    index on (current, rank): the assessments of one page are found in rank order, then their persons
    (a sort of every person of a large operation for each page is what this avoids). A sequence, as
    Django's paginator reads one."""

    def __init__(self, assessments: QuerySet[TriageAssessment], people: QuerySet[Person]) -> None:
        self.assessments = assessments
        self.people = people

    def __len__(self) -> int:
        return self.assessments.count()

    @overload
    def __getitem__(self, window: int) -> Person: ...

    @overload
    def __getitem__(self, window: slice) -> list[Person]: ...

    def __getitem__(self, window: int | slice) -> Person | list[Person]:
        if isinstance(window, int):
            return self[window : window + 1][0]
        page = list(self.assessments.order_by("rank").values_list("person_id", "score", "rank")[window])
        found = {p.pk: p for p in self.people.filter(pk__in=[pk for pk, _, _ in page])}
        ordered = []
        for pk, score, rank in page:
            person = found[pk]
            person.score, person.rank = score, rank  # type: ignore[attr-defined]
            ordered.append(person)
        return ordered


def triage_list(
    actor: Actor, operation: Operation, where: PersonFilter | None = None
) -> RankedPersons | QuerySet[Person]:
    """Persons in triage order (rank of their current assessment; by label before triage has run),
    narrowed by ``where``. Each carries ``score``, ``rank``, ``case_status`` and ``assignee_name``
    (None when not set). Read through the index on (current, rank), so a page costs about the same at
    any size of operation."""
    where = where or PersonFilter()
    where.check()
    narrowing = Q()
    if where.country:
        narrowing &= Q(country=where.country.upper())
    if where.review:
        narrowing &= Q(needs_review=where.review == "yes")
    if where.status == CaseStatus.NEW:
        narrowing &= Q(case__isnull=True) | Q(case__status=CaseStatus.NEW)
    elif where.status:
        narrowing &= Q(case__status=where.status)
    if where.assignee == "-":
        narrowing &= Q(case__isnull=True) | Q(case__assignee__isnull=True)
    elif where.assignee:
        narrowing &= Q(case__assignee__username=where.assignee)
    # The list shows no evidence: the vote's evidence (JSON, often large) stays in the database.
    found = (
        persons(actor, operation)
        .defer("country_evidence")
        .annotate(case_status=F("case__status"), assignee_name=F("case__assignee__username"))
    )
    triaged = TriageAssessment.objects.filter(person__operation=operation, current=True).exists()
    if not triaged:
        return found.none() if where.band else found.filter(narrowing).order_by("label")
    ranked = assessments(actor, operation).filter(current=True)
    if narrowing:
        ranked = ranked.filter(person__in=persons(actor, operation).filter(narrowing))
    if where.band:
        low, high = SCORE_BANDS[where.band]
        ranked = ranked.filter(score__gte=low)
        if high is not None:
            ranked = ranked.filter(score__lte=high)
    return RankedPersons(ranked, found)


def _search_values(text: str, countries: list[str]) -> set[str]:
    """Every normalised form ``text`` may be the typed form of: an e-mail, a phone number read in
    each of ``countries`` (and in international form), a device id, the text as written."""
    found = {text, text.lower()}
    for kind in ("email", "device", "payment", "name", "other"):
        normal = normalise_identifier(kind, text)
        if normal:
            found.add(normal)
    if any(ch.isdigit() for ch in text):
        for country in [None, *countries]:
            phone = normalise_identifier("phone", text, country)
            if phone:
                found.add(phone)
    return found


def search(actor: Actor, operation: Operation, text: str) -> QuerySet[Person]:
    """Persons found from anything an investigator may type: a person id, an account id, a username,
    any identifier written any way (an e-mail with dots or +tags, a phone number in national or
    international form, a device id) or an IP address. Each lookup uses an index."""
    text = text.strip()
    if not text:
        raise Invalid("q: type an identifier, an account, a username, an IP address or a person id")
    if len(text) > 500:
        raise Invalid("q: at most 500 characters")
    # The countries a national phone number may be from: those of the operation (distinct in SQL).
    stated = Account.objects.filter(operation=operation).values_list("stated_country", flat=True).distinct()
    placed_in = Person.objects.filter(operation=operation).values_list("country", flat=True).distinct()
    countries = sorted({c for c in stated if c} | {c for c in placed_in if c})
    values = _search_values(text, countries)
    accounts: set[int] = set()
    accounts.update(
        visible_identifiers(actor, operation)
        .filter(normalised__in=values)
        .values_list("account_id", flat=True)
    )
    accounts.update(
        visible_accounts(actor, operation)
        .filter(Q(account_id__in=values) | Q(username__in=values))
        .values_list("pk", flat=True)
    )
    try:
        ip = str(ipaddress.ip_address(text))
    except ValueError:
        ip = ""
    if ip:
        accounts.update(
            visible_ip_events(actor, operation).filter(ip__in={ip, text}).values_list("account_id", flat=True)
        )
    found = persons(actor, operation)
    return (
        found.filter(Q(label__in=values) | Q(accounts__account_id__in=accounts)).distinct().order_by("label")
    )


def review_queue(actor: Actor, operation: Operation) -> QuerySet[Person]:
    """Persons whose country is uncertain (listed for review, not put into a package)."""
    return persons(actor, operation).filter(needs_review=True).order_by("label")


def held_back_links(actor: Actor, operation: Operation) -> list[HeldBackLink]:
    """Links the resolution's household guard held back, with the evidence and both sides' persons,
    for an investigator to confirm or reject (a scoped reader: those between accounts it may see)."""
    actor.require(Permission.READ_CASE)
    found = list(
        HeldBackLink.objects.filter(operation=operation)
        .select_related("account_a__person_link__person", "account_b__person_link__person")
        .order_by(F("weight").desc(nulls_last=True), "pk")
    )
    if actor.scoped:
        seen = set(visible_accounts(actor, operation).values_list("pk", flat=True))
        found = [h for h in found if h.account_a_id in seen and h.account_b_id in seen]
    return found


def held_back_link(actor: Actor, operation: Operation, link_id: int) -> HeldBackLink:
    found = next((h for h in held_back_links(actor, operation) if h.pk == link_id), None)
    if found is None:
        raise NotFound(f"no held-back link {link_id} in '{operation.name}'")
    return found


def workload(actor: Actor, operation: Operation) -> list[tuple[str, str, int]]:
    """(assignee or "", status, persons) for the triage queue by assignee; persons without a case row
    count as new and unassigned."""
    cases = scope.restrict(actor, PersonCase.objects.filter(person__operation=operation), "person__")
    rows = [
        (name or "", status, n)
        for name, status, n in cases.values_list("assignee__username", "status")
        .annotate(n=Count("pk"))
        .order_by("assignee__username", "status")
    ]
    untouched = persons(actor, operation).filter(case__isnull=True).count()
    if untouched:
        rows.insert(0, ("", CaseStatus.NEW.value, untouched))
    return rows


def score_counts(actor: Actor, operation: Operation) -> dict[int, int]:
    """How many persons have each current triage score."""
    rows = current(assessments(actor, operation)).values_list("score").annotate(n=Count("pk"))
    return {score: n for score, n in rows}


def persons_per_country(actor: Actor, operation: Operation) -> dict[str, int]:
    """Placed persons per country."""
    rows = placed(persons(actor, operation)).values_list("country").annotate(n=Count("pk"))
    return {country: n for country, n in rows}


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
    names = [i.normalised for i in idents if i.kind == "name" and i.normalised]
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
