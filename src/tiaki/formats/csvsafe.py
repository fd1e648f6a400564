"""The one way tiaki writes CSV: every cell made safe to open in a spreadsheet.

Cells come from providers and suspects (user names, display names, URLs). A cell that a spreadsheet
would run as a formula (``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``) is neutralised by the rule
OWASP recommends: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
single quote (``'``) in front, which spreadsheets show as text and do not evaluate. A plain number
(``-12``, ``+3.5``) is left as it is: a spreadsheet reads it as a number, never as a formula.

Also, so that what is written always reads back as the same rows and is plain text:

- a control character other than tab and line feed (C0 and DEL) is written as ``\\xNN``;
- a carriage return, alone or before a line feed, becomes a line feed (Python's CSV writer leaves a
  lone carriage return unquoted, which would split the row when read back).

Values: ``None`` is an empty cell, booleans are ``true``/``false`` (as in the disclosure bundle), a
datetime is written in ISO 8601, anything else as ``str(value)``. Rows end with a line feed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def cell_text(value: object) -> str:
    """The text of ``value`` in a cell, before neutralising."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def is_formula(text: str) -> bool:
    """True when a spreadsheet could run ``text`` as a formula (it is not neutralised)."""
    return bool(text) and text.startswith(FORMULA_START) and not _NUMBER.match(text)


def safe_cell(value: object) -> str:
    """The text of ``value`` as tiaki writes it in any CSV: neutralised against formulas, control
    characters written as ``\\xNN``, line endings as line feeds. ``safe_cell(safe_cell(v)) ==
    safe_cell(v)`` for any text except one holding a literal backslash-x escape of its own."""
    text = cell_text(value)
    if is_formula(text):
        text = "'" + text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
    return text


def write_csv(fh: TextIO, header: Sequence[object], rows: Iterable[Sequence[object]]) -> int:
    """Write ``header`` and ``rows`` to ``fh`` (opened with ``newline=""``), every cell through
    :func:`safe_cell`. Returns the number of rows written (not counting the header)."""
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow([safe_cell(cell) for cell in header])
    count = 0
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
        count += 1
    return count


def csv_bytes(header: Sequence[object], rows: Iterable[Sequence[object]], *, sort: bool = False) -> bytes:
    """The UTF-8 bytes of a CSV written by :func:`write_csv`; with ``sort``, rows are sorted by their
    cells' text (so that the same rows in any order give the same bytes)."""
    cells = [[safe_cell(cell) for cell in row] for row in rows]
    if sort:
        cells.sort()
    out = io.StringIO(newline="")
    write_csv(out, header, cells)
    return out.getvalue().encode("utf-8")
