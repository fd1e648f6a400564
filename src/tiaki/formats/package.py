"""The referral package: one flat folder (and a .zip of it) per country, with a manifest of every file.

A package carries hashes, grades, structured descriptions and metadata as text, never media bytes.
What is checked, by the writer before anything is written and by the verifier again:

- **Only expected files.** Names are flat (no folders), of letters, digits, ``.``, ``_`` and
  ``-``, ending in ``.csv``, ``.json``, ``.md``, ``.txt``, ``.html`` or ``.pdf``. Every file but a PDF
  is UTF-8 text without NUL or other control characters (tab and line endings aside): pictures and
  videos are binary, so none can hide in such a file as raw bytes, however its cells begin (a user
  name ``GIF89a`` is just text). An HTML file holds no image, script or outside reference, and a PDF
  no image, embedded file, script or action (``formats/documents.py``).
- **No media payload in any value.** No ``data:`` URI of an image or video type, and no run of
  base64 (40 characters or more) or hex (128 or more) that decodes to bytes holding an image or
  video signature (``engines.media.find_media_signature``). A refused value raises
  :class:`PackageContentError` naming the file, the row (1 = a CSV's header) and the field.
- **CSV as tiaki writes it.** Every CSV is parsed strictly and written again through
  :func:`tiaki.formats.csvsafe.safe_cell`, so a formula (``=HYPERLINK(...)``) is neutralised whoever
  built the bytes; the verifier reports a cell that is not.
- **Whole and consistent.** The manifest names ``format``, ``version``, ``country`` (two capital
  letters), ``handling``, ``counts`` (rows of ``persons.csv``, ``accounts.csv``, ``media.csv``, each
  equal to the rows in that file) and every file with its SHA-256 and size; ``README.md`` and those
  three CSVs are required; every row of ``persons.csv`` is in the manifest's country. The verifier
  wants exactly the listed files plus ``manifest.json`` (and ``manifest.sig`` if signed): nothing
  missing, nothing extra, no second folder, no name twice in the zip.
- **Checkable with standard tools.** ``SHA256SUMS`` lists every file, ``manifest.json`` included, in
  the form ``sha256sum -c`` reads. ``write_package(..., signer=...)`` signs it: ``SHA256SUMS.sig`` is
  an SSH signature (namespace ``tiaki``), the form ``ssh-keygen -Y sign`` writes, so a recipient
  checks the package with ``ssh-keygen -Y verify`` and ``sha256sum -c`` alone.
  ``verify_package(..., public_key=...)`` checks the signature against the sender's public key (an
  ``ssh-ed25519`` line or ``allowed_signers`` text), and ``expected_manifest_sha256`` compares the
  manifest with the digest recorded when it was written. Without either, a consistent rewrite of the
  whole package cannot be detected.

:func:`verify_package` never raises for a bad package: it returns one line per problem.
"""

from __future__ import annotations

import base64
import binascii
import csv
import hashlib
import io
import json
import os
import re
import shutil
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from tiaki.engines.media import find_media_signature, sniff
from tiaki.errors import Invalid
from tiaki.formats.csvsafe import is_formula, safe_cell
from tiaki.formats.documents import DocumentError, check_html, check_pdf
from tiaki.formats.errors import InputError

PACKAGE_FORMAT = "tiaki-referral-package"
PACKAGE_VERSION = 1
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"  # every other file's SHA-256, as `sha256sum -c` reads them
SIGNATURE = "SHA256SUMS.sig"  # an SSH signature of SHA256SUMS (`ssh-keygen -Y verify -n tiaki`)
RESERVED = (MANIFEST, SUMS, SIGNATURE)
RESERVED_META = ("format", "version", "files")
REQUIRED_META = ("country", "handling", "counts")
COUNTED = ("persons", "accounts", "media")  # counts[k] is the number of rows of k.csv
REQUIRED_FILES = ("README.md", "persons.csv", "accounts.csv", "media.csv")
SUFFIXES = (".csv", ".json", ".md", ".txt", ".html", ".pdf")
MAX_MEMBERS = 1000
MAX_MEMBER_BYTES = 2 * 2**30
MAX_NAME = 100
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
_COUNTRY = re.compile(r"[A-Z]{2}\Z")
_SHA256 = re.compile(r"[0-9a-f]{64}\Z")
# Control characters that never appear in text tiaki writes (tab, line feed, carriage return aside).
_BINARY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATA_URI = re.compile(r"data:\s*([a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+)?", re.IGNORECASE)
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{40,}")
_HEX_RUN = re.compile(r"[0-9A-Fa-f]{128,}")
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")  # base64 is often wrapped at 64 or 76 columns
_CANDIDATE_MIN = 40

Signer = Callable[[bytes], str]  # bytes to an armored SSH signature


class PackageError(Invalid):
    """A package that cannot be written as asked (a bad file name, inconsistent metadata)."""


class PackageContentError(PackageError, InputError):
    """A value that must not leave in a package: names the ``file``, the ``row`` (1 = a CSV's header,
    or the line of a text file; None for JSON) and the ``field`` (a CSV column, or a JSON path)."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- content checks --------------------------------------------------------------------------------


def find_media_payload(text: str) -> str | None:
    """Why ``text`` holds a decodable picture or video, or None: a ``data:`` URI of an image or video
    type, or a base64 or hex run decoding to bytes with a media signature. Text that merely starts
    like a signature (``GIF89a``, ``RIFF1234WEBP``) is not a payload: it is not binary."""
    if len(text) < _CANDIDATE_MIN and "data:" not in text.lower():
        return None
    for match in _DATA_URI.finditer(text):
        kind = (match.group(1) or "").lower()
        if kind.startswith(("image/", "video/")):
            return f"holds a data: URI of type {kind}"
    compact = _LINE_BREAKS.sub("", text) if "\n" in text or "\r" in text else text
    for candidate in (text, compact) if compact != text else (text,):
        for match in _BASE64_RUN.finditer(candidate):
            found = _base64_media(match.group())
            if found:
                return f"holds base64 that decodes to {found} bytes"
        for match in _HEX_RUN.finditer(candidate):
            run = match.group()
            data = bytes.fromhex(run[: len(run) // 2 * 2])
            found = _media_in(data)
            if found:
                return f"holds hex that decodes to {found} bytes"
    return None


def _base64_media(run: str) -> str | None:
    """The media signature in ``run`` decoded as base64 at any of the four alignments, if any."""
    standard = run.replace("-", "+").replace("_", "/")
    for start in range(4):
        part = standard[start:]
        part = part[: len(part) // 4 * 4]
        if len(part) < _CANDIDATE_MIN - 3:
            break
        try:
            data = base64.b64decode(part, validate=True)
        except (binascii.Error, ValueError):
            continue
        found = _media_in(data)
        if found:
            return found
    return None


def _media_in(data: bytes) -> str | None:
    kind, name = sniff(data[:512])
    if kind in ("image", "video") and name not in ("bmp", "mpeg-ts", "m2ts", "quicktime"):
        return name  # signatures long enough not to occur by chance in decoded text
    return find_media_signature(data)


def _check_text_file(name: str, data: bytes) -> str:
    """The text of ``data``, or :class:`PackageContentError` when it is not plain UTF-8 text or is
    (or starts like) a media file."""
    kind, format_name = sniff(data[:512])
    if kind in ("image", "video") and format_name not in ("mpeg-ts", "m2ts"):
        raise PackageContentError(name, f"is a {format_name} file; packages never carry media")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise PackageContentError(
            name, "is not UTF-8 text (binary); packages never carry media", row
        ) from None
    control = _BINARY.search(text)
    if control:
        row = text.count("\n", 0, control.start()) + 1
        raise PackageContentError(
            name, f"holds the control character {control.group()!r} (binary); packages carry only text", row
        )
    return text


def _csv_rows(name: str, text: str) -> Iterator[tuple[int, list[str]]]:
    """``(row, cells)`` of a CSV parsed strictly; the header is row 1 and the rows are as wide."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 0
    width = None
    try:
        for record in reader:
            row = line + 1
            line = reader.line_num
            if width is None:
                width = len(record)
            elif len(record) != width:
                raise PackageContentError(name, f"has {len(record)} cells, the header has {width}", row)
            yield row, record
    except csv.Error as error:
        raise PackageContentError(name, f"is not valid CSV: {error}", line + 1) from None
    if width is None:
        raise PackageContentError(name, "is empty; a header row is required", 1)


def _clean_csv(name: str, text: str) -> tuple[bytes, int]:
    """The CSV written again through ``safe_cell`` (formulas neutralised) after every cell is checked
    for media payloads, and its number of rows below the header."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    header: list[str] = []
    rows = 0
    for row, cells in _csv_rows(name, text):
        if row == 1:
            header = cells
        else:
            rows += 1
        for index, cell in enumerate(cells):
            payload = find_media_payload(cell)
            if payload:
                field = header[index] if row > 1 else None
                raise PackageContentError(name, f"{payload}; packages never carry media", row, field)
        writer.writerow([safe_cell(cell) for cell in cells])
    return out.getvalue().encode("utf-8"), rows


def _check_lines(name: str, text: str) -> None:
    for row, line in enumerate(text.split("\n"), start=1):
        payload = find_media_payload(line)
        if payload:
            raise PackageContentError(name, f"{payload}; packages never carry media", row)


def _check_json(name: str, text: str) -> None:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise PackageContentError(name, f"is not valid JSON: {error}") from None
    stack: list[tuple[str, object]] = [("$", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            payload = find_media_payload(item)
            if payload:
                raise PackageContentError(name, f"{payload}; packages never carry media", field=path)
        elif isinstance(item, dict):
            for key, child in item.items():
                payload = find_media_payload(key)
                if payload:
                    raise PackageContentError(name, f"{payload}; packages never carry media", field=path)
                stack.append((f"{path}.{key}", child))
        elif isinstance(item, list):
            stack.extend((f"{path}[{index}]", child) for index, child in enumerate(item))


def _check_document(name: str, data: bytes) -> bool:
    """Check a PDF or HTML document (``formats/documents.py``): True when ``name`` is one."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".pdf":
            check_pdf(data)
            return True
        if suffix == ".html":
            text = _check_text_file(name, data)
            check_html(text)
            _check_lines(name, text)
            return True
    except DocumentError as error:
        raise PackageContentError(name, f"{error}; packages never carry imagery or scripts") from None
    return False


def check_file(name: str, data: bytes) -> tuple[bytes, int | None]:
    """Check one package file as the writer does: returns its bytes as they are to be written (a CSV
    written again through ``safe_cell``) and its number of rows (for a CSV; else None). Raises
    :class:`PackageContentError` for anything that must not leave."""
    problem = _name_problem(name)
    if problem:
        raise PackageContentError(name, problem)
    if _check_document(name, data):
        return data, None
    text = _check_text_file(name, data)
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return _clean_csv(name, text)
    if suffix == ".json":
        _check_json(name, text)
    else:
        _check_lines(name, text)
    return data, None


def _name_problem(name: str) -> str | None:
    if name in RESERVED:
        return "is a reserved name inside a package"
    if len(name) > MAX_NAME or not _NAME.match(name) or name.startswith("."):
        return "is not a valid file name inside a package (flat names of letters, digits, '.', '_', '-')"
    if not name.lower().endswith(SUFFIXES):
        return f"is not an expected text file ({', '.join(SUFFIXES)})"
    return None


# --- writing ----------------------------------------------------------------------------------------


def write_package(
    folder: Path,
    files: Mapping[str, bytes],
    meta: Mapping[str, Any],
    *,
    signer: Signer | None = None,
) -> tuple[Path, str, str]:
    """Write ``files`` and their manifest into ``folder`` (replacing what was there) and a zip beside
    it. The same input always gives byte-identical output. Returns (zip path, zip SHA-256, manifest
    SHA-256); keep the manifest's SHA-256 to verify the package later (``expected_manifest_sha256``).

    Every file is checked first (see the module's description): a refused value raises
    :class:`PackageContentError` (``file``, ``row``, ``field``) and nothing is written. ``meta`` must
    hold ``country``, ``handling`` and ``counts`` matching the files, else :class:`PackageError`.
    ``signer``, given ``SHA256SUMS``'s bytes, returns the SSH signature stored as ``SHA256SUMS.sig``.
    """
    cleaned: dict[str, bytes] = {}
    rows: dict[str, int] = {}
    for name in sorted(files):
        data, count = check_file(name, files[name])
        cleaned[name] = data
        if count is not None:
            rows[name] = count
    for key in RESERVED_META:
        if key in meta:
            raise PackageError(f"{MANIFEST}: '{key}' is written by the package writer, not given in meta")
    problems = _meta_problems(dict(meta), set(cleaned), rows, _persons_countries(cleaned))
    if problems:
        raise PackageError("; ".join(problems))
    manifest = {
        "format": PACKAGE_FORMAT,
        "version": PACKAGE_VERSION,
        **meta,
        "files": [
            {"path": name, "sha256": _sha256(cleaned[name]), "size": len(cleaned[name])} for name in cleaned
        ],
    }
    manifest_bytes = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    everything = {**cleaned, MANIFEST: manifest_bytes}
    sums = _sums(everything)
    everything[SUMS] = sums
    if signer is not None:
        everything[SIGNATURE] = signer(sums).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(everything):
            info = zipfile.ZipInfo(f"{folder.name}/{name}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, everything[name])
    zipped = buffer.getvalue()
    # Nothing on disk changes until everything is built. Then the new folder is written beside the
    # old one and the two are swapped by renames (atomic on one file system), and the zip is replaced
    # the same way: a writer stopped at any point leaves each of them whole, as it was or as it is
    # now (the folder, between the two renames, missing until the next writer), never cut short or
    # a mix; what a stopped writer left beside them is cleared by the next.
    staging, retired = (folder.with_name(f".{folder.name}.{state}") for state in ("writing", "old"))
    for leftover in (staging, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    staging.mkdir(parents=True)
    for name, data in everything.items():
        (staging / name).write_bytes(data)
    if folder.exists():
        folder.rename(retired)
    staging.rename(folder)
    if retired.exists():
        shutil.rmtree(retired)
    zip_path = folder.with_name(folder.name + ".zip")
    replace_file(zip_path, zipped)
    return zip_path, _sha256(zipped), _sha256(manifest_bytes)


def replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole: into a file beside it, flushed to disk, then renamed over it
    (a rename is atomic on one file system), so a reader or a writer stopped part-way never meets a
    file cut short."""
    partial = path.with_name(f".{path.name}.writing")
    with partial.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def _persons_countries(files: Mapping[str, bytes]) -> list[tuple[int, str]] | None:
    """(row, country) of each row of persons.csv, or None when it has no country column."""
    data = files.get("persons.csv")
    if data is None:
        return None
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    if not rows or "country" not in rows[0]:
        return None
    index = rows[0].index("country")
    return [(row, cells[index]) for row, cells in enumerate(rows[1:], start=2) if index < len(cells)]


def _meta_problems(
    meta: dict[str, Any],
    names: set[str],
    rows: Mapping[str, int],
    countries: list[tuple[int, str]] | None,
) -> list[str]:
    """Problems with the manifest's metadata against the files it describes."""
    problems = []
    for key in REQUIRED_META:
        if key not in meta:
            problems.append(f"{MANIFEST}: '{key}' is required")
    country = meta.get("country")
    if "country" in meta and not (isinstance(country, str) and _COUNTRY.match(country)):
        problems.append(f"{MANIFEST}: country {_short(country)} is not two capital letters (ISO 3166-1)")
    handling = meta.get("handling")
    if "handling" in meta and not (isinstance(handling, str) and handling.strip()):
        problems.append(f"{MANIFEST}: handling must be a non-empty text")
    for name in REQUIRED_FILES:
        if name not in names:
            problems.append(f"{name}: required in every package but not listed")
    counts = meta.get("counts")
    if "counts" in meta and not isinstance(counts, dict):
        problems.append(f"{MANIFEST}: counts must be an object of row counts")
    elif isinstance(counts, dict):
        for key in COUNTED:
            if key not in counts:
                problems.append(f"{MANIFEST}: counts.{key} is required")
        for key, value in counts.items():
            if type(value) is not int or value < 0:
                problems.append(f"{MANIFEST}: counts.{key} is {_short(value)}, not a row count")
            elif f"{key}.csv" not in names:
                problems.append(f"{MANIFEST}: counts.{key} counts {key}.csv, which is not in the package")
            elif f"{key}.csv" in rows and rows[f"{key}.csv"] != value:
                problems.append(
                    f"{MANIFEST}: counts.{key} is {value} but {key}.csv holds {rows[f'{key}.csv']} rows"
                )
    if isinstance(country, str) and countries is not None:
        for row, value in countries:
            if value != country:
                problems.append(f"persons.csv: row {row} is in {_short(value)}, not the package's {country}")
                break
    return problems


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "..."


# --- verifying --------------------------------------------------------------------------------------


def verify_package(
    path: Path,
    *,
    public_key: str | None = None,
    expected_manifest_sha256: str | None = None,
) -> list[str]:
    """Every problem found in the package folder or zip at ``path``, one line each; an empty list
    when the package is whole. Never raises for a bad package.

    Checks: exactly the listed files plus the manifest (and signature), each with its SHA-256 and
    size; no folder inside, no name twice, nothing in a second folder of the zip; the manifest's
    metadata (required keys, country, counts equal to the rows in the files); every file plain text
    with no media payload and no formula left in a CSV cell; ``SHA256SUMS`` listing every file with
    its digest. With ``public_key`` (an ``ssh-ed25519`` line or ``allowed_signers`` text) the
    signature must be present and made by that key; with ``expected_manifest_sha256`` the manifest
    must be the one recorded when the package was written.
    """
    path = Path(path)
    problems: list[str] = []
    try:
        members = _read_members(path, problems)
    except (OSError, ValueError, RuntimeError, EOFError, zlib.error, NotImplementedError) as error:
        return [*problems, f"{path}: cannot be read ({error})"]
    if members is None:
        return problems
    manifest_bytes = members.get(MANIFEST)
    if manifest_bytes is None:
        return [*problems, f"{path}: no {MANIFEST}"]
    if expected_manifest_sha256 is not None and _sha256(manifest_bytes) != expected_manifest_sha256:
        problems.append(f"{MANIFEST}: its SHA-256 is not the one recorded when the package was written")
    problems.extend(_sums_problems(members))
    if public_key is not None:
        problems.extend(_signature_problems(members.get(SUMS), members.get(SIGNATURE), public_key))
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        return [*problems, f"{MANIFEST}: not valid JSON ({error})"]
    if not isinstance(manifest, dict):
        return [*problems, f"{MANIFEST}: does not hold a JSON object"]
    if manifest.get("format") != PACKAGE_FORMAT:
        return [
            *problems,
            f"{MANIFEST}: format is {_short(manifest.get('format'))}, expected {PACKAGE_FORMAT!r}",
        ]
    if manifest.get("version") != PACKAGE_VERSION or type(manifest.get("version")) is not int:
        problems.append(
            f"{MANIFEST}: version is {_short(manifest.get('version'))}, expected {PACKAGE_VERSION}"
        )
    listed = _listed(manifest, problems)
    for name, (sha, size) in listed.items():
        data = members.get(name)
        if data is None:
            problems.append(f"{name}: listed in the manifest but missing")
        elif _sha256(data) != sha or len(data) != size:
            problems.append(f"{name}: does not match its SHA-256 in the manifest (altered)")
    for name in sorted(set(members) - set(listed) - set(RESERVED)):
        problems.append(f"{name}: not listed in the manifest")
    rows: dict[str, int] = {}
    for name, data in sorted(members.items()):
        if name in (MANIFEST, SUMS):
            continue
        problems.extend(_content_problems(name, data, rows))
    present = {name: data for name, data in members.items() if name in listed}
    try:
        countries = _persons_countries(present)
    except (UnicodeDecodeError, csv.Error):
        countries = None  # reported above as content
    meta = {key: value for key, value in manifest.items() if key not in RESERVED_META}
    problems.extend(_meta_problems(meta, set(listed), rows, countries))
    return problems


def _content_problems(name: str, data: bytes, rows: dict[str, int]) -> list[str]:
    """Problems with one member's content (text, payloads, formulas); counts CSV rows into ``rows``."""
    if name == SIGNATURE:
        ok = data.startswith(b"-----BEGIN SSH SIGNATURE-----") and _is_base64_text(_armor_body(data))
        return [] if ok else [f"{name}: is not an SSH signature"]
    problem = _name_problem(name)
    if problem:
        return [f"{name}: {problem}"]
    try:
        if _check_document(name, data):
            return []
        text = _check_text_file(name, data)
        if Path(name).suffix.lower() == ".json":
            _check_json(name, text)
            return []
        if Path(name).suffix.lower() != ".csv":
            _check_lines(name, text)
            return []
        header: list[str] = []
        count = 0
        for row, cells in _csv_rows(name, text):
            if row == 1:
                header = cells
            else:
                count += 1
            for index, cell in enumerate(cells):
                field = f", field '{header[index]}'" if row > 1 else ""
                payload = find_media_payload(cell)
                if payload:
                    return [f"{name}, row {row}{field}: {payload}"]
                if is_formula(cell):
                    return [f"{name}, row {row}{field}: a spreadsheet formula that is not neutralised"]
        rows[name] = count
    except PackageContentError as error:
        return [str(error)]
    return []


def _is_base64_text(data: bytes) -> bool:
    try:
        base64.b64decode(data.strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _listed(manifest: dict[str, Any], problems: list[str]) -> dict[str, tuple[str, int]]:
    """path -> (sha256, size) of each well-formed manifest entry; problems for the others."""
    files = manifest.get("files")
    if not isinstance(files, list):
        problems.append(f"{MANIFEST}: 'files' must be a list of the package's files")
        return {}
    listed: dict[str, tuple[str, int]] = {}
    for index, entry in enumerate(files):
        if not isinstance(entry, dict):
            problems.append(f"{MANIFEST}: files[{index}] is not an object")
            continue
        name, sha, size = entry.get("path"), entry.get("sha256"), entry.get("size")
        if not isinstance(name, str) or not isinstance(sha, str) or not _SHA256.match(sha):
            problems.append(f"{MANIFEST}: files[{index}] needs a path and a SHA-256")
            continue
        if type(size) is not int or size < 0:
            problems.append(f"{MANIFEST}: files[{index}] ({_short(name)}) needs a size")
            continue
        if name in listed:
            problems.append(f"{_short(name)}: listed twice in the manifest")
            continue
        problem = _name_problem(name)
        if problem:
            problems.append(f"{_short(name)}: {problem}")
            continue
        listed[name] = (sha, size)
    return listed


def _read_members(path: Path, problems: list[str]) -> dict[str, bytes] | None:
    """The package's files by name, with problems for anything that is not a flat file of the
    package; None when ``path`` is not a package at all (the reason is in ``problems``)."""
    if path.is_symlink() and not path.exists():
        problems.append(f"{path}: a broken symbolic link")
        return None
    if path.is_dir():
        return _read_folder(path, problems)
    if not path.exists():
        problems.append(f"{path}: no such package folder or zip")
        return None
    if not path.is_file() or not zipfile.is_zipfile(path):
        problems.append(f"{path}: neither a package folder nor a zip")
        return None
    return _read_zip(path, problems)


def _read_folder(path: Path, problems: list[str]) -> dict[str, bytes]:
    members: dict[str, bytes] = {}
    for entry in sorted(os.scandir(path), key=lambda e: e.name):
        if entry.is_symlink():
            problems.append(f"{entry.name}: a symbolic link inside the package")
        elif entry.is_dir(follow_symlinks=False):
            problems.append(f"{entry.name}/: a folder inside the package (packages are flat)")
        elif not entry.is_file(follow_symlinks=False):
            problems.append(f"{entry.name}: neither a file nor a folder")
        elif entry.stat(follow_symlinks=False).st_size > MAX_MEMBER_BYTES:
            problems.append(f"{entry.name}: larger than {MAX_MEMBER_BYTES} bytes; not read")
        else:
            with open(entry.path, "rb") as handle:
                members[entry.name] = handle.read()
    return members


def _read_zip(path: Path, problems: list[str]) -> dict[str, bytes] | None:
    members: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            problems.append(f"{path}: holds {len(infos)} members, more than a package's {MAX_MEMBERS}")
            return None
        tops = {info.filename.split("/", 1)[0] for info in infos}
        top = path.stem if path.stem in tops else (sorted(tops)[0] if len(tops) == 1 else None)
        if top is None:
            problems.append(f"{path}: members lie in {len(tops)} folders; a package has one")
            top = sorted(tops)[0] if tops else ""
        seen: set[str] = set()
        for info in infos:
            member = info.filename
            if member in seen:
                problems.append(f"{member}: appears twice in the zip (a second copy can shadow the first)")
                continue
            seen.add(member)
            if member == f"{top}/" and info.is_dir():
                continue
            folder, _, name = member.partition("/")
            if folder != top:
                problems.append(f"{member}: outside the package folder '{top}/'")
                continue
            if not name or "/" in name or info.is_dir():
                problems.append(f"{member}: a folder inside the package (packages are flat)")
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                problems.append(f"{member}: a symbolic link inside the package")
                continue
            if (
                info.file_size > MAX_MEMBER_BYTES
                or info.file_size > 1000 * max(info.compress_size, 1) + 10**6
            ):
                problems.append(
                    f"{member}: declares {info.file_size} bytes from {info.compress_size}; not read"
                )
                continue
            try:
                members[name] = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError) as error:
                problems.append(f"{member}: cannot be read ({error})")
    return members


def _sums(members: Mapping[str, bytes]) -> bytes:
    """``SHA256SUMS``: one ``<sha256>  <name>`` line per file, sorted, as ``sha256sum`` writes it."""
    return "".join(f"{_sha256(data)}  {name}\n" for name, data in sorted(members.items())).encode()


def _armor_body(data: bytes) -> bytes:
    lines = [line for line in data.splitlines() if line and not line.startswith(b"-----")]
    return b"".join(lines)


def _sums_problems(members: Mapping[str, bytes]) -> list[str]:
    """``SHA256SUMS`` must list exactly the package's other files, each with its digest."""
    sums = members.get(SUMS)
    if sums is None:
        return [f"{SUMS}: missing"]
    expected = _sums({name: data for name, data in members.items() if name not in (SUMS, SIGNATURE)})
    return [] if sums == expected else [f"{SUMS}: does not match the package's files (altered)"]


def _signature_problems(sums: bytes | None, signature: bytes | None, public_key: str) -> list[str]:
    """Problems with ``SHA256SUMS.sig`` as the sender's SSH signature of ``SHA256SUMS``."""
    from tiaki.engines.signing import verify

    if signature is None:
        return [f"{SIGNATURE}: missing; the package is not signed"]
    if sums is None:
        return [f"{SIGNATURE}: nothing to check it against ({SUMS} is missing)"]
    try:
        result = verify(sums, signature.decode("ascii"), public_key)
    except (UnicodeDecodeError, ValueError) as error:
        return [f"{SIGNATURE}: cannot be checked ({error})"]
    return [] if result.ok else [f"{SIGNATURE}: {result.reason}"]
