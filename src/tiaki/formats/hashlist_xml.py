"""NCMEC's industry hash-sharing XML (``https://hashsharing.ncmec.org/hashsharing/v2``), as its API
returns entries and as members save them::

    <queryResult xmlns="https://hashsharing.ncmec.org/hashsharing/v2">
      <images count="1" maxTimestamp="...">
        <image>
          <member id="42">Member name</member>
          <timestamp>2024-01-01T00:00:00Z</timestamp>
          <id>entry-id</id>
          <classification>A1</classification>
          <fingerprints><md5>...</md5><sha1>...</sha1><pdna>...</pdna><pdq>...</pdq></fingerprints>
        </image>
        <deletedImage>...</deletedImage>
      </images>
      <videos>... <video> ... </video> ...</videos>
    </queryResult>

``image`` and ``video`` elements become entries of that kind; ``classification`` (the industry scale
A1-B2) is the category under the ``industry`` profile and is kept in ``classification``; ``pdna``
(PhotoDNA) is kept as written. ``deletedImage``/``deletedVideo`` (withdrawn by the member) are not
imported, and are counted in the list's notes; so are entries whose only fingerprints are of a type
tiaki does not read. Parsed with defusedxml (no DTD, entities or external references).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse as defused_parse

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import PROFILES, HashList, ListEntry
from tiaki.formats.values import parse_hex

NAMESPACE = "https://hashsharing.ncmec.org/hashsharing/v2"
_FINGERPRINTS = {"md5": "md5", "sha1": "sha1", "sha256": "sha256", "pdq": "pdq"}


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def is_ncmec_xml(root: ET.Element) -> bool:
    return _local(root.tag) == "queryResult" or NAMESPACE in root.tag


def read_ncmec_xml(path: Path, *, name: str | None = None, profile: str | None = None) -> HashList:
    """An NCMEC hash-sharing XML file as a list (profile ``industry`` unless another is given)."""
    file = str(path)
    chosen = profile or "industry"
    if chosen not in PROFILES:
        raise InputError(file, f"profile '{chosen}' is not one of {', '.join(PROFILES)}")
    try:
        root = defused_parse(str(path), forbid_dtd=True, forbid_entities=True, forbid_external=True).getroot()
    except DefusedXmlException as error:
        raise InputError(
            file, f"refused: the XML declares a DTD, entities or external references ({error})"
        ) from None
    except ET.ParseError as error:
        raise InputError(file, f"is not well-formed XML: {error}", row=error.position[0]) from None
    except (ValueError, LookupError, OSError) as error:
        raise InputError(file, f"is not readable XML: {error}") from None
    if not is_ncmec_xml(root):
        raise InputError(file, f"<{_local(root.tag)}> is not an NCMEC hash-sharing document")
    entries: list[ListEntry] = []
    deleted = skipped = 0
    index = 0
    for element in root.iter():
        tag = _local(element.tag)
        if tag in ("deletedImage", "deletedVideo"):
            deleted += 1
            continue
        if tag not in ("image", "video"):
            continue
        index += 1
        entry = _entry(file, index, element, tag, chosen)
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    notes = []
    if deleted:
        notes.append(f"{deleted} deleted entries not imported")
    if skipped:
        notes.append(f"{skipped} entries with no MD5, SHA-1, SHA-256, PDQ or PhotoDNA not imported")
    return HashList(
        name=name or path.stem,
        profile=chosen,
        source=f"{path.name} (NCMEC hash sharing)",
        entries=entries,
        notes=notes,
    )


def _child(element: ET.Element, tag: str) -> str | None:
    for child in element:
        if _local(child.tag) == tag and child.text and child.text.strip():
            return child.text.strip()
    return None


def _entry(file: str, index: int, element: ET.Element, kind: str, profile: str) -> ListEntry | None:
    entry_id = _child(element, "id") or str(index)
    entry = ListEntry(entry_id=entry_id, kind=kind)
    member = next((child for child in element if _local(child.tag) == "member"), None)
    if member is not None and (member.text or "").strip():
        entry.comments = f"member {member.get('id') or '?'}: {member.text.strip()}"  # type: ignore[union-attr]
    classification = _child(element, "classification")
    if classification is not None:
        code = classification.upper()
        if code not in PROFILES["industry"]:
            raise InputError(
                file,
                f"entry '{entry_id}': classification '{classification}' is not A1-B2",
                row=index,
                field="classification",
            )
        entry.classification = code
        if profile == "industry":
            entry.category = code
    for fingerprints in (child for child in element if _local(child.tag) == "fingerprints"):
        for value in fingerprints:
            tag = _local(value.tag).lower()
            text = (value.text or "").strip()
            if not text:
                continue
            if tag in ("pdna", "photodna"):
                entry.photodna = entry.photodna or text
            elif tag in _FINGERPRINTS:
                try:
                    setattr(entry, _FINGERPRINTS[tag], parse_hex(text, _FINGERPRINTS[tag]))
                except ValueError as error:
                    raise InputError(
                        file, f"entry '{entry_id}': {error}", row=index, field=f"fingerprints/{tag}"
                    ) from None
    return entry if entry.has_hash() else None


def write_ncmec_xml(path: Path, hash_list: HashList) -> None:
    """The list as an NCMEC hash-sharing ``queryResult`` (images and videos; video frames are not
    written, use vPDQ files). The classification written is ``classification``, else the category
    when the list's profile is ``industry``."""
    groups: dict[str, list[str]] = {"image": [], "video": []}
    for entry in hash_list.entries:
        classification = entry.classification or (entry.category if hash_list.profile == "industry" else None)
        parts = [f"<id>{escape(entry.entry_id)}</id>"]
        if classification:
            parts.append(f"<classification>{escape(classification)}</classification>")
        prints = [
            f"<{tag}>{escape(value)}</{tag}>"
            for tag, value in (
                ("md5", entry.md5),
                ("sha1", entry.sha1),
                ("sha256", entry.sha256),
                ("pdq", entry.pdq),
                ("pdna", entry.photodna),
            )
            if value
        ]
        if not prints:
            continue
        parts.append(f"<fingerprints>{''.join(prints)}</fingerprints>")
        kind = "video" if entry.kind == "video" else "image"
        groups[kind].append(f"    <{kind}>{''.join(parts)}</{kind}>\n")
    with path.open("w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<queryResult xmlns="{NAMESPACE}">\n')
        for kind, items in groups.items():
            if items:
                out.write(f'  <{kind}s count="{len(items)}">\n{"".join(items)}  </{kind}s>\n')
        out.write("</queryResult>\n")
