"""The grid the move rule's numbers were chosen on, on the development set only.

    python bench/placement_moves.py [--work DIR]

For each setting of ``VoteRules.move_window_days``, ``move_settled_days``, ``move_min_days`` and
``move_share`` (and the rule switched off), the share of accounts placed in their true country on
each development operation of ``bench/geolocation.py`` (true persons; events located as the product
locates them). Prints one line per setting and writes ``bench/results/placement-moves.json``. The
report and fresh sets are never read here.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.geolocation import (  # noqa: E402
    SETS,
    independent_operation,
    load,
    locate_operation,
    ours,
    scores,
    synth_operation,
)
from bench.resolution import write_summary  # noqa: E402
from tiaki.engines.placement import VoteRules  # noqa: E402


def settings() -> list[tuple[str, dict[str, float]]]:
    out: list[tuple[str, dict[str, float]]] = [("off", {"move_min_days": 10**9})]
    for window, settled, days, share in itertools.product(
        (60, 90, 180), (14, 28, 56), (2, 3, 5), (0.75, 0.9)
    ):
        name = f"window {window} settled {settled} days {days} share {share}"
        values = {"move_window_days": window, "move_settled_days": settled, "move_min_days": days}
        out.append((name, {**values, "move_share": share}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-geo-bench"))
    parser.add_argument("--accounts", type=int, default=15300)
    args = parser.parse_args()
    synth_seed, generated = SETS["development"]
    ops = [load(independent_operation(args.work, args.accounts, s, k), "independent") for k, s in generated]
    ops.append(load(synth_operation(args.work, args.accounts, synth_seed), "synth"))
    located = [locate_operation(op) for op in ops]
    names = [op.name.split()[-1] for op in ops]
    print(f"{'setting':<44} " + " ".join(f"{n[:14]:>14}" for n in names) + "     mean")
    rows = []
    for name, values in settings():
        vote = VoteRules(**values)  # type: ignore[arg-type]
        correct = []
        for op, loc in zip(ops, located, strict=True):
            placements, _ = ours(op, loc.countries, loc.hosting, vote=vote)
            s = scores(op, [p.country for p in placements], [p.review for p in placements])
            correct.append(s["accounts_correct"])
        mean = sum(correct) / len(correct)
        rows.append(
            {"setting": name, "accounts_correct": dict(zip(names, correct, strict=True)), "mean": mean}
        )
        print(f"{name:<44} " + " ".join(f"{c:>14.4f}" for c in correct) + f" {mean:>8.4f}", flush=True)
    write_summary(
        {"benchmark": "placement-moves", "set": "development", "rows": rows},
        HERE / "results" / "placement-moves.json",
    )


if __name__ == "__main__":
    main()
