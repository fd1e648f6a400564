"""Entity resolution benchmark: ours (hard identifiers + Splink + household guard) against union-find.

    python bench/resolution.py --accounts 153000 --seed 1 [--work DIR] [--curve]

Generates a synthetic operation with ``tiaki synth`` (or reuses it: ``WORK/synth-N-SEED``), reads the
bundle's CSVs with DuckDB, normalises identifiers with ``tiaki.engines.identifiers`` and IP addresses
with ``tiaki.engines.resolution.ip_key`` (once, cached as Parquet in ``WORK/prepared-N-SEED``; the
time it took is printed but is not part of either method's time), then runs each method in its own
process. A method's *seconds* are the wall time of the call alone (inputs already in memory, the
``import`` of Splink included for ours); *peak MB* is the child's peak resident memory from
``os.wait4`` (``ru_maxrss``: the whole process, Python and the inputs included). Both are measured in
the same run, on the same inputs. ``--curve`` also scores every candidate pair once and clusters at a
range of thresholds (how the default threshold was chosen, on seed 2). The last line is JSON; it is
also written to ``bench/results/resolution-N.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
TARGETS = {153_000: (20.0, 1536.0), 1_500_000: (180.0, 6144.0)}
CURVE = [-4.0, -3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]


def load_operation(bundle: Path, truth: Path | None = None) -> dict[str, pa.Table]:
    """The resolution inputs (see ``tiaki.engines.resolution``) from a disclosure bundle's CSVs, plus
    ``persons`` (the true person of each account) when ``truth`` is given."""
    from tiaki.engines.identifiers import normalise_identifier
    from tiaki.engines.resolution import ip_key

    con = duckdb.connect()
    read = "read_csv('{}', all_varchar = true, header = true)"
    accounts = con.sql(
        f"""select account_id, coalesce(username, '') as username, coalesce(display_name, '') as display_name,
                coalesce(stated_country, '') as stated_country
            from {read.format(bundle / "accounts.csv")} order by account_id"""
    ).to_arrow_table()
    con.register("accounts", accounts)
    con.execute(
        "create table ix as select account_id, "
        "(row_number() over (order by account_id)) - 1 as account from accounts"
    )
    raw_ids = con.sql(
        f"""select ix.account, i.kind, i.value, a.stated_country
            from {read.format(bundle / "identifiers.csv")} i join ix using (account_id)
            join accounts a using (account_id) order by ix.account, i.kind, i.value"""
    ).to_arrow_table()
    cache: dict[tuple[str, str, str], str | None] = {}
    values = []
    for kind, value, country in zip(
        raw_ids.column("kind").to_pylist(),
        raw_ids.column("value").to_pylist(),
        raw_ids.column("stated_country").to_pylist(),
        strict=True,
    ):
        key = (kind, value or "", (country or "") if kind == "phone" else "")
        if key not in cache:
            try:
                cache[key] = normalise_identifier(kind, key[1], key[2] or None)
            except ValueError:
                cache[key] = None
        values.append(cache[key])
    identifiers = pa.table(
        {
            "account": raw_ids.column("account"),
            "kind": raw_ids.column("kind"),
            "value": pa.array(values, pa.string()),
        }
    ).filter(pa.array([v is not None for v in values]))
    events = con.sql(
        f"""select ix.account, e.ip, epoch(cast(e.timestamp as timestamptz))::bigint as timestamp
            from {read.format(bundle / "ip_events.csv")} e join ix using (account_id)
            order by ix.account, timestamp"""
    ).to_arrow_table()
    ips = events.column("ip").to_pylist()
    keys = {ip: ip_key(ip) for ip in set(ips)}
    ip_events = pa.table(
        {
            "account": events.column("account"),
            "ip": pa.array([keys[ip] for ip in ips], pa.string()),
            "timestamp": events.column("timestamp"),
        }
    ).filter(pa.array([keys[ip] is not None for ip in ips]))
    tables = {
        "accounts": accounts.select(["username", "display_name", "stated_country"]),
        "identifiers": identifiers,
        "ip_events": ip_events,
    }
    if truth is not None:
        persons = con.sql(
            f"""select t.person_id from ix join {read.format(truth / "persons.csv")} t using (account_id)
                order by ix.account"""
        ).to_arrow_table()
        tables["persons"] = persons
    con.close()
    return tables


def prepare(accounts: int, seed: int, work: Path) -> tuple[Path, float | None]:
    """Generate (or reuse) the synthetic operation and its prepared inputs; (directory, seconds)."""
    synth = work / f"synth-{accounts}-{seed}"
    prepared = work / f"prepared-{accounts}-{seed}"
    if not (synth / "truth" / "summary.json").exists():
        tiaki = str(Path(sys.executable).with_name("tiaki"))
        print(f"generating {synth} (a few minutes at 153,000 accounts) ...", flush=True)
        shutil.rmtree(synth, ignore_errors=True)  # a run that did not finish
        subprocess.run(
            [tiaki, "synth", str(synth), "--accounts", str(accounts), "--seed", str(seed)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if (prepared / "done").exists():
        return prepared, None
    start = time.perf_counter()
    tables = load_operation(synth / "bundle", synth / "truth")
    prepared.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        pq.write_table(table, prepared / f"{name}.parquet")
    seconds = time.perf_counter() - start
    (prepared / "done").write_text(f"{seconds:.2f}\n")
    return prepared, seconds


def child(method: str, prepared: Path, out: Path, threshold: float | None) -> None:
    """Run one method on the prepared inputs; labels to ``out`` (.npy), seconds to ``out``.json."""
    tables = {
        name: pq.read_table(prepared / f"{name}.parquet") for name in ("accounts", "identifiers", "ip_events")
    }
    start = time.perf_counter()
    extra: dict[str, object] = {}
    if method == "baseline":
        from tiaki.engines.identifiers import HARD_KINDS
        from tiaki.engines.linkage import resolve_hard

        ids = tables["identifiers"]
        keys = zip(
            ids.column("account").to_pylist(),
            ids.column("kind").to_pylist(),
            ids.column("value").to_pylist(),
            strict=True,
        )
        result = resolve_hard(tables["accounts"].num_rows, ((a, k, v) for a, k, v in keys if k in HARD_KINDS))
        labels = result.labels
        links = len(result.links)
    else:
        from tiaki.engines.resolution import ResolutionConfig, resolve

        config = ResolutionConfig() if threshold is None else ResolutionConfig(threshold=threshold)
        ours = resolve(tables["accounts"], tables["identifiers"], tables["ip_events"], config=config)
        labels = ours.labels
        links = len(ours.links)
        extra = {
            "held_back": len(ours.held_back),
            "candidates": ours.candidates,
            "shared_ips": ours.shared_ips,
            "probabilistic_links": sum(1 for link in ours.links if link.method == "probabilistic"),
            "links_without_evidence": sum(1 for link in ours.links if not link.evidence),
        }
    seconds = time.perf_counter() - start
    np.save(out.with_suffix(".npy"), labels)
    out.with_suffix(".json").write_text(json.dumps({"seconds": seconds, "links": links, **extra}))


def run_method(method: str, prepared: Path, threshold: float | None) -> tuple[np.ndarray, dict[str, object]]:
    out = prepared / f"labels-{method}"
    args = [sys.executable, __file__, "--child", method, "--prepared", str(prepared), "--out", str(out)]
    if threshold is not None:
        args += ["--threshold", str(threshold)]
    proc = subprocess.Popen(args)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{method} failed with status {status}")
    info = json.loads(out.with_suffix(".json").read_text())
    info["peak_mb"] = usage.ru_maxrss / 1024
    return np.load(out.with_suffix(".npy")), info


def curve(prepared: Path, truth: np.ndarray) -> list[dict[str, float]]:
    """Pair-level and clustering-level precision/recall at each threshold in ``CURVE``."""
    from tiaki.engines.evaluation import pair_labels, score_clustering
    from tiaki.engines.resolution import resolve_at_thresholds

    tables = {
        name: pq.read_table(prepared / f"{name}.parquet") for name in ("accounts", "identifiers", "ip_events")
    }
    pairs, by_threshold = resolve_at_thresholds(
        tables["accounts"], tables["identifiers"], tables["ip_events"], CURVE
    )
    same = pair_labels(truth, pairs.column("a").to_numpy(), pairs.column("b").to_numpy())
    weights = pairs.column("match_weight").to_numpy()
    points = []
    for t in CURVE:
        chosen = weights >= t
        s = score_clustering(truth, by_threshold[t].labels)
        points.append(
            {
                "threshold": t,
                "pairs_above": int(chosen.sum()),
                "pair_precision": round(float(same[chosen].mean()) if chosen.any() else 1.0, 4),
                "pair_recall_of_candidates": round(float(same[chosen].sum() / max(same.sum(), 1)), 4),
                "pairwise_f1": round(s.pairwise_f1, 4),
                "pairwise_precision": round(s.pairwise_precision, 4),
                "pairwise_recall": round(s.pairwise_recall, 4),
                "bcubed_f1": round(s.bcubed_f1, 4),
            }
        )
        print(json.dumps(points[-1]), flush=True)
    return points


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=153_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-bench"))
    parser.add_argument("--threshold", type=float, default=None, help="override the default threshold")
    parser.add_argument("--curve", action="store_true", help="also print the threshold curve")
    parser.add_argument("--child", choices=("baseline", "ours"), help=argparse.SUPPRESS)
    parser.add_argument("--prepared", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.prepared, args.out, args.threshold)
        return

    from tiaki.engines.evaluation import score_clustering

    args.work.mkdir(parents=True, exist_ok=True)
    prepared, prep_seconds = prepare(args.accounts, args.seed, args.work)
    if prep_seconds is not None:
        print(f"read and normalised the bundle in {prep_seconds:.1f} s (not counted below)", flush=True)
    truth = pq.read_table(prepared / "persons.parquet").column("person_id").to_numpy(zero_copy_only=False)
    results: dict[str, dict[str, object]] = {}
    for method in ("baseline", "ours"):
        labels, info = run_method(method, prepared, args.threshold)
        scores = score_clustering(truth, labels)
        results[method] = {
            "pairwise_precision": round(scores.pairwise_precision, 4),
            "pairwise_recall": round(scores.pairwise_recall, 4),
            "pairwise_f1": round(scores.pairwise_f1, 4),
            "bcubed_precision": round(scores.bcubed_precision, 4),
            "bcubed_recall": round(scores.bcubed_recall, 4),
            "bcubed_f1": round(scores.bcubed_f1, 4),
            "exact_share": round(scores.exact_share, 4),
            "clusters": scores.clusters,
            "seconds": round(float(info.pop("seconds")), 2),  # type: ignore[arg-type]
            "peak_mb": round(float(info.pop("peak_mb")), 1),  # type: ignore[arg-type]
            **info,
        }
    base, ours = results["baseline"], results["ours"]
    print(f"\n{args.accounts:,} accounts, seed {args.seed}, {len(set(truth.tolist())):,} persons")
    print(f"{'':<22}{'union-find':>12}{'ours':>12}")
    for key in ("pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_precision", "bcubed_recall",
                "bcubed_f1", "exact_share", "clusters", "seconds", "peak_mb"):  # fmt: skip
        print(f"{key:<22}{base[key]:>12}{ours[key]:>12}")
    target = TARGETS.get(args.accounts)
    summary: dict[str, object] = {
        "benchmark": "resolution",
        "accounts": args.accounts,
        "seed": args.seed,
        "persons": len(set(truth.tolist())),
        "baseline": base,
        "ours": ours,
        "ratios": {
            "pairwise_f1": round(float(ours["pairwise_f1"]) / max(float(base["pairwise_f1"]), 1e-9), 3),  # type: ignore[arg-type]
            "bcubed_f1": round(float(ours["bcubed_f1"]) / max(float(base["bcubed_f1"]), 1e-9), 3),  # type: ignore[arg-type]
            "seconds": round(float(ours["seconds"]) / max(float(base["seconds"]), 1e-9), 2),  # type: ignore[arg-type]
            "peak_mb": round(float(ours["peak_mb"]) / max(float(base["peak_mb"]), 1e-9), 2),  # type: ignore[arg-type]
        },
        "targets": {"seconds": target[0], "peak_mb": target[1]} if target else None,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }
    if args.curve:
        summary["curve"] = curve(prepared, truth)
    out = HERE / "results" / f"resolution-{args.accounts}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
