"""Resolution of one person of very many accounts: time and memory against the same accounts in pairs.

    python bench/long_group.py [--accounts 100000]

Every account holds a mailbox and a date of birth of its own; accounts ``2i`` and ``2i + 1`` share a
device. In the *long* run, accounts ``2i + 1`` and ``2i + 2`` also share a phone, so that the hard
identifiers chain every account into one group, joined one pair at a time (what a provider's
export of a heavy user, a bot farm or a test account's clones can hold). The *baseline* run is the
same accounts and values without the phones: as many groups of two. The household guard keeps, per
group, its mailboxes and dates of birth; a group that grows by one account at each merge must not
be copied at each merge. Each run is a child process; *seconds* is the wall time of ``resolve`` and
*peak MB* the child's peak resident memory (``os.wait4``). Prints a table and the ratios; the last
line is JSON, also written to ``bench/results/long-group.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa

HERE = Path(__file__).resolve().parent


def operation(accounts: int, long: bool) -> tuple[pa.Table, pa.Table, pa.Table]:
    table = pa.table(
        {
            "username": [f"member{i}x" for i in range(accounts)],
            "display_name": [""] * accounts,
            "stated_country": ["NZ"] * accounts,
        }
    )
    account: list[int] = []
    kind: list[str] = []
    value: list[str] = []

    def add(who: int, what: str, text: str) -> None:
        account.append(who)
        kind.append(what)
        value.append(text)

    for i in range(accounts):
        add(i, "email", f"member{i}@example.org")
        add(i, "dob", f"{1940 + i % 60}-{1 + i % 12:02d}-{1 + (i // 720) % 28:02d}")
        add(i, "device", f"device{i // 2:09d}")
        if long and i % 2 == 1 and i + 1 < accounts:
            add(i, "phone", f"+6421{i:08d}")
            add(i + 1, "phone", f"+6421{i:08d}")
    identifiers = pa.table({"account": pa.array(account, pa.int64()), "kind": kind, "value": value})
    nothing = pa.array([], pa.int64())
    events = pa.table({"account": nothing, "ip": pa.array([], pa.string()), "timestamp": nothing})
    return table, identifiers, events


def child(accounts: int, long: bool, out: Path) -> None:
    from tiaki.engines.resolution import resolve

    tables = operation(accounts, long)
    start = time.perf_counter()
    result = resolve(*tables)
    seconds = time.perf_counter() - start
    out.write_text(json.dumps({"seconds": seconds, "persons": result.n_persons}))


def run(accounts: int, long: bool) -> dict[str, float]:
    out = Path(os.environ.get("TMPDIR", "/tmp")) / f"long-group-{os.getpid()}-{int(long)}.json"
    args = [sys.executable, __file__, "--child", "--accounts", str(accounts), "--out", str(out)]
    proc = subprocess.Popen(args + (["--long"] if long else []))
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"the {'long' if long else 'baseline'} run failed with status {status}")
    info = json.loads(out.read_text())
    out.unlink()
    info["peak_mb"] = usage.ru_maxrss / 1024
    return dict(info)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--long", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.accounts, args.long, args.out)
        return
    baseline = run(args.accounts, False)
    long = run(args.accounts, True)
    print(f"{'run':<10}{'seconds':>10}{'peak MB':>10}{'persons':>10}")
    for name, info in (("baseline", baseline), ("long", long)):
        print(f"{name:<10}{info['seconds']:>10.2f}{info['peak_mb']:>10.0f}{info['persons']:>10}")
    ratios = {
        "seconds": long["seconds"] / max(baseline["seconds"], 1e-9),
        "peak_mb": long["peak_mb"] / max(baseline["peak_mb"], 1e-9),
    }
    print(f"long / baseline: {ratios['seconds']:.2f}x time, {ratios['peak_mb']:.2f}x memory")
    summary = {"benchmark": "long-group", "accounts": args.accounts, "baseline": baseline, "long": long}
    summary["ratios"] = ratios
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "long-group.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
