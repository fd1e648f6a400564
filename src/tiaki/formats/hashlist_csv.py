"""Hash lists as CSV: tiaki's generic columns, and the Interpol ICSE database's CSV export.

The dialect is told from the header. Headers are matched case-insensitively and without spaces,
hyphens or underscores, so ``SHA-256``, ``sha_256`` and ``SHA256`` are one column.

- generic: any of ``id``, ``md5``, ``sha1``, ``sha256``, ``pdq``, ``photodna``, ``category``,
  ``classification``, ``series``, ``victim_identified``, ``is_distributed``, ``comments``, ``kind``,
  ``status``; at least one hash column. Read under the ``generic`` profile unless one is given, or
  under ``industry`` when the list has a ``Classification`` (A1-B2) column and no category column.
  This is what :func:`write_hashlist_csv` writes.
- ICSE: a header with ``Image ID``, ``Series name``, ``Baseline`` or ``Offender identified``. ``Image ID``
  is the entry id, ``Series name`` the series, ``Is distributed`` and ``Victim identified`` the flags,
  ``PhotoDNA`` is kept as text; a true ``Baseline`` (Interpol's baseline list) becomes the category
  ``baseline``, the most serious severity, which only the ``generic`` profile can hold.
  ``Offender identified`` has no place in :class:`ListEntry` and is not kept. ICSE exports leave
  trailing empty cells out, so a short row is padded with empty cells; flags may be ``t``/``f``.

The encoding is detected (:mod:`tiaki.formats.text`): UTF-8, UTF-16 and Windows code pages are read.
Records are strict: a quoted cell that runs over a line end, a cell over 128 KiB, bytes that do not
decode, or a row longer than the header is an :class:`InputError` naming the file and the line.
Without an id column an entry's id is its row number (the header is row 1).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import ENTRY_KINDS, ENTRY_STATUSES, PROFILES, HashList, ListEntry, category_for
from tiaki.formats.text import open_text
from tiaki.formats.values import HEX_LENGTHS, parse_hex

# Normalised header -> ListEntry field.
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
    "classification": "classification",
    "industryclassification": "classification",
    "kind": "kind",
    "mediatype": "kind",
    "status": "status",
}
_ICSE_MARKERS = {"imageid", "seriesname", "baseline", "offenderidentified"}
_HASH_FIELDS = tuple(HEX_LENGTHS)
_Fail = Callable[[str, str], InputError]  # (field, reason) -> the error to raise
_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f"}
_WRITE_COLUMNS = (
    "id",
    "md5",
    "sha1",
    "sha256",
    "pdq",
    "photodna",
    "category",
    "classification",
    "series",
    "victim_identified",
    "is_distributed",
    "comments",
    "kind",
    "status",
)
MAX_CELL = 128 * 1024  # csv's own field limit, 131072 characters


def read_hashlist_csv(path: Path, *, name: str | None = None, profile: str | None = None) -> HashList:
    """A CSV hash list (generic or ICSE export). Bad input raises :class:`InputError` naming the
    file, the row (header = row 1; a row is a line, as records may not span lines) and the column as
    the file spells it."""
    file = str(path)
    if profile is not None and profile not in PROFILES:
        raise InputError(file, f"profile '{profile}' is not one of {', '.join(PROFILES)}")
    try:
        with open_text(path) as handle:
            return _read(path, handle, name, profile)
    except UnicodeDecodeError as error:
        raise InputError(file, f"bytes that do not decode as {error.encoding}: {error.reason}") from None
    except OSError as error:
        raise InputError(file, f"cannot be read: {error.strerror or error}") from None


def _read(path: Path, handle: IO[str], name: str | None, profile: str | None) -> HashList:
    file = str(path)
    lines = _LineCounter(file, handle)
    first = lines.peek()
    reader = csv.reader(lines, delimiter=_delimiter(first), strict=True)
    rows = _records(file, reader, lines)
    header = next(rows, (1, None))[1]
    if header is None or not any(cell.strip() for cell in header):
        raise InputError(file, "empty file: the first row must be a header", row=1)
    header = [cell.lstrip("\ufeff") for cell in header]
    columns = _columns(file, header)
    normalised = {_normalise(cell) for cell in header}
    icse = bool(normalised & _ICSE_MARKERS)
    dialect = "ICSE CSV" if icse else "CSV"
    if profile is None:
        chosen = "industry" if "classification" in columns and "category" not in columns else "generic"
    else:
        chosen = profile
    entries = []
    for row_number, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < len(header) and icse:
            cells = cells + [""] * (len(header) - len(cells))  # ICSE leaves trailing empty cells out
        if len(cells) != len(header):
            raise InputError(file, f"has {len(cells)} cells but the header has {len(header)}", row=row_number)
        entries.append(_entry(file, row_number, header, columns, cells, chosen))
    return HashList(
        name=name or path.stem, profile=chosen, source=f"{path.name} ({dialect})", entries=entries
    )


class _LineCounter:
    """Feeds csv one line at a time and knows which line it is on, so that a record spanning lines
    (an unclosed quote) is refused naming the line where it started."""

    def __init__(self, file: str, handle: IO[str]):
        self.file = file
        self.handle = handle
        self.line = 0
        self.pending: str | None = None

    def peek(self) -> str:
        self.pending = self.handle.readline()
        return self.pending

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        if self.pending is not None:
            text, self.pending = self.pending, None
        else:
            text = self.handle.readline()
        if not text:
            raise StopIteration
        self.line += 1
        return text


def _records(file: str, reader: Any, lines: _LineCounter) -> Iterator[tuple[int, list[str]]]:
    while True:
        start = lines.line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            reason = str(error)
            if "field larger than field limit" in reason:
                reason = f"a cell is longer than {MAX_CELL} characters"
            elif "unexpected end of data" in reason:
                reason = "a quoted cell is not closed before the end of the file (unclosed quote?)"
            raise InputError(file, f"not a well-formed CSV record: {reason}", row=start) from None
        if lines.line > start:
            raise InputError(
                file,
                f"a quoted cell runs over the end of the line (to line {lines.line}): unclosed quote?",
                row=start,
            )
        if any(len(cell) > MAX_CELL for cell in cells):
            raise InputError(file, f"a cell is longer than {MAX_CELL} characters", row=start)
        yield start, cells


def write_hashlist_csv(path: Path, entries: HashList | Iterable[ListEntry]) -> None:
    """Write entries in the generic dialect, one row each, streamed, UTF-8. Booleans are
    ``true``/``false``, unknown values empty cells. Video frames are not written (use vPDQ files);
    a cell with a line break is refused (``ValueError``), since the reader does not take them."""
    items = entries.entries if isinstance(entries, HashList) else entries
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(_WRITE_COLUMNS)
        for entry in items:
            if any(text and ("\n" in text or "\r" in text) for text in (entry.series, entry.comments)):
                raise ValueError(f"entry '{entry.entry_id}': a line break in series or comments")
            writer.writerow(
                [
                    entry.entry_id,
                    entry.md5 or "",
                    entry.sha1 or "",
                    entry.sha256 or "",
                    entry.pdq or "",
                    entry.photodna or "",
                    entry.category or "",
                    entry.classification or "",
                    entry.series or "",
                    _flag_text(entry.victim_identified),
                    _flag_text(entry.is_distributed),
                    entry.comments or "",
                    entry.kind or "",
                    entry.status or "",
                ]
            )


def _normalise(header: str) -> str:
    return re.sub(r"[\s_-]", "", header).lower()


def _delimiter(header_line: str) -> str:
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _columns(file: str, header: list[str]) -> dict[str, int]:
    """ListEntry field -> column index; unknown columns are ignored."""
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
) -> ListEntry:
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
    if not any(hashes.values()) and not cell("photodna"):
        raise InputError(file, "has no md5, sha1, sha256, pdq or photodna", row=row)

    classification = cell("classification")
    if classification is not None:
        classification = classification.upper()
        if classification not in PROFILES["industry"]:
            raise fail("classification", f"'{classification}' is not one of A1, A2, B1, B2")
    category = cell("category")
    category_field = "category"
    if category is None and "category" not in columns and profile == "industry" and classification:
        category, category_field = classification, "classification"
    if category is None and _flag(cell("baseline"), "baseline", fail):
        category, category_field = "baseline", "baseline"
    try:
        category_for(profile, category)
    except ValueError as exc:
        raise fail(category_field, str(exc)) from None
    media_kind = cell("kind")
    if media_kind is not None and media_kind.lower() not in ENTRY_KINDS:
        raise fail("kind", f"'{media_kind}' is not one of {', '.join(ENTRY_KINDS)}")
    status = cell("status")
    if status is not None and status.lower() not in ENTRY_STATUSES:
        raise fail("status", f"'{status}' is not one of {', '.join(ENTRY_STATUSES)}")

    return ListEntry(
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
        classification=classification,
        kind=media_kind.lower() if media_kind else None,
        status=status.lower() if status else None,
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
