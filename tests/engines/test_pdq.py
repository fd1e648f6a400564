"""Conformance of the canonical PDQ pipeline with Meta's reference hashes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tiaki.engines.pdq import hamming, pdq_file


def _distances(reference_dir: Path, name: str) -> list[tuple[str, int, int]]:
    base = reference_dir / "pdq"
    rows = list(csv.DictReader((base / name).open()))
    assert rows, f"{name} is empty"
    out = []
    for row in rows:
        result = pdq_file(base / "images" / row["path"])
        out.append((row["path"], hamming(result.hash, row["pdq_hex"]), result.quality))
    return out


@pytest.mark.parametrize(
    ("name", "bar"), [("expected-cpp-reference.csv", 10), ("expected-python-reference.csv", 16)]
)
def test_every_good_quality_reference_image_is_within_the_bar(reference_dir: Path, name: str, bar: int):
    results = [(path, d) for path, d, quality in _distances(reference_dir, name) if quality >= 80]
    assert len(results) >= 14
    too_far = [(path, d) for path, d in results if d > bar]
    assert not too_far, too_far


def test_hex_form_is_meta_s(reference_dir: Path):
    # wee.jpg hashes identically in both references: the bit order of our hex form must be Meta's.
    result = pdq_file(reference_dir / "pdq" / "images" / "misc-images" / "wee.jpg")
    assert result.hash == "6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d"
