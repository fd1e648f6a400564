"""Measuring one run of a benchmark in a child process of its own: its wall time, as the child
reports it, and its peak resident memory (``os.wait4``: the whole process, Python included)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def measured(command: list[str], what: str) -> dict[str, float]:
    """Run ``command`` (a benchmark script in its child mode) with ``--out FILE`` added; the JSON
    object it writes to ``FILE``, with ``peak_mb``, the child's peak resident memory. ``what`` names
    the run in the message when it fails."""
    out = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-child-{os.getpid()}-{what}.json"
    proc = subprocess.Popen([*command, "--out", str(out)])
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"the {what} run failed with status {status}")
    info = json.loads(out.read_text())
    out.unlink()
    info["peak_mb"] = usage.ru_maxrss / 1024
    return dict(info)


def ratios(run: dict[str, float], baseline: dict[str, float]) -> dict[str, float]:
    """``run``'s seconds and peak MB over ``baseline``'s."""
    return {key: run[key] / max(baseline[key], 1e-9) for key in ("seconds", "peak_mb")}


def print_runs(runs: dict[str, dict[str, float]]) -> None:
    """A table of the runs: seconds, peak MB and persons."""
    print(f"{'run':<10}{'seconds':>10}{'peak MB':>10}{'persons':>10}")
    for name, info in runs.items():
        print(f"{name:<10}{info['seconds']:>10.2f}{info['peak_mb']:>10.0f}{info['persons']:>10}")
