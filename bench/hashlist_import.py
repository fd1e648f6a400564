"""Hash-list import: a VICS 2.0 file of N entries into the case database, against parsing it alone.

    python bench/hashlist_import.py --entries 1000000 [--work /tmp/tiaki-bench-lists]

Each side runs in its own process so that its peak resident memory is its own. The baseline reads
and checks every entry (the floor for any import); ours also writes every entry in one transaction.
The last line is JSON; results go to bench/results/hashlist-import-<N>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_SECONDS = 60

MAKE = """
import random, sys
from pathlib import Path
from tiaki.formats.hashlist import ListEntry
from tiaki.formats.vics import write_vics
n = int(sys.argv[2]); rng = random.Random(1)
def entries():
    for i in range(n):
        md5, sha1, pdq = (f"{rng.getrandbits(b):0{b // 4}x}" for b in (128, 160, 256))
        yield ListEntry(entry_id=str(i + 1), md5=md5, sha1=sha1, pdq=pdq, category=rng.choice("0123"))
write_vics(Path(sys.argv[1]), entries(), version="2.0", profile="vic-us")
"""
PARSE = """
import sys
from pathlib import Path
from tiaki.formats.vics import iter_vics
_, entries = iter_vics(Path(sys.argv[1]))
print(sum(1 for _ in entries))
"""


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(args)} failed with status {status}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tiaki-bench-lists"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    path = args.work / f"list-{args.entries}.json"
    if not path.exists():
        subprocess.run([sys.executable, "-c", MAKE, str(path), str(args.entries)], check=True)
    data = args.work / "data"
    subprocess.run(["rm", "-rf", str(data)], check=True)
    env = {**os.environ, "TIAKI_DATA_DIR": str(data)}
    tiaki = str(Path(sys.executable).with_name("tiaki"))
    subprocess.run(
        [tiaki, "audit", "verify"], env=env, check=True, stdout=subprocess.DEVNULL
    )  # create the db
    parse_s, parse_mb = timed([sys.executable, "-c", PARSE, str(path)], env)
    ours_s, ours_mb = timed([tiaki, "hashlist", "import", str(path), "--name", "bench"], env)
    summary = {
        "benchmark": "hashlist-import",
        "entries": args.entries,
        "file_mb": round(path.stat().st_size / 2**20, 1),
        "baseline_parse_seconds": round(parse_s, 1),
        "baseline_peak_mb": round(parse_mb),
        "ours_seconds": round(ours_s, 1),
        "ours_peak_mb": round(ours_mb),
        "ours_entries_per_s": round(args.entries / ours_s),
        "ratio_to_baseline": round(ours_s / parse_s, 2),
        "ratio_to_target": round(ours_s / TARGET_SECONDS, 2),
    }
    (HERE / "results" / f"hashlist-import-{args.entries}.json").write_text(
        json.dumps(summary, indent=2) + "\n"
    )
    print(
        f"parse only {parse_s:.1f} s ({parse_mb:.0f} MB); import {ours_s:.1f} s ({ours_mb:.0f} MB); "
        f"{ours_s / TARGET_SECONDS:.0%} of the 60 s target"
    )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
