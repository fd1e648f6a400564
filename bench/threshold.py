"""Choosing the link threshold from a labelled sample: what it gains on operations it was not tuned on.

    python bench/threshold.py --accounts 15300 --data independent:17 --data independent:19 \
        --data synth:3 [--per-band 15] [--work DIR]

For each data set (prepared as in ``bench/resolution.py``): the model scores every candidate pair
once (``resolution.score_pairs``); ``threshold.draw_sample`` draws ``--per-band`` pairs from every band
of weights, as ``tiaki operation sample-pairs`` does; the pairs are answered from the data set's
ground truth, standing in for the investigator who would read them; ``threshold.calibrate`` suggests
a threshold. The whole operation is then clustered at the default threshold, at the suggestion from
the labels and at the suggestion from the model's probabilities alone, and scored against the truth
beside union-find on hard identifiers, all in the same run. Only the sampled pairs' answers are read
from the truth before the scoring. The last line is JSON, also written to
``bench/results/threshold-N.json``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.resolution import prepare_data, write_summary  # noqa: E402


def run(name: str, accounts: int, work: Path, per_band: int, seed: int) -> dict[str, object]:
    from tiaki.engines.evaluation import score_clustering
    from tiaki.engines.identifiers import HARD_KINDS
    from tiaki.engines.linkage import resolve_hard
    from tiaki.engines.resolution import DEFAULT_THRESHOLD, resolve_at_thresholds, score_pairs
    from tiaki.engines.threshold import band_of, calibrate, draw_sample

    prepared, _ = prepare_data(name, accounts, work, None)
    tables = {k: pq.read_table(prepared / f"{k}.parquet") for k in ("accounts", "identifiers", "ip_events")}
    truth = pq.read_table(prepared / "persons.parquet").column("person_id").to_numpy(zero_copy_only=False)
    start = time.perf_counter()
    pairs = score_pairs(tables["accounts"], tables["identifiers"], tables["ip_events"])
    chosen = draw_sample(pairs.match_weight, per_band, seed)
    # The investigator's answers: only the sampled pairs are looked up.
    answers = {int(i): ("yes" if truth[pairs.a[i]] == truth[pairs.b[i]] else "no") for i in chosen}
    labelled = calibrate(pairs.match_weight, pairs.match_probability, answers)
    model = calibrate(pairs.match_weight, pairs.match_probability)
    seconds = time.perf_counter() - start
    thresholds = sorted(
        {DEFAULT_THRESHOLD, labelled.suggested or DEFAULT_THRESHOLD, model.suggested or DEFAULT_THRESHOLD}
    )
    _, by_threshold = resolve_at_thresholds(
        tables["accounts"], tables["identifiers"], tables["ip_events"], thresholds
    )
    ids = tables["identifiers"]
    keys = zip(
        ids.column("account").to_pylist(),
        ids.column("kind").to_pylist(),
        ids.column("value").to_pylist(),
        strict=True,
    )
    baseline = resolve_hard(len(truth), ((a, k, v) for a, k, v in keys if k in HARD_KINDS)).labels

    def scores(labels: np.ndarray) -> dict[str, float]:
        s = score_clustering(truth, labels)
        keys = ("pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_f1", "exact_share")
        return {key: round(float(getattr(s, key)), 4) for key in keys}

    rows = {
        "union-find": scores(baseline),
        f"default ({DEFAULT_THRESHOLD:g})": scores(by_threshold[DEFAULT_THRESHOLD].labels),
        f"labelled sample ({labelled.suggested:g})": scores(
            by_threshold[labelled.suggested or DEFAULT_THRESHOLD].labels
        ),
        f"model only ({model.suggested:g})": scores(
            by_threshold[model.suggested or DEFAULT_THRESHOLD].labels
        ),
    }
    print(f"\n{name}: {len(truth):,} accounts, {pairs.a.size:,} scored pairs, {labelled.labelled} labelled "
          f"({seconds:.1f} s to score, sample and estimate)")  # fmt: skip
    print(f"{'':<28}{'P':>8}{'R':>8}{'F1':>8}{'B3 F1':>8}{'exact':>8}")
    for label, row in rows.items():
        print(f"{label:<28}{row['pairwise_precision']:>8}{row['pairwise_recall']:>8}{row['pairwise_f1']:>8}"
              f"{row['bcubed_f1']:>8}{row['exact_share']:>8}")  # fmt: skip
    band = band_of(pairs.match_weight)
    same = truth[pairs.a] == truth[pairs.b]  # for the report only, after the choice
    bands = [
        {"band": b.name, "pairs": b.pairs, "labelled": b.labelled, "share": b.share,
         "model": round(b.model, 4),
         "true": round(float(same[band == b.band].mean()), 4) if b.pairs else None}
        for b in labelled.bands
    ]  # fmt: skip
    return {
        "data": name,
        "accounts": len(truth),
        "scored_pairs": int(pairs.a.size),
        "labelled": labelled.labelled,
        "suggested": labelled.suggested,
        "model_suggested": model.suggested,
        "default": DEFAULT_THRESHOLD,
        "seconds": round(seconds, 2),
        "results": rows,
        "bands": bands,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=15_300)
    parser.add_argument(
        "--data", action="append", default=None, help="synth:SEED or independent:SEED, repeatable"
    )
    parser.add_argument("--per-band", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1, help="seed of the sample")
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-bench"))
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    runs = [
        run(name, args.accounts, args.work, args.per_band, args.seed) for name in args.data or ["synth:3"]
    ]
    summary: dict[str, object] = {
        "benchmark": "threshold",
        "accounts": args.accounts,
        "per_band": args.per_band,
        "runs": runs,
    }
    write_summary(summary, args.out or HERE / "results" / f"threshold-{args.accounts}.json")


if __name__ == "__main__":
    main()
