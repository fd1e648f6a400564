"""Geolocation benchmark: lookup speed, shared-infrastructure detection and person placement.

    python bench/geolocation.py --accounts 153000 [--seed 1] [--work /tmp/tiaki-geo-bench]

Generates a synthetic operation (or reuses the one cached in the work folder), reads the bundle's
CSV files directly and takes the TRUE persons from truth/persons.csv as the resolution, so that only
placement is measured. Every IP event is located with the embedded source.

* Speed: ``locate_epochs`` over all events in one batch, against the plain per-event loop
  ``iptocc.country_code(ip)`` measured in the same run (best of three each, interleaved), also on
  the events repeated to 1,000,000.
* Placement: share of persons placed in their true country, placed wrongly and sent to review, for
  the plain vote (every located event one vote, no exclusions, no fallback), the vote the service
  used before (unweighted; IPs of >= 10 persons and possible_proxy events left out; phone then stated
  country when nothing is left) and ours (``tiaki.engines.placement``).

Prints a table and a final JSON line; writes bench/results/geolocation-<accounts>.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import iptocc
import numpy as np
import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from tiaki.engines.geo import SnapshotSet, locate_epochs, vote_country
from tiaki.engines.identifiers import normalise_phone
from tiaki.engines.placement import (
    MANY_COUNTRIES,
    MANY_USERS,
    Placement,
    SharedKey,
    VoteRules,
    ip_keys,
    place_persons,
    shared_infrastructure,
)
from tiaki.synth import generate

HERE = Path(__file__).resolve().parent
TARGET_LOOKUPS = 1_000_000
TARGET_CORRECT = 0.95
SERVICE_SHARED_PERSONS = 10  # the threshold the service's vote used


def vars_of(key: SharedKey) -> dict[str, Any]:
    return {name: getattr(key, name) for name in key.__slots__}


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


def service_vote(
    person: np.ndarray,
    country: np.ndarray,
    ips: list[str],
    proxy: np.ndarray,
    phones: dict[int, list[str]],
    stated: dict[int, list[str]],
    n_persons: int,
) -> list[str | None]:
    """The vote the subjects service used before this engine (see apps/subjects/services.py)."""
    persons_by_ip: dict[str, set[int]] = defaultdict(set)
    for p, ip in zip(person.tolist(), ips, strict=True):
        persons_by_ip[ip].add(p)
    shared = {ip for ip, ps in persons_by_ip.items() if len(ps) >= SERVICE_SHARED_PERSONS}
    votes: dict[int, list[tuple[str | None, float]]] = defaultdict(list)
    for p, c, ip, flagged in zip(person.tolist(), country.tolist(), ips, proxy.tolist(), strict=True):
        if ip not in shared and not flagged:
            votes[p].append((c or None, 1.0))
    placed: list[str | None] = []
    for i in range(n_persons):
        winner, _ = vote_country(votes.get(i, []))
        for candidates in (phones.get(i), stated.get(i)):
            if winner is None:
                winner, _ = vote_country((c, 1.0) for c in candidates or [])
        placed.append(winner)
    return placed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=153_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-geo-bench"))
    args = parser.parse_args()

    synth = args.work / f"synth-{args.accounts}-{args.seed}"
    if not (synth / "truth" / "summary.json").exists():
        print(f"generating {args.accounts} accounts into {synth} ...", flush=True)
        generate(synth, accounts=args.accounts, seed=args.seed, overwrite=True)
    bundle = synth / "bundle"
    events = read_csv(bundle / "ip_events.csv")
    accounts = read_csv(bundle / "accounts.csv")
    identifiers = read_csv(bundle / "identifiers.csv")
    truth = read_csv(synth / "truth" / "persons.csv")
    summary = json.loads((synth / "truth" / "summary.json").read_text())

    account_ids = accounts["account_id"]
    n_accounts = len(account_ids)
    account_of_event = pc.index_in(events["account_id"], value_set=account_ids).to_numpy()
    truth_row = pc.index_in(account_ids, value_set=truth["account_id"]).to_numpy()
    person_labels, person_of_truth_row = np.unique(
        truth["person_id"].to_numpy(zero_copy_only=False), return_inverse=True
    )
    person_of_account = person_of_truth_row[truth_row]
    n_persons = len(person_labels)
    truth_country = np.empty(n_persons, dtype=object)
    truth_country[person_of_truth_row] = truth["country"].to_numpy(zero_copy_only=False)
    person_of_event = person_of_account[account_of_event]

    # ---- speed
    ips = events["ip"]
    ip_list = ips.to_pylist()
    epochs = epochs_of(events["timestamp"])
    snapshots = SnapshotSet(None)
    located = locate_epochs(ip_list, epochs, snapshots)
    baseline = [iptocc.country_code(ip) for ip in ip_list]
    agree = float(np.mean(located.countries == np.array([c or "" for c in baseline], dtype="U2")))
    repeat = -(-TARGET_LOOKUPS // len(ip_list))
    big_list = ip_list * repeat
    big_epochs = np.tile(epochs, repeat)
    ours_s, base_s, ours_big_s, base_big_s = best_of(
        3,
        lambda: locate_epochs(ip_list, epochs, snapshots),
        lambda: [iptocc.country_code(ip) for ip in ip_list],
        lambda: locate_epochs(big_list, big_epochs, snapshots),
        lambda: [iptocc.country_code(ip) for ip in big_list],
    )
    n_events, n_big = len(ip_list), len(big_list)
    speed = {
        "events": n_events,
        "ours_lookups_per_s": round(n_events / ours_s),
        "baseline_lookups_per_s": round(n_events / base_s),
        "ratio": round(base_s / ours_s, 2),
        "events_big": n_big,
        "ours_big_lookups_per_s": round(n_big / ours_big_s),
        "baseline_big_lookups_per_s": round(n_big / base_big_s),
        "ratio_big": round(base_big_s / ours_big_s, 2),
        "agreement_with_baseline": round(agree, 6),
    }

    # ---- evidence per account and person
    stated_text = pc.utf8_upper(pc.utf8_trim_whitespace(accounts["stated_country"]))
    stated_account = stated_text.to_numpy(zero_copy_only=False).astype("U2")
    phones = identifiers.filter(pc.equal(identifiers["kind"], "phone"))
    phone_account = pc.index_in(phones["account_id"], value_set=account_ids).to_numpy()
    phone_country = np.array(
        [
            phone_region(value, stated_account[a])
            for value, a in zip(phones["value"].to_pylist(), phone_account.tolist(), strict=True)
        ],
        dtype="U2",
    )
    has_phone = phone_country != ""
    account_phone = np.full(n_accounts, "", dtype="U2")
    account_phone[phone_account[has_phone]] = phone_country[has_phone]
    hint = np.where(account_phone != "", account_phone, stated_account)

    proxy = pc.equal(pc.utf8_lower(events["possible_proxy"]), "true").to_numpy(zero_copy_only=False)
    kinds = events["event"]
    days = (epochs // 86400).astype(np.int64)

    start = time.perf_counter()
    keys = ip_keys(ips)
    keys_s = time.perf_counter() - start
    shared = shared_infrastructure(
        keys, account_of_event, hint, person_of_account=person_of_account, event_country=located.countries
    )
    shared_s = time.perf_counter() - start - keys_s
    fallback = {
        "phone_person": person_of_account[phone_account[has_phone]],
        "phone_country": phone_country[has_phone],
        "stated_person": person_of_account[stated_account != ""],
        "stated_country": stated_account[stated_account != ""],
    }

    def ours(shared_codes: np.ndarray, rules: VoteRules | None = None) -> list[Placement]:
        return place_persons(
            person_of_event,
            located.countries,
            n_persons=n_persons,
            event_kind=kinds,
            possible_proxy=proxy,
            shared=shared_codes,
            event_day=days,
            rules=rules,
            **fallback,
        )

    placements = ours(shared.event_reason)
    placement_s = time.perf_counter() - start

    phones_by_person: dict[int, list[str]] = defaultdict(list)
    for a, c in zip(phone_account[has_phone].tolist(), phone_country[has_phone].tolist(), strict=True):
        phones_by_person[int(person_of_account[a])].append(c)
    stated_by_person: dict[int, list[str]] = defaultdict(list)
    for a in np.flatnonzero(stated_account != "").tolist():
        stated_by_person[int(person_of_account[a])].append(str(stated_account[a]))

    no_review = [False] * n_persons
    plain = plain_vote(person_of_event, located.countries, n_persons)
    service = service_vote(
        person_of_event, located.countries, ip_list, proxy, phones_by_person, stated_by_person, n_persons
    )
    uniform = VoteRules(kind_weights={}, default_kind_weight=1.0, repeat_weight=1.0)
    carrier_out = np.where(shared.event_reason == MANY_USERS, MANY_COUNTRIES, shared.event_reason)
    variants = {
        "ours, uniform weights": ours(shared.event_reason, uniform),
        "ours, carrier NAT left out": ours(carrier_out.astype(np.int8)),
    }

    def scored(found: list[Placement]) -> dict[str, float]:
        return score([p.country for p in found], [p.review for p in found], truth_country)

    results = {
        "plain vote": score(plain, no_review, truth_country),
        "service vote (before)": score(service, no_review, truth_country),
        "ours": scored(placements),
        **{name: scored(found) for name, found in variants.items()},
    }
    basis = Counter(p.basis for p in placements)
    basis_correct = Counter(
        p.basis for p in placements if not p.review and p.country == truth_country[p.person]
    )
    review_basis = Counter(p.basis for p in placements if p.review)

    truth_shared = {s["ip"]: s["kind"] for s in summary.get("shared_addresses", [])}
    found = {k: v.reason for k, v in shared.keys.items()}
    detection = {
        "vpn_exits": sum(kind == "vpn" for kind in truth_shared.values()),
        "vpn_found_many_countries": sum(
            found.get(ip) == "many-countries" for ip, k in truth_shared.items() if k == "vpn"
        ),
        "cgnat": sum(kind == "cgnat" for kind in truth_shared.values()),
        "cgnat_found_many_persons": sum(
            found.get(ip) == "many-persons" for ip, k in truth_shared.items() if k == "cgnat"
        ),
        "other_keys_flagged": sum(k not in truth_shared for k in found),
        "many_countries_events": int(np.sum(shared.event_reason == MANY_COUNTRIES)),
    }

    print(f"events {n_events:,}  persons {n_persons:,}  accounts {n_accounts:,}")
    print("\nlookups/s (embedded source)      ours (batch)   per-event loop   ratio")
    print(
        f"  operation ({n_events:>9,} events) {speed['ours_lookups_per_s']:>12,} "
        f"{speed['baseline_lookups_per_s']:>16,}   {speed['ratio']:.2f}"
    )
    print(
        f"  repeated  ({n_big:>9,} events) {speed['ours_big_lookups_per_s']:>12,} "
        f"{speed['baseline_big_lookups_per_s']:>16,}   {speed['ratio_big']:.2f}"
    )
    print(f"  agreement with the loop: {agree:.4%}")
    print("\nplacement (true persons)       correct    wrong   review")
    for name, r in results.items():
        print(f"  {name:<26} {r['correct']:>8.2%} {r['wrong']:>8.2%} {r['review']:>8.2%}")
    print(f"\nours by basis: {dict(basis)}; correct {dict(basis_correct)}; review {dict(review_basis)}")
    print(f"shared infrastructure: {detection}")
    shared_keys = [
        {**vars_of(k), "truth": truth_shared.get(k.key, "")}
        for k in sorted(shared.keys.values(), key=lambda k: -k.accounts)
    ]
    for k in shared_keys:
        print(
            f"  {k['key']:<16} {k['reason']:<15} accounts {k['accounts']:>5}  persons {k['persons']:>5}  "
            f"countries {k['countries']:>3}  top {k['top_country']} {k['top_share']:.0%}  ({k['truth']})"
        )
    print(
        f"ip_keys {keys_s:.2f} s, shared_infrastructure {shared_s:.2f} s, "
        f"place_persons {placement_s - keys_s - shared_s:.2f} s"
    )
    ok = speed["ours_lookups_per_s"] >= TARGET_LOOKUPS and results["ours"]["correct"] >= TARGET_CORRECT
    out = {
        "benchmark": "geolocation",
        "accounts": args.accounts,
        "seed": args.seed,
        "persons": n_persons,
        "machine": f"{platform.machine()} {platform.system()}, {platform.python_version()}",
        "speed": speed,
        "placement": results,
        "ours_basis": dict(basis),
        "ours_review_by_basis": dict(review_basis),
        "shared_infrastructure": detection,
        "shared_keys": shared_keys,
        "placement_seconds": round(placement_s, 2),
        "targets": {"lookups_per_s": TARGET_LOOKUPS, "correct": TARGET_CORRECT, "met": ok},
    }
    results_dir = HERE / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / f"geolocation-{args.accounts}.json").write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
