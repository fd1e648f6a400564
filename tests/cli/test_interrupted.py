"""A run killed part-way (SIGKILL: a power cut, an operating system that ran out of memory), as a user
runs it: the installed command in a process of its own, on the run's database (SQLite, or a fresh
PostgreSQL database when ``DATABASE_URL`` is set). Nothing half-written is left behind, the operation
is not left locked, and running it again gives what a run that was never interrupted gives."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import time
from collections import defaultdict
from pathlib import Path

import pytest

from installed import TIAKI, tiaki
from tiaki.formats.package import verify_package

pytestmark = [pytest.mark.db, pytest.mark.slow]

# When the runs are killed, as shares of the time an uninterrupted run took: spread over the stages
# (media, resolution, placement, triage, packages) whatever their speed on this machine.
KILL_AT = (0.1, 0.35, 0.6, 0.85)


def _partition(env: dict[str, str], operation: str) -> frozenset[frozenset[str]] | None:
    """The accounts of each person (person identifiers aside, which name the operation); ``None``
    before the operation's first resolution (every account exported without a person)."""
    out = Path(env["TIAKI_DATA_DIR"]).parent / f"persons-{operation}.csv"
    tiaki(env, "export", "persons", "-o", operation, "--out", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows
    unresolved = [row["account_id"] for row in rows if not row["person_id"]]
    if len(unresolved) == len(rows):
        return None
    assert not unresolved  # a resolution is written whole or not at all
    persons: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        persons[row["person_id"]].add(row["account_id"])
    return frozenset(frozenset(accounts) for accounts in persons.values())


def _packages(env: dict[str, str], operation: str) -> dict[str, Path]:
    """The country of each package zip the operation's folder holds."""
    folders = list((Path(env["TIAKI_DATA_DIR"]) / "packages").glob(f"*-{operation}"))
    assert len(folders) == 1, folders
    return {p.stem.rsplit("-", 1)[1]: p for p in sorted(folders[0].glob("*.zip"))}


def _killed(env: dict[str, str], after: float, operation: str) -> None:
    run = subprocess.Popen(
        [TIAKI, "run", "--operation", operation],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(after)
    if run.poll() is None:
        os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=60)


def test_a_run_killed_at_any_point_leaves_nothing_half_done_and_runs_again(env, tmp_path: Path):
    tiaki(env, "synth", tmp_path / "op", "--accounts", "30", "--seed", "5")
    for operation in ("whole", "killed"):
        tiaki(env, "ingest", tmp_path / "op" / "bundle", "--operation", operation)
    start = time.monotonic()
    tiaki(env, "run", "--operation", "whole")
    took = time.monotonic() - start
    whole = _partition(env, "whole")

    for share in KILL_AT:
        _killed(env, took * share, "killed")
        # Between runs the case answers, with the persons of the last finished resolution or none yet.
        assert _partition(env, "killed") in (None, whole)

    tiaki(env, "run", "--operation", "killed")  # not locked by a dead run; nothing to clean by hand
    assert _partition(env, "killed") == whole
    packages, expected = _packages(env, "killed"), _packages(env, "whole")
    assert packages.keys() == expected.keys() and packages
    for zipped in packages.values():
        assert verify_package(zipped) == [], zipped
    assert "every file matches the manifest" in tiaki(env, "package", "verify", zipped)
    folder = next(iter(packages.values())).parent
    left = (
        {p.name for p in folder.iterdir()}
        - {p.name for p in packages.values()}
        - {p.stem for p in packages.values()}
    )
    assert not left, left  # no half-written package beside the finished ones
    assert not [p for p in (Path(env["TIAKI_DATA_DIR"]) / "tmp").rglob("*") if p.is_file()]
    assert "intact" in tiaki(env, "audit", "verify")
