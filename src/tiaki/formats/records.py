"""Reader of a records-check CSV: facts that investigators' own national records hold about an
identifier (``docs/formats.md``, "Records checks").

Columns: ``kind, value, fact, detail, source, checked_at``. ``kind`` is an identifier kind of the
disclosure bundle (``email``, ``phone``, ...) or ``name+dob`` for a person checked by name and date of
birth together; its ``value`` is the name, a vertical bar and the date as YYYY-MM-DD, e.g.
``Jane Doe|1980-02-03``. A ``.jsonl`` file with the same keys is read as JSON Lines.

CSV is read strictly (``bundle.iter_table``): only ``detail`` may hold a line break, no cell may hold
a NUL character, ``value`` and ``detail`` hold at most 500 characters and ``source`` 200 (the database
columns), and ``checked_at`` lies in the years 1970 to 2099.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tiaki.formats.bundle import iter_table
from tiaki.formats.disclosure import IDENTIFIER_KINDS
from tiaki.formats.errors import InputError
from tiaki.formats.values import check_text, parse_timestamp

NAME_DOB = "name+dob"
KINDS = (*IDENTIFIER_KINDS, NAME_DOB)
FACTS = ("prior_conviction", "access_to_children", "position_of_trust", "registered_offender", "other")
COLUMNS = ("kind", "value", "fact", "detail", "source", "checked_at")
REQUIRED = ("kind", "value", "fact")
MULTILINE = ("detail",)


@dataclass(slots=True)
class RecordsFact:
    kind: str  # one of KINDS
    value: str  # as checked; for name+dob "Name|YYYY-MM-DD"
    fact: str  # one of FACTS
    detail: str | None = None
    source: str | None = None
    checked_at: datetime | None = None


def read_records(path: Path) -> list[RecordsFact]:
    """Read and check every row of the records-check file at ``path``.

    Any problem raises :class:`InputError` naming the file, the row and the field; nothing else.
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise InputError(name, "no such file")
    facts = []
    rows = iter_table(path, name, COLUMNS, REQUIRED, MULTILINE)
    for row, (kind, value, fact, detail, source, checked_at) in rows:
        for field, cell in (("kind", kind), ("value", value), ("fact", fact)):
            if not cell or cell.isspace():
                raise InputError(name, "a value is required", row=row, field=field)
        for field, cell in (("value", value), ("detail", detail), ("source", source)):
            try:
                check_text(field, cell)
            except ValueError as error:
                raise InputError(name, str(error), row=row, field=field) from None
        if kind not in KINDS:
            raise InputError(name, f"'{kind[:80]}' is not one of {', '.join(KINDS)}", row=row, field="kind")
        if fact not in FACTS:
            raise InputError(name, f"'{fact[:80]}' is not one of {', '.join(FACTS)}", row=row, field="fact")
        if kind == NAME_DOB:
            _check_name_dob(name, row, value)
        when = None
        if checked_at:
            try:
                when = parse_timestamp(checked_at.strip())
            except ValueError as error:
                raise InputError(name, str(error), row=row, field="checked_at") from None
        facts.append(RecordsFact(kind, value, fact, detail or None, source or None, when))
    return facts


def _check_name_dob(name: str, row: int, value: str) -> None:
    person, _, born = value.partition("|")
    if value.count("|") != 1 or not person.strip():
        raise InputError(
            name, f"'{value}' is not a name and a date of birth as 'Name|YYYY-MM-DD'", row=row, field="value"
        )
    try:
        if len(born) != 10:
            raise ValueError(born)
        date.fromisoformat(born)
    except ValueError:
        raise InputError(
            name, f"'{born}' is not a date of birth as YYYY-MM-DD (in '{value}')", row=row, field="value"
        ) from None
