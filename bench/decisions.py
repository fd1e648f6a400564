"""How long an investigator's decision takes on a large operation, against a full resolve.

    python bench/decisions.py --accounts 153000 [--seed 1] [--decisions 12] [--work DIR]

A synthetic operation is generated, ingested and resolved (hard identifiers and the model) on a fresh
SQLite data directory; then confirm, reject, merge and split decisions are recorded through the
service, each timed from the call to its commit. The baseline, measured in the same run, is the full
resolve a decision used to trigger. Target: every decision under 1 s at 153,000 accounts. The last
line is JSON, also written to bench/results/decisions-<accounts>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGET_SECONDS = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=153_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--decisions", type=int, default=12, help="decisions of each kind")
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-bench-decisions"))
    args = parser.parse_args()
    synth = args.work / f"synth-{args.accounts}-{args.seed}"
    data = args.work / f"data-{time.strftime('%Y%m%d-%H%M%S')}"
    os.environ["TIAKI_DATA_DIR"] = str(data)
    os.environ.pop("DATABASE_URL", None)

    from tiaki.cli.bootstrap import open_case
    from tiaki.synth.generator import generate

    if not (synth / "truth" / "summary.json").exists():
        generate(synth, accounts=args.accounts, seed=args.seed)
    actor = open_case()
    from tiaki.apps.intake.services.ingest import ingest
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.subjects.choices import DecisionKind
    from tiaki.apps.subjects.models import Person, PersonAccount
    from tiaki.apps.subjects.services.decisions import decide, merge_persons, split_person
    from tiaki.apps.subjects.services.resolve import resolve

    ingest(synth / "bundle", "bench", actor=actor)
    operation = get_operation("bench", actor)
    start = time.perf_counter()
    resolve(operation, actor=actor)
    full = time.perf_counter() - start

    rng = random.Random(args.seed)
    members: dict[int, list[int]] = {}
    for person, account in PersonAccount.objects.filter(person__operation=operation).values_list(
        "person_id", "account_id"
    ):
        members.setdefault(person, []).append(account)
    from tiaki.apps.intake.models import Account

    timings: dict[str, list[float]] = {kind: [] for kind in ("reject-link", "confirm-link", "merge", "split")}
    for _ in range(args.decisions):
        several = [p for p, accounts in members.items() if len(accounts) >= 2]
        person = rng.choice(several)
        a, b = (Account.objects.get(pk=pk) for pk in rng.sample(members[person], 2))
        timings["reject-link"].append(
            _timed(partial(decide, operation, DecisionKind.REJECT, [(a, b)], reason="bench", actor=actor))
        )
        timings["confirm-link"].append(
            _timed(partial(decide, operation, DecisionKind.CONFIRM, [(a, b)], reason="bench", actor=actor))
        )
        first, second = rng.sample(
            list(Person.objects.filter(operation=operation).values_list("label", flat=True)[:5000]), 2
        )
        timings["merge"].append(
            _timed(partial(merge_persons, operation, first, second, reason="bench", actor=actor))
        )
        merged = Person.objects.get(operation=operation, accounts__account__account_id=a.account_id)
        moving = merged.accounts.select_related("account").first().account.account_id  # type: ignore[union-attr]
        timings["split"].append(
            _timed(partial(split_person, operation, merged.label, [moving], reason="bench", actor=actor))
        )
        members = {}
        for person_pk, account in PersonAccount.objects.filter(person__operation=operation).values_list(
            "person_id", "account_id"
        ):
            members.setdefault(person_pk, []).append(account)

    every = [t for ts in timings.values() for t in ts]
    result = {
        "accounts": args.accounts,
        "seed": args.seed,
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "database": "sqlite",
        "baseline_full_resolve_s": round(full, 2),
        "decisions": {
            kind: {"n": len(ts), "median_s": round(statistics.median(ts), 3), "max_s": round(max(ts), 3)}
            for kind, ts in timings.items()
        },
        "max_s": round(max(every), 3),
        "full_resolve_over_median_decision": round(full / statistics.median(every), 1),
        "target_s": TARGET_SECONDS,
        "meets_target": max(every) < TARGET_SECONDS,
    }
    for kind, figures in result["decisions"].items():  # type: ignore[union-attr]
        print(f"{kind:13} median {figures['median_s']:.3f} s, max {figures['max_s']:.3f} s", file=sys.stderr)
    print(
        f"full resolve {full:.1f} s; every decision under {TARGET_SECONDS} s: {result['meets_target']}",
        file=sys.stderr,
    )
    out = HERE / "results" / f"decisions-{args.accounts}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))


def _timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
