"""Synthetic disclosure bundle for evaluating account resolution (independent world model).

    python -m bench.independent2.generator OUT --accounts 15300 --seed 7

writes ``OUT/bundle/`` (a disclosure bundle, version 1), ``OUT/truth/`` (``accounts.csv``: account_id,
person_id, country; ``persons.csv`` details; ``summary.json``) and ``OUT/geo/`` (dated IP-to-country
databases of the address plan). Deterministic per seed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import time
from collections import Counter
from pathlib import Path

from .accounts import PLATFORMS, AccountMaker, iso
from .countries import load_countries
from .events import EventMaker
from .geodb import write_geo
from .network import Network
from .world import T0, T1, World

ACCOUNT_COLUMNS = [
    "account_id",
    "platform",
    "username",
    "display_name",
    "created_at",
    "profile_url",
    "stated_country",
    "status",
]
IDENTIFIER_COLUMNS = ["account_id", "kind", "value", "verified", "observed_at"]
EVENT_COLUMNS = ["account_id", "ip", "port", "event", "timestamp", "possible_proxy"]


def _writer(path: Path, header: list[str]):
    handle = path.open("w", encoding="utf-8", newline="")
    out = csv.writer(handle)
    out.writerow(header)
    return handle, out


def generate(out: Path, n_accounts: int, seed: int) -> dict:
    rng = random.Random(seed)
    countries = load_countries()
    net = Network(random.Random(seed * 7919 + 1), countries, seed)
    world = World(rng, countries, net)
    world.build(n_accounts)
    maker = AccountMaker(rng, world)
    events = EventMaker(rng, net, seed)
    accounts = [a for p in world.persons for a in maker.make(p)]
    order = list(range(len(world.persons)))
    rng.shuffle(order)
    pid = {world.persons[i].pid: f"p{k:06d}" for k, i in enumerate(order)}
    accounts.sort(key=lambda a: a.aid)

    bundle, truth = out / "bundle", out / "truth"
    bundle.mkdir(parents=True, exist_ok=True)
    truth.mkdir(parents=True, exist_ok=True)
    counts: Counter = Counter()
    fa, wa = _writer(bundle / "accounts.csv", ACCOUNT_COLUMNS)
    fi, wi = _writer(bundle / "identifiers.csv", IDENTIFIER_COLUMNS)
    fe, we = _writer(bundle / "ip_events.csv", EVENT_COLUMNS)
    ft, wt = _writer(truth / "accounts.csv", ["account_id", "person_id", "country"])
    with fa, fi, fe, ft:
        for a in accounts:
            p = a.person
            host = PLATFORMS[a.platform][2]
            wa.writerow(
                [
                    a.aid,
                    a.platform,
                    a.username,
                    a.display,
                    iso(a.created),
                    f"https://{host}/{a.username}",
                    a.stated,
                    a.status,
                ]
            )
            wt.writerow([a.aid, pid[p.pid], p.country])
            for kind, value, verified, observed in a.ids:
                wi.writerow([a.aid, kind, value, verified, observed])
                counts[f"identifiers_{kind}"] += 1
            for ip, port, ev, ts, flag in events.make(a):
                we.writerow([a.aid, ip, port, ev, iso(ts), flag])
                counts["ip_events"] += 1
                counts["ip_events_v6" if ":" in ip else "ip_events_v4"] += 1
            counts["burner_accounts"] += a.burner
            counts[f"status_{a.status}"] += 1
            counts["display_empty"] += a.display == ""
            counts["stated_missing"] += a.stated == ""
            counts["stated_not_residence"] += a.stated not in ("", p.country)
    with (truth / "persons.csv").open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(
            [
                "person_id",
                "household_id",
                "household_kind",
                "country",
                "origin",
                "culture",
                "sex",
                "birth_year",
                "accounts",
                "careful",
                "vpn_user",
            ]
        )
        for i in order:
            p = world.persons[i]
            w.writerow(
                [
                    pid[p.pid],
                    f"h{p.hh.hid:06d}",
                    p.hh.kind,
                    p.country,
                    p.origin,
                    p.name.culture.code,
                    p.sex,
                    p.yob,
                    p.n_accounts,
                    str(p.careful).lower(),
                    str(p.vpn is not None).lower(),
                ]
            )
    manifest = {
        "format": "disclosure-bundle",
        "version": 1,
        "disclosure_id": f"synthetic-independent2-{seed}",
        "provider": {
            "name": "Example Social (synthetic)",
            "country": "IE",
            "contact": "legal@example-social.net",
        },
        "received_at": iso(T1 + 20 * 86400),
        "legal_reference": f"synthetic order {seed}",
        "description": "synthetic accounts for an account-resolution evaluation (independent generator 2)",
        "files": {"accounts": "accounts.csv", "identifiers": "identifiers.csv", "ip_events": "ip_events.csv"},
    }
    (bundle / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    write_geo(out, countries, seed)
    per_person = Counter(p.n_accounts for p in world.persons)
    households = Counter(len(h.members) for h in world.households if h.members)
    summary = {
        "generator": "bench.independent2",
        "seed": seed,
        "accounts": len(accounts),
        "persons": len(world.persons),
        "households": sum(households.values()),
        "household_sizes": dict(sorted(households.items())),
        "household_kinds": dict(sorted(Counter(h.kind for h in world.households if h.members).items())),
        "countries": len({p.country for p in world.persons}),
        "cultures": dict(Counter(p.name.culture.code for p in world.persons).most_common()),
        "accounts_per_person": dict(sorted(per_person.items())),
        "max_accounts_per_person": max(per_person),
        "migrants": sum(p.origin != p.country for p in world.persons),
        "careful_persons": sum(p.careful for p in world.persons),
        "vpn_users": sum(p.vpn is not None for p in world.persons),
        "households_with_landline": sum(h.landline is not None for h in world.households if h.members),
        "households_with_shared_device": sum(
            h.shared_device is not None for h in world.households if h.members
        ),
        "households_with_family_mailbox": sum(
            h.family_box is not None for h in world.households if h.members
        ),
        "window": [iso(T0), iso(T1)],
        **dict(sorted(counts.items())),
    }
    (truth / "summary.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return summary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--accounts", type=int, default=15300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    summary = generate(args.out, args.accounts, args.seed)
    print(
        json.dumps(
            {k: summary[k] for k in ("accounts", "persons", "households", "countries", "ip_events")}
            | {"seconds": round(time.perf_counter() - started, 2)}
        )
    )


if __name__ == "__main__":
    main()
