"""End to end, as an investigator runs it: persons and countries from the installed command.

    python bench/end_to_end.py --data independent:19 [--data independent2:40] [--accounts 15300] [--work DIR]

For each data set of an independent generator (``bench/independent``, ``bench/independent2``,
``bench/independent3`` or ``bench/independent4``; generated into ``WORK/KIND-N-SEED`` unless there): a
fresh data directory, then the installed ``tiaki ingest``,
``tiaki run --stage resolve --stage locate --geo-dir OUT/geo`` (the operator's dated databases the
generator writes) and ``tiaki export persons --detailed``, each in its own process. The export is then
compared with the generator's ground truth (``truth/accounts.csv``), which the product never sees:
the share of accounts placed (not sent to review) in their true country, placed in another, sent to
review; and the resolution's pairwise and B-cubed scores. Prints a table and a JSON line, and writes
``bench/results/end-to-end-N.json``.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
TIAKI = str(Path(sys.executable).with_name("tiaki"))

from bench.geolocation import independent_operation, reliability  # noqa: E402
from bench.resolution import INDEPENDENT, write_summary  # noqa: E402


def tiaki(env: dict[str, str], *args: object) -> float:
    start = time.perf_counter()
    subprocess.run([TIAKI, *map(str, args)], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def run(name: str, accounts: int, work: Path) -> dict[str, object]:
    from tiaki.engines.evaluation import score_clustering

    kind, _, seed = name.partition(":")
    if kind not in INDEPENDENT:
        raise SystemExit(f"{name}: KIND:SEED with KIND one of {', '.join(INDEPENDENT)}")
    out = independent_operation(work, accounts, int(seed), kind)
    data = work / f"e2e-{kind}-{accounts}-{seed}"
    shutil.rmtree(data, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["TIAKI_DATA_DIR"] = str(data / "data")
    seconds = {
        "ingest": tiaki(env, "ingest", "-o", "op", out / "bundle"),
        "resolve+locate": tiaki(
            env, "run", "-o", "op", "--stage", "resolve", "--stage", "locate", "--geo-dir", out / "geo"
        ),
    }  # fmt: skip
    export = data / "persons.csv"
    tiaki(env, "export", "persons", "-o", "op", "--out", export, "--detailed")
    with (out / "truth" / "accounts.csv").open(newline="") as fh:
        truth = {row["account_id"]: (row["person_id"], row["country"]) for row in csv.DictReader(fh)}
    with export.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    correct = wrong = review = 0
    true_person, found_person = [], []
    stated, right = [], []  # per account placed: the confidence given, and whether it was right
    for row in rows:
        person, country = truth[row["account_id"]]
        true_person.append(person)
        found_person.append(row["person_id"])
        if row["needs_review"] == "true" or not row["country"]:
            review += 1
            continue
        correct += row["country"] == country
        wrong += row["country"] != country
        stated.append(float(row["country_confidence"]))
        right.append(row["country"] == country)
    n = len(rows)
    scores = score_clustering(np.array(true_person), np.array(found_person))
    result = {
        "data": name,
        "accounts": n,
        "persons_true": len(set(true_person)),
        "persons_found": len(set(found_person)),
        "accounts_correct": round(correct / n, 4),
        "accounts_wrong": round(wrong / n, 4),
        "accounts_review": round(review / n, 4),
        "pairwise_precision": round(scores.pairwise_precision, 4),
        "pairwise_recall": round(scores.pairwise_recall, 4),
        "pairwise_f1": round(scores.pairwise_f1, 4),
        "bcubed_f1": round(scores.bcubed_f1, 4),
        "reliability": reliability(np.array(stated), np.array(right), unit="accounts"),
        "seconds": {k: round(v, 1) for k, v in seconds.items()},
    }
    print(
        f"\n{name}: {n:,} accounts; {result['persons_found']:,} persons found for {result['persons_true']:,}"
    )
    print(f"  accounts in their true country {correct / n:.2%}, in another {wrong / n:.2%}, "
          f"to review {review / n:.2%}")  # fmt: skip
    print(f"  resolution: pairwise P {scores.pairwise_precision:.4f} R {scores.pairwise_recall:.4f} "
          f"F1 {scores.pairwise_f1:.4f}, B-cubed F1 {scores.bcubed_f1:.4f}")  # fmt: skip
    print("  reliability of placed accounts: confidence bin, accounts, mean confidence, share right")
    for row in result["reliability"]:  # type: ignore[attr-defined]
        print(f"    {row['bin']:>9}  {row['accounts']:>6,}  {row['confidence']:.3f}  {row['observed']:.3f}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    kinds = ", ".join(INDEPENDENT)
    parser.add_argument("--data", action="append", default=None, help=f"KIND:SEED ({kinds}); repeatable")
    parser.add_argument("--accounts", type=int, default=15_300)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-bench"))
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    runs = [run(name, args.accounts, args.work) for name in args.data or ["independent:11"]]
    summary: dict[str, object] = {"benchmark": "end-to-end", "accounts": args.accounts, "runs": runs}
    write_summary(summary, args.out or HERE / "results" / f"end-to-end-{args.accounts}.json")


if __name__ == "__main__":
    main()
