"""Investigators' decisions: confirm or reject a link, merge two persons, split one.

A decision is a row of its own, applied on every run of the resolve stage. Recording one re-clusters
only the persons it touches, from the evidence already stored as their links and every decision about
their accounts, so it takes effect at once without re-running resolution over the whole operation
(and without holding the database's write lock for long). The next full resolve applies it again
over all the evidence.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import Account
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.services.locking import operation_lock
from tiaki.apps.subjects.choices import DecisionKind, LinkMethod
from tiaki.apps.subjects.models import HeldBackLink, Person, PersonAccount, ResolutionDecision, ResolutionLink
from tiaki.apps.subjects.queries import find_account, find_person
from tiaki.apps.subjects.services.resolve import (
    Edge,
    ResolveSummary,
    account_rows,
    latest_decisions,
    write_persons,
)
from tiaki.engines.linkage import cluster_with_decisions
from tiaki.errors import Invalid

DECISION_WAIT = 30.0  # seconds a decision waits for a run of the operation to finish
_STRENGTH = {LinkMethod.HARD: 0, LinkMethod.PROBABILISTIC: 1}


def decide(
    operation: Operation,
    kind: DecisionKind,
    pairs: list[tuple[Account, Account]],
    *,
    reason: str,
    actor: Actor,
) -> ResolveSummary:
    """Record a decision about pairs of accounts and re-cluster the persons they belong to."""
    actor.require(Permission.DECIDE)
    if kind not in DecisionKind.values:
        raise Invalid(f"unknown decision '{kind}'")
    if not reason.strip():
        raise Invalid("a decision needs a reason")
    if not pairs or any(a.pk == b.pk for a, b in pairs):
        raise Invalid("a decision needs two different accounts")
    with operation_lock(operation, actor, wait=DECISION_WAIT), transaction.atomic():
        ResolutionDecision.objects.bulk_create(
            [
                ResolutionDecision(
                    operation=operation, kind=kind, account_a=a, account_b=b, reason=reason, actor=actor.name
                )
                for a, b in pairs
            ]
        )
        for a, b in pairs:  # decided: no longer offered for review
            HeldBackLink.objects.filter(operation=operation).filter(
                Q(account_a=a, account_b=b) | Q(account_a=b, account_b=a)
            ).delete()
        record(
            f"subjects.{kind}",
            actor=actor,
            operation=operation.name,
            target=", ".join(sorted({x.account_id for pair in pairs for x in pair})),
            details={"reason": reason, "pairs": len(pairs)},
        )
        return recluster(operation, {x.pk for pair in pairs for x in pair})


def recluster(operation: Operation, account_pks: set[int]) -> ResolveSummary:
    """Cluster again the persons holding ``account_pks``, from their stored links (strongest first:
    hard identifiers, then the model's links by weight) and every decision about their accounts.
    Before the operation is first resolved, the decision is only recorded: resolve applies it."""
    if not Person.objects.filter(operation=operation).exists():
        return ResolveSummary(0, 0, 0, 0, 0)
    touched = set(
        Person.objects.filter(operation=operation, accounts__account_id__in=account_pks).values_list(
            "pk", flat=True
        )
    )
    members = set(
        PersonAccount.objects.filter(person_id__in=touched).values_list("account_id", flat=True)
    ) | set(account_pks)
    accounts = account_rows(operation, members)
    index = {row.pk: i for i, row in enumerate(accounts)}
    stored = [
        link
        for link in ResolutionLink.objects.filter(person_id__in=touched).exclude(
            method=LinkMethod.INVESTIGATOR
        )
        if link.account_a_id in index and link.account_b_id in index
    ]
    stored.sort(key=lambda link: (_STRENGTH.get(LinkMethod(link.method), 2), -(link.weight or 0.0), link.pk))
    edges = [
        Edge(
            index[link.account_a_id],
            index[link.account_b_id],
            link.method,
            link.kind,
            link.value,
            link.weight,
        )
        for link in stored
    ]
    must, cannot = latest_decisions(operation, index)
    labels, _ = cluster_with_decisions(len(accounts), [(e.a, e.b) for e in edges], must=must, cannot=cannot)
    links, created, removed = write_persons(operation, accounts, labels, edges, must, within=touched)
    return ResolveSummary(len(accounts), len(set(labels.tolist())), links, created, removed)


def link_decision(
    operation: Operation, kind: DecisionKind, a: str, b: str, *, reason: str, actor: Actor
) -> ResolveSummary:
    """Confirm or reject the link between two accounts, named as the investigator typed them."""
    if kind not in (DecisionKind.CONFIRM, DecisionKind.REJECT):
        raise Invalid(f"'{kind}' is not a decision about a link")
    pair = (find_account(actor, operation, a), find_account(actor, operation, b))
    return decide(operation, kind, [pair], reason=reason, actor=actor)


def merge_persons(
    operation: Operation, first: str, second: str, *, reason: str, actor: Actor
) -> ResolveSummary:
    """Two persons are one."""
    a, b = find_person(actor, operation, first), find_person(actor, operation, second)
    if a.pk == b.pk:
        raise Invalid("a person cannot be merged with itself")
    left = a.accounts.select_related("account").order_by("account__account_id").first()
    right = b.accounts.select_related("account").order_by("account__account_id").first()
    if left is None or right is None:
        raise Invalid("both persons must hold an account")
    return decide(operation, DecisionKind.MERGE, [(left.account, right.account)], reason=reason, actor=actor)


def split_person(
    operation: Operation, label: str, accounts: list[str], *, reason: str, actor: Actor
) -> ResolveSummary:
    """Separate ``accounts`` from the rest of the person."""
    person = find_person(actor, operation, label)
    own = {pa.account.pk: pa.account for pa in person.accounts.select_related("account")}
    moving = [find_account(actor, operation, ref) for ref in accounts]
    if not moving:
        raise Invalid("name at least one account to split off")
    if any(m.pk not in own for m in moving):
        raise Invalid(f"every account to split off must belong to {label}")
    staying = [acc for pk, acc in own.items() if pk not in {m.pk for m in moving}]
    if not staying:
        raise Invalid("a split must leave at least one account behind")
    pairs = [(m, s) for m in moving for s in staying]
    return decide(operation, DecisionKind.SPLIT, pairs, reason=reason, actor=actor)
