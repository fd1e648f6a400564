"""Persons and the rules placed and current, and how a person or an account is found."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from tiaki.apps.core import scope
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import Account, SafeguardingLead
from tiaki.apps.intake.queries import accounts as visible_accounts
from tiaki.apps.operations.models import Operation
from tiaki.apps.subjects.models import (
    Person,
    PersonAccount,
    ResolutionDecision,
    ResolutionLink,
    TriageAssessment,
)
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
