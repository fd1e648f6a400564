"""End-to-end benchmark: a synthetic operation through every stage, wall time and peak memory per stage.

    python bench/pipeline.py --accounts 153000 [--seed 1] [--work /tmp/tiaki-bench] [--database-url URL]

Each step runs as its own ``tiaki`` process on a fresh data directory (SQLite unless --database-url),
so its peak resident memory is its own. The baseline, measured in the same run, is the least any
intake must do: read and check the bundle and digest every file once. The last line is JSON.
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

HERE = Path(__file__).resolve().parent
TARGET_SECONDS = 600
TARGET_MEMORY_MB = 4096


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command; (wall seconds, peak resident MB of its largest process)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(args)} failed with status {status}")
    return wall, usage.ru_maxrss / 1024


BASELINE = """
import sys
from pathlib import Path
from tiaki.engines.digest import digest_file
from tiaki.formats.bundle import read_bundle
d = read_bundle(Path(sys.argv[1]))
for f in d.source_files:
    digest_file(f)
for name in {u.file for u in d.uploads if u.file}:
    digest_file(d.media_root / name)
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=153_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-bench"))
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()

    tiaki = str(Path(sys.executable).with_name("tiaki"))
    synth = args.work / f"synth-{args.accounts}-{args.seed}"
    data = args.work / "data"
    shutil.rmtree(data, ignore_errors=True)
    env = {**os.environ, "TIAKI_DATA_DIR": str(data)}
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    results: dict[str, dict[str, float]] = {}

    def step(name: str, command: list[str]) -> None:
        wall, peak = timed(command, env)
        results[name] = {"seconds": round(wall, 2), "peak_mb": round(peak, 1)}
        print(f"{name:<18} {wall:8.1f} s  {peak:8.0f} MB", flush=True)

    if not (synth / "truth" / "summary.json").exists():
        shutil.rmtree(synth, ignore_errors=True)
        step(
            "synth", [tiaki, "synth", str(synth), "--accounts", str(args.accounts), "--seed", str(args.seed)]
        )
    step("baseline: read+digest", [sys.executable, "-c", BASELINE, str(synth / "bundle")])
    operation = "bench"
    step("ingest", [tiaki, "ingest", str(synth / "bundle"), "--operation", operation])
    step("hashlist import", [tiaki, "hashlist", "import", str(synth / "known-material.vics.json")])
    step(
        "records import",
        [tiaki, "records", "import", str(synth / "records-checks.csv"), "--operation", operation],
    )
    for stage in ("media", "resolve", "locate", "triage", "refer"):
        step(stage, [tiaki, "run", "--operation", operation, "--stage", stage])
    step(
        "export persons",
        [tiaki, "export", "persons", "--operation", operation, "--out", str(args.work / "p.csv")],
    )

    pipeline = [k for k in results if k not in ("synth", "baseline: read+digest")]
    total = sum(results[k]["seconds"] for k in pipeline)
    peak = max(results[k]["peak_mb"] for k in pipeline)
    baseline = results["baseline: read+digest"]["seconds"]
    summary = {
        "benchmark": "pipeline",
        "accounts": args.accounts,
        "database": "postgresql" if args.database_url else "sqlite",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "stages": results,
        "pipeline_seconds": round(total, 1),
        "pipeline_peak_mb": peak,
        "baseline_seconds": baseline,
        "ratio_to_baseline": round(total / baseline, 2),
        "ratio_to_target_time": round(total / TARGET_SECONDS, 3),
        "ratio_to_target_memory": round(peak / TARGET_MEMORY_MB, 3),
    }
    out = HERE / "results" / f"pipeline-{args.accounts}-{summary['database']}.json"
    out.write_text(json.dumps(summary, indent=2) + "\n")
    print(
        f"pipeline: {total:.0f} s ({total / TARGET_SECONDS:.0%} of the 10-minute target), "
        f"peak {peak:.0f} MB ({peak / TARGET_MEMORY_MB:.0%} of 4 GB), {total / baseline:.1f}x the baseline"
    )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
