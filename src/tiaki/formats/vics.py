"""Project VIC "VICS" JSON hash lists (data models 1.3 and 2.0): reading, streamed, and writing.

A VICS file is an OData JSON document. Its ``@odata.context`` (``odata.metadata`` in 1.x files) names
the data model version and, for 2.0, the region whose category scheme the ``Category`` values use::

    {
      "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases",
      "value": [
        {"CaseID": "...", "CaseNumber": "...", "SourceApplicationName": "...",
         "Media": [
           {"MediaID": 1, "Category": 1, "MD5": "...", "SHA1": "...", "PhotoDNA": "...",
            "Series": "...", "VictimIdentified": true, "IsDistributed": false, "Comments": "...",
            "AlternativeHashes": [{"MD5": "...", "HashName": "SHA256", "HashValue": "..."},
                                  {"MD5": "...", "HashName": "PDQ", "HashValue": "..."}]}
         ]}
      ]
    }

A list distributed as a plain hash set (context ending ``#Media``) has the Media records directly under
``value``; both layouts are read. Hashes other than MD5, SHA1 and PhotoDNA travel as
``AlternativeHashes`` entries (``HashName``/``HashValue``), in 1.3 as in 2.0; a top-level ``SHA256`` or
``PDQ`` key, which some exporters write, is read too.

Reading never guesses what a category means: the scheme comes from the context's region or from the
caller, and a file that gives neither is refused.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ijson

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import PROFILES, HashEntry, HashList, category_for
from tiaki.formats.values import parse_hex

VERSIONS = ("1.3", "2.0")

# Region of the data model (the path segment after "<version>.xml/") -> category profile. "US" and
# "UK" are the regions Project VIC and UK CAID exporters write; "DHS" is the region tiaki writes for
# the legacy DHS scheme. "Default", "CUSTOM" and a missing region say nothing about the scheme.
REGION_PROFILES = {"US": "vic-us", "UK": "uk-caid", "DHS": "dhs-legacy"}
PROFILE_REGIONS = {profile: region for region, profile in REGION_PROFILES.items()} | {"generic": "CUSTOM"}

_CONTEXT_KEYS = ("@odata.context", "odata.metadata")
_CONTEXT = re.compile(
    r"/ProjectVic/DataModels/(?P<version>\d+(?:\.\d+)*)\.xml"
    r"(?:/(?P<region>[^/#$]+))?(?:/\$metadata)?#(?P<entity>\w+)",
    re.IGNORECASE,
)
_CONTEXT_OWNER = {"1.3": "ICMEC", "2.0": "VICSDATAMODEL"}
_HASH_KEYS = {"md5": "MD5", "sha1": "SHA1", "sha256": "SHA256", "pdq": "PDQ"}
_ALT_HASH_NAMES = {"SHA1": "sha1", "SHA256": "sha256", "PDQ": "pdq"}
_ALT_HASH_LISTS = ("AlternativeHashes", "Hashes")
_Fail = Callable[[str, str], InputError]  # (field, reason) -> the error to raise


@dataclass(frozen=True, slots=True)
class VicsHeader:
    """What the top of a VICS file says, and the category profile its entries are read under."""

    context: str | None  # the "@odata.context" (or 1.x "odata.metadata") as written
    version: str | None  # data model version, e.g. "1.3" or "2.0"; None when the context names none
    region: str | None  # e.g. "US", "UK", "Default"; None when the context names none
    profile: str
    layout: str  # "Cases" (value[].Media[]) or "Media" (value[] holds the records)


def iter_vics(path: Path, *, profile: str | None = None) -> tuple[VicsHeader, Iterator[HashEntry]]:
    """The header of a VICS file, checked now, and its entries, read lazily one at a time.

    Memory stays bounded whatever the file's size: only the current media item is held. Errors in
    an entry are raised when the iterator reaches it, as :class:`InputError` with ``row`` = the 1-based
    index of the media item in the file and ``field`` = the JSON key.
    """
    file = str(path)
    context, layout = _scan_top(path)
    header = _header(file, context, layout, profile)
    return header, _entries(path, header)


def read_vics(path: Path, *, name: str | None = None, profile: str | None = None) -> HashList:
    """A whole VICS file as a :class:`HashList` (built on :func:`iter_vics`).

    ``profile`` gives the category scheme when the file's context does not; when both give one they
    must agree. ``name`` defaults to the file's stem; ``source`` is the file name.
    """
    header, entries = iter_vics(path, profile=profile)
    return HashList(
        name=name or path.stem,
        profile=header.profile,
        source=path.name,
        entries=list(entries),
    )


def write_vics(
    path: Path,
    hash_list: HashList | Iterable[HashEntry],
    *,
    version: str = "2.0",
    profile: str = "vic-us",
    case_name: str = "tiaki",
) -> None:
    """Write entries as one VICS case, streaming one entry at a time.

    The context names ``version`` and the region of ``profile`` (``generic`` is written as region
    ``CUSTOM``, which a reader must be given a profile for). Every entry must have a valid hash and a
    category that exists in ``profile``; otherwise ``ValueError`` is raised and no file is left behind.
    """
    if version not in VERSIONS:
        raise ValueError(f"VICS version '{version}' is not supported (one of {', '.join(VERSIONS)})")
    if profile not in PROFILE_REGIONS:
        raise ValueError(f"profile '{profile}' is not one of {', '.join(PROFILE_REGIONS)}")
    entries = hash_list.entries if isinstance(hash_list, HashList) else hash_list
    context = (
        f"http://github.com/{_CONTEXT_OWNER[version]}/ProjectVic/DataModels/{version}.xml/"
        f"{PROFILE_REGIONS[profile]}/$metadata#Cases"
    )
    case = {
        "CaseID": str(uuid.uuid5(uuid.NAMESPACE_URL, f"tiaki:vics:{case_name}")),
        "CaseNumber": case_name,
        "SourceApplicationName": "tiaki",
    }
    head = json.dumps({"@odata.context": context}, ensure_ascii=False)[:-1]
    case_head = json.dumps(case, ensure_ascii=False)[:-1]
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as out:
            out.write(f'{head},\n"value":[{case_head},\n"Media":[\n')
            for index, entry in enumerate(entries, start=1):
                item = _media_item(entry, profile, index)
                out.write(("" if index == 1 else ",\n") + json.dumps(item, ensure_ascii=False))
            out.write("\n]}]}\n")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


# Reading ------------------------------------------------------------------------------------------


def _open(path: Path) -> IO[bytes]:
    """The file, opened for ijson, past a UTF-8 byte-order mark if an exporter wrote one."""
    handle = path.open("rb")
    if handle.read(3) != b"\xef\xbb\xbf":
        handle.seek(0)
    return handle


def _scan_top(path: Path) -> tuple[str | None, str]:
    """The context and the layout, read from the top of the file only (unless the context comes after
    ``value``, which needs the whole file scanned)."""
    file = str(path)
    context: str | None = None
    layout: str | None = None
    seen_value = False
    with _open(path) as handle:
        try:
            for prefix, event, value in ijson.parse(handle, use_float=True):
                if prefix == "" and event not in ("start_map", "map_key", "end_map"):
                    raise InputError(file, "a VICS file is a JSON object with 'value' and '@odata.context'")
                if prefix in _CONTEXT_KEYS and event == "string":
                    context = value
                elif prefix == "value":
                    seen_value = True
                    if event in ("start_map", "string", "number", "boolean", "null"):
                        raise InputError(file, "'value' must be a list", field="value")
                    if event == "end_array" and layout is None:
                        layout = "Media"  # empty: nothing to read either way
                elif prefix == "value.item" and layout is None:
                    if event == "map_key" and value == "Media":
                        layout = "Cases"
                    elif event == "end_map":
                        layout = "Media"
                if context is not None and layout is not None:
                    break
        except ijson.JSONError as exc:
            raise InputError(file, f"not valid JSON: {exc}") from None
    if not seen_value:
        raise InputError(file, "no 'value' list: this is not a VICS file", field="value")
    return context, layout or "Media"


def _header(file: str, context: str | None, layout: str, profile: str | None) -> VicsHeader:
    if profile is not None and profile not in PROFILES:
        raise InputError(file, f"profile '{profile}' is not one of {', '.join(PROFILES)}")
    match = _CONTEXT.search(context) if context else None
    version = match["version"] if match else None
    region = match["region"] if match else None
    from_context = REGION_PROFILES.get(region.upper()) if region else None
    if from_context and profile and from_context != profile:
        raise InputError(
            file,
            f"the file's context says profile '{from_context}' (region '{region}') but profile "
            f"'{profile}' was given; they disagree, so the categories cannot be read safely",
            field="@odata.context",
        )
    chosen = profile or from_context
    if chosen is None:
        said = f"'{context}'" if context else "no '@odata.context'"
        raise InputError(
            file,
            f"the category scheme cannot be determined: the file has {said}, which names no known region "
            f"({', '.join(REGION_PROFILES)}); give the scheme with --profile "
            f"({', '.join(PROFILES)}) rather than have it guessed",
            field="@odata.context",
        )
    return VicsHeader(context=context, version=version, region=region, profile=chosen, layout=layout)


def _entries(path: Path, header: VicsHeader) -> Iterator[HashEntry]:
    file = str(path)
    prefix = "value.item.Media.item" if header.layout == "Cases" else "value.item"
    index = 0
    with _open(path) as handle:
        try:
            for item in ijson.items(handle, prefix, use_float=True):
                index += 1
                yield _entry(file, index, item, header.profile)
        except ijson.JSONError as exc:
            raise InputError(file, f"not valid JSON after media item {index}: {exc}") from None


def _entry(file: str, row: int, item: Any, profile: str) -> HashEntry:
    if not isinstance(item, dict):
        raise InputError(file, "a media item must be a JSON object", row=row)
    media_id = item.get("MediaID")
    entry_id = str(row) if media_id is None or media_id == "" else _text(file, row, "MediaID", media_id)
    label = f"media item {row} (MediaID {entry_id})"

    def fail(field: str, reason: str) -> InputError:
        return InputError(file, f"{label}: {reason}", row=row, field=field)

    hashes: dict[str, str | None] = {}
    for kind, key in _HASH_KEYS.items():
        hashes[kind] = _hash(fail, key, item.get(key), kind)
    photodna = _optional_text(file, row, "PhotoDNA", item.get("PhotoDNA"))
    for list_key in _ALT_HASH_LISTS:
        alternatives = item.get(list_key)
        if alternatives is None:
            continue
        if not isinstance(alternatives, list):
            raise fail(list_key, "must be a list of {HashName, HashValue} objects")
        for alternative in alternatives:
            if not isinstance(alternative, dict):
                raise fail(list_key, "must be a list of {HashName, HashValue} objects")
            hash_name = re.sub(r"[\s_-]", "", str(alternative.get("HashName") or "")).upper()
            raw = alternative.get("HashValue")
            if hash_name == "PHOTODNA":
                text = _optional_text(file, row, list_key, raw)
                if photodna is not None and text is not None and text != photodna:
                    raise fail(list_key, "two different PhotoDNA values")
                photodna = photodna or text
                continue
            alt_kind = _ALT_HASH_NAMES.get(hash_name)
            if alt_kind is None:
                continue  # a hash tiaki does not use (e.g. a vendor's own); it is not an error
            value = _hash(fail, list_key, raw, alt_kind)
            known = hashes[alt_kind]
            if known is not None and value is not None and value != known:
                raise fail(list_key, f"two different {alt_kind} values ('{known}' and '{value}')")
            hashes[alt_kind] = known or value
    if not any(hashes.values()):
        raise InputError(file, f"{label}: has no MD5, SHA1, SHA256 or PDQ hash", row=row)

    category = _category(fail, item.get("Category"))
    try:
        category_for(profile, category)
    except ValueError as exc:
        raise fail("Category", str(exc)) from None

    return HashEntry(
        entry_id=entry_id,
        md5=hashes["md5"],
        sha1=hashes["sha1"],
        sha256=hashes["sha256"],
        pdq=hashes["pdq"],
        photodna=photodna,
        category=category,
        series=_series(file, row, item.get("Series")),
        victim_identified=_flag(fail, "VictimIdentified", item.get("VictimIdentified")),
        is_distributed=_flag(fail, "IsDistributed", item.get("IsDistributed")),
        comments=_optional_text(file, row, "Comments", item.get("Comments")),
    )


def _hash(fail: _Fail, key: str, raw: Any, kind: str) -> str | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise fail(key, f"{kind} must be a string of hex digits, not {json.dumps(raw)}")
    try:
        return parse_hex(raw, kind)
    except ValueError as exc:
        raise fail(key, str(exc)) from None


def _category(fail: _Fail, raw: Any) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise fail("Category", f"{json.dumps(raw)} is not a category")
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, str):
        return raw.strip() or None
    raise fail("Category", f"{json.dumps(raw)} is not a category")


def _flag(fail: _Fail, key: str, raw: Any) -> bool | None:
    """VICS booleans arrive as JSON booleans or, from some exporters, as "true"/"false" strings."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
        return raw.strip().lower() == "true"
    raise fail(key, f"{json.dumps(raw)} is not a boolean (true or false)")


def _text(file: str, row: int, key: str, raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise InputError(file, f"media item {row}: {json.dumps(raw)} is not a text value", row=row, field=key)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def _optional_text(file: str, row: int, key: str, raw: Any) -> str | None:
    if raw is None:
        return None
    return _text(file, row, key, raw) or None


def _series(file: str, row: int, raw: Any) -> str | None:
    """A series is a name; some exporters nest it as an object with a ``Name``."""
    if isinstance(raw, dict):
        raw = raw.get("Name")
    return _optional_text(file, row, "Series", raw)


# Writing ------------------------------------------------------------------------------------------


def _media_item(entry: HashEntry, profile: str, index: int) -> dict[str, Any]:
    label = f"entry {index} ('{entry.entry_id}')"
    hashes = {kind: getattr(entry, kind) for kind in _HASH_KEYS}
    if not any(hashes.values()):
        raise ValueError(f"{label} has no md5, sha1, sha256 or pdq")
    for kind, value in hashes.items():
        if value is not None:
            try:
                hashes[kind] = parse_hex(value, kind)
            except ValueError as exc:
                raise ValueError(f"{label}: {exc}") from None
    try:
        category_for(profile, entry.category)
    except ValueError as exc:
        raise ValueError(f"{label}: {exc}") from None

    item: dict[str, Any] = {"MediaID": _as_number(entry.entry_id)}
    if entry.category:
        item["Category"] = _as_number(entry.category)
    if hashes["md5"]:
        item["MD5"] = hashes["md5"]
    if hashes["sha1"]:
        item["SHA1"] = hashes["sha1"]
    optional = {
        "PhotoDNA": entry.photodna,
        "Series": entry.series,
        "VictimIdentified": entry.victim_identified,
        "IsDistributed": entry.is_distributed,
        "Comments": entry.comments,
    }
    item.update({key: value for key, value in optional.items() if value is not None})
    alternatives = []
    for kind, hash_name in (("sha256", "SHA256"), ("pdq", "PDQ")):
        if hashes[kind]:
            alternative = {"MD5": hashes["md5"]} if hashes["md5"] else {}
            alternatives.append(alternative | {"HashName": hash_name, "HashValue": hashes[kind]})
    if alternatives:
        item["AlternativeHashes"] = alternatives
    return item


def _as_number(text: str) -> int | str:
    """VICS MediaID and Category are integers; a value that is not one exactly is kept as text."""
    return int(text) if text.isdigit() and str(int(text)) == text else text
