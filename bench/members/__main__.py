"""Command line: python -m bench.members OUTDIR --records N --seed S."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .generate import generate, summary, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.members", description=__doc__)
    parser.add_argument("outdir", type=Path, help="directory for members.csv, households.csv, summary.json")
    parser.add_argument("--records", type=int, default=5000, help="rows in members.csv (default 5000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    if args.records < 1:
        parser.error("--records must be at least 1")
    members = generate(args.records, args.seed)
    write(members, args.outdir)
    facts = summary(members)
    keys = ("records", "persons", "households", "duplicates", "twin_pairs", "junior_senior_pairs")
    print(json.dumps({key: facts[key] for key in keys}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
