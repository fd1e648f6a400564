"""The resolve stage: accounts to persons, with the evidence for every link.

Hard identifiers first (never an IP alone), then, unless the operation's run settings say "hard", the
probabilistic model (``engines/resolution.py``) at the operation's threshold, then the investigators'
decisions, which survive every run. A person's key is derived from its accounts, so persons whose
accounts did not change keep their rows. :func:`write_persons` is shared with the decisions service,
which re-clusters only the persons a decision touches.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass
from typing import NamedTuple

import duckdb
import numpy as np
import pyarrow as pa
from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.bulk import insert_rows
from tiaki.apps.core.datadir import private_dir, root
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import Account, Identifier, IPEvent
from tiaki.apps.operations.choices import ResolutionMethod
from tiaki.apps.operations.models import Operation, RunSettings
from tiaki.apps.operations.queries import run_settings
from tiaki.apps.subjects.choices import JOINING, SEPARATING, LinkMethod
from tiaki.apps.subjects.models import (
    HeldBackLink,
    Person,
    PersonAccount,
    PersonCase,
    ResolutionDecision,
    ResolutionLink,
    TriageAssessment,
)
from tiaki.engines import resolution as probabilistic
from tiaki.engines.identifiers import HARD_KINDS, KINDS, normalise_identifier
from tiaki.engines.linkage import cluster_with_decisions, resolve_hard
from tiaki.engines.progress import NullProgress, Progress
from tiaki.engines.resolution_sql import DuckDBBackend

BATCH = 5000
# The kind of a link between two rows of one provider account (two disclosures naming it).
SAME_ACCOUNT = "same-account"


@dataclass
class ResolveSummary:
    accounts: int
    persons: int
    links: int
    persons_created: int
    persons_removed: int


class AccountRow(NamedTuple):
    pk: int
    disclosure_id: str
    account_id: str
    stated_country: str
    username: str
    display_name: str
    provider: str = ""
    platform: str = ""

    @property
    def identity(self) -> str:
        return f"{self.disclosure_id}/{self.account_id}"


@dataclass(frozen=True)
class Edge:
    """Evidence that two accounts (positions in the account list) are one person."""

    a: int
    b: int
    method: str
    kind: str
    value: str
    weight: float | None = None


def account_rows(operation: Operation, pks: Collection[int] | None = None) -> list[AccountRow]:
    """The operation's accounts (or those with ``pks``), in primary-key order."""
    found = Account.objects.filter(operation=operation)
    if pks is not None:
        found = found.filter(pk__in=list(pks))
    return [
        AccountRow(*row)
        for row in found.order_by("pk").values_list(
            "pk",
            "disclosure__disclosure_id",
            "account_id",
            "stated_country",
            "username",
            "display_name",
            "disclosure__provider_name",
            "platform",
        )
    ]


def first_rows(accounts: Sequence[AccountRow], apart: Collection[tuple[int, int]] = ()) -> list[int]:
    """For each account, the position of the first row of the same provider account: a provider that
    discloses an account again (a follow-up disclosure naming the same account id, on the same
    platform) discloses one account, whose rows are one person's whatever else they hold. Rows an
    investigator kept apart (``apart``: pairs of positions, from decisions) are not one account's:
    a row joins the first group of its account's rows holding none it was kept apart from."""
    separated: dict[int, set[int]] = {}
    for a, b in apart:
        separated.setdefault(a, set()).add(b)
        separated.setdefault(b, set()).add(a)
    groups: dict[tuple[str, str, str], list[list[int]]] = {}
    first: list[int] = []
    for i, row in enumerate(accounts):
        own = groups.setdefault(_provider_account(row), [])
        away = separated.get(i, set())
        group = next((g for g in own if away.isdisjoint(g)), None)
        if group is None:
            group = []
            own.append(group)
        group.append(i)
        first.append(group[0])
    return first


def _provider_account(row: AccountRow) -> tuple[str, str, str]:
    """Which provider account a row is: provider and platform as written but for case and spacing,
    and the account id without the spaces around it."""
    return (
        " ".join(row.provider.split()).casefold(),
        " ".join(row.platform.split()).casefold(),
        row.account_id.strip(),
    )


def same_account_edges(accounts: Sequence[AccountRow], first: Sequence[int]) -> list[Edge]:
    """The links between the rows of one provider account (see :func:`first_rows`)."""
    return [
        Edge(j, i, LinkMethod.HARD, SAME_ACCOUNT, _account_name(row)[:500])
        for i, (row, j) in enumerate(zip(accounts, first, strict=True))
        if j != i
    ]


def _account_name(row: AccountRow) -> str:
    where = " on ".join(part for part in (row.provider.strip(), row.platform.strip()) if part)
    return f"{row.account_id} ({where})" if where else row.account_id


def person_key(members: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()


def latest_decisions(
    operation: Operation, index: dict[int, int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(must, cannot) pairs of account positions from investigators' decisions about accounts in
    ``index``; for any pair the latest decision counts."""
    latest: dict[tuple[int, int], str] = {}
    for a, b, kind in (
        ResolutionDecision.objects.filter(operation=operation)
        .order_by("decided_at", "pk")
        .values_list("account_a_id", "account_b_id", "kind")
    ):
        if a in index and b in index:
            latest[(min(a, b), max(a, b))] = kind
    must = [(index[a], index[b]) for (a, b), kind in latest.items() if kind in JOINING]
    cannot = [(index[a], index[b]) for (a, b), kind in latest.items() if kind in SEPARATING]
    return must, cannot


@dataclass(frozen=True)
class ModelInputs:
    """The resolution engine's three tables for an operation's accounts: one row per provider account
    (:func:`first_rows`), row i being ``accounts[positions[i]]`` with the identifiers and IP events
    of every row of that account."""

    accounts: pa.Table
    identifiers: pa.Table
    ip_events: pa.Table
    positions: list[int]
    # (model row, kind, value) -> the position of the first account holding that identifier, so that
    # a link on it is credited to the row that holds it, not to the first row of its account.
    holders: dict[tuple[int, str, str], int]


def _identifier_rows(
    operation: Operation, accounts: list[AccountRow], index: dict[int, int], kinds: Collection[str]
) -> tuple[list[int], list[str], list[str]]:
    """The identifiers of ``kinds`` of the accounts ``index`` holds (pk -> row), normalised, each
    phone with its own account's stated country as the hint."""
    hints = {row.pk: row.stated_country or None for row in accounts}
    rows_a, rows_k, rows_v = [], [], []
    for account_pk, kind, value in (
        Identifier.objects.filter(account__operation=operation, kind__in=list(kinds))
        .values_list("account_id", "kind", "value")
        .iterator(chunk_size=BATCH)
    ):
        normal = normalise_identifier(kind, value, hints[account_pk])
        if normal:
            rows_a.append(index[account_pk])
            rows_k.append(kind)
            rows_v.append(normal)
    return rows_a, rows_k, rows_v


def model_inputs(
    operation: Operation,
    accounts: list[AccountRow],
    index: dict[int, int],
    first: Sequence[int] | None = None,
) -> ModelInputs:
    """What the probabilistic model reads: accounts (one row per provider account, the first row of
    it: ``first``, from :func:`first_rows`, which by default reads no decisions), normalised
    identifiers and timed IP events (of every row of it)."""
    first = first_rows(accounts) if first is None else first
    positions = sorted(set(first))
    row_of = {position: row for row, position in enumerate(positions)}
    at_a, rows_k, rows_v = _identifier_rows(operation, accounts, index, KINDS)
    rows_a = [row_of[first[i]] for i in at_a]
    holders: dict[tuple[int, str, str], int] = {}
    for row, i, kind, value in zip(rows_a, at_a, rows_k, rows_v, strict=True):
        holders.setdefault((row, kind, value), i)
    index = {pk: row_of[first[i]] for pk, i in index.items()}  # every row of an account -> its model row
    accounts = [accounts[i] for i in positions]
    ip_a, ip_k, ip_t = [], [], []
    for account_pk, ip, ts in (
        IPEvent.objects.filter(account__operation=operation, timestamp__isnull=False)
        .values_list("account_id", "ip", "timestamp")
        .iterator(chunk_size=BATCH)
    ):
        key = probabilistic.ip_key(ip)
        if key and ts is not None:  # the query leaves untimed events out; the check says so to the types
            ip_a.append(index[account_pk])
            ip_k.append(key)
            ip_t.append(int(ts.timestamp()))
    return ModelInputs(
        pa.table(
            {
                "username": [row.username for row in accounts],
                "display_name": [row.display_name for row in accounts],
                "stated_country": [row.stated_country or None for row in accounts],
            }
        ),
        pa.table({"account": pa.array(rows_a, pa.int64()), "kind": rows_k, "value": rows_v}),
        pa.table(
            {"account": pa.array(ip_a, pa.int64()), "ip": ip_k, "timestamp": pa.array(ip_t, pa.int64())}
        ),
        positions,
        holders,
    )


def model_backend() -> DuckDBBackend:
    """The database the model runs in for one call: DuckDB, spilling inside the private data directory
    (an in-memory database would spill to ./.tmp wherever the command runs)."""
    return DuckDBBackend(
        duckdb.connect(config={"temp_directory": str(private_dir(root() / "tmp" / "resolution"))})
    )


def _evidence_edges(
    operation: Operation,
    accounts: list[AccountRow],
    index: dict[int, int],
    settings: RunSettings,
    apart: Collection[tuple[int, int]],
) -> tuple[list[Edge], list[Edge]]:
    """Links between accounts, strongest first: the rows of one provider account, hard identifiers,
    then (unless the method is "hard") the probabilistic model's links in the order it applied them;
    and the links the household guard held back. ``apart``: the pairs of positions investigators
    separated."""
    first = first_rows(accounts, apart)
    same = same_account_edges(accounts, first)
    if settings.resolution_method == ResolutionMethod.HARD:
        rows_a, rows_k, rows_v = _identifier_rows(operation, accounts, index, HARD_KINDS)
        hard = resolve_hard(len(accounts), zip(rows_a, rows_k, rows_v, strict=True))
        return same + [Edge(a, b, LinkMethod.HARD, kind, value) for a, b, kind, value in hard.links], []
    inputs = model_inputs(operation, accounts, index, first)
    with model_backend() as backend:
        result = probabilistic.resolve(
            inputs.accounts,
            inputs.identifiers,
            inputs.ip_events,
            config=probabilistic.ResolutionConfig(threshold=settings.resolution_threshold),
            backend=backend,
        )
    return (
        same + [_edge(link, inputs) for link in result.links],
        [_edge(link, inputs) for link in result.held_back],
    )


def _edge(link: probabilistic.Link, inputs: ModelInputs) -> Edge:
    """``link`` between the model's rows, as an edge between accounts: for a shared identifier, the
    rows that hold it; otherwise the first row of each account."""
    a, b = inputs.positions[link.a], inputs.positions[link.b]
    if link.method == probabilistic.HARD:
        kind, _, value = link.evidence[0].partition(":")
        a = inputs.holders.get((link.a, kind, value), a)
        b = inputs.holders.get((link.b, kind, value), b)
        return Edge(a, b, link.method, kind, value)
    return Edge(a, b, link.method, "features", ", ".join(link.evidence), link.match_weight)


def write_persons(
    operation: Operation,
    accounts: list[AccountRow],
    labels: np.ndarray,
    edges: list[Edge],
    must: list[tuple[int, int]],
    *,
    within: Collection[int] | None = None,
) -> tuple[int, int, int]:
    """Make the persons of ``operation`` match the clusters ``labels`` of ``accounts``, keeping the row
    of every person whose accounts did not change. ``within`` limits the change to those persons (a
    decision's re-clustering); ``None`` means every person of the operation. Every piece of evidence
    inside a person is kept as a link, not only those the clustering needed. Returns (links, persons
    created, persons removed). Runs inside the caller's transaction."""
    evidence = [e for e in edges if labels[e.a] == labels[e.b]]
    evidence += [
        Edge(a, b, LinkMethod.INVESTIGATOR, "decision", "confirmed by an investigator")
        for a, b in must
        if labels[a] == labels[b]
    ]
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels.tolist()):
        clusters[label].append(i)
    wanted = {person_key([accounts[i].identity for i in members]): members for members in clusters.values()}
    persons = Person.objects.filter(operation=operation)
    if within is not None:
        persons = persons.filter(pk__in=list(within))
    existing = dict(persons.values_list("key", "pk"))
    stale = [pk for key, pk in existing.items() if key not in wanted]
    before = _snapshot(stale) if within is not None else None
    for start in range(0, len(stale), 900):
        Person.objects.filter(pk__in=stale[start : start + 900]).delete()
    fresh = [key for key in wanted if key not in existing]
    created = Person.objects.bulk_create(
        [Person(operation=operation, key=k, label=f"P-{k[:12]}") for k in fresh], batch_size=BATCH
    )
    new_pk = {p.key: p.pk for p in created}
    PersonAccount.objects.bulk_create(
        [PersonAccount(person_id=new_pk[k], account_id=accounts[i].pk) for k in fresh for i in wanted[k]],
        batch_size=BATCH,
    )
    if before is not None:
        _inherit(before, {new_pk[k]: {accounts[i].pk for i in wanted[k]} for k in fresh})
    # Links are evidence, so they follow the evidence: kept where unchanged, replaced where the
    # method, a decision or the weights changed, even for a person whose accounts stayed the same.
    person_pk = {**{k: pk for k, pk in existing.items() if k in wanted}, **new_pk}
    cluster_key = {members[0]: key for key, members in wanted.items()}
    wanted_links = {
        (
            person_pk[cluster_key[int(labels[e.a])]],
            accounts[e.a].pk,
            accounts[e.b].pk,
            str(e.method),
            e.kind,
            e.value,
            e.weight,
        )
        for e in evidence
    }
    current_links = ResolutionLink.objects.filter(person__operation=operation)
    if within is not None:
        current_links = current_links.filter(person_id__in=list(person_pk.values()))
    current = {
        row[1:]: row[0]
        for row in current_links.values_list(
            "pk", "person_id", "account_a_id", "account_b_id", "method", "kind", "value", "weight"
        )
    }
    gone = [pk for link, pk in current.items() if link not in wanted_links]
    for start in range(0, len(gone), 900):
        ResolutionLink.objects.filter(pk__in=gone[start : start + 900]).delete()
    insert_rows(
        ResolutionLink,
        ("person_id", "account_a_id", "account_b_id", "method", "kind", "value", "weight"),
        [link for link in wanted_links if link not in current],
    )
    return len(evidence), len(fresh), len(stale)


@dataclass
class _Before:
    """What persons about to be replaced by a decision carried, for their successors."""

    persons: dict[int, Person]
    accounts: dict[int, set[int]]
    cases: dict[int, PersonCase]
    assessments: dict[int, TriageAssessment]


def _snapshot(pks: list[int]) -> _Before:
    accounts: dict[int, set[int]] = defaultdict(set)
    for person, account in PersonAccount.objects.filter(person_id__in=pks).values_list(
        "person_id", "account_id"
    ):
        accounts[person].add(account)
    return _Before(
        persons={p.pk: p for p in Person.objects.filter(pk__in=pks)},
        accounts=accounts,
        cases={c.person_id: c for c in PersonCase.objects.filter(person_id__in=pks)},
        assessments={
            a.person_id: a for a in TriageAssessment.objects.filter(person_id__in=pks, current=True)
        },
    )


def _inherit(before: _Before, fresh: dict[int, set[int]]) -> None:
    """A person a decision made takes over, from the replaced person holding most of its accounts, the
    place, the case (status and assignee) and the current assessment, until locate and triage run
    again: a merge or a split does not drop a person from the queue, its country or its case."""
    for pk, members in fresh.items():
        ranked = sorted(before.accounts, key=lambda old: (-len(before.accounts[old] & members), old))
        if not ranked or not before.accounts[ranked[0]] & members:
            continue
        old = ranked[0]
        was = before.persons[old]
        Person.objects.filter(pk=pk).update(
            country=was.country,
            country_confidence=was.country_confidence,
            country_basis=was.country_basis,
            country_evidence=was.country_evidence,
            needs_review=was.needs_review,
        )
        if old in before.cases:
            case = before.cases[old]
            PersonCase.objects.create(
                person_id=pk, status=case.status, assignee_id=case.assignee_id, updated_by=case.updated_by
            )
        if old in before.assessments:
            a = before.assessments[old]
            TriageAssessment.objects.create(
                person_id=pk,
                model_version=a.model_version,
                score=a.score,
                rank=a.rank,
                reasons=a.reasons,
                current=True,
            )


def _offer(
    operation: Operation,
    accounts: list[AccountRow],
    labels: np.ndarray,
    held_back: list[Edge],
    decided: set[tuple[int, int]],
) -> None:
    """Keep the links the household guard held back for investigators: those still between two persons
    and about a pair no investigator has decided."""
    HeldBackLink.objects.filter(operation=operation).delete()
    seen: set[tuple[int, int]] = set()
    rows = []
    for e in held_back:
        pair = (min(e.a, e.b), max(e.a, e.b))
        if labels[e.a] == labels[e.b] or pair in decided or pair in seen:
            continue
        seen.add(pair)
        rows.append(
            (operation.pk, accounts[e.a].pk, accounts[e.b].pk, str(e.method), e.kind, e.value[:500], e.weight)
        )
    insert_rows(
        HeldBackLink,
        ("operation_id", "account_a_id", "account_b_id", "method", "kind", "value", "weight"),
        rows,
    )


def resolve(operation: Operation, *, actor: Actor, progress: Progress | None = None) -> ResolveSummary:
    """Resolve every account of ``operation`` with its stored run settings (see the module docstring)."""
    actor.require(Permission.RUN)
    progress = progress or NullProgress()
    settings = run_settings(operation)
    accounts = account_rows(operation)
    progress.start("resolving accounts", len(accounts))
    index = {row.pk: i for i, row in enumerate(accounts)}
    must, cannot = latest_decisions(operation, index)
    edges, held_back = _evidence_edges(operation, accounts, index, settings, cannot)
    labels, _ = cluster_with_decisions(len(accounts), [(e.a, e.b) for e in edges], must=must, cannot=cannot)
    progress.advance(len(accounts) // 2)
    with transaction.atomic():
        links, created, removed = write_persons(operation, accounts, labels, edges, must)
        _offer(operation, accounts, labels, held_back, {*must, *cannot})
        summary = ResolveSummary(len(accounts), len(set(labels.tolist())), links, created, removed)
        record(
            "stage.resolve",
            actor=actor,
            operation=operation.name,
            details={
                **asdict(summary),
                "method": settings.resolution_method,
                "threshold": settings.resolution_threshold,
                "decisions": {"join": len(must), "separate": len(cannot)},
            },
        )
    progress.advance(len(accounts) - len(accounts) // 2)
    return summary
