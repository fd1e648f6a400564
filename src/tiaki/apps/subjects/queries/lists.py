"""The workspace's lists of persons: the triage queue, search, the review queues."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

from django.core.cache import cache
from django.db.models import Count, F, Q, QuerySet

from tiaki.apps.core import scope
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import Account, Identifier
from tiaki.apps.intake.queries import accounts as visible_accounts
from tiaki.apps.intake.queries import ip_events as visible_ip_events
from tiaki.apps.operations.models import Operation
from tiaki.apps.subjects.choices import CaseStatus
from tiaki.apps.subjects.models import (
    HeldBackLink,
    Person,
    PersonAccount,
    PersonCase,
    TriageAssessment,
)
from tiaki.apps.subjects.queries.persons import assessments, current, persons, placed
from tiaki.engines.identifiers import comparable_forms, comparable_identifier, normalise_identifier
from tiaki.errors import Invalid, NotFound

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


def _placement(where: PersonFilter, to_person: str = "") -> Q:
    """``where``'s country and review, on persons reached through ``to_person``."""
    narrowing = Q()
    if where.country:
        narrowing &= Q(**{f"{to_person}country": where.country.upper()})
    if where.review:
        narrowing &= Q(**{f"{to_person}needs_review": where.review == "yes"})
    return narrowing


def _casework(where: PersonFilter, to_person: str = "") -> Q:
    """``where``'s case status and assignee, on persons reached through ``to_person``."""
    p = to_person
    narrowing = Q()
    if where.status == CaseStatus.NEW:
        narrowing &= Q(**{f"{p}case__isnull": True}) | Q(**{f"{p}case__status": CaseStatus.NEW})
    elif where.status:
        narrowing &= Q(**{f"{p}case__status": where.status})
    if where.assignee == "-":
        narrowing &= Q(**{f"{p}case__isnull": True}) | Q(**{f"{p}case__assignee__isnull": True})
    elif where.assignee:
        narrowing &= Q(**{f"{p}case__assignee__username": where.assignee})
    return narrowing


def triage_list(
    actor: Actor, operation: Operation, where: PersonFilter | None = None
) -> RankedPersons | QuerySet[Person]:
    """Persons in triage order (rank of their current assessment; by label before triage has run),
    narrowed by ``where``. Each carries ``score``, ``rank``, ``case_status`` and ``assignee_name``
    (None when not set). Read through the index on (current, rank), so a page costs about the same at
    any size of operation."""
    where = where or PersonFilter()
    where.check()
    narrowing = _placement(where) & _casework(where)
    # The list shows no evidence: the vote's evidence (JSON, often large) stays in the database.
    found = (
        persons(actor, operation)
        .defer("country_evidence")
        .annotate(case_status=F("case__status"), assignee_name=F("case__assignee__username"))
    )
    triaged = TriageAssessment.objects.filter(person__operation=operation, current=True).exists()
    if not triaged:
        return found.none() if where.band else found.filter(narrowing).order_by("label")
    # "current IN (true)", not Django's bare "current" for SQLite: only an equality lets SQLite walk the
    # index on (current, rank) in rank order instead of sorting every assessment for one page.
    ranked = assessments(actor, operation).filter(current__in=[True])
    # A country or review status picks persons through their index; case filters are read on the
    # assessments' own persons (a subquery joining every person to its case reads them all).
    if _placement(where):
        ranked = ranked.filter(person__in=persons(actor, operation).filter(_placement(where)))
    if _casework(where):
        ranked = ranked.filter(_casework(where, "person__"))
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
    for kind in ("email", "device", "payment", "other"):
        normal = comparable_identifier(kind, text)
        if normal:
            found.add(normal)
    # A name as stored (in the order it is spoken), also when typed surname first without a comma.
    names = comparable_forms("name", text)
    found.update(names)
    words = names[0].split() if names else []
    if len(words) > 1:
        found.add(" ".join(words[1:] + words[:1]))
    if any(ch.isdigit() for ch in text):
        for country in [None, *countries]:
            phone = normalise_identifier("phone", text, country)
            if phone:
                found.add(phone)
    return found


COUNTRIES_SECONDS = 60


def _phone_countries(operation: Operation) -> list[str]:
    """The countries a national phone number typed into the search may be from: those of the
    operation (stated by its accounts, or placed). Reading them takes a pass over every account of a
    large operation, so each server process keeps them a minute."""
    key = f"tiaki:phone-countries:{operation.pk}:{operation.created_at.timestamp()}"
    found = cache.get(key)
    if isinstance(found, list):
        return found
    stated = Account.objects.filter(operation=operation).values_list("stated_country", flat=True).distinct()
    placed_in = Person.objects.filter(operation=operation).values_list("country", flat=True).distinct()
    countries = sorted({c for c in stated if c} | {c for c in placed_in if c})
    cache.set(key, countries, COUNTRIES_SECONDS)
    return countries


def search(actor: Actor, operation: Operation, text: str) -> QuerySet[Person]:
    """Persons found from anything an investigator may type: a person id, an account id, a username,
    any identifier written any way (an e-mail with dots or +tags, a phone number in national or
    international form, a device id) or an IP address. Each lookup uses an index."""
    text = text.strip()
    if not text:
        raise Invalid("q: type an identifier, an account, a username, an IP address or a person id")
    if len(text) > 500:
        raise Invalid("q: at most 500 characters")
    values = _search_values(text, _phone_countries(operation))
    accounts: set[int] = set()
    # The identifiers by their index, then those of their accounts the actor may see (a join of the two
    # filtered by operation leads SQLite to read every account of the operation).
    holders = Identifier.objects.filter(normalised__in=values).values("account_id")
    accounts.update(visible_accounts(actor, operation).filter(pk__in=holders).values_list("pk", flat=True))
    for field in ("account_id", "username"):  # one index each (an OR of the two reads every row)
        accounts.update(
            visible_accounts(actor, operation).filter(**{f"{field}__in": values}).values_list("pk", flat=True)
        )
    try:
        ip = str(ipaddress.ip_address(text))
    except ValueError:
        ip = ""
    if ip:
        accounts.update(
            visible_ip_events(actor, operation).filter(ip__in={ip, text}).values_list("account_id", flat=True)
        )
    # The persons' ids first (two index reads), then the persons: no join over every person.
    ids = set(PersonAccount.objects.filter(account_id__in=accounts).values_list("person_id", flat=True))
    ids.update(Person.objects.filter(operation=operation, label__in=values).values_list("pk", flat=True))
    return persons(actor, operation).filter(pk__in=ids).order_by("label")


def review_queue(actor: Actor, operation: Operation) -> QuerySet[Person]:
    """Persons whose country is uncertain (listed for review, not put into a package)."""
    return persons(actor, operation).filter(needs_review=True).order_by("label")


def held_back_links(actor: Actor, operation: Operation) -> QuerySet[HeldBackLink]:
    """Links the resolution's household guard held back, with the evidence and both sides' persons,
    strongest first, for an investigator to confirm or reject (a scoped reader: those between two
    accounts it may see)."""
    actor.require(Permission.READ_CASE)
    found = HeldBackLink.objects.filter(operation=operation)
    if actor.scoped:
        found = found.filter(
            scope.visible(actor, "account_a__person_link__person__"),
            scope.visible(actor, "account_b__person_link__person__"),
        )
    return found.select_related("account_a__person_link__person", "account_b__person_link__person").order_by(
        F("weight").desc(nulls_last=True), "pk"
    )


def held_back_link(actor: Actor, operation: Operation, link_id: int) -> HeldBackLink:
    found = held_back_links(actor, operation).filter(pk=link_id).first()
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
