"""Geolocation benchmark: placement of persons and accounts, calibration, lookup speed.

    python bench/geolocation.py --set report        # the sets reported on
    python bench/geolocation.py --set fresh         # seeds generated after the calibration was fixed
    python bench/geolocation.py --set development   # the sets the rules and calibration are fitted on
    python bench/geolocation.py --set unseen        # seeds generated after the move rule

Each set (``SETS``) is one operation of each independent generator (``bench/independent``,
``bench/independent2``, ``bench/independent3``, ``bench/independent4``; each also writes its operator's
dated country databases) and one ``tiaki synth`` operation, generated into (or reused from) --work. The
TRUE persons are the resolution, so only placement is measured. Events are located as the product
locates them: with the operator's snapshots when there are some (the independent operations), else
with the embedded data; the ``tiaki synth`` world is built from the registry data (every address is
used where it is registered), so there the registry answers, as its world says.

Per operation: the share of persons and of accounts placed in their true country, placed wrongly and
sent to review, for the plain vote with the registry data, the plain vote, the previous engine, ours
without network owners and ours; a reliability table (placed persons by calibrated confidence:
mean confidence against the share placed correctly). Thresholds and the calibration are fitted on the
development set only (``--set development`` prints the isotonic fit pasted into
``placement.CALIBRATION``); the report set is only reported on.

Prints tables and a final JSON line; writes bench/results/geolocation-<set>.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import iptocc
import numpy as np
import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from tiaki.engines.asn import NetworkOwners
from tiaki.engines.geo import SnapshotSet, locate_epochs, vote_country
from tiaki.engines.identifiers import normalise_phone
from tiaki.engines.placement import (
    Placement,
    SharedRules,
    VoteRules,
    ip_keys,
    place_persons,
    shared_infrastructure,
)
from tiaki.synth import generate

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.resolution import generated  # noqa: E402

TARGET_LOOKUPS = 1_000_000
TARGET_CORRECT = 0.95


def read_csv(path: Path) -> pa.Table:
    """Every column as text, as the bundle writes it."""
    names = path.open(encoding="utf-8").readline().strip().split(",")
    options = pcsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False)
    return pcsv.read_csv(path, convert_options=options)


def epochs_of(text: pa.ChunkedArray) -> np.ndarray:
    """ISO 8601 timestamps (``Z`` or an offset) as epoch seconds."""
    parsed = pc.strptime(text, format="%Y-%m-%dT%H:%M:%S%z", unit="s", error_is_null=True)
    epochs = parsed.cast(pa.int64()).to_numpy(zero_copy_only=False).astype(np.float64)
    bad = np.flatnonzero(np.isnan(epochs) if parsed.null_count else np.zeros(0, bool))
    for i in bad.tolist():
        epochs[i] = datetime.fromisoformat(text[i].as_py().replace("Z", "+00:00")).timestamp()
    return epochs


def best_of(runs: int, *jobs: Callable[[], Any]) -> list[float]:
    """Best wall time of each job over ``runs`` interleaved rounds (the machine is shared)."""
    best = [float("inf")] * len(jobs)
    for _ in range(runs):
        for i, job in enumerate(jobs):
            start = time.perf_counter()
            job()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


# phonenumbers compiles its metadata patterns on use; without its cache they are compiled again and again.
getattr(phonenumbers, "enable_pattern_cache", lambda: None)()


def phone_region(value: str, hint: str) -> str:
    e164 = normalise_phone(value, hint or None)
    if not e164:
        return ""
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164)) or ""
    except phonenumbers.NumberParseException:
        return ""


def score(countries: list[str | None], review: list[bool], truth: np.ndarray) -> dict[str, float]:
    n = len(truth)
    placed = [c is not None and not r for c, r in zip(countries, review, strict=True)]
    correct = sum(p and c == t for p, c, t in zip(placed, countries, truth.tolist(), strict=True))
    wrong = sum(placed) - correct
    return {
        "correct": round(correct / n, 4),
        "wrong": round(wrong / n, 4),
        "review": round((n - correct - wrong) / n, 4),
    }


def plain_vote(person: np.ndarray, country: np.ndarray, n_persons: int) -> list[str | None]:
    """Every located event one vote; no exclusions, no fallback."""
    votes: dict[int, list[tuple[str | None, float]]] = defaultdict(list)
    for p, c in zip(person.tolist(), country.tolist(), strict=True):
        votes[p].append((c or None, 1.0))
    return [vote_country(votes.get(i, []))[0] for i in range(n_persons)]


@dataclass
class Operation:
    """One evaluation operation, read from its bundle's CSV files, with its truth."""

    name: str
    world: str  # "synth" (tiaki synth) or "independent" (bench.independent)
    ips: list[str]
    epochs: np.ndarray
    kinds: pa.ChunkedArray
    proxy: np.ndarray  # int8 per event: 1 flagged, 0 not, -1 not said
    account_of_event: np.ndarray
    person_of_account: np.ndarray  # the TRUE persons
    account_country: np.ndarray  # true country per account
    person_country: np.ndarray  # true country per person
    stated: np.ndarray
    phone_account: np.ndarray
    phone_country: np.ndarray
    geo_dir: Path | None
    shared_truth: dict[str, str]

    @property
    def n_persons(self) -> int:
        return len(self.person_country)


# The data sets of each --set: the tiaki synth seed, then (independent generator, seed) pairs. Each
# independent generator writes its operator's dated country databases (OUT/geo). The calibration is
# fitted on the development sets only; the report sets are only reported on.
SETS: dict[str, tuple[int, tuple[tuple[str, int], ...]]] = {
    "report": (1, (("independent", 11), ("independent2", 33), ("independent3", 17), ("independent4", 34))),
    "fresh": (18, (("independent", 107), ("independent2", 34), ("independent3", 18), ("independent4", 35))),
    "development": (2, (("independent", 12), ("independent2", 7), ("independent3", 1), ("independent4", 1))),
    # Generated for the resolution benchmark after the move rule, never placed before the calibration
    # was refitted with it.
    "unseen": (19, (("independent", 108), ("independent2", 35), ("independent3", 19), ("independent4", 36))),
}


def load(folder: Path, world: str) -> Operation:
    bundle = folder / "bundle"
    events = read_csv(bundle / "ip_events.csv")
    accounts = read_csv(bundle / "accounts.csv")
    identifiers = read_csv(bundle / "identifiers.csv")
    truth = read_csv(folder / "truth" / ("persons.csv" if world == "synth" else "accounts.csv"))
    account_ids = accounts["account_id"]
    account_of_event = pc.index_in(events["account_id"], value_set=account_ids).to_numpy()
    truth_row = pc.index_in(account_ids, value_set=truth["account_id"]).to_numpy()
    labels, person_of_truth_row = np.unique(
        truth["person_id"].to_numpy(zero_copy_only=False), return_inverse=True
    )
    truth_country = truth["country"].to_numpy(zero_copy_only=False).astype("U2")
    person_country = np.empty(len(labels), dtype="U2")
    person_country[person_of_truth_row] = truth_country
    stated = pc.utf8_upper(pc.utf8_trim_whitespace(accounts["stated_country"])).to_numpy(zero_copy_only=False)
    stated = stated.astype("U2")
    phones = identifiers.filter(pc.equal(identifiers["kind"], "phone"))
    phone_account = pc.index_in(phones["account_id"], value_set=account_ids).to_numpy()
    phone_country = np.array(
        [
            phone_region(v, stated[a])
            for v, a in zip(phones["value"].to_pylist(), phone_account.tolist(), strict=True)
        ],
        dtype="U2",
    )
    keep = phone_country != ""
    flag = pc.utf8_lower(events["possible_proxy"]).to_numpy(zero_copy_only=False).astype(str)
    proxy = np.where(flag == "true", 1, np.where(flag == "false", 0, -1)).astype(np.int8)
    summary_path = folder / "truth" / "summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    geo_dir = folder / "geo"
    return Operation(
        name=f"{world} {folder.name}",
        world=world,
        ips=events["ip"].to_pylist(),
        epochs=epochs_of(events["timestamp"]),
        kinds=events["event"],
        proxy=proxy,
        account_of_event=account_of_event,
        person_of_account=person_of_truth_row[truth_row],
        account_country=truth_country[truth_row],
        person_country=person_country,
        stated=stated,
        phone_account=phone_account[keep],
        phone_country=phone_country[keep],
        geo_dir=geo_dir if geo_dir.is_dir() else None,
        shared_truth={s["ip"]: s["kind"] for s in summary.get("shared_addresses", [])},
    )


def synth_operation(work: Path, accounts: int, seed: int) -> Path:
    folder = work / f"synth-{accounts}-{seed}"
    if not (folder / "truth" / "summary.json").exists():
        print(f"generating {accounts} accounts into {folder} ...", flush=True)
        generate(folder, accounts=accounts, seed=seed, overwrite=True)
    return folder


def independent_operation(work: Path, accounts: int, seed: int, kind: str = "independent") -> Path:
    """The operation of independent generator ``kind`` (``bench/<kind>``), generated unless there."""
    folder = generated(kind, seed, accounts, work)
    if not any((folder / "geo").glob("*.mmdb")):
        raise SystemExit(f"{folder} has no operator databases (geo/*.mmdb): delete it to generate it again")
    return folder


@dataclass
class Placed:
    countries: np.ndarray
    registry: np.ndarray
    hosting: np.ndarray
    after_event: int
    source: str


def locate_operation(op: Operation) -> Placed:
    """Countries as the product finds them: the operator's snapshots when the operation has them,
    else the embedded data. ``tiaki synth`` builds its world from the registry data (every address
    is used where it is registered), so there the registry is the world's geolocation database."""
    with SnapshotSet(op.geo_dir) as snapshots:
        located = locate_epochs(op.ips, op.epochs, snapshots)
        registry = snapshots.registry.codes(op.ips)
    owners = NetworkOwners().lookup(op.ips)
    if op.world == "synth":
        return Placed(registry, registry, owners.hosting, 0, "registry (the synthetic world's own)")
    used = sorted(set(located.source_index.tolist()))
    names = ", ".join(f"{located.sources[i].name} {located.sources[i].build_date}" for i in used)
    return Placed(located.countries, registry, owners.hosting, int(located.after_event.sum()), names)


def evidence(op: Operation) -> dict[str, np.ndarray]:
    account_phone = np.full(len(op.stated), "", dtype="U2")
    account_phone[op.phone_account] = op.phone_country
    return {
        "hint": np.where(account_phone != "", account_phone, op.stated),
        "phone_person": op.person_of_account[op.phone_account],
        "phone_country": op.phone_country,
        "stated_person": op.person_of_account[op.stated != ""],
        "stated_country": op.stated[op.stated != ""],
    }


def ours(
    op: Operation,
    countries: np.ndarray,
    hosting: np.ndarray | None,
    *,
    rules: SharedRules | None = None,
    proxy_keys: bool = True,
    vote: VoteRules | None = None,
) -> tuple[list[Placement], Any]:
    ev = evidence(op)
    shared = shared_infrastructure(
        ip_keys(op.ips),
        op.account_of_event,
        ev["hint"],
        person_of_account=op.person_of_account,
        event_country=countries,
        hosting=hosting,
        possible_proxy=op.proxy if proxy_keys else None,
        rules=rules,
    )
    placements = place_persons(
        op.person_of_account[op.account_of_event],
        countries,
        n_persons=op.n_persons,
        event_kind=op.kinds,
        possible_proxy=op.proxy == 1,
        shared=shared.event_reason,
        event_day=(op.epochs // 86400).astype(np.int64),
        phone_person=ev["phone_person"],
        phone_country=ev["phone_country"],
        stated_person=ev["stated_person"],
        stated_country=ev["stated_country"],
        rules=vote,
    )
    return placements, shared


# The engine before these rules: no foreign-users rule, no provider-flagged exits, no network owners,
# no extra weight for the person's own countries, no moves, confidence = share.
BEFORE_SHARED = SharedRules(foreign_min_users=10**9)
BEFORE_VOTE = VoteRules(
    phone_agrees_factor=1.0, stated_agrees_factor=1.0, calibration={}, move_min_days=10**9
)


def scores(op: Operation, countries: list[str | None], review: list[bool]) -> dict[str, float]:
    """Persons and accounts: share placed in their true country, placed wrongly, sent to review."""
    out = {f"persons_{k}": v for k, v in score(countries, review, op.person_country).items()}
    per_account = [countries[p] for p in op.person_of_account.tolist()]
    account_review = [review[p] for p in op.person_of_account.tolist()]
    out.update(
        {f"accounts_{k}": v for k, v in score(per_account, account_review, op.account_country).items()}
    )
    return out


def reliability(
    confidence: np.ndarray,
    correct: np.ndarray,
    edges: tuple[float, ...] = (0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001),
    unit: str = "persons",
) -> list[dict[str, float]]:
    """Bins of stated confidence -> how many (``unit``: persons, or accounts), mean confidence,
    observed share placed correctly."""
    rows = []
    for low, high in itertools.pairwise(edges):
        inside = (confidence >= low) & (confidence < high)
        if inside.any():
            rows.append(
                {
                    "bin": f"{low:.2f}-{min(high, 1):.2f}",
                    unit: int(inside.sum()),
                    "confidence": round(float(confidence[inside].mean()), 4),
                    "observed": round(float(correct[inside].mean()), 4),
                }
            )
    return rows


def evaluate(op: Operation) -> dict[str, Any]:
    loc = locate_operation(op)
    person_of_event = op.person_of_account[op.account_of_event]
    n = op.n_persons
    no_review = [False] * n
    placements, shared = ours(op, loc.countries, loc.hosting)
    before, _ = ours(op, loc.countries, None, rules=BEFORE_SHARED, proxy_keys=False, vote=BEFORE_VOTE)
    results = {
        "plain vote, registry data": scores(op, plain_vote(person_of_event, loc.registry, n), no_review),
        "plain vote": scores(op, plain_vote(person_of_event, loc.countries, n), no_review),
        "before (previous engine)": scores(op, [p.country for p in before], [p.review for p in before]),
        "ours without network owners": scores(
            op,
            *zip(*[(p.country, p.review) for p in ours(op, loc.countries, None)[0]], strict=True),  # type: ignore[arg-type]
        ),
        "ours": scores(op, [p.country for p in placements], [p.review for p in placements]),
    }
    placed = np.array([p.country is not None for p in placements])
    confidence = np.array([p.confidence for p in placements])
    raw = np.array([p.evidence.get("share", p.confidence) for p in placements])
    correct = np.array([p.country == op.person_country[p.person] for p in placements])
    basis = np.array([p.basis for p in placements])
    reasons = Counter(k.reason for k in shared.keys.values())
    return {
        "operation": op.name,
        "accounts": len(op.person_of_account),
        "persons": n,
        "events": len(op.ips),
        "located_with": loc.source,
        "events_snapshot_after_event": loc.after_event,
        "events_hosting_network": int(loc.hosting.sum()),
        "shared_keys": dict(reasons),
        "placement": results,
        "by_basis": {
            b: {
                "persons": int((basis == b).sum()),
                "correct": int((correct & (basis == b)).sum()),
                "review": int(sum(p.review for p in placements if p.basis == b)),
            }
            for b in ("ip-vote", "phone", "stated", "none")
        },
        "reliability": reliability(confidence[placed], correct[placed]),
        "_calibration_rows": (basis[placed], raw[placed], correct[placed]),
    }


def fit_calibration(
    rows: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> dict[str, list[tuple[float, float]]]:
    """Isotonic (pool-adjacent-violators) fit of correctness on raw confidence, per basis, on the
    development sets: (upper raw bound, probability) steps."""
    basis = np.concatenate([r[0] for r in rows])
    raw = np.concatenate([r[1] for r in rows])
    correct = np.concatenate([r[2] for r in rows]).astype(float)
    edges = np.array([0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99, 1.0001])
    table: dict[str, list[tuple[float, float]]] = {}
    for b in ("ip-vote", "phone", "stated"):
        mine = basis == b
        which = np.clip(np.searchsorted(edges, raw[mine], side="right") - 1, 0, len(edges) - 2)
        blocks: list[list[float]] = []  # [upper, hits, count]
        for i in range(len(edges) - 1):
            count = int((which == i).sum())
            if count:
                blocks.append(
                    [float(min(edges[i + 1], 1.0)), float(correct[mine][which == i].sum()), float(count)]
                )
                while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] > blocks[-1][1] / blocks[-1][2]:
                    upper, hits, count_ = blocks.pop()
                    blocks[-1] = [upper, blocks[-1][1] + hits, blocks[-1][2] + count_]
        # Laplace's rule (one hit and one miss added), so no step claims certainty from a finite sample.
        table[b] = [(round(u, 2), round((h + 1) / (c + 2), 4)) for u, h, c in blocks]
    return table


def speed(op: Operation) -> dict[str, Any]:
    snapshots = SnapshotSet(None)
    repeat = -(-TARGET_LOOKUPS // len(op.ips))
    big_list, big_epochs = op.ips * repeat, np.tile(op.epochs, repeat)
    ours_s, base_s = best_of(
        3,
        lambda: locate_epochs(big_list, big_epochs, snapshots),
        lambda: [iptocc.country_code(ip) for ip in big_list],
    )
    owners_s = best_of(1, lambda: NetworkOwners().lookup(big_list))[0]
    n = len(big_list)
    return {
        "events": n,
        "embedded_lookups_per_s": round(n / ours_s),
        "registry_loop_lookups_per_s": round(n / base_s),
        "network_owner_lookups_per_s": round(n / owners_s),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", choices=list(SETS), default="report")
    parser.add_argument("--synth-accounts", type=int, default=15300)
    parser.add_argument("--independent-accounts", type=int, default=15300)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-geo-bench"))
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    synth_seed, generated_seeds = SETS[args.set]
    ops = [
        load(independent_operation(args.work, args.independent_accounts, seed, kind), "independent")
        for kind, seed in generated_seeds
    ]
    ops.append(load(synth_operation(args.work, args.synth_accounts, synth_seed), "synth"))
    out: dict[str, Any] = {
        "benchmark": "geolocation",
        "set": args.set,
        "machine": f"{platform.machine()}, {platform.python_version()}",
    }
    results = [evaluate(op) for op in ops]
    if args.set == "development":
        out["calibration_fit"] = fit_calibration([r["_calibration_rows"] for r in results])
    for r in results:
        r.pop("_calibration_rows")
        print(
            f"\n{r['operation']}: {r['accounts']:,} accounts, {r['persons']:,} persons, "
            f"{r['events']:,} events"
        )
        print(
            f"  located with {r['located_with']}; "
            f"{r['events_snapshot_after_event']:,} events before every snapshot;"
            f" {r['events_hosting_network']:,} in hosting networks; shared keys {r['shared_keys']}"
        )
        print(
            f"  {'placement (true persons)':<46} {'persons: correct':>16} {'wrong':>7} {'review':>7}"
            f" {'accounts: correct':>18} {'wrong':>7} {'review':>7}"
        )
        for name, s in r["placement"].items():
            print(
                f"  {name:<46} {s['persons_correct']:>16.2%} {s['persons_wrong']:>7.2%} "
                f"{s['persons_review']:>7.2%}"
                f" {s['accounts_correct']:>18.2%} {s['accounts_wrong']:>7.2%} {s['accounts_review']:>7.2%}"
            )
        print(f"  by basis: {r['by_basis']}")
        print("  reliability (placed persons): confidence bin, persons, mean confidence, observed correct")
        for row in r["reliability"]:
            print(
                f"    {row['bin']:<10} {row['persons']:>6} {row['confidence']:>8.3f} {row['observed']:>8.3f}"
            )
    out["operations"] = results
    independent = results[0]["placement"]["ours"]["accounts_correct"]
    out["targets"] = {
        "accounts_correct_independent": TARGET_CORRECT,
        "met": independent >= TARGET_CORRECT,
    }
    print(
        f"\naccounts placed correctly on the independent operation: {independent:.2%} "
        f"(target {TARGET_CORRECT:.0%})"
    )
    if "calibration_fit" in out:
        print(f"\ncalibration fit (development): {out['calibration_fit']}")
    if not args.no_speed:
        out["speed"] = speed(ops[-1])
        print(f"\nspeed: {out['speed']}")
    results_dir = HERE / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / f"geolocation-{args.set}.json").write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
