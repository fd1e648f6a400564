"""How much of an operation's truth any linkage could find from what the accounts share.

    python bench/recall_ceiling.py --data independent2:32 [--data synth:17] [--accounts 15300] [--work DIR]

An oracle that knows the true persons links two accounts of ONE person whenever they share a piece
of evidence, and never links two people. The pairwise recall of its persons is the most any method
can reach by linking on that evidence, and the pairwise F1 it allows is ``2R / (1 + R)`` (precision
1). Evidence is added in steps:

1. ``identifiers``: an equal normalised identifier value of any kind (e-mail, phone, device, payment,
   name, date of birth, address, ...), as the resolution reads them (``bench/resolution.py``'s
   prepared inputs);
2. ``+ rare addresses``: an IP address used by at most 5 accounts;
3. ``+ any address``: any IP address both used;
4. ``+ equal names``: an equal username or display name (case and spacing folded).

Steps 3 and 4 are what an evasive person's accounts still have in common, and what strangers share
too (a carrier's address, a common name): linking on them alone costs precision that the oracle
does not pay. The same data sets as ``bench/resolution.py`` (``--data KIND:SEED``). Prints a table;
the last line is JSON, also written to ``bench/results/recall-ceiling-N.json``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.resolution import prepare_data, write_summary  # noqa: E402

RARE = 5  # an address used by at most this many accounts is "rare"


class Oracle:
    """Union-find over the accounts, linking only accounts of the same true person."""

    def __init__(self, persons: np.ndarray) -> None:
        self.persons = persons
        self.parent = np.arange(len(persons))

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def link_holders(self, holders: list[int]) -> None:
        """Link the holders of one value that belong to the same person."""
        first: dict[object, int] = {}
        for account in holders:
            person = self.persons[account]
            if person in first:
                self.parent[self.find(account)] = self.find(first[person])
            else:
                first[person] = account

    def recall(self) -> float:
        roots = np.array([self.find(i) for i in range(len(self.persons))])
        found = pairs(np.unique(roots, return_counts=True)[1])
        return found / pairs(np.unique(self.persons, return_counts=True)[1])


def pairs(sizes: np.ndarray) -> float:
    return float((sizes.astype(np.int64) * (sizes - 1) // 2).sum())


def holders_of(accounts: list[int], values: list[object]) -> dict[object, list[int]]:
    out: dict[object, list[int]] = defaultdict(list)
    for account, value in zip(accounts, values, strict=True):
        if value:
            out[value].append(account)
    return out


def ceiling(prepared: Path) -> dict[str, object]:
    tables = {
        n: pq.read_table(prepared / f"{n}.parquet")
        for n in ("accounts", "identifiers", "ip_events", "persons")
    }
    persons = np.asarray(tables["persons"].column(0).to_numpy(zero_copy_only=False))
    ids = tables["identifiers"]
    keys = list(zip(ids["kind"].to_pylist(), ids["value"].to_pylist(), strict=True))
    by_value = holders_of(ids["account"].to_pylist(), [k if k[1] else None for k in keys])
    events = tables["ip_events"]
    by_address = {
        ip: sorted(set(h))
        for ip, h in holders_of(events["account"].to_pylist(), events["ip"].to_pylist()).items()
    }
    accounts = tables["accounts"]
    fold = lambda v: " ".join(v.casefold().split()) if v else None  # noqa: E731
    by_name = holders_of(
        list(range(accounts.num_rows)) * 2,
        [("u", fold(v)) if fold(v) else None for v in accounts["username"].to_pylist()]
        + [("d", fold(v)) if fold(v) else None for v in accounts["display_name"].to_pylist()],
    )
    oracle = Oracle(persons)
    steps: dict[str, float] = {}
    for holders in by_value.values():
        oracle.link_holders(holders)
    steps["identifiers"] = oracle.recall()
    for holders in by_address.values():
        if len(holders) <= RARE:
            oracle.link_holders(holders)
    steps["+ rare addresses"] = oracle.recall()
    for holders in by_address.values():
        oracle.link_holders(holders)
    steps["+ any address"] = oracle.recall()
    for holders in by_name.values():
        oracle.link_holders(holders)
    steps["+ equal names"] = oracle.recall()
    return {
        "accounts": len(persons),
        "persons": len(np.unique(persons)),
        "true_pairs": int(pairs(np.unique(persons, return_counts=True)[1])),
        "recall": {k: round(v, 4) for k, v in steps.items()},
        "f1_at_precision_1": {k: round(2 * v / (1 + v), 4) for k, v in steps.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", action="append", required=True, help="KIND:SEED, as bench/resolution.py")
    parser.add_argument("--accounts", type=int, default=15_300)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-bench"))
    parser.add_argument("--febrl", type=Path, default=None, help="FEBRL data folder, for febrl:N")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    runs = []
    for name in args.data:
        prepared, _ = prepare_data(name, args.accounts, args.work, args.febrl)
        runs.append({"data": name, **ceiling(prepared)})
    print(f"{'data':<18} {'accounts':>8} {'true pairs':>10}  recall (F1 at precision 1) by evidence linked")
    for run in runs:
        cells = "  ".join(
            f"{k} {r:.3f} ({f:.3f})"
            for (k, r), f in zip(run["recall"].items(), run["f1_at_precision_1"].values(), strict=True)
        )
        print(f"{run['data']:<18} {run['accounts']:>8,} {run['true_pairs']:>10,}  {cells}")
    summary: dict[str, object] = {"benchmark": "recall-ceiling", "rare_address_accounts": RARE, "runs": runs}
    write_summary(summary, args.out or HERE / "results" / f"recall-ceiling-{args.accounts}.json")


if __name__ == "__main__":
    main()
