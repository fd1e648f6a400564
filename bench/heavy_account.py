"""Resolution with one account on everyone's addresses: time and memory against the same operation
without it.

    python bench/heavy_account.py [--accounts 1000] [--days 51]

Each of ``--accounts`` accounts uses an IP address of its own on ``--days`` days; in the *heavy* run one
more account uses every one of those addresses on the same days (a shared computer, a relay, a
scraper's account), so it shares a rare address with every other account. The *baseline* run is the
same operation without that account. Each run is a child process; *seconds* is the wall time of
``resolve`` and *peak MB* the child's peak resident memory (``os.wait4``). Prints a table and the
ratios; the last line is JSON, also written to ``bench/results/heavy-account.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pyarrow as pa

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.child import measured, print_runs, ratios  # noqa: E402


def operation(accounts: int, days: int, heavy: bool) -> tuple[pa.Table, pa.Table, pa.Table]:
    first = 1 if heavy else 0
    n = accounts + first
    table = pa.table(
        {
            "username": [f"member{i}x" for i in range(n)],
            "display_name": [f"Given{i} Family{i}" for i in range(n)],
            "stated_country": ["NZ"] * n,
        }
    )
    nothing = pa.array([], pa.string())
    identifiers = pa.table({"account": pa.array([], pa.int64()), "kind": nothing, "value": nothing})
    account, ip, timestamp = [], [], []
    for i in range(first, n):
        address = f"10.{i // 250}.{i % 250}.1"
        for day in range(days):
            for who in (0, i) if heavy else (i,):
                account.append(who)
                ip.append(address)
                timestamp.append(1_600_000_000 + day * 86_400 + 60 * who)
    events = pa.table(
        {"account": pa.array(account, pa.int64()), "ip": ip, "timestamp": pa.array(timestamp, pa.int64())}
    )
    return table, identifiers, events


def child(accounts: int, days: int, heavy: bool, out: Path) -> None:
    from tiaki.engines.resolution import resolve

    tables = operation(accounts, days, heavy)
    start = time.perf_counter()
    result = resolve(*tables)
    seconds = time.perf_counter() - start
    out.write_text(json.dumps({"seconds": seconds, "persons": len(set(result.labels.tolist()))}))


def run(accounts: int, days: int, heavy: bool) -> dict[str, float]:
    args = [sys.executable, __file__, "--child", "--accounts", str(accounts), "--days", str(days)]
    return measured(args + (["--heavy"] if heavy else []), "heavy" if heavy else "baseline")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--days", type=int, default=51)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--heavy", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.accounts, args.days, args.heavy, args.out)
        return
    baseline = run(args.accounts, args.days, False)
    heavy = run(args.accounts, args.days, True)
    print_runs({"baseline": baseline, "heavy": heavy})
    ratio = ratios(heavy, baseline)
    print(f"heavy / baseline: {ratio['seconds']:.2f}x time, {ratio['peak_mb']:.2f}x memory")
    summary = {
        "benchmark": "heavy-account",
        "accounts": args.accounts,
        "days": args.days,
        "baseline": baseline,
        "heavy": heavy,
        "ratios": ratio,
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "heavy-account.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
