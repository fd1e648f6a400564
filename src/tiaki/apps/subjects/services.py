"""Subjects: records checks, and the resolve, locate and triage stages."""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import phonenumbers
import pyarrow as pa
from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from tiaki.apps.audit import services as audit
from tiaki.apps.bulk import insert_rows, update_rows
from tiaki.apps.intake.models import Access, Account, Identifier, IPEvent, Operation, VenueMembership
from tiaki.apps.media.models import Grade, Match, MediaItem, MediaUpload
from tiaki.apps.subjects.models import (
    GeoResult,
    GeoSource,
    Person,
    PersonAccount,
    RecordsFact,
    RecordsImport,
    ResolutionDecision,
    ResolutionLink,
    TriageAssessment,
)
from tiaki.engines import geo, placement, triage
from tiaki.engines import resolution as probabilistic
from tiaki.engines.digest import digest_file
from tiaki.engines.identifiers import HARD_KINDS, KINDS, normalise_identifier
from tiaki.engines.linkage import cluster_with_decisions, resolve_hard
from tiaki.engines.progress import NullProgress, Progress
from tiaki.formats.records import read_records

BATCH = 5000


class UnknownOperation(Exception):
    pass


def get_operation(name: str) -> Operation:
    try:
        return Operation.objects.get(name=name)
    except Operation.DoesNotExist:
        raise UnknownOperation(
            f"there is no operation '{name}' (ingest a disclosure into it first)"
        ) from None


# ---------------------------------------------------------------- records checks


def _normalise_record(kind: str, value: str, country: str | None) -> str | None:
    if kind == "name+dob":
        name, _, dob = value.partition("|")
        n, d = normalise_identifier("name", name), normalise_identifier("dob", dob)
        return f"{n}|{d}" if n and d else None
    return normalise_identifier(kind, value, country)


def import_records(
    path: Path, operation: Operation, *, actor: str, country: str | None = None
) -> tuple[int, bool]:
    """Import a records-check CSV into an operation: (rows, created). The same file again is a no-op.
    ``country`` is where the records system is: national phone numbers are read as that country's."""
    facts = read_records(path)
    sha = digest_file(path).sha256
    with transaction.atomic():
        if RecordsImport.objects.filter(operation=operation, file_sha256=sha).exists():
            return len(facts), False
        batch = RecordsImport.objects.create(
            operation=operation, file_sha256=sha, file_name=path.name, rows=len(facts)
        )
        RecordsFact.objects.bulk_create(
            [
                RecordsFact(
                    records_import=batch,
                    kind=f.kind,
                    value=f.value,
                    normalised=_normalise_record(f.kind, f.value, country) or "",
                    fact=f.fact,
                    detail=f.detail or "",
                    source=f.source or "",
                    checked_at=f.checked_at,
                )
                for f in facts
            ],
            batch_size=BATCH,
        )
        audit.record(
            "subjects.records-import",
            actor=actor,
            operation=operation.name,
            target=path.name,
            details={"sha256": sha, "rows": len(facts)},
        )
    return len(facts), True


# ---------------------------------------------------------------- resolve


@dataclass
class ResolveSummary:
    accounts: int
    persons: int
    links: int
    persons_created: int
    persons_removed: int


def _person_key(members: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()


@dataclass(frozen=True)
class Edge:
    """Evidence that two accounts (indexes) are one person."""

    a: int
    b: int
    method: str
    kind: str
    value: str
    weight: float | None = None


def _decisions(
    operation: Operation, index: dict[int, int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(must, cannot) account-index pairs from investigators' decisions; the latest per pair counts."""
    latest: dict[tuple[int, int], str] = {}
    for a, b, kind in (
        ResolutionDecision.objects.filter(operation=operation)
        .order_by("decided_at", "pk")
        .values_list("account_a_id", "account_b_id", "kind")
    ):
        latest[(min(a, b), max(a, b))] = kind
    must = [(index[a], index[b]) for (a, b), kind in latest.items() if kind in ResolutionDecision.JOIN]
    cannot = [(index[a], index[b]) for (a, b), kind in latest.items() if kind in ResolutionDecision.SEPARATE]
    return must, cannot


RESOLUTION_METHODS = ("probabilistic", "hard")


def _evidence_edges(
    operation: Operation, accounts: list[tuple], index: dict[int, int], method: str
) -> list[Edge]:
    """Links between accounts, strongest first: hard identifiers, then (unless ``method`` is "hard")
    the probabilistic model's links in the order it applied them."""
    hints = {pk: cc or None for pk, _, _, cc, _, _ in accounts}
    kinds = HARD_KINDS if method == "hard" else KINDS
    rows_a, rows_k, rows_v = [], [], []
    for account_pk, kind, value in (
        Identifier.objects.filter(account__operation=operation, kind__in=kinds)
        .values_list("account_id", "kind", "value")
        .iterator(chunk_size=BATCH)
    ):
        normal = normalise_identifier(kind, value, hints[account_pk])
        if normal:
            rows_a.append(index[account_pk])
            rows_k.append(kind)
            rows_v.append(normal)
    if method == "hard":
        hard = resolve_hard(len(accounts), zip(rows_a, rows_k, rows_v, strict=True))
        return [Edge(a, b, "hard-identifier", kind, value) for a, b, kind, value in hard.links]
    ip_a, ip_k, ip_t = [], [], []
    for account_pk, ip, ts in (
        IPEvent.objects.filter(account__operation=operation)
        .values_list("account_id", "ip", "timestamp")
        .iterator(chunk_size=BATCH)
    ):
        key = probabilistic.ip_key(ip)
        if key:
            ip_a.append(index[account_pk])
            ip_k.append(key)
            ip_t.append(int(ts.timestamp()))
    result = probabilistic.resolve(
        pa.table(
            {
                "username": [u for *_, u, _ in accounts],
                "display_name": [d for *_, d in accounts],
                "stated_country": [cc or None for _, _, _, cc, _, _ in accounts],
            }
        ),
        pa.table({"account": pa.array(rows_a, pa.int64()), "kind": rows_k, "value": rows_v}),
        pa.table(
            {"account": pa.array(ip_a, pa.int64()), "ip": ip_k, "timestamp": pa.array(ip_t, pa.int64())}
        ),
    )
    edges = []
    for link in result.links:
        if link.method == probabilistic.HARD:
            kind, _, value = link.evidence[0].partition(":")
            edges.append(Edge(link.a, link.b, link.method, kind, value))
        else:
            edges.append(
                Edge(link.a, link.b, link.method, "features", ", ".join(link.evidence), link.match_weight)
            )
    return edges


def resolve(
    operation: Operation, *, actor: str, progress: Progress | None = None, method: str = "probabilistic"
) -> ResolveSummary:
    """Accounts to persons: hard identifiers (never an IP alone), then, unless ``method`` is "hard",
    the probabilistic model (engines/resolution.py), then the investigators' decisions (confirmed and
    rejected links, merges, splits), which survive every run. A person's key is derived from its
    accounts, so persons whose accounts did not change keep their rows."""
    if method not in RESOLUTION_METHODS:
        raise ValueError(f"unknown resolution method '{method}'; use one of {', '.join(RESOLUTION_METHODS)}")
    progress = progress or NullProgress()
    accounts = list(
        Account.objects.filter(operation=operation)
        .order_by("pk")
        .values_list(
            "pk", "disclosure__disclosure_id", "account_id", "stated_country", "username", "display_name"
        )
    )
    progress.start("resolving accounts", len(accounts))
    index = {row[0]: i for i, row in enumerate(accounts)}
    edges = _evidence_edges(operation, accounts, index, method)
    must, cannot = _decisions(operation, index)
    labels, _ = cluster_with_decisions(len(accounts), [(e.a, e.b) for e in edges], must=must, cannot=cannot)
    # Every piece of evidence inside a person is kept, not only the links the clustering needed.
    evidence = [e for e in edges if labels[e.a] == labels[e.b]]
    evidence += [
        Edge(a, b, "investigator", "decision", "confirmed by an investigator")
        for a, b in must
        if labels[a] == labels[b]
    ]
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels.tolist()):
        clusters[label].append(i)
    wanted: dict[str, list[int]] = {
        _person_key([f"{accounts[i][1]}/{accounts[i][2]}" for i in members]): members
        for members in clusters.values()
    }
    progress.advance(len(accounts) // 2)
    with transaction.atomic():
        existing = dict(Person.objects.filter(operation=operation).values_list("key", "pk"))
        stale = [pk for key, pk in existing.items() if key not in wanted]
        for start in range(0, len(stale), 900):
            Person.objects.filter(pk__in=stale[start : start + 900]).delete()
        fresh = [key for key in wanted if key not in existing]
        created = Person.objects.bulk_create(
            [Person(operation=operation, key=k, label=f"P-{k[:12]}") for k in fresh], batch_size=BATCH
        )
        new_pk = {p.key: p.pk for p in created}
        PersonAccount.objects.bulk_create(
            [PersonAccount(person_id=new_pk[k], account_id=accounts[i][0]) for k in fresh for i in wanted[k]],
            batch_size=BATCH,
        )
        # Links are evidence, so they follow the evidence: kept where unchanged, replaced where the
        # method, a decision or the weights changed, even for a person whose accounts stayed the same.
        person_pk = dict(Person.objects.filter(operation=operation).values_list("key", "pk"))
        cluster_key = {members[0]: key for key, members in wanted.items()}
        wanted_links = {
            (
                person_pk[cluster_key[int(labels[e.a])]],
                accounts[e.a][0],
                accounts[e.b][0],
                e.method,
                e.kind,
                e.value,
                e.weight,
            )
            for e in evidence
        }
        current = {
            row[1:]: row[0]
            for row in ResolutionLink.objects.filter(person__operation=operation).values_list(
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
        summary = ResolveSummary(len(accounts), len(wanted), len(evidence), len(fresh), len(stale))
        audit.record(
            "stage.resolve",
            actor=actor,
            operation=operation.name,
            details={
                **summary.__dict__,
                "method": method,
                "decisions": {"join": len(must), "separate": len(cannot)},
            },
        )
    progress.advance(len(accounts) - len(accounts) // 2)
    return summary


# ---------------------------------------------------------------- decisions


class DecisionError(Exception):
    pass


def find_account(operation: Operation, ref: str) -> Account:
    """An account by its provider id, or ``disclosure_id/account_id`` when that is ambiguous."""
    disclosure, _, account_id = ref.rpartition("/")
    found = Account.objects.filter(operation=operation, account_id=account_id)
    if disclosure:
        found = found.filter(disclosure__disclosure_id=disclosure)
    matches = list(found[:2])
    if len(matches) != 1:
        raise DecisionError(
            f"no account '{ref}' in '{operation.name}'"
            if not matches
            else f"account id '{ref}' is in several disclosures; write it as disclosure_id/account_id"
        )
    return matches[0]


def find_person(operation: Operation, label: str) -> Person:
    try:
        return Person.objects.get(operation=operation, label=label)
    except Person.DoesNotExist:
        raise DecisionError(
            f"no person '{label}' in '{operation.name}' (run the resolve stage first?)"
        ) from None


def decide(
    operation: Operation, kind: str, pairs: list[tuple[Account, Account]], *, reason: str, actor: str
) -> ResolveSummary:
    """Record a decision about pairs of accounts, then re-run the resolve stage so it takes effect."""
    if kind not in (*ResolutionDecision.JOIN, *ResolutionDecision.SEPARATE):
        raise DecisionError(f"unknown decision '{kind}'")
    if not reason.strip():
        raise DecisionError("a decision needs a reason")
    if not pairs or any(a.pk == b.pk for a, b in pairs):
        raise DecisionError("a decision needs two different accounts")
    with transaction.atomic():
        ResolutionDecision.objects.bulk_create(
            [
                ResolutionDecision(
                    operation=operation, kind=kind, account_a=a, account_b=b, reason=reason, actor=actor
                )
                for a, b in pairs
            ]
        )
        audit.record(
            f"subjects.{kind}",
            actor=actor,
            operation=operation.name,
            target=", ".join(sorted({x.account_id for pair in pairs for x in pair}))[:300],
            details={"reason": reason, "pairs": len(pairs)},
        )
        return resolve(operation, actor=actor)


def merge_persons(
    operation: Operation, first: str, second: str, *, reason: str, actor: str
) -> ResolveSummary:
    a, b = find_person(operation, first), find_person(operation, second)
    if a.pk == b.pk:
        raise DecisionError("a person cannot be merged with itself")
    pair = (
        a.accounts.order_by("account_id").first().account,
        b.accounts.order_by("account_id").first().account,
    )
    return decide(operation, "merge", [pair], reason=reason, actor=actor)


def split_person(
    operation: Operation, label: str, accounts: list[str], *, reason: str, actor: str
) -> ResolveSummary:
    """Separate ``accounts`` from the rest of the person."""
    person = find_person(operation, label)
    own = {pa.account.pk: pa.account for pa in person.accounts.select_related("account")}
    moving = [find_account(operation, ref) for ref in accounts]
    if any(m.pk not in own for m in moving):
        raise DecisionError(f"every account to split off must belong to {label}")
    staying = [acc for pk, acc in own.items() if pk not in {m.pk for m in moving}]
    if not staying:
        raise DecisionError("a split must leave at least one account behind")
    return decide(operation, "split", [(m, s) for m in moving for s in staying], reason=reason, actor=actor)


# ---------------------------------------------------------------- locate


@dataclass
class LocateSummary:
    events: int
    located: int
    relocated: int
    shared_ips: int
    persons_placed: int
    persons_to_review: int
    sources: list[str]


def _geo_source_ids(sources: set[geo.GeoSource]) -> dict[geo.GeoSource, int]:
    ids = {}
    for s in sources:
        row, _ = GeoSource.objects.get_or_create(
            name=s.name, version=s.version, defaults={"kind": s.kind, "build_date": s.build_date}
        )
        ids[s] = row.pk
    return ids


def _phone_country(e164: str) -> str | None:
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164)) or None
    except phonenumbers.NumberParseException:
        return None


def locate(
    operation: Operation, *, actor: str, geo_dir: Path | None = None, progress: Progress | None = None
) -> LocateSummary:
    """Place every IP event in a country, as of its day: the newest snapshot built on or before the
    event, else the embedded source; flag events where sources disagree. Then place every person by a
    weighted vote over their events that leaves out shared infrastructure (engines/placement.py),
    falling back on phone country codes, then stated country; uncertain persons go to review."""
    progress = progress or NullProgress()
    events = list(
        IPEvent.objects.filter(account__operation=operation)
        .order_by("pk")
        .values_list(
            "pk",
            "ip",
            "timestamp",
            "account_id",
            "possible_proxy",
            "event",
            "geo__source__name",
            "geo__source__version",
            "geo__country",
            "geo__disagrees",
            "geo__id",
        )
    )
    progress.start("locating IP events", len(events))
    ips = [e[1] for e in events]
    epochs = geo.epochs_of([e[2] for e in events])
    with geo.SnapshotSet(geo_dir) as snapshots:
        located = geo.locate_epochs(ips, epochs, snapshots)
        disagrees = geo.cross_check(ips, epochs, snapshots, located)
    progress.advance(len(events))
    sources = located.sources
    source_ids = _geo_source_ids(set(sources))
    create, update = [], []
    for e, country, s_index, flag in zip(
        events, located.countries.tolist(), located.source_index.tolist(), disagrees.tolist(), strict=True
    ):
        source = sources[s_index]
        if e[6] is None:
            create.append((e[0], country, source_ids[source], flag))
        elif (e[6], e[7], e[8], e[9]) != (source.name, source.version, country, flag):
            update.append((e[10], country, source_ids[source], flag))
    with transaction.atomic():
        insert_rows(GeoResult, ("ip_event_id", "country", "source_id", "disagrees"), create)
        update_rows(GeoResult, ("country", "source_id", "disagrees"), update)
        placed, review, shared = _place_persons(operation, events, located.countries, epochs)
        used = sorted({int(i) for i in np.unique(located.source_index)}) if events else []
        summary = LocateSummary(
            len(events),
            len(create),
            len(update),
            shared,
            placed,
            review,
            [
                f"{sources[i].name} {sources[i].version[:16]} built {sources[i].build_date or 'undated'}"
                for i in used
            ],
        )
        audit.record(
            "stage.locate",
            actor=actor,
            operation=operation.name,
            details={
                **summary.__dict__,
                "disagreements": int(disagrees.sum()),
                "geo_dir": str(geo_dir) if geo_dir else None,
            },
        )
    return summary


def _place_persons(
    operation: Operation, events: list, countries: np.ndarray, epochs: np.ndarray
) -> tuple[int, int, int]:
    """(persons placed, persons sent to review, shared addresses) after writing every person's place."""
    persons = list(Person.objects.filter(operation=operation).order_by("pk"))
    person_index = {p.pk: i for i, p in enumerate(persons)}
    account_rows = list(
        Account.objects.filter(operation=operation).order_by("pk").values_list("pk", "stated_country")
    )
    account_index = {pk: i for i, (pk, _) in enumerate(account_rows)}
    person_of_account = np.full(len(account_rows), -1, dtype=np.int64)
    for account_pk, person_pk in PersonAccount.objects.filter(person__operation=operation).values_list(
        "account_id", "person_id"
    ):
        person_of_account[account_index[account_pk]] = person_index[person_pk]
    stated = np.array([cc or "" for _, cc in account_rows], dtype="U2")
    phone_account, phone_country = [], []
    for account_pk, value, cc in Identifier.objects.filter(
        account__operation=operation, kind="phone"
    ).values_list("account_id", "value", "account__stated_country"):
        e164 = normalise_identifier("phone", value, cc or None)
        region = _phone_country(e164) if e164 else None
        if region:
            phone_account.append(account_index[account_pk])
            phone_country.append(region)
    phone_account_arr = np.array(phone_account, dtype=np.int64)
    phone_country_arr = np.array(phone_country, dtype="U2")
    hint = stated.copy()
    hint[phone_account_arr] = phone_country_arr  # a phone's country is better evidence than a statement
    account_of_event = np.array([account_index[e[3]] for e in events], dtype=np.int64)
    keys = placement.ip_keys([e[1] for e in events])
    shared = placement.shared_infrastructure(
        keys, account_of_event, hint, person_of_account=person_of_account, event_country=countries
    )
    results = placement.place_persons(
        person_of_account[account_of_event] if len(events) else np.zeros(0, dtype=np.int64),
        countries,
        n_persons=len(persons),
        event_kind=np.array([e[5] or "unknown" for e in events], dtype=object),
        possible_proxy=np.array([bool(e[4]) for e in events], dtype=bool),
        shared=shared.event_reason,
        event_day=(epochs // 86400).astype(np.int64),
        phone_person=person_of_account[phone_account_arr],
        phone_country=phone_country_arr,
        stated_person=person_of_account[stated != ""],
        stated_country=stated[stated != ""],
    )
    changed = []
    for person, result in zip(persons, results, strict=True):
        new = (
            result.country or "",
            round(result.confidence, 4) if result.country else None,
            result.basis if result.country else "",
            json.loads(json.dumps(result.evidence, default=str)),
            result.review,
        )
        old = (
            person.country,
            person.country_confidence,
            person.country_basis,
            person.country_evidence,
            person.needs_review,
        )
        if old != new:
            changed.append((person.pk, *new))
    update_rows(
        Person,
        ("country", "country_confidence", "country_basis", "country_evidence", "needs_review"),
        changed,
    )
    placed = sum(1 for r in results if r.country and not r.review)
    return placed, len(results) - placed, len(shared.keys)


# ---------------------------------------------------------------- triage


def _gather(operation: Operation) -> dict[int, triage.PersonFacts]:
    person_of = dict(
        PersonAccount.objects.filter(person__operation=operation).values_list("account_id", "person_id")
    )
    facts: dict[int, triage.PersonFacts] = defaultdict(triage.PersonFacts)
    records: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for kind, normal, fact, detail in (
        RecordsFact.objects.filter(records_import__operation=operation)
        .exclude(normalised="")
        .values_list("kind", "normalised", "fact", "detail")
    ):
        records[(kind, normal)].append((fact, detail))
    if records:
        names: dict[int, list[str]] = defaultdict(list)
        dobs: dict[int, list[str]] = defaultdict(list)
        seen: dict[int, set[tuple[str, str]]] = defaultdict(set)
        for account_pk, kind, value, stated in (
            Identifier.objects.filter(account__operation=operation)
            .values_list("account_id", "kind", "value", "account__stated_country")
            .iterator(chunk_size=BATCH)
        ):
            normal = normalise_identifier(kind, value, stated or None)
            if not normal or account_pk not in person_of:
                continue
            person = person_of[account_pk]
            if kind == "name":
                names[account_pk].append(normal)
            elif kind == "dob":
                dobs[account_pk].append(normal)
            for fact, detail in records.get((kind, normal), []):
                if (fact, kind + normal) not in seen[person]:
                    seen[person].add((fact, kind + normal))
                    facts[person].records.append((fact, detail, f"{kind} {value}"))
        for account_pk, account_names in names.items():
            for name in account_names:
                for dob in dobs.get(account_pk, []):
                    for fact, detail in records.get(("name+dob", f"{name}|{dob}"), []):
                        facts[person_of[account_pk]].records.append(
                            (fact, detail, f"name and date of birth {dob}")
                        )
    grades = {
        m: (sev, label)
        for m, sev, label in Grade.objects.filter(media__operation=operation).values_list(
            "media_id", "severity", "label"
        )
    }
    media = {
        pk: (key, kind, known)
        for pk, key, kind, known in MediaItem.objects.filter(operation=operation)
        .annotate(known=Exists(Match.objects.filter(media=OuterRef("pk"))))
        .values_list("pk", "key", "kind", "known")
    }
    seen_media: dict[int, set[int]] = defaultdict(set)
    for account_pk, media_pk in MediaUpload.objects.filter(media__operation=operation).values_list(
        "upload__account_id", "media_id"
    ):
        person = person_of.get(account_pk)
        if person is None:
            continue
        facts[person].uploads += 1
        if media_pk in seen_media[person]:
            continue
        seen_media[person].add(media_pk)
        key, kind, known = media[media_pk]
        if media_pk in grades:
            severity, label = grades[media_pk]
            facts[person].known_items.append((key, severity, label))
        elif not known and kind in ("image", "video"):
            facts[person].new_items.append(key)
    for account_pk, n in Counter(
        Access.objects.filter(account__operation=operation).values_list("account_id", flat=True)
    ).items():
        if account_pk in person_of:
            facts[person_of[account_pk]].accesses += n
    for account_pk, venue, role in VenueMembership.objects.filter(account__operation=operation).values_list(
        "account_id", "venue__venue_id", "role"
    ):
        if account_pk in person_of:
            facts[person_of[account_pk]].venue_roles.append((venue, role))
    return facts


@dataclass
class TriageSummary:
    persons: int
    scored: int
    changed: int
    model_version: str


def run_triage(operation: Operation, *, actor: str, progress: Progress | None = None) -> TriageSummary:
    progress = progress or NullProgress()
    persons = list(Person.objects.filter(operation=operation).values_list("pk", "label"))
    progress.start("triage", len(persons))
    facts = _gather(operation)
    scored = []
    for pk, label in persons:
        score, reasons = triage.assess(facts.get(pk, triage.PersonFacts()))
        scored.append((-score, label, pk, score, [r.as_dict() for r in reasons]))
    scored.sort()
    existing = {
        person: (pk, score, rank, reasons)
        for pk, person, score, rank, reasons in TriageAssessment.objects.filter(
            person__operation=operation, model_version=triage.MODEL_VERSION
        ).values_list("pk", "person_id", "score", "rank", "reasons")
    }
    create, update = [], []
    for rank, (_, _, pk, score, reasons) in enumerate(scored, start=1):
        old = existing.get(pk)
        if old is None:
            create.append((pk, triage.MODEL_VERSION, score, rank, reasons))
        elif old[1:] != (score, rank, reasons):
            update.append((old[0], score, rank, reasons))
    with transaction.atomic():
        insert_rows(TriageAssessment, ("person_id", "model_version", "score", "rank", "reasons"), create)
        update_rows(TriageAssessment, ("score", "rank", "reasons"), update)
        summary = TriageSummary(
            len(persons), sum(1 for s in scored if s[3] > 0), len(create) + len(update), triage.MODEL_VERSION
        )
        audit.record("stage.triage", actor=actor, operation=operation.name, details=summary.__dict__)
    progress.advance(len(persons))
    return summary


# ---------------------------------------------------------------- exports


def persons_export_rows(operation: Operation, *, detailed: bool = False) -> list[tuple[object, ...]]:
    """(account_id, person_id, country) for every account of the operation, sorted by account; with
    ``detailed``, also the country's confidence, basis and evidence, and whether it awaits review."""
    columns = ["account_id", "person__label", "person__country"]
    if detailed:
        columns += [
            "person__country_confidence",
            "person__country_basis",
            "person__needs_review",
            "person__country_evidence",
        ]
    person = {
        row[0]: row[1:]
        for row in PersonAccount.objects.filter(person__operation=operation).values_list(*columns)
    }
    blank = ("",) * (len(columns) - 1)
    rows = []
    for pk, account_id in Account.objects.filter(operation=operation).values_list("pk", "account_id"):
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


def person_record(operation: Operation, label: str) -> PersonRecord:
    """Everything that says who a person is, where, and why their accounts belong together."""
    person = find_person(operation, label)
    accounts = [
        pa.account for pa in person.accounts.select_related("account").order_by("account__account_id")
    ]
    pks = [a.pk for a in accounts]
    return PersonRecord(
        person=person,
        accounts=accounts,
        links=list(person.links.select_related("account_a", "account_b").order_by("pk")),
        decisions=list(
            ResolutionDecision.objects.filter(operation=operation)
            .filter(Q(account_a_id__in=pks) | Q(account_b_id__in=pks))
            .select_related("account_a", "account_b")
            .order_by("decided_at")
        ),
        assessment=person.assessments.order_by("-model_version").first(),
    )
