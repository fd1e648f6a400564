"""The one CSV writer: formulas neutralised, rows read back as written."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from tiaki.formats.csvsafe import csv_bytes, safe_cell, write_csv


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x.example","click")', '\'=HYPERLINK("http://x.example","click")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\n=1"),
        ("-12", "-12"),
        ("+3.5", "+3.5"),
        ("+64 21 000 0000", "'+64 21 000 0000"),
        ("river_otter", "river_otter"),
        ("GIF89a", "GIF89a"),
        ("bell\x07", "bell\\x07"),
        ("a\r\nb\rc", "a\nb\nc"),
        (None, ""),
        (True, "true"),
        (3, "3"),
        (datetime(2019, 1, 2, 3, 4, 5, tzinfo=UTC), "2019-01-02T03:04:05+00:00"),
    ],
)
def test_safe_cell(value: object, written: str) -> None:
    assert safe_cell(value) == written
    assert safe_cell(safe_cell(value)) == written


def test_written_rows_read_back_as_written() -> None:
    rows = [["a\rb", "=1+1", "plain"], ["x", "y", "z"]]
    data = csv_bytes(["one", "two", "three"], rows, sort=True)
    read = list(csv.reader(io.StringIO(data.decode(), newline=""), strict=True))
    assert read == [["one", "two", "three"], ["a\nb", "'=1+1", "plain"], ["x", "y", "z"]]
    out = io.StringIO(newline="")
    assert write_csv(out, ["one", "two", "three"], rows) == 2
