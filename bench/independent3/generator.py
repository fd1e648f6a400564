"""Write a synthetic disclosure bundle and its ground truth.

python -m bench.independent3.generator OUT --accounts 15300 --seed 5
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

from .accounts import Builder
from .events import EventMaker
from .geodb import write_geo
from .world import END, LOG_START, World

PROVIDER = {
    "name": "Quillfeather Networks (synthetic)",
    "country": "IE",
    "contact": "lawenforcement@quillfeather.example",
}
PLATFORM = {
    "chat": "quillfeather-chat",
    "photos": "quillfeather-photos",
    "video": "quillfeather-video",
    "market": "quillfeather-market",
    "forum": "quillfeather-forum",
}


def iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(t)))


def _writer(path: str):
    f = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115
    return f, csv.writer(f)


def generate(out: str, n_accounts: int, seed: int) -> dict:
    t0 = time.time()
    world = World(n_accounts, seed)
    builder = Builder(world)
    accounts = builder.build()
    if len(accounts) != n_accounts:
        raise RuntimeError(f"generated {len(accounts)} accounts, wanted {n_accounts}")
    rng = random.Random(seed * 7919 + 7)
    order = sorted(accounts, key=lambda a: (a.created, a.person.pid, a.idx))
    cur = 10**11 + rng.randrange(10**9)
    for a in order:
        cur += rng.randint(1, 40000)
        a.account_id = str(cur)
    bundle = os.path.join(out, "bundle")
    truth = os.path.join(out, "truth")
    os.makedirs(bundle, exist_ok=True)
    os.makedirs(truth, exist_ok=True)
    summary_path = os.path.join(truth, "summary.json")
    if os.path.exists(summary_path):
        os.remove(summary_path)

    manifest = {
        "format": "disclosure-bundle",
        "version": 1,
        "disclosure_id": f"synthetic-independent3-{seed}",
        "provider": PROVIDER,
        "received_at": "2025-01-20T00:00:00Z",
        "legal_reference": f"synthetic order {seed}",
        "description": "synthetic accounts of a made-up provider (account metadata only: accounts, names, "
        "identifiers and IP events)",
        "files": {"accounts": "accounts.csv", "identifiers": "identifiers.csv", "ip_events": "ip_events.csv"},
    }
    with open(os.path.join(bundle, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")

    f, w = _writer(os.path.join(bundle, "accounts.csv"))
    w.writerow(
        [
            "account_id",
            "platform",
            "username",
            "display_name",
            "created_at",
            "profile_url",
            "stated_country",
            "status",
        ]
    )
    for a in order:
        url = "" if a.status == "deleted" else f"https://{a.product}.quillfeather.example/{a.username}"
        w.writerow(
            [
                a.account_id,
                PLATFORM[a.product],
                a.username,
                a.display,
                iso(a.created),
                url,
                a.stated,
                a.status,
            ]
        )
    f.close()

    kinds: Counter[str] = Counter()
    f, w = _writer(os.path.join(bundle, "identifiers.csv"))
    w.writerow(["account_id", "kind", "value", "verified", "observed_at"])
    for a in order:
        rows = sorted(a.idents, key=lambda x: (x[3], x[0], x[1]))
        for kind, value, verified, obs in rows:
            obs = min(max(obs, a.created), END, max(a.end, a.created))
            w.writerow([a.account_id, kind, value, verified, iso(obs)])
            kinds[kind] += 1
    f.close()

    maker = EventMaker(world)
    n_events = n_v6 = n_proxy = 0
    ev_kinds: Counter[str] = Counter()
    f, w = _writer(os.path.join(bundle, "ip_events.csv"))
    w.writerow(["account_id", "ip", "port", "event", "timestamp", "possible_proxy"])
    for a in order:
        for ip, port, ev, t, proxy in sorted(maker.events(a), key=lambda x: x[3]):
            w.writerow([a.account_id, ip, port, ev, iso(t), proxy])
            n_events += 1
            n_v6 += ":" in ip
            n_proxy += proxy == "true"
            ev_kinds[ev] += 1
    f.close()

    with open(os.path.join(truth, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["account_id", "person_id", "country"])
        for a in order:
            w.writerow([a.account_id, f"p{a.person.pid:05d}", a.person.country])
    with open(os.path.join(truth, "persons.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "person_id",
                "household_id",
                "household_kind",
                "role",
                "gender",
                "birth_year",
                "culture",
                "origin",
                "country",
                "accounts",
                "careful",
                "heavy",
                "heavy_anchor",
            ]
        )
        for p in world.persons:
            w.writerow(
                [
                    f"p{p.pid:05d}",
                    f"h{p.hh.hid:05d}",
                    p.hh.kind,
                    p.role,
                    p.gender,
                    p.birth[0],
                    p.culture.key,
                    p.origin,
                    p.country,
                    p.n_acc,
                    str(p.careful).lower(),
                    str(p.heavy).lower(),
                    p.heavy_anchor,
                ]
            )

    write_geo(Path(out), world.plan, seed)

    per_person = Counter(p.n_acc for p in world.persons)
    buckets = Counter()
    for n, k in per_person.items():
        b = str(n) if n <= 5 else "6-9" if n <= 9 else "10-24" if n <= 24 else "25-60"
        buckets[b] += k
    filler = []
    for label, accs in sorted(builder.filler_use.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        persons = {a.person.pid for a in accs}
        filler.append(
            {"value": label, "accounts": len({a.account_id for a in accs}), "persons": len(persons)}
        )
    filler_accounts = len({a.account_id for accs in builder.filler_use.values() for a in accs})
    hh_kinds = Counter(h.kind for h in world.households)
    twins = sum(1 for h in world.households for m in h.members if m.role == "twin") // 2
    same_name = sum(1 for p in world.persons if p.named_after_father)
    renamed = sum(1 for p in world.persons if p.name.married_sur is not None)
    summary = {
        "generator": "bench.independent3",
        "seed": seed,
        "accounts": len(accounts),
        "persons": len(world.persons),
        "households": len(world.households),
        "households_by_kind": dict(sorted(hh_kinds.items())),
        "countries_of_residence": len({p.country for p in world.persons}),
        "accounts_per_person": {
            k: buckets[k] for k in ("1", "2", "3", "4", "5", "6-9", "10-24", "25-60") if k in buckets
        },
        "max_accounts_per_person": max(per_person),
        "heavy_persons": sum(p.heavy for p in world.persons),
        "careful_persons": sum(p.careful for p in world.persons),
        "migrant_persons": sum(p.origin != p.country for p in world.persons),
        "twin_pairs": twins,
        "fathers_sharing_full_name_with_son": same_name,
        "surname_changed_at_marriage": renamed,
        "recycled_phone_numbers": len(world.recycled),
        "office_domains": len({v.domain for v in world.venues if v.kind == "office" and v.domain}),
        "identifiers": sum(kinds.values()),
        "identifiers_by_kind": dict(sorted(kinds.items())),
        "ip_events": n_events,
        "ip_events_by_kind": dict(sorted(ev_kinds.items())),
        "ip_events_ipv6": n_v6,
        "ip_events_flagged_proxy": n_proxy,
        "filler_accounts": filler_accounts,
        "filler_values": filler,
        "parameters": {
            "log_window": [iso(LOG_START), iso(END)],
            "received_at": manifest["received_at"],
            "provider": PROVIDER["name"],
        },
    }
    with open(summary_path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2, ensure_ascii=False)
        f.write("\n")
    os.replace(summary_path + ".tmp", summary_path)
    return {**summary, "seconds": round(time.time() - t0, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="output directory (bundle/ and truth/ are written inside)")
    ap.add_argument("--accounts", type=int, default=15300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if args.accounts < 1:
        ap.error("--accounts must be positive")
    s = generate(args.out, args.accounts, args.seed)
    print(
        f"{s['accounts']} accounts, {s['persons']} persons, {s['households']} households, "
        f"{s['identifiers']} identifiers, {s['ip_events']} ip events in {s['seconds']} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
