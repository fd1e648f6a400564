"""``tiaki operation sample-pairs`` and ``calibrate`` from the installed command: an investigator labels
a sample of the model's pairs and the threshold follows from it."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from installed import tiaki

pytestmark = [pytest.mark.db, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def _label(sample: Path, truth: Path, out: Path) -> int:
    """Answer every pair from the operation's ground truth, as an investigator would by
    reading the two accounts; returns how many are one person."""
    person = {row["account_id"]: row["person_id"] for row in csv.DictReader(truth.open())}
    with sample.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        same = person[row["account_a"].split("/")[1]] == person[row["account_b"].split("/")[1]]
        row["same_person"] = "yes" if same else "no"
    with out.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return sum(row["same_person"] == "yes" for row in rows)


def test_sample_label_calibrate_and_apply(env: dict[str, str], tmp_path: Path) -> None:
    # An operation from the second independent generator: at this size its persons leave the model
    # pairs of both kinds (the first generator's, since the model needs more than a handle and a
    # country to identify, are all one person's).
    subprocess.run(
        [sys.executable, "-m", "bench.independent2.generator", tmp_path / "op", "--accounts", "1500",
         "--seed", "8"],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, timeout=300,
    )  # fmt: skip
    tiaki(env, "ingest", "-o", "op", tmp_path / "op" / "bundle")
    tiaki(env, "run", "-o", "op", "--stage", "resolve")
    sample = tmp_path / "sample.csv"
    out = tiaki(env, "operation", "sample-pairs", "-o", "op", "--out", sample, "--per-band", 8)
    written, scored = map(int, re.search(r"wrote (\d+) of (\d+) scored pairs", out).groups())  # type: ignore[union-attr]
    assert 0 < written <= scored and written <= 8 * 12
    with sample.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == written and all(row["same_person"] == "" for row in rows)
    assert {row["band"] for row in rows} and all(row["evidence"] for row in rows)

    # Unlabelled, the estimates are the model's own.
    assert "the estimates are the model's own probabilities" in tiaki(
        env, "operation", "calibrate", "-o", "op", sample
    )

    labelled = tmp_path / "labelled.csv"
    matches = _label(sample, tmp_path / "op" / "truth" / "accounts.csv", labelled)
    assert 0 < matches < written
    out = tiaki(env, "operation", "calibrate", "-o", "op", labelled, "--apply")
    suggested = float(re.search(r"suggested threshold: (-?[\d.]+) bits", out).group(1))  # type: ignore[union-attr]
    assert f"threshold set to {suggested:g} bits" in out
    assert re.search(
        rf"resolution threshold \(bits\)\s+│\s+{re.escape(f'{suggested:g}')}\s",
        tiaki(env, "operation", "settings", "-o", "op"),
    )
    tiaki(env, "audit", "verify")  # the chain holds with the new events

    # A weight changed by hand (or a sample of another operation) is refused, and nothing is set.
    text = labelled.read_text().splitlines()
    first = text[1].split(",")
    first[2] = f"{float(first[2]) + 3:.3f}"
    tampered = tmp_path / "tampered.csv"
    tampered.write_text("\n".join([text[0], ",".join(first), *text[2:]]) + "\n")
    out = tiaki(env, "operation", "calibrate", "-o", "op", tampered, "--apply", code=2)
    assert "draw a new sample" in out
    bad = tmp_path / "bad.csv"
    bad.write_text(labelled.read_text().replace(",yes,", ",perhaps,", 1))
    assert "write yes, no or unsure" in tiaki(env, "operation", "calibrate", "-o", "op", bad, code=2)
    assert "not a threshold sample" in tiaki(
        env, "operation", "calibrate", "-o", "op", tmp_path / "op" / "truth" / "persons.csv", code=2
    )
