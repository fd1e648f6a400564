"""One entry point for every hash-list format: the format told from the content, and one writer.

Detection (``read_any_hashlist``), in order:

1. a folder or ``.zip``: every file in it is a vPDQ file (one per video) → ``vpdq``;
2. JSON (first character ``{`` or ``[``): ``value``/``@odata.context`` → ``vics``; ``hashRecords`` or
   records with ``signalType`` → ``stopncii``; one object per line with an indicator → ``threatexchange``;
3. XML (``<``): NCMEC's ``queryResult`` → ``ncmec-xml``;
4. text, by its first non-empty line: ``frame,quality,pdq,timestamp`` → ``vpdq`` (one video);
   ``hash,quality,filename`` → ``pdq-hasher``; a signal type or a ``signal_type`` header → ``signals``;
   a bare digest → ``plain``; anything else is a CSV (``csv``, generic or ICSE).

A file whose meaning cannot be known is refused with the option that resolves it (``--profile`` for
a category scheme, ``--hash-type`` for 64-character digests).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import HashList
from tiaki.formats.hashlist_csv import read_hashlist_csv, write_hashlist_csv
from tiaki.formats.hashlist_xml import read_ncmec_xml, write_ncmec_xml
from tiaki.formats.inputs import expand_inputs
from tiaki.formats.signals import (
    is_stopncii,
    looks_like_pdq_hasher,
    looks_like_plain,
    looks_like_signal_lines,
    read_pdq_hasher,
    read_plain,
    read_signals,
    read_stopncii,
    read_threatexchange_jsonl,
    write_pdq_hasher,
    write_plain,
    write_signals,
)
from tiaki.formats.text import detect_encoding
from tiaki.formats.vics import read_vics, write_vics
from tiaki.formats.vpdq import parse_vpdq_line, read_vpdq, read_vpdq_list, write_vpdq_folder

FORMATS = ("vics", "csv", "ncmec-xml", "stopncii", "threatexchange", "signals", "pdq-hasher", "plain", "vpdq")
WRITABLE = ("vics", "csv", "ncmec-xml", "signals", "pdq-hasher", "plain", "vpdq")
MAX_JSON_BYTES = 512 * 2**20  # StopNCII and ThreatExchange JSON are read whole; VICS is streamed


def read_any_hashlist(
    path: Path, *, profile: str | None = None, name: str | None = None, hash_type: str | None = None
) -> tuple[HashList, str]:
    """Read ``path`` in whichever format it is; returns the list and the format's name (``FORMATS``).

    ``profile`` gives the category scheme where the file does not (see each reader), ``name`` the
    list's name (default: the file's or folder's stem), ``hash_type`` the kind of digest in a plain
    list of 64-character digests. Every failure is an :class:`InputError`.
    """
    path = Path(path)
    try:
        return _read_any(path, profile, name, hash_type)
    except UnicodeError as error:
        raise InputError(str(path), f"bytes that do not decode in the file's encoding: {error}") from None
    except RecursionError:
        raise InputError(str(path), "nested too deeply to be a hash list") from None


def _read_any(
    path: Path, profile: str | None, name: str | None, hash_type: str | None
) -> tuple[HashList, str]:
    label = name or path.stem
    if path.is_dir() or path.suffix.lower() == ".zip":
        with tempfile.TemporaryDirectory(prefix="tiaki-hashlist-") as work:
            files = expand_inputs(path, Path(work))
            return read_vpdq_list(files, name=label, profile=profile or "generic"), "vpdq"
    if not path.is_file():
        raise InputError(str(path), "no such file or folder")
    try:
        encoding = detect_encoding(path)
        with path.open(encoding=encoding, errors="replace") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise InputError(str(path), f"cannot be read: {error.strerror or error}") from None
    stripped = head.lstrip("\ufeff \t\r\n")
    first_line = stripped.splitlines()[0] if stripped else ""
    if not stripped:
        raise InputError(str(path), "is empty")
    if stripped[0] in "{[":
        return _read_json(path, encoding, stripped, profile, label)
    if stripped[0] == "<":
        return read_ncmec_xml(path, name=label, profile=profile), "ncmec-xml"
    if _is_vpdq_line(first_line):
        entry = read_vpdq(path)
        hash_list = HashList(
            name=label, profile=profile or "generic", source=f"{path.name} (vPDQ)", entries=[entry]
        )
        return hash_list, "vpdq"
    if looks_like_pdq_hasher(first_line):
        return read_pdq_hasher(path, name=label, profile=profile), "pdq-hasher"
    if looks_like_signal_lines(first_line):
        return read_signals(path, name=label, profile=profile), "signals"
    if looks_like_plain(first_line):
        return read_plain(path, name=label, profile=profile, hash_type=hash_type), "plain"
    return read_hashlist_csv(path, name=label, profile=profile), "csv"


def _is_vpdq_line(line: str) -> bool:
    try:
        parse_vpdq_line(line)
    except ValueError:
        return False
    return True


def _read_json(path: Path, encoding: str, head: str, profile: str | None, label: str) -> tuple[HashList, str]:
    if head.startswith("{") and ('"value"' in head or "odata" in head):
        return read_vics(path, name=label, profile=profile), "vics"
    if path.stat().st_size > MAX_JSON_BYTES:
        raise InputError(str(path), f"JSON larger than {MAX_JSON_BYTES} bytes that is not a VICS file")
    text = path.read_text(encoding=encoding, errors="strict")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if data is not None and is_stopncii(data):
        return read_stopncii(path, data, name=label, profile=profile), "stopncii"
    if data is not None and isinstance(data, dict) and "value" in data:
        return read_vics(path, name=label, profile=profile), "vics"
    first = text.lstrip("\ufeff \r\n").splitlines()[0]
    if first.startswith("{") and any(key in first for key in ("indicator", "td_raw_indicator")):
        return read_threatexchange_jsonl(path, name=label, profile=profile), "threatexchange"
    raise InputError(str(path), "JSON that is none of VICS, StopNCII or ThreatExchange descriptors")


def write_hashlist(
    path: Path,
    hash_list: HashList,
    *,
    format: str,
    hash_type: str | None = None,
    vics_version: str = "2.0",
    integer_ids: bool = False,
) -> list[Path]:
    """Write ``hash_list`` in ``format`` (one of ``WRITABLE``); returns the files written.

    ``vics`` writes the list's own profile (``integer_ids`` as in :func:`write_vics`); ``plain`` needs
    ``hash_type``; ``vpdq`` writes one file per video entry into the folder ``path``. Errors in the
    entries are ``ValueError`` (nothing the caller did not ask for is written).
    """
    if format == "vics":
        write_vics(
            path,
            hash_list,
            version=vics_version,
            profile=hash_list.profile,
            case_name=hash_list.name,
            integer_ids=integer_ids,
        )
    elif format == "csv":
        write_hashlist_csv(path, hash_list)
    elif format == "ncmec-xml":
        write_ncmec_xml(path, hash_list)
    elif format == "signals":
        write_signals(path, hash_list)
    elif format == "pdq-hasher":
        write_pdq_hasher(path, hash_list)
    elif format == "plain":
        if hash_type is None:
            raise ValueError("a plain list needs hash_type (md5, sha1, sha256 or pdq)")
        write_plain(path, hash_list, hash_type)
    elif format == "vpdq":
        if path.exists() and not path.is_dir():
            raise ValueError(f"'{path}' is a file: vPDQ lists are written as a folder")
        partial = path.with_name(path.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        written = write_vpdq_folder(partial, hash_list)
        path.mkdir(parents=True, exist_ok=True)
        result = []
        for file in written:
            target = path / file.name
            file.replace(target)
            result.append(target)
        shutil.rmtree(partial, ignore_errors=True)
        return result
    else:
        raise ValueError(f"format '{format}' is not one of {', '.join(WRITABLE)}")
    return [path]
