"""Hash lists as CSV: tiaki's generic columns, and the Interpol ICSE database's CSV export.

The dialect is told from the header. Headers are matched case-insensitively and without spaces,
hyphens or underscores, so ``SHA-256``, ``sha_256`` and ``SHA256`` are one column.

- generic: any of ``id``, ``md5``, ``sha1``, ``sha256``, ``pdq``, ``photodna``, ``category``, ``series``,
  ``victim_identified``, ``is_distributed``, ``comments``; at least one hash column. Read under the
  ``generic`` profile unless one is given. This is what :func:`write_hashlist_csv` writes.
- ICSE: a header with ``Image ID``, ``Series name``, ``Baseline`` or ``Offender identified``. ``Image ID``
  is the entry id, ``Series name`` the series, ``Is distributed`` and ``Victim identified`` the flags,
  ``PhotoDNA`` is kept as text; a true ``Baseline`` (Interpol's baseline list) becomes the category
  ``baseline``, which only the ``generic`` profile can hold. ``Offender identified`` has no place in
  :class:`HashEntry` and is not kept.

Without an id column an entry's id is its row number (the header is row 1).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import PROFILES, HashEntry, HashList, category_for
from tiaki.formats.values import HEX_LENGTHS, parse_hex

# Normalised header -> HashEntry field.
_COLUMNS = {
    "id": "entry_id",
    "entryid": "entry_id",
    "mediaid": "entry_id",
    "imageid": "entry_id",
    "md5": "md5",
    "sha1": "sha1",
    "sha256": "sha256",
    "pdq": "pdq",
    "photodna": "photodna",
    "category": "category",
    "series": "series",
    "seriesname": "series",
    "victimidentified": "victim_identified",
    "isdistributed": "is_distributed",
    "distributed": "is_distributed",
    "comments": "comments",
    "comment": "comments",
    "baseline": "baseline",
}
_ICSE_MARKERS = {"imageid", "seriesname", "baseline", "offenderidentified"}
_HASH_FIELDS = tuple(HEX_LENGTHS)
_Fail = Callable[[str, str], InputError]  # (field, reason) -> the error to raise
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
_WRITE_COLUMNS = (
    "id",
    "md5",
    "sha1",
    "sha256",
    "pdq",
    "photodna",
    "category",
    "series",
    "victim_identified",
    "is_distributed",
    "comments",
)


def read_hashlist_csv(path: Path, *, name: str | None = None, profile: str | None = None) -> HashList:
    """A CSV hash list (generic or ICSE export). Bad input raises :class:`InputError` naming the
    file, the row (header = row 1) and the column as the file spells it."""
    file = str(path)
    if profile is not None and profile not in PROFILES:
        raise InputError(file, f"profile '{profile}' is not one of {', '.join(PROFILES)}")
    chosen = profile or "generic"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        reader = csv.reader(handle, delimiter=_delimiter(first))
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise InputError(file, "empty file: the first row must be a header", row=1)
        columns = _columns(file, header)
        normalised = {_normalise(cell) for cell in header}
        dialect = "ICSE CSV" if normalised & _ICSE_MARKERS else "CSV"
        entries = []
        for row_number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise InputError(
                    file, f"has {len(cells)} cells but the header has {len(header)}", row=row_number
                )
            entries.append(_entry(file, row_number, header, columns, cells, chosen))
    return HashList(
        name=name or path.stem, profile=chosen, source=f"{path.name} ({dialect})", entries=entries
    )


def write_hashlist_csv(path: Path, entries: HashList | Iterable[HashEntry]) -> None:
    """Write entries in the generic dialect, one row each, streamed. Booleans are ``true``/``false``,
    unknown values empty cells."""
    items = entries.entries if isinstance(entries, HashList) else entries
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(_WRITE_COLUMNS)
        for entry in items:
            writer.writerow(
                [
                    entry.entry_id,
                    entry.md5 or "",
                    entry.sha1 or "",
                    entry.sha256 or "",
                    entry.pdq or "",
                    entry.photodna or "",
                    entry.category or "",
                    entry.series or "",
                    _flag_text(entry.victim_identified),
                    _flag_text(entry.is_distributed),
                    entry.comments or "",
                ]
            )


def _normalise(header: str) -> str:
    return re.sub(r"[\s_-]", "", header).lower()


def _delimiter(header_line: str) -> str:
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _columns(file: str, header: list[str]) -> dict[str, int]:
    """HashEntry field -> column index; unknown columns are ignored."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        field = _COLUMNS.get(_normalise(cell))
        if field is None:
            continue
        if field in columns:
            raise InputError(
                file, f"columns '{header[columns[field]]}' and '{cell}' both give {field}", row=1, field=cell
            )
        columns[field] = index
    if not any(field in columns for field in _HASH_FIELDS):
        raise InputError(
            file,
            "no hash column: the header needs at least one of md5, sha1, sha256, pdq "
            f"(it has {', '.join(header)})",
            row=1,
        )
    return columns


def _entry(
    file: str, row: int, header: list[str], columns: dict[str, int], cells: list[str], profile: str
) -> HashEntry:
    def cell(field: str) -> str | None:
        index = columns.get(field)
        if index is None:
            return None
        return cells[index].strip() or None

    def fail(field: str, reason: str) -> InputError:
        return InputError(file, reason, row=row, field=header[columns[field]])

    hashes: dict[str, str | None] = {}
    for kind in _HASH_FIELDS:
        raw = cell(kind)
        try:
            hashes[kind] = parse_hex(raw, kind) if raw else None
        except ValueError as exc:
            raise fail(kind, str(exc)) from None
    if not any(hashes.values()):
        raise InputError(file, "has no md5, sha1, sha256 or pdq", row=row)

    category = cell("category")
    category_field = "category"
    if category is None and _flag(cell("baseline"), "baseline", fail):
        category, category_field = "baseline", "baseline"
    try:
        category_for(profile, category)
    except ValueError as exc:
        raise fail(category_field, str(exc)) from None

    return HashEntry(
        entry_id=cell("entry_id") or str(row),
        md5=hashes["md5"],
        sha1=hashes["sha1"],
        sha256=hashes["sha256"],
        pdq=hashes["pdq"],
        photodna=cell("photodna"),
        category=category,
        series=cell("series"),
        victim_identified=_flag(cell("victim_identified"), "victim_identified", fail),
        is_distributed=_flag(cell("is_distributed"), "is_distributed", fail),
        comments=cell("comments"),
    )


def _flag(text: str | None, field: str, fail: _Fail) -> bool | None:
    if text is None:
        return None
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise fail(field, f"'{text}' is not a yes/no value (true, false, yes, no, 1, 0)")


def _flag_text(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")
