"""Hash lists from the signal-sharing tools: StopNCII, Meta's HMA and ThreatExchange, Meta's PDQ
hasher, and plain digest lists. All are read under the ``generic`` profile unless one is given.

- **StopNCII** (JSON, the ``FetchHashes`` response or its ``hashRecords`` list): ``signalType``
  ``ImagePDQ`` → ``pdq``, ``VideoMD5`` → ``md5`` of a video; ``hashValue``, ``caseNumbers`` (kept in
  comments), ``CSPFeedbacks`` tags. Records whose ``hashStatus`` is ``Withdrawn`` or ``Deleted``, and
  signal types tiaki cannot match (``VideoTMK``, ``Text``, ``URL``), are left out and counted in the
  list's notes. Category ``ncii`` (intimate images shared without consent: not a CSAM grade).
- **HMA / ThreatExchange signals**: rows of a signal type and a value, as python-threatexchange names
  them (``pdq``, ``photo_md5``, ``video_md5``, ``md5``; ThreatExchange indicator types ``HASH_PDQ``,
  ``HASH_MD5``, ``HASH_VIDEO_MD5`` too), either as a CSV/TSV with a header naming ``signal_type`` and
  ``signal_value`` (or ``signal``/``hash``/``indicator``; optional ``id``/``bank_content_id``,
  ``category``, ``tags``), as headerless ``type value`` or ``type,value`` lines, or as JSON lines of
  ThreatExchange descriptors (``indicator_type``/``td_indicator_type`` and
  ``indicator``/``td_raw_indicator``, ``id``, ``tags``). Unknown signal types (``vpdq``, ``tmk``,
  ``url``, ...) are left out and counted in the notes.
- **PDQ hasher output** (``pdq-photo-hasher``): ``hash,quality,filename`` per line; the file name is
  the entry id, the quality is kept in comments.
- **Plain digest lists**: one hex digest per line, optionally followed by whitespace and a file name
  (``md5sum`` style). 32 characters are MD5, 40 SHA-1. 64 characters are SHA-256 or PDQ and cannot be
  told apart, so such a list is refused unless ``hash_type`` (``--hash-type sha256|pdq``) says which.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import PROFILES, HashList, ListEntry
from tiaki.formats.text import open_text
from tiaki.formats.values import HEX_LENGTHS, parse_hex

# signal type (lower case, without '-') -> (ListEntry field, kind)
SIGNAL_TYPES: dict[str, tuple[str, str | None]] = {
    "pdq": ("pdq", "image"),
    "photo_pdq": ("pdq", "image"),
    "hash_pdq": ("pdq", "image"),
    "imagepdq": ("pdq", "image"),
    "md5": ("md5", None),
    "photo_md5": ("md5", "image"),
    "hash_md5": ("md5", None),
    "video_md5": ("md5", "video"),
    "hash_video_md5": ("md5", "video"),
    "videomd5": ("md5", "video"),
    "sha1": ("sha1", None),
    "hash_sha1": ("sha1", None),
    "sha256": ("sha256", None),
    "hash_sha256": ("sha256", None),
}
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_PDQ_HASHER = re.compile(r"^[0-9a-fA-F]{64},\d{1,3},")
_VALUE_COLUMNS = ("signal_value", "signal", "signal_str", "hash", "indicator", "value")
_TYPE_COLUMNS = ("signal_type", "type", "indicator_type")
_ID_COLUMNS = ("id", "bank_content_id", "content_id", "signal_id")


def _signal(kind_text: str) -> tuple[str, str | None] | None:
    return SIGNAL_TYPES.get(kind_text.strip().lower().replace("-", "_"))


def _check_profile(file: str, profile: str | None) -> str:
    chosen = profile or "generic"
    if chosen not in PROFILES:
        raise InputError(file, f"profile '{chosen}' is not one of {', '.join(PROFILES)}")
    return chosen


def _notes(skipped: dict[str, int]) -> list[str]:
    return [
        f"{count} entries of type '{kind}' not imported (tiaki cannot match them)"
        for kind, count in skipped.items()
    ]


# --- StopNCII --------------------------------------------------------------------------------------


def is_stopncii(data: Any) -> bool:
    records = data.get("hashRecords") if isinstance(data, dict) else data
    return (
        isinstance(records, list)
        and bool(records)
        and isinstance(records[0], dict)
        and "signalType" in records[0]
    )


def read_stopncii(path: Path, data: Any, *, name: str | None = None, profile: str | None = None) -> HashList:
    file = str(path)
    chosen = _check_profile(file, profile)
    records = data.get("hashRecords") if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise InputError(file, "'hashRecords' must be a list", field="hashRecords")
    entries: list[ListEntry] = []
    skipped: dict[str, int] = {}
    withdrawn = 0
    for row, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise InputError(file, "a hash record must be a JSON object", row=row)
        kind_text = str(record.get("signalType") or "")
        status = str(record.get("hashStatus") or "")
        if status in ("Withdrawn", "Deleted"):
            withdrawn += 1
            continue
        signal = _signal(kind_text)
        if signal is None:
            skipped[kind_text or "none"] = skipped.get(kind_text or "none", 0) + 1
            continue
        value = record.get("hashValue")
        if not isinstance(value, str):
            raise InputError(file, "hashValue must be a string", row=row, field="hashValue")
        try:
            digest = parse_hex(value, signal[0])
        except ValueError as error:
            raise InputError(file, str(error), row=row, field="hashValue") from None
        cases = record.get("caseNumbers") or {}
        tags = sorted(
            {
                str(t)
                for f in record.get("CSPFeedbacks") or []
                if isinstance(f, dict)
                for t in f.get("tags") or []
            }
        )
        comments = "; ".join(
            part
            for part in (
                f"cases: {', '.join(sorted(map(str, cases)))}" if cases else "",
                f"tags: {', '.join(tags)}" if tags else "",
            )
            if part
        )
        entry = ListEntry(
            entry_id=f"stopncii:{digest[:16]}:{row}",
            kind=signal[1],
            category="ncii",
            comments=comments or None,
        )
        setattr(entry, signal[0], digest)
        entries.append(entry)
    notes = _notes(skipped) + ([f"{withdrawn} withdrawn or deleted hashes not imported"] if withdrawn else [])
    if chosen != "generic":
        raise InputError(file, "StopNCII lists carry no grade: read them under the generic profile")
    return HashList(
        name=name or path.stem, profile=chosen, source=f"{path.name} (StopNCII)", entries=entries, notes=notes
    )


# --- HMA / ThreatExchange signals --------------------------------------------------------------------


def looks_like_signal_lines(first_line: str) -> bool:
    """A headerless ``type value`` line (a known signal type, then hex), or a header with a signal
    type column and a value column."""
    head = re.split(r"[\s,;]+", first_line.strip(), maxsplit=2)
    if len(head) >= 2 and _signal(head[0]) is not None and _HEX.match(head[1]):
        return True
    low = [cell.strip().lower() for cell in re.split(r"[,;\t]", first_line)]
    return any(c in _TYPE_COLUMNS for c in low) and any(c in _VALUE_COLUMNS for c in low)


def read_signals(path: Path, *, name: str | None = None, profile: str | None = None) -> HashList:
    """HMA/ThreatExchange signal rows (CSV with a header, or headerless ``type value`` lines)."""
    file = str(path)
    chosen = _check_profile(file, profile)
    with open_text(path) as handle:
        text = handle.read()
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = "\t" if "\t" in first else ("," if "," in first else None)
    cells = [c.strip().lower() for c in (first.split(delimiter) if delimiter else first.split())]
    entries: list[ListEntry] = []
    skipped: dict[str, int] = {}
    if any(c in _TYPE_COLUMNS for c in cells):
        reader = csv.reader(io.StringIO(text), delimiter=delimiter or ",")
        header = [c.strip().lower() for c in next(reader)]
        type_at = next(header.index(c) for c in _TYPE_COLUMNS if c in header)
        value_at = next((header.index(c) for c in _VALUE_COLUMNS if c in header), None)
        if value_at is None:
            raise InputError(file, f"no value column ({', '.join(_VALUE_COLUMNS)})", row=1)
        id_at = next((header.index(c) for c in _ID_COLUMNS if c in header), None)
        category_at = header.index("category") if "category" in header else None
        tags_at = header.index("tags") if "tags" in header else None
        for row, record in enumerate(reader, start=2):
            if not any(c.strip() for c in record):
                continue
            if len(record) < len(header):
                raise InputError(file, f"has {len(record)} cells but the header has {len(header)}", row=row)
            entry = _signal_entry(file, row, record[type_at], record[value_at], skipped, header[value_at])
            if entry is None:
                continue
            entry.entry_id = (record[id_at].strip() if id_at is not None else "") or str(row)
            entry.category = (record[category_at].strip() or None) if category_at is not None else None
            entry.comments = (record[tags_at].strip() or None) if tags_at is not None else None
            entries.append(entry)
    else:
        for row, line in enumerate(lines, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = re.split(r"[\s,;]+", line.strip(), maxsplit=2)
            if len(parts) < 2:
                raise InputError(file, f"'{line.strip()}' is not 'signal_type value'", row=row)
            entry = _signal_entry(file, row, parts[0], parts[1], skipped, "value")
            if entry is None:
                continue
            entry.entry_id = str(row)
            entry.comments = parts[2].strip() if len(parts) > 2 and parts[2].strip() else None
            entries.append(entry)
    return HashList(
        name=name or path.stem,
        profile=chosen,
        source=f"{path.name} (signals)",
        entries=entries,
        notes=_notes(skipped),
    )


def _signal_entry(
    file: str, row: int, kind_text: str, value: str, skipped: dict[str, int], field: str
) -> ListEntry | None:
    signal = _signal(kind_text)
    if signal is None:
        key = kind_text.strip() or "none"
        skipped[key] = skipped.get(key, 0) + 1
        return None
    try:
        digest = parse_hex(value, signal[0])
    except ValueError as error:
        raise InputError(file, str(error), row=row, field=field) from None
    entry = ListEntry(entry_id=str(row), kind=signal[1])
    setattr(entry, signal[0], digest)
    return entry


def read_threatexchange_jsonl(path: Path, *, name: str | None = None, profile: str | None = None) -> HashList:
    """ThreatExchange descriptors, one JSON object per line."""
    file = str(path)
    chosen = _check_profile(file, profile)
    entries: list[ListEntry] = []
    skipped: dict[str, int] = {}
    with open_text(path) as handle:
        for row, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(file, f"not a JSON object: {error.msg}", row=row) from None
            if not isinstance(item, dict):
                raise InputError(file, "not a JSON object", row=row)
            kind_text = str(
                item.get("td_indicator_type") or item.get("indicator_type") or item.get("type") or ""
            )
            value = item.get("td_raw_indicator") or item.get("indicator") or item.get("hash")
            if isinstance(value, dict):
                value = value.get("indicator")
            entry = _signal_entry(file, row, kind_text, str(value or ""), skipped, "indicator")
            if entry is None:
                continue
            entry.entry_id = str(item.get("id") or row)
            tags = item.get("tags")
            if isinstance(tags, list) and tags:
                entry.comments = ", ".join(
                    str(t.get("text", t)) if isinstance(t, dict) else str(t) for t in tags
                )
            entries.append(entry)
    return HashList(
        name=name or path.stem,
        profile=chosen,
        source=f"{path.name} (ThreatExchange)",
        entries=entries,
        notes=_notes(skipped),
    )


def write_signals(path: Path, hash_list: HashList) -> None:
    """The list as an HMA-style signal CSV: ``signal_type,signal_value,id,category,tags``, one row per
    hash (an entry with several hashes gives several rows; PhotoDNA and video frames are not written)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["signal_type", "signal_value", "id", "category", "tags"])
        for entry in hash_list.entries:
            for field, signal in (
                ("pdq", "pdq"),
                ("md5", "video_md5" if entry.kind == "video" else "photo_md5"),
                ("sha1", "sha1"),
                ("sha256", "sha256"),
            ):
                value = getattr(entry, field)
                if value:
                    writer.writerow(
                        [signal, value, entry.entry_id, entry.category or "", entry.comments or ""]
                    )


# --- PDQ hasher output and plain digests -----------------------------------------------------------


def looks_like_pdq_hasher(first_line: str) -> bool:
    return bool(_PDQ_HASHER.match(first_line.strip()))


def read_pdq_hasher(path: Path, *, name: str | None = None, profile: str | None = None) -> HashList:
    """``hash,quality,filename`` lines (Meta's pdq-photo-hasher)."""
    file = str(path)
    chosen = _check_profile(file, profile)
    entries = []
    with open_text(path) as handle:
        for row, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            parts = line.rstrip("\r\n").split(",", 2)
            if len(parts) != 3 or not parts[1].strip().isdigit():
                raise InputError(file, f"'{line.strip()}' is not 'hash,quality,filename'", row=row)
            try:
                pdq = parse_hex(parts[0], "pdq")
            except ValueError as error:
                raise InputError(file, str(error), row=row, field="hash") from None
            entries.append(
                ListEntry(
                    entry_id=parts[2].strip() or str(row),
                    pdq=pdq,
                    kind="image",
                    comments=f"quality {int(parts[1])}",
                )
            )
    return HashList(
        name=name or path.stem, profile=chosen, source=f"{path.name} (PDQ hasher)", entries=entries
    )


def write_pdq_hasher(path: Path, hash_list: HashList) -> None:
    """Entries with a PDQ as ``hash,quality,filename`` (quality from comments ``quality N``, else 100)."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for entry in hash_list.entries:
            if entry.pdq:
                match = re.fullmatch(r"quality (\d+)", entry.comments or "")
                out.write(f"{entry.pdq},{match[1] if match else 100},{entry.entry_id}\n")


def looks_like_plain(first_line: str) -> bool:
    token = first_line.strip().split(None, 1)[0] if first_line.strip() else ""
    return bool(_HEX.match(token)) and len(token) in (32, 40, 64)


def read_plain(
    path: Path, *, name: str | None = None, profile: str | None = None, hash_type: str | None = None
) -> HashList:
    """One digest per line (``md5sum`` style allowed). See the module's notes on 64-character lists."""
    file = str(path)
    chosen = _check_profile(file, profile)
    if hash_type is not None and hash_type not in HEX_LENGTHS:
        raise InputError(file, f"hash type '{hash_type}' is not one of {', '.join(HEX_LENGTHS)}")
    by_length = {32: "md5", 40: "sha1"}
    entries = []
    with open_text(path) as handle:
        for row, line in enumerate(handle, start=1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            token, _, rest = text.partition(" ")
            token = token.split("\t")[0]
            kind = hash_type or by_length.get(len(token))
            if kind is None:
                if len(token) == 64 and _HEX.match(token):
                    raise InputError(
                        file,
                        "64 hex characters may be SHA-256 or PDQ: say which with --hash-type sha256 "
                        "or --hash-type pdq",
                        row=row,
                    )
                raise InputError(file, f"'{token}' is not an MD5, SHA-1 or SHA-256 digest", row=row)
            try:
                digest = parse_hex(token, kind)
            except ValueError as error:
                raise InputError(file, str(error), row=row) from None
            entry = ListEntry(entry_id=rest.strip().lstrip("*") or str(row))
            setattr(entry, kind, digest)
            entries.append(entry)
    return HashList(
        name=name or path.stem, profile=chosen, source=f"{path.name} (digest list)", entries=entries
    )


def write_plain(path: Path, hash_list: HashList, hash_type: str) -> None:
    """One ``hash_type`` digest per line, with the entry id after two spaces (``md5sum`` style)."""
    if hash_type not in HEX_LENGTHS:
        raise ValueError(f"hash type '{hash_type}' is not one of {', '.join(HEX_LENGTHS)}")
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for entry in hash_list.entries:
            value = getattr(entry, hash_type)
            if value:
                out.write(f"{value}  {entry.entry_id}\n")
