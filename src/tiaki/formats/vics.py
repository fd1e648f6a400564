"""Project VIC "VICS" JSON hash lists (data models 1.3 and 2.0): reading, streamed, and writing.

A VICS file is an OData JSON document. Its ``@odata.context`` (``odata.metadata`` in 1.x files) names
the data model version and, in most files, the region whose category scheme ``Category`` values use::

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
caller, and a file that gives neither is refused. The region ``Default`` is the one Project VIC's own
distribution writes (``.../2.0.xml/Default/$metadata#Media``), in the US scheme, so it is read as
``vic-us``; ``CUSTOM`` and a context without region still need a profile. The file may be UTF-8 (with or
without a byte-order mark) or UTF-16.

An item known by its PhotoDNA alone is kept (tiaki carries PhotoDNA, never computes it). An item
without a category (or with category 0, "uncategorised") and with ``"IsPrecategorized": false``, or
any item tagged ``tiaki:new-ungraded``, is read with ``status="new"``: listed, not
graded, never to be taken as known material (what a referral package writes for its new items).
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ijson

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import PROFILES, HashList, ListEntry, category_for
from tiaki.formats.text import Utf8Stream, detect_encoding
from tiaki.formats.values import parse_hex

VERSIONS = ("1.3", "2.0")

# Region of the data model (the path segment after "<version>.xml/") -> category profile. "US" and
# "UK" are the regions Project VIC and UK CAID exporters write; "DHS" is the region tiaki writes for
# the legacy DHS scheme. "Default", "CUSTOM" and a missing region say nothing about the scheme.
REGION_PROFILES = {"US": "vic-us", "UK": "uk-caid", "DHS": "dhs-legacy", "DEFAULT": "vic-us"}
PROFILE_REGIONS = {"vic-us": "US", "uk-caid": "UK", "dhs-legacy": "DHS", "generic": "CUSTOM"}
NEW_TAG = "tiaki:new-ungraded"

_CONTEXT_KEYS = ("@odata.context", "odata.metadata")
_CONTEXT = re.compile(
    r"/ProjectVic/DataModels/(?P<version>\d+(?:\.\d+)*)\.xml"
    r"(?:/(?P<region>[^/#$]+))?(?:/\$metadata)?#(?P<entity>\w+)",
    re.IGNORECASE,
)
_CONTEXT_OWNER = {"1.3": "ICMEC", "2.0": "VICSDATAMODEL"}
_ALT_HASH_NAMES = {"SHA1": "sha1", "SHA256": "sha256", "PDQ": "pdq"}
_ALT_HASH_LISTS = ("AlternativeHashes", "Hashes")


@dataclass(frozen=True, slots=True)
class VicsHeader:
    """What the top of a VICS file says, and the category profile its entries are read under."""

    context: str | None  # the "@odata.context" (or 1.x "odata.metadata") as written
    version: str | None  # data model version, e.g. "1.3" or "2.0"; None when the context names none
    region: str | None  # e.g. "US", "UK", "Default"; None when the context names none
    profile: str
    layout: str  # "Cases" (value[].Media[]) or "Media" (value[] holds the records)


def iter_vics(path: Path, *, profile: str | None = None) -> tuple[VicsHeader, Iterator[ListEntry]]:
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
    hash_list: HashList | Iterable[ListEntry],
    *,
    version: str = "2.0",
    profile: str = "vic-us",
    case_name: str = "tiaki",
    integer_ids: bool = False,
) -> None:
    """Write entries as one VICS case, streaming one entry at a time.

    ``integer_ids`` numbers the items 1, 2, 3, ... (VICS tools expect integer MediaIDs; a referral
    package's media ids are digests). An entry with ``status="new"`` is written without a category,
    with ``"IsPrecategorized": false`` and the tag ``tiaki:new-ungraded``, so that an importer does not
    take it as known material (and tiaki reads it back as new).

    The context names ``version`` and the region of ``profile`` (``generic`` is written as region
    ``CUSTOM``, which a reader must be given a profile for). A :class:`HashList` must have ``profile``
    as its own. Every entry must have a valid hash and a category that exists in ``profile``; otherwise
    ``ValueError`` is raised and no file is left behind.
    """
    if version not in VERSIONS:
        raise ValueError(f"VICS version '{version}' is not supported (one of {', '.join(VERSIONS)})")
    if profile not in PROFILE_REGIONS:
        raise ValueError(f"profile '{profile}' is not one of {', '.join(PROFILE_REGIONS)}")
    if isinstance(hash_list, HashList) and hash_list.profile != profile:
        raise ValueError(
            f"the list's profile is '{hash_list.profile}' but profile '{profile}' was asked for; "
            "its categories would be written under the wrong scheme"
        )
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
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for all items: dumps makes one each
    head = encode({"@odata.context": context})[:-1]
    case_head = encode(case)[:-1]
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as out:
            out.write(f'{head},\n"value":[{case_head},\n"Media":[\n')
            for index, entry in enumerate(entries, start=1):
                item = _media_item(entry, profile, index, integer_ids)
                out.write(("" if index == 1 else ",\n") + encode(item))
            out.write("\n]}]}\n")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


# Reading ------------------------------------------------------------------------------------------


def _open(path: Path) -> IO[bytes] | Utf8Stream:
    """The file, opened for ijson as UTF-8 bytes: past a UTF-8 byte-order mark if an exporter wrote
    one, transcoded from UTF-16 (or any other detected encoding) otherwise."""
    encoding = detect_encoding(path)
    if encoding not in ("utf-8", "utf-8-sig"):
        return Utf8Stream(path, encoding)
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
    if region and region.upper() == "DEFAULT" and profile:
        from_context = None  # "Default" is a default, not a declaration: a given profile wins
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


def _entries(path: Path, header: VicsHeader) -> Iterator[ListEntry]:
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


class _Bad(Exception):
    """A bad value in the current media item; :func:`_entry` names the file, item and MediaID."""

    def __init__(self, field: str | None, reason: str):
        super().__init__(reason)
        self.field = field
        self.reason = reason


def _entry(file: str, row: int, item: Any, profile: str) -> ListEntry:
    try:
        if not isinstance(item, dict):
            raise _Bad(None, "a media item must be a JSON object")
        return _parse_entry(row, item, profile)
    except _Bad as bad:
        media_id = item.get("MediaID") if isinstance(item, dict) else None
        label = f"media item {row}" if media_id in (None, "") else f"media item {row} (MediaID {media_id})"
        raise InputError(file, f"{label}: {bad.reason}", row=row, field=bad.field) from None


def _parse_entry(row: int, item: dict[str, Any], profile: str) -> ListEntry:
    get = item.get
    md5 = _hash("MD5", get("MD5"), "md5")
    sha1 = _hash("SHA1", get("SHA1"), "sha1")
    sha256 = _hash("SHA256", get("SHA256"), "sha256")
    pdq = _hash("PDQ", get("PDQ"), "pdq")
    photodna = _text("PhotoDNA", get("PhotoDNA"))
    if "AlternativeHashes" in item or "Hashes" in item:
        hashes = {"md5": md5, "sha1": sha1, "sha256": sha256, "pdq": pdq}
        for list_key in _ALT_HASH_LISTS:
            alternatives = get(list_key)
            if alternatives is not None:
                photodna = _alternatives(list_key, alternatives, hashes, photodna)
        md5, sha1, sha256, pdq = hashes["md5"], hashes["sha1"], hashes["sha256"], hashes["pdq"]
    if not (md5 or sha1 or sha256 or pdq or photodna):
        raise _Bad(None, "has no MD5, SHA1, SHA256, PDQ or PhotoDNA hash")
    category = _category(get("Category"))
    precategorized = _flag("IsPrecategorized", get("IsPrecategorized"))
    tags = get("Tags")
    tagged_new = isinstance(tags, list) and NEW_TAG in tags
    # Category 0 is "uncategorised" in the VIC scheme: with IsPrecategorized false, or tiaki's tag, the
    # item is listed but not graded.
    ungraded = category is None or category == "0"
    status = "new" if tagged_new or (ungraded and precategorized is False) else None
    try:
        category_for(profile, category)
    except ValueError as exc:
        raise _Bad("Category", str(exc)) from None
    series = get("Series")
    return ListEntry(
        entry_id=_text("MediaID", get("MediaID")) or str(row),
        md5=md5,
        sha1=sha1,
        sha256=sha256,
        pdq=pdq,
        photodna=photodna,
        category=category,
        # a series is a name; some exporters nest it as an object with a "Name"
        series=_text("Series", series.get("Name") if isinstance(series, dict) else series),
        victim_identified=_flag("VictimIdentified", get("VictimIdentified")),
        is_distributed=_flag("IsDistributed", get("IsDistributed")),
        comments=_text("Comments", get("Comments")),
        status=status,
    )


def _alternatives(
    key: str, alternatives: Any, hashes: dict[str, str | None], photodna: str | None
) -> str | None:
    """Merge an ``AlternativeHashes`` list into ``hashes``; returns the PhotoDNA, which may be listed."""
    if not isinstance(alternatives, list) or not all(isinstance(a, dict) for a in alternatives):
        raise _Bad(key, "must be a list of {HashName, HashValue} objects")
    for alternative in alternatives:
        hash_name = re.sub(r"[\s_-]", "", str(alternative.get("HashName") or "")).upper()
        raw = alternative.get("HashValue")
        if hash_name == "PHOTODNA":
            text = _text(key, raw)
            if photodna is not None and text is not None and text != photodna:
                raise _Bad(key, "two different PhotoDNA values")
            photodna = photodna or text
            continue
        kind = _ALT_HASH_NAMES.get(hash_name)
        if kind is None:
            continue  # a hash tiaki does not use (e.g. a vendor's own); it is not an error
        value = _hash(key, raw, kind)
        known = hashes[kind]
        if known is not None and value is not None and value != known:
            raise _Bad(key, f"two different {kind} values ('{known}' and '{value}')")
        hashes[kind] = known or value
    return photodna


def _hash(key: str, raw: Any, kind: str) -> str | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise _Bad(key, f"{kind} must be a string of hex digits, not {json.dumps(raw)}")
    try:
        return parse_hex(raw, kind)
    except ValueError as exc:
        raise _Bad(key, str(exc)) from None


def _category(raw: Any) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        return raw.strip() or None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    raise _Bad("Category", f"{json.dumps(raw)} is not a category")


def _flag(key: str, raw: Any) -> bool | None:
    """VICS booleans arrive as JSON booleans or, from some exporters, as "true"/"false" strings."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
        return raw.strip().lower() == "true"
    raise _Bad(key, f"{json.dumps(raw)} is not a boolean (true or false)")


def _text(key: str, raw: Any) -> str | None:
    """A text value (numbers are accepted and kept as written); empty is ``None``."""
    if raw is None:
        return None
    if isinstance(raw, str):
        return raw.strip() or None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw)
    raise _Bad(key, f"{json.dumps(raw)} is not a text value")


# Writing ------------------------------------------------------------------------------------------


def _media_item(entry: ListEntry, profile: str, index: int, integer_ids: bool = False) -> dict[str, Any]:
    md5, sha1, sha256, pdq = entry.md5, entry.sha1, entry.sha256, entry.pdq
    new = entry.status == "new"
    try:
        if not (md5 or sha1 or sha256 or pdq or entry.photodna):
            raise ValueError("has no md5, sha1, sha256, pdq or photodna")
        if new and entry.category:
            raise ValueError("is new (not graded) but has a category")
        md5 = md5 and parse_hex(md5, "md5")
        sha1 = sha1 and parse_hex(sha1, "sha1")
        sha256 = sha256 and parse_hex(sha256, "sha256")
        pdq = pdq and parse_hex(pdq, "pdq")
        category_for(profile, entry.category)
    except ValueError as exc:
        raise ValueError(f"entry {index} ('{entry.entry_id}'): {exc}") from None

    item: dict[str, Any] = {"MediaID": index if integer_ids else _as_number(entry.entry_id)}
    if entry.category:
        item["Category"] = _as_number(entry.category)
    if new:
        item["IsPrecategorized"] = False
        item["Tags"] = [NEW_TAG]
    if md5:
        item["MD5"] = md5
    if sha1:
        item["SHA1"] = sha1
    for key, value in (
        ("PhotoDNA", entry.photodna),
        ("Series", entry.series),
        ("VictimIdentified", entry.victim_identified),
        ("IsDistributed", entry.is_distributed),
        ("Comments", entry.comments),
    ):
        if value is not None:
            item[key] = value
    if sha256 or pdq:
        keyed = {"MD5": md5} if md5 else {}
        item["AlternativeHashes"] = [
            keyed | {"HashName": hash_name, "HashValue": value}
            for hash_name, value in (("SHA256", sha256), ("PDQ", pdq))
            if value
        ]
    return item


def _as_number(text: str) -> int | str:
    """VICS MediaID and Category are integers; a value that is not one exactly is kept as text."""
    exact = text.isascii() and text.isdigit() and (text[0] != "0" or text == "0")
    return int(text) if exact else text
