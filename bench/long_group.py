"""Resolution of one person of very many accounts: time and memory against the same accounts in pairs.

    python bench/long_group.py [--accounts 100000]

Every account holds a mailbox and a date of birth of its own; accounts ``2i`` and ``2i + 1`` share a
device. In the *long* runs, accounts ``2i + 1`` and ``2i + 2`` also share a phone, so that the hard
identifiers chain every account into one group, joined one pair at a time (what a provider's
export of a heavy user, a bot farm or a test account's clones can hold): *up* numbers the phones
so that the chain is joined from the first account on, *down* from the last (the group's root then
moves at every merge). The *baseline* run is the same accounts and values without the phones: as
many groups of two. The household guard keeps, per group, its mailboxes and dates of birth; a
group that grows by one account at each merge must not be copied at each merge. Each run is a
child process; *seconds* is the wall time of ``resolve`` and *peak MB* the child's peak resident
memory (``os.wait4``). Prints a table and the ratios; the last line is JSON, also written to
``bench/results/long-group.json``.
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


def operation(accounts: int, long: str) -> tuple[pa.Table, pa.Table, pa.Table]:
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
        add(i, "device", f"device{(accounts - 1 - i) // 2 if long == 'down' else i // 2:09d}")
        if long and i % 2 == 1 and i + 1 < accounts:
            tag = accounts - i if long == "down" else i
            add(i, "phone", f"+6421{tag:08d}")
            add(i + 1, "phone", f"+6421{tag:08d}")
    identifiers = pa.table({"account": pa.array(account, pa.int64()), "kind": kind, "value": value})
    nothing = pa.array([], pa.int64())
    events = pa.table({"account": nothing, "ip": pa.array([], pa.string()), "timestamp": nothing})
    return table, identifiers, events


def child(accounts: int, long: str, out: Path) -> None:
    from tiaki.engines.resolution import resolve

    tables = operation(accounts, long)
    start = time.perf_counter()
    result = resolve(*tables)
    seconds = time.perf_counter() - start
    out.write_text(json.dumps({"seconds": seconds, "persons": result.n_persons}))


def run(accounts: int, long: str) -> dict[str, float]:
    args = [sys.executable, __file__, "--child", "--accounts", str(accounts), "--long", long]
    return measured(args, long or "baseline")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--long", default="", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.accounts, args.long, args.out)
        return
    runs = {"baseline": run(args.accounts, ""), "up": run(args.accounts, "up")}
    runs["down"] = run(args.accounts, "down")
    print_runs(runs)
    ratio = {name: ratios(runs[name], runs["baseline"]) for name in ("up", "down")}
    for name, each in ratio.items():
        print(f"{name} / baseline: {each['seconds']:.2f}x time, {each['peak_mb']:.2f}x memory")
    summary = {"benchmark": "long-group", "accounts": args.accounts, **runs, "ratios": ratio}
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "long-group.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
