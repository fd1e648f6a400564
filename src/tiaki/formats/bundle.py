"""Reader of the disclosure bundle, version 1 (``docs/formats.md``, "Disclosure bundle").

A bundle is a directory, or a ``.zip`` of one, holding ``manifest.json``, the tables the manifest
names (CSV or JSON Lines) and optionally a ``media/`` folder. :func:`read_bundle` checks everything
before it returns, so a caller that writes only after a successful read never writes half a bundle.

Errors are :class:`~tiaki.formats.errors.InputError`; ``file`` is the file's path inside the bundle
as the manifest names it (``manifest.json``, ``uploads.csv``), or the zip's name for problems with the
archive itself. ``row`` is the line in the file where the record starts: the header of a CSV is row 1,
so its first record is row 2; in JSON Lines the first line is row 1.
"""

from __future__ import annotations

import csv
import ipaddress
import json
import operator
import os
import re
import shutil
import socket
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO, TypeVar

from tiaki.formats.disclosure import (
    ACCESS_ACTIONS,
    ACCOUNT_STATUSES,
    IDENTIFIER_KINDS,
    IP_EVENT_KINDS,
    MEMBERSHIP_ROLES,
    VENUE_KINDS,
    AccessRow,
    AccountRow,
    DisclosureContent,
    IdentifierRow,
    IPEventRow,
    MembershipRow,
    Provider,
    UploadRow,
    VenueRow,
)
from tiaki.formats.errors import InputError
from tiaki.formats.values import (
    MAX_LENGTHS,
    MAX_YEAR,
    MIN_YEAR,
    check_text,
    parse_bool,
    parse_country,
    parse_hex,
    parse_stated_country,
    parse_timestamp,
    timestamp_characters,
)

FORMAT = "disclosure-bundle"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"

DEFAULT_MAX_UNCOMPRESSED = 64 * 2**30  # bytes a zipped bundle may expand to, whatever its size
MAX_RATIO = 1000  # a member expanding more than this much ...
RATIO_MIN_SIZE = 100 * 10**6  # ... and to more than this many bytes is refused
MAX_TOTAL_RATIO = 100  # the whole archive may expand to this many times its size ...
TOTAL_RATIO_MIN_SIZE = 100 * 2**20  # ... once it expands to more than this many bytes
DEFAULT_MAX_MEMBERS = 1_000_000  # members a zipped bundle may hold
FREE_SPACE_RESERVE = 256 * 2**20  # bytes left free on the disk after extraction
MAX_NAME_BYTES = 1024  # a member's whole name, in UTF-8
MAX_PART_BYTES = 255  # one folder or file name within it (the usual file-system limit)

# Columns whose values may hold line breaks (free text). Anywhere else a line break inside a quoted
# CSV field means a quote is stray or missing, which would otherwise swallow the rows after it.
# An identifier's value may hold them only when it is a postal address, written on several lines as
# addresses are: ``ADDRESS_LINES`` at most, none of them read as a row of the table (a known account
# and a kind), which is what a stray quote swallows.
MULTILINE: dict[str, tuple[str, ...]] = {
    "accounts": ("display_name",),
    "venues": ("name",),
    "identifiers": ("value",),
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The most lines a postal address takes: name, organisation, three street lines, town, region, country.
ADDRESS_LINES = 8

# The columns of each table, in the order the row parsers below unpack them; required ones first.
COLUMNS: dict[str, tuple[str, ...]] = {
    "accounts": (
        "account_id",
        "platform",
        "username",
        "display_name",
        "created_at",
        "profile_url",
        "stated_country",
        "status",
    ),
    "identifiers": ("account_id", "kind", "value", "verified", "observed_at"),
    "ip_events": ("account_id", "ip", "timestamp", "port", "event", "possible_proxy"),
    "uploads": (
        "upload_id",
        "account_id",
        "file",
        "md5",
        "sha1",
        "sha256",
        "pdq",
        "uploaded_at",
        "venue_id",
        "viewed_by_provider",
        "publicly_available",
        "original_name",
    ),
    "accesses": ("account_id", "upload_id", "venue_id", "action", "timestamp"),
    "venues": ("venue_id", "kind", "name", "url"),
    "memberships": ("account_id", "venue_id", "role", "joined_at"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "accounts": ("account_id",),
    "identifiers": ("account_id", "kind", "value"),
    "ip_events": ("account_id", "ip", "timestamp"),
    "uploads": ("upload_id", "account_id"),
    "accesses": ("account_id",),
    "venues": ("venue_id",),
    "memberships": ("account_id", "venue_id"),
}

T = TypeVar("T")


def read_bundle(
    path: Path,
    workdir: Path | None = None,
    *,
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED,
    max_members: int = DEFAULT_MAX_MEMBERS,
) -> DisclosureContent:
    """Read and check the bundle at ``path``: a bundle directory or a ``.zip`` of one.

    A zip is extracted into ``workdir`` (which must be empty or absent), or into a new temporary
    directory when ``workdir`` is None. The returned ``media_root`` and ``source_files`` then point
    inside that directory, and the caller removes it once it has stored what it needs. If reading
    fails, a temporary directory created here is removed before the error is raised.

    A zip is extracted only when every member's name is safe and unique, it holds at most
    ``max_members`` members, and it expands to at most ``max_uncompressed`` bytes, to at most
    ``MAX_TOTAL_RATIO`` times its own size and to what fits on the disk. A directory (or the extracted
    zip) may hold symbolic links only to places inside itself, and only files and folders.

    Every problem, however hostile the input, raises :class:`InputError`; nothing else escapes.
    """
    path = Path(path)
    if path.is_dir():
        _check_tree(path)
        return _read_directory(path)
    if not path.is_file():
        raise InputError(path.name, "no such bundle directory or zip file")
    if not zipfile.is_zipfile(path):
        raise InputError(path.name, "not a bundle directory or a zip file")
    created = workdir is None
    target = Path(tempfile.mkdtemp(prefix="tiaki-bundle-")) if workdir is None else Path(workdir)
    try:
        _extract_zip(path, target, max_uncompressed, max_members)
        _check_tree(target)
        return _read_directory(target)
    except BaseException:
        if created:
            shutil.rmtree(target, ignore_errors=True)
        raise


# --- zip ------------------------------------------------------------------------------------------


def member_path(name: str) -> str:
    """A zip member's name with ``/`` between its folders: a backslash, as some Windows tools write
    one (the zip format says ``/``), is a separator too."""
    return name.replace("\\", "/")


def _extract_zip(path: Path, target: Path, max_uncompressed: int, max_members: int) -> None:
    """Extract the bundle in ``path`` into ``target`` after checking every member is safe and the
    whole archive fits its bounds; nothing is written before every check has passed."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > max_members:
                raise InputError(name, f"holds {len(members)} members, more than the limit of {max_members}")
            total = 0
            for info in members:
                _check_member(name, info)
                total += info.file_size
            prefix = _bundle_prefix(name, [member_path(info.filename) for info in members])
            chosen = _chosen_members(name, members, prefix)
            _check_total(name, path, target, total, max_uncompressed)
            target.mkdir(parents=True, exist_ok=True)
            if any(target.iterdir()):
                raise InputError(name, f"the directory to extract into is not empty: {target}")
            for info, parts in chosen:
                destination = target.joinpath(*parts)
                if info.is_dir():
                    destination.mkdir(parents=True, exist_ok=True)
                    continue
                destination.parent.mkdir(parents=True, exist_ok=True)
                _copy_member(name, archive, info, destination)
    except InputError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        RuntimeError,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
    ) as error:
        raise InputError(name, f"cannot be extracted: {error}") from None


def _chosen_members(
    name: str, members: list[zipfile.ZipInfo], prefix: str
) -> list[tuple[zipfile.ZipInfo, list[str]]]:
    """The members inside the bundle's folder, each with its path parts below that folder. Refuses two
    members that land on the same path and a path that is both a file and a folder."""
    chosen: list[tuple[zipfile.ZipInfo, list[str]]] = []
    files: set[str] = set()
    folders: set[str] = set()
    for info in members:
        filename = member_path(info.filename)
        if not filename.startswith(prefix):
            continue  # e.g. a __MACOSX/ folder beside the bundle's own folder
        parts = filename[len(prefix) :].split("/")
        parts = [part for part in parts if part and part != "."]
        if not parts:
            continue
        key = "/".join(parts)
        if info.is_dir():
            if key in files:
                raise InputError(name, f"member '{info.filename}' is both a file and a folder")
            folders.add(key)
        else:
            if key in files:
                raise InputError(name, f"member '{info.filename}' appears more than once")
            if key in folders:
                raise InputError(name, f"member '{info.filename}' is both a file and a folder")
            files.add(key)
        for end in range(1, len(parts)):
            folder = "/".join(parts[:end])
            if folder in files:
                raise InputError(name, f"member '{info.filename}' is inside '{folder}', which is a file")
            folders.add(folder)
        chosen.append((info, parts))
    clash = files & folders
    if clash:
        raise InputError(name, f"member '{sorted(clash)[0]}' is both a file and a folder")
    return chosen


def _check_total(name: str, path: Path, target: Path, total: int, max_uncompressed: int) -> None:
    """Refuse an archive that expands beyond the absolute limit, its ratio limit or the free disk."""
    if total > max_uncompressed:
        raise InputError(name, f"expands to {total} bytes, more than the limit of {max_uncompressed} bytes")
    size = path.stat().st_size
    if total > TOTAL_RATIO_MIN_SIZE and total > MAX_TOTAL_RATIO * size:
        raise InputError(
            name,
            f"expands from {size} to {total} bytes, more than {MAX_TOTAL_RATIO} times its size; refused",
        )
    free = free_space(target)
    if total + FREE_SPACE_RESERVE > free:
        raise InputError(
            name, f"expands to {total} bytes, more than the {free} bytes free on the disk (less a reserve)"
        )


def free_space(target: Path) -> int:
    """Bytes free on the file system that holds ``target`` (or its nearest existing parent)."""
    place = Path(target).absolute()
    while not place.exists() and place.parent != place:
        place = place.parent
    return shutil.disk_usage(place).free


def _copy_member(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, destination: Path) -> None:
    """Copy one member, counting bytes: never more than the size the archive declares for it."""
    written = 0
    with archive.open(info) as source, open(destination, "wb") as out:
        while chunk := source.read(1024 * 1024):
            written += len(chunk)
            if written > info.file_size:
                raise InputError(name, f"member '{info.filename}' holds more bytes than it declares")
            out.write(chunk)


def _check_member(name: str, info: zipfile.ZipInfo) -> None:
    """Refuse a member whose name or declared sizes are unsafe, before anything is extracted."""
    member = info.filename
    if "\x00" in member or any(ord(char) < 32 for char in member):
        raise InputError(name, f"member {member!r} has a control character in its name")
    encoded = member.encode("utf-8", "surrogateescape")
    if len(encoded) > MAX_NAME_BYTES:
        raise InputError(name, f"member '{member[:80]}...' has a name over {MAX_NAME_BYTES} bytes")
    parts = member_path(member).split("/")
    if any(len(part.encode("utf-8", "surrogateescape")) > MAX_PART_BYTES for part in parts):
        raise InputError(name, f"member '{member}' has a folder or file name over {MAX_PART_BYTES} bytes")
    if member.startswith(("/", "\\")) or (len(member) > 1 and member[1] == ":"):
        raise InputError(name, f"member '{member}' has an absolute path")
    if ".." in parts:
        raise InputError(name, f"member '{member}' has '..' in its path")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise InputError(name, f"member '{member}' is a symbolic link")
    if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise InputError(
            name,
            f"member '{member}' expands from {info.compress_size} to {info.file_size} bytes; refused",
        )


def _check_tree(root: Path) -> None:
    """Refuse a bundle folder holding a symbolic link to a place outside it, or anything that is
    neither a file nor a folder (a device, a pipe). Links are not followed while walking."""
    base = os.path.realpath(root)
    stack = [base]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as error:
            raise InputError(_relative(base, folder), f"cannot be read: {error.strerror}") from None
        for entry in entries:
            relative = _relative(base, entry.path)
            if entry.is_symlink():
                resolved = os.path.realpath(entry.path)
                if resolved != base and not resolved.startswith(base + os.sep):
                    raise InputError(relative, "is a symbolic link to a place outside the bundle")
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif not entry.is_file(follow_symlinks=False):
                raise InputError(relative, "is neither a file nor a folder")


def _relative(base: str, path: str) -> str:
    return os.path.relpath(path, base).replace(os.sep, "/") if path != base else "."


def _bundle_prefix(name: str, members: list[str]) -> str:
    """'' when the manifest is at the zip's root, 'folder/' when it is inside one top-level folder."""
    if MANIFEST in members:
        return ""
    tops = {member.split("/", 1)[0] for member in members} - {"__MACOSX"}
    if len(tops) == 1:
        top = tops.pop()
        if f"{top}/{MANIFEST}" in members:
            return f"{top}/"
    raise InputError(name, f"no {MANIFEST} at the root of the zip or inside a single top-level folder")


# --- manifest -------------------------------------------------------------------------------------


def _read_directory(root: Path) -> DisclosureContent:
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        raise InputError(MANIFEST, "the bundle has no manifest.json")
    manifest = _load_manifest(manifest_path)
    media = root / MEDIA
    media_root = media if media.is_dir() else None
    tables = _table_files(root, manifest)
    disclosure = DisclosureContent(
        source_format=FORMAT,
        disclosure_id=_manifest_text(manifest, "disclosure_id", required=True) or "",
        provider=_provider(manifest),
        received_at=_manifest_timestamp(manifest, "received_at"),
        legal_reference=_manifest_text(manifest, "legal_reference"),
        description=_manifest_text(manifest, "description"),
        media_root=media_root,
        source_files=[manifest_path, *(file for _, file in tables.values())],
    )
    _Reader(disclosure, tables).read()
    return disclosure


def _load_manifest(path: Path) -> dict[str, object]:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(MANIFEST, "is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InputError(MANIFEST, f"is not valid JSON: {error.msg}", row=error.lineno) from None
    except (ValueError, RecursionError) as error:  # e.g. a number of 5,000 digits, or deep nesting
        raise InputError(MANIFEST, f"is not valid JSON: {type(error).__name__}") from None
    except OSError as error:
        raise InputError(MANIFEST, f"cannot be read: {error.strerror}") from None
    if not isinstance(manifest, dict):
        raise InputError(MANIFEST, "must hold a JSON object")
    if manifest.get("format") != FORMAT:
        raise InputError(
            MANIFEST, f"format is {_short(manifest.get('format'))}, expected '{FORMAT}'", field="format"
        )
    version = manifest.get("version")
    if type(version) is not int or version != VERSION:
        raise InputError(MANIFEST, f"version is {_short(version)}, expected {VERSION}", field="version")
    return manifest


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:80] + "..."


def _manifest_text(
    mapping: dict[str, object], key: str, required: bool = False, prefix: str = ""
) -> str | None:
    value = mapping.get(key)
    if value is None or value == "":
        if required:
            raise InputError(MANIFEST, "is required", field=prefix + key)
        return None
    if not isinstance(value, str):
        raise InputError(MANIFEST, f"must be a string, not {_short(value)}", field=prefix + key)
    try:
        return check_text(prefix + key, value)
    except ValueError as error:
        raise InputError(MANIFEST, str(error), field=prefix + key) from None


def _manifest_timestamp(manifest: dict[str, object], key: str) -> datetime | None:
    text = _manifest_text(manifest, key)
    if text is None:
        return None
    try:
        return parse_timestamp(text.strip())
    except ValueError as error:
        raise InputError(MANIFEST, str(error), field=key) from None


def _provider(manifest: dict[str, object]) -> Provider:
    provider = manifest.get("provider")
    if not isinstance(provider, dict):
        raise InputError(MANIFEST, "must be an object with at least a name", field="provider")
    name = _manifest_text(provider, "name", required=True, prefix="provider.") or ""
    country = _manifest_text(provider, "country", prefix="provider.")
    if country is not None:
        try:
            country = parse_country(country)
        except ValueError as error:
            raise InputError(MANIFEST, str(error), field="provider.country") from None
    return Provider(
        name=name, country=country, contact=_manifest_text(provider, "contact", prefix="provider.")
    )


def _table_files(root: Path, manifest: dict[str, object]) -> dict[str, tuple[str, Path]]:
    """Each table the manifest names: (its name as written, its path). Checks the names are safe."""
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise InputError(MANIFEST, "must be an object naming each table's file", field="files")
    root_real = os.path.realpath(root)
    if "accounts" not in files:
        raise InputError(MANIFEST, "the accounts table is required", field="files.accounts")
    tables: dict[str, tuple[str, Path]] = {}
    for table, name in files.items():
        field = f"files.{table}"
        if table not in COLUMNS:
            raise InputError(
                MANIFEST, f"unknown table {_short(table)} (known: {', '.join(COLUMNS)})", field=field[:200]
            )
        if not isinstance(name, str) or not name.lower().endswith((".csv", ".jsonl")):
            raise InputError(MANIFEST, f"{_short(name)} is not a .csv or .jsonl file name", field=field)
        if "\x00" in name or len(name) > MAX_LENGTHS["file"]:
            raise InputError(MANIFEST, f"{_short(name)} is not a usable file name", field=field)
        relative = _safe_relative(name)
        if relative is None:
            raise InputError(MANIFEST, f"'{name}' is not a relative path inside the bundle", field=field)
        file = root.joinpath(*relative.split("/"))
        if not file.is_file():
            raise InputError(MANIFEST, f"'{name}' does not exist in the bundle", field=field)
        if not os.path.realpath(file).startswith(root_real + os.sep):
            raise InputError(MANIFEST, f"'{name}' leads outside the bundle", field=field)
        tables[table] = (relative, file)
    return tables


def _safe_relative(name: str) -> str | None:
    """``name`` with forward slashes and without '.' or empty parts; None if absolute or escaping."""
    text = member_path(name)
    if not text or text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        return None
    parts = [part for part in text.split("/") if part and part != "."]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


# --- tables ---------------------------------------------------------------------------------------


def iter_table(
    file: Path,
    name: str,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    multiline: tuple[str, ...] = (),
) -> Iterator[tuple[int, Sequence[str]]]:
    """Yield ``(row, cells)`` for each record of a CSV or JSON Lines table, chosen by the suffix.

    ``cells`` holds one string per name in ``columns``, in that order; a missing or null value is ''
    (``columns`` must name at least two columns).
    Columns not in ``columns`` are ignored. A CSV header must name every column in ``required``, and
    no column twice. No cell may hold a NUL character, and only the columns in ``multiline`` may hold
    a line break (elsewhere it is a stray or missing quote, which would swallow the rows after it).
    CSV is parsed strictly: a quote never closed or a character after a closing quote is an error.
    Errors are :class:`InputError` naming ``name`` as the file and the row where the record starts.
    """
    single = tuple(index for index, column in enumerate(columns) if column not in multiline)
    if name.lower().endswith(".jsonl"):
        return _iter_jsonl(file, name, columns, single)
    return _iter_csv(file, name, columns, required, single)


def _check_cells(
    name: str, row: int, columns: tuple[str, ...], cells: Sequence[str], single: tuple[int, ...]
) -> None:
    """Refuse a NUL anywhere in ``cells`` and a line break in the columns at indexes ``single``."""
    for index, cell in enumerate(cells):
        if "\x00" in cell:
            raise InputError(name, "holds a NUL character", row=row, field=columns[index])
    for index in single:
        cell = cells[index]
        if "\n" in cell or "\r" in cell:
            raise InputError(
                name,
                "holds a line break inside a quoted value (is a quote missing or stray?)",
                row=row,
                field=columns[index],
            )


def _iter_csv(
    file: Path, name: str, columns: tuple[str, ...], required: tuple[str, ...], single: tuple[int, ...]
) -> Iterator[tuple[int, Sequence[str]]]:
    with _open_text(file, name, "") as handle:
        reader = csv.reader(handle, strict=True)
        line = 0
        try:
            header = next(reader, None)
            if header is None:
                raise InputError(name, "is empty; a header row is required", row=1)
            header = [cell.strip() for cell in header]
            if reader.line_num > 1 or any("\x00" in cell for cell in header):
                raise InputError(name, "the header holds a line break or a NUL character", row=1)
            for column in required:
                if column not in header:
                    raise InputError(name, f"missing required column '{column}'", row=1, field=column)
            seen: set[str] = set()
            for column in header:
                if column and column in seen:
                    raise InputError(name, f"column '{column[:80]}' appears more than once", row=1)
                seen.add(column)
            width = len(header)
            # A missing column reads the '' appended to each record, at index ``width``.
            pick = operator.itemgetter(*[header.index(c) if c in header else width for c in columns])
            line = reader.line_num
            for record in reader:
                row = line + 1
                spanned = reader.line_num - line
                line = reader.line_num
                if not record:
                    continue  # a blank line
                if len(record) != width:
                    raise InputError(name, f"has {len(record)} cells, the header has {width}", row=row)
                record.append("")
                cells = pick(record)
                has_nul = "\x00" in "".join(record)
                if spanned > 1 or has_nul:
                    _check_cells(name, row, columns, cells, single)
                    if has_nul:
                        raise InputError(name, "holds a NUL character in an ignored column", row=row)
                yield row, cells
        except UnicodeDecodeError:
            raise InputError(name, "is not UTF-8 text", row=_bad_utf8_line(file)) from None
        except csv.Error as error:
            raise InputError(name, f"is not valid CSV: {error}", row=line + 1) from None


def _open_text(file: Path, name: str, newline: str) -> TextIO:
    try:
        return open(file, encoding="utf-8-sig", newline=newline)  # the caller closes it
    except OSError as error:
        raise InputError(name, f"cannot be read: {error.strerror}") from None


def _bad_utf8_line(file: Path) -> int | None:
    """The line (1 = the first) holding the first byte sequence that is not UTF-8."""
    try:
        with open(file, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    return number
    except OSError:
        return None
    return None


def _iter_jsonl(
    file: Path, name: str, columns: tuple[str, ...], single: tuple[int, ...]
) -> Iterator[tuple[int, Sequence[str]]]:
    with _open_text(file, name, "\n") as handle:
        row = 0
        try:
            for row, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(name, f"is not valid JSON: {error.msg}", row=row) from None
                except (ValueError, RecursionError) as error:  # a 5,000-digit number, deep nesting
                    raise InputError(name, f"is not valid JSON: {type(error).__name__}", row=row) from None
                if not isinstance(record, dict):
                    raise InputError(name, "each line must hold a JSON object", row=row)
                cells = [_json_cell(name, row, column, record.get(column)) for column in columns]
                _check_cells(name, row, columns, cells, single)
                yield row, cells
        except UnicodeDecodeError:
            raise InputError(name, "is not UTF-8 text", row=_bad_utf8_line(file)) from None


def _json_cell(name: str, row: int, column: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    raise InputError(name, f"must be a string, number or boolean, not {_short(value)}", row=row, field=column)


class _Reader:
    """Reads each table into ``disclosure``, checking cells and references between tables.

    The per-row methods are written for speed (a bundle can hold millions of rows): a bad cell
    raises ``_CellError`` naming its column, which :meth:`read` turns into an :class:`InputError`
    naming the file and row as well. An empty cell is a missing value.
    """

    def __init__(self, disclosure: DisclosureContent, tables: dict[str, tuple[str, Path]]):
        self.disclosure = disclosure
        self.tables = tables
        self.accounts: set[str] = set()
        # Ids of venues and uploads, or None when the bundle has no such table (nothing to check against).
        self.venues: set[str] | None = set() if "venues" in tables else None
        self.uploads: set[str] | None = set() if "uploads" in tables else None
        media = disclosure.media_root
        self.media = os.path.realpath(media) if media is not None else None
        self.ips: dict[str, str] = {}  # cell -> canonical text; providers' logs repeat addresses

    def read(self) -> None:
        # A table is read after the tables its references point to.
        for table in ("accounts", "venues", "uploads", "identifiers", "ip_events", "accesses", "memberships"):
            if table not in self.tables:
                continue
            name, file = self.tables[table]
            rows = iter_table(file, name, COLUMNS[table], REQUIRED[table], MULTILINE.get(table, ()))
            parse_rows = getattr(self, f"_{table}")
            for row, cells in rows:
                try:
                    parse_rows(cells)
                except _CellError as error:
                    raise InputError(name, error.message, row=row, field=error.field) from None

    # Each method below checks one row; it raises _CellError for a bad cell.

    def _accounts(self, cells: Sequence[str]) -> None:
        account_id, platform, username, display, created, url, country, status = cells
        _required("account_id", _limit("account_id", account_id))
        if account_id in self.accounts:
            raise _CellError("account_id", f"account '{account_id}' appears more than once")
        self.accounts.add(account_id)
        self.disclosure.accounts.append(
            AccountRow(
                account_id=account_id,
                platform=_limit("platform", platform) or None,
                username=_limit("username", username) or None,
                display_name=_limit("display_name", display) or None,
                created_at=_timestamp("created_at", created),
                profile_url=_limit("profile_url", url) or None,
                stated_country=_parse("stated_country", country, parse_stated_country),
                status=_option("status", status, ACCOUNT_STATUSES),
            )
        )

    def _venues(self, cells: Sequence[str]) -> None:
        venue_id, kind, name, url = cells
        _required("venue_id", _limit("venue_id", venue_id))
        assert self.venues is not None
        if venue_id in self.venues:
            raise _CellError("venue_id", f"venue '{venue_id}' appears more than once")
        self.venues.add(venue_id)
        self.disclosure.venues.append(
            VenueRow(
                venue_id,
                _option("kind", kind, VENUE_KINDS),
                _limit("name", name) or None,
                _limit("url", url) or None,
            )
        )

    def _uploads(self, cells: Sequence[str]) -> None:
        upload_id, account_id, file, md5, sha1, sha256, pdq, uploaded, venue, viewed, public, original = cells
        _required("upload_id", _limit("upload_id", upload_id))
        assert self.uploads is not None
        if upload_id in self.uploads:
            raise _CellError("upload_id", f"upload '{upload_id}' appears more than once")
        self.uploads.add(upload_id)
        upload = UploadRow(
            upload_id=upload_id,
            account_id=self._account(account_id),
            file=self._media_file(file) if file else None,
            md5=_parse("md5", md5, _MD5),
            sha1=_parse("sha1", sha1, _SHA1),
            sha256=_parse("sha256", sha256, _SHA256),
            pdq=_parse("pdq", pdq, _PDQ),
            uploaded_at=_timestamp("uploaded_at", uploaded),
            venue_id=self._venue(venue),
            viewed_by_provider=_bool("viewed_by_provider", viewed),
            publicly_available=_bool("publicly_available", public),
            original_name=_limit("original_name", original) or None,
        )
        if upload.file is None and upload.md5 is None and upload.sha1 is None and upload.sha256 is None:
            raise _CellError("file", "an upload needs a file or at least one digest (md5, sha1, sha256)")
        self.disclosure.uploads.append(upload)

    def _identifiers(self, cells: Sequence[str]) -> None:
        account_id, kind, value, verified, observed = cells
        if "\n" in value or "\r" in value:  # rare: the common row pays two scans, no list
            lines = _LINE_BREAK.split(value)
            if kind != "address":
                held = "a line break"
            elif len(lines) > ADDRESS_LINES:
                held = "an address of more lines than one has"
            elif self._rows_in(lines[1:]):
                held = "lines that read as rows of this table"
            else:
                held = ""
            if held:
                raise _CellError(
                    "value", f"holds {held} inside a quoted value (is a quote missing or stray?)"
                )
        self.disclosure.identifiers.append(
            IdentifierRow(
                account_id=self._account(account_id),
                kind=_choice("kind", _required("kind", kind), IDENTIFIER_KINDS),
                value=_required("value", _limit("value", value)),
                verified=_bool("verified", verified),
                observed_at=_timestamp("observed_at", observed),
            )
        )

    def _rows_in(self, lines: list[str]) -> bool:
        """Whether any of ``lines`` starts as an identifier row does (a known account, a kind): rows
        a stray quote swallowed into the value before them, not the lines of an address."""
        for line in lines:
            account, _, rest = line.partition(",")
            kind = rest.partition(",")[0].strip()
            if account.strip() in self.accounts and kind in IDENTIFIER_KINDS:
                return True
        return False

    def _ip_events(self, cells: Sequence[str]) -> None:
        account_id, ip, timestamp, port, event, proxy = cells
        account = self._account(account_id)
        address = self.ips.get(ip)
        if address is None:
            address = _ip(_required("ip", _limit("ip", ip)))
            self.ips[ip] = address
        when = _timestamp("timestamp", _required("timestamp", timestamp))
        assert when is not None
        self.disclosure.ip_events.append(
            IPEventRow(
                account_id=account,
                ip=address,
                timestamp=when,
                port=_port(port) if port else None,
                event=_option("event", event, IP_EVENT_KINDS),
                possible_proxy=_bool("possible_proxy", proxy),
            )
        )

    def _accesses(self, cells: Sequence[str]) -> None:
        account_id, upload_id, venue_id, action, timestamp = cells
        account = self._account(account_id)
        if not upload_id and not venue_id:
            raise _CellError("upload_id", "an access needs an upload_id or a venue_id")
        if upload_id and self.uploads is not None and upload_id not in self.uploads:
            raise _CellError("upload_id", f"upload '{upload_id[:200]}' is not in the uploads table")
        self.disclosure.accesses.append(
            AccessRow(
                account_id=account,
                upload_id=upload_id or None,
                venue_id=self._venue(venue_id),
                action=_option("action", action, ACCESS_ACTIONS),
                timestamp=_timestamp("timestamp", timestamp),
            )
        )

    def _memberships(self, cells: Sequence[str]) -> None:
        account_id, venue_id, role, joined = cells
        account = self._account(account_id)
        self.disclosure.memberships.append(
            MembershipRow(
                account_id=account,
                venue_id=self._venue(_required("venue_id", venue_id)) or venue_id,
                role=_option("role", role, MEMBERSHIP_ROLES),
                joined_at=_timestamp("joined_at", joined),
            )
        )

    def _account(self, cell: str) -> str:
        if cell not in self.accounts:
            _required("account_id", cell)
            raise _CellError("account_id", f"account '{cell[:200]}' is not in the accounts table")
        return cell

    def _venue(self, cell: str) -> str | None:
        if not cell:
            return None
        if self.venues is not None and cell not in self.venues:
            raise _CellError("venue_id", f"venue '{cell[:200]}' is not in the venues table")
        return cell

    def _media_file(self, cell: str) -> str:
        relative = _safe_relative(_limit("file", cell))
        if relative is None:
            raise _CellError("file", f"'{cell}' is not a relative path inside media/")
        base = self.media
        if base is None:
            raise _CellError("file", f"'{cell}' names a file in media/, but the bundle has no media/ folder")
        full = os.path.realpath(os.path.join(base, relative))
        if not full.startswith(base + os.sep):
            raise _CellError("file", f"'{cell}' leads outside media/")
        if not os.path.isfile(full):
            raise _CellError("file", f"'{cell}' does not exist in media/")
        return relative


class _CellError(Exception):
    """A bad cell, before the reader adds the file and row."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _limit(field: str, cell: str) -> str:
    """``cell`` when it fits the field's database column (``values.MAX_LENGTHS``)."""
    limit = MAX_LENGTHS[field]
    if len(cell) > limit:
        raise _CellError(field, f"is {len(cell)} characters long, more than the limit of {limit}")
    return cell


def _required(field: str, cell: str) -> str:
    if not cell or cell.isspace():
        raise _CellError(field, "a value is required")
    return cell


def _parse(field: str, cell: str, parse: Callable[[str], T]) -> T | None:
    """``parse(cell)``, or None for an empty cell."""
    if not cell:
        return None
    try:
        return parse(cell)
    except ValueError as error:
        raise _CellError(field, str(error)) from None


def _timestamp(field: str, cell: str) -> datetime | None:
    """Like ``_parse(field, cell, parse_timestamp)``, faster for the common, good case."""
    if not cell:
        return None
    try:
        value = datetime.fromisoformat(cell)
        # fromisoformat gives a fixed offset whenever it gives a tzinfo
        if value.tzinfo is not None and MIN_YEAR <= value.year <= MAX_YEAR and timestamp_characters(cell):
            return value
    except ValueError:
        pass
    return _parse(field, cell, parse_timestamp)  # an ordinal date or 24:00, or an error with the reason


def _bool(field: str, cell: str) -> bool | None:
    if not cell:
        return None
    if cell == "true":
        return True
    if cell == "false":
        return False
    return _parse(field, cell, parse_bool)


def _choice(field: str, cell: str, choices: tuple[str, ...]) -> str:
    if cell not in choices:
        raise _CellError(field, f"'{cell}' is not one of {', '.join(choices)}")
    return cell


def _option(field: str, cell: str, choices: tuple[str, ...]) -> str | None:
    return _choice(field, cell, choices) if cell else None


def _hex(kind: str) -> Callable[[str], str]:
    return lambda text: parse_hex(text, kind)


_MD5, _SHA1, _SHA256, _PDQ = _hex("md5"), _hex("sha1"), _hex("sha256"), _hex("pdq")


def _ip(text: str) -> str:
    """The canonical (compressed) text of an IPv4 or IPv6 address."""
    try:
        return socket.inet_ntop(socket.AF_INET, socket.inet_pton(socket.AF_INET, text))  # the fast path
    except (OSError, ValueError):
        pass
    try:
        address = str(ipaddress.ip_address(text))
    except ValueError:
        raise _CellError("ip", f"'{text}' is not an IPv4 or IPv6 address") from None
    if len(address) > MAX_LENGTHS["ip"]:
        raise _CellError("ip", f"'{text}' is longer than {MAX_LENGTHS['ip']} characters")
    return address


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) > 65535:
        raise _CellError("port", f"'{text}' is not a port number (0 to 65535)")
    return int(text)
