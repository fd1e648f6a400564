"""A package's media indicators for partners' platforms: a MISP event (through ``pymisp``) and a STIX
2.1 bundle (through ``stix2``), each carrying the package's handling marking.

- **MISP**: one ``file`` object per media item (``md5``, ``sha1``, ``sha256``, and the PDQ hash as a
  ``text`` attribute named in its comment, MISP having no PDQ type); the event is tagged with the
  TLP 2.0 label as MISP's ``tlp`` taxonomy writes it (``tlp:amber+strict``), the Europol handling
  code and the evaluation (``tiaki:handling="H2"``, ``tiaki:evaluation="B2"``); distribution
  "your organisation only". New, ungraded items carry the tag ``tiaki:new-ungraded`` and
  ``to_ids`` false, so that importing the event does not turn them into known-material detections.
- **STIX 2.1**: one ``indicator`` per item with a file-hash pattern, marked with ``stix2``'s TLP
  marking definition (TLP 1.0 in STIX's own vocabulary: CLEAR is written as WHITE, AMBER+STRICT as
  AMBER) and a statement marking that gives the exact TLP 2.0 label, the handling code and the
  evaluation. New items are labelled ``new-ungraded``.

Identifiers are UUID v5 over the package's identity and each item's SHA-256, and times are the
package's ``as_of`` date, so the same package gives byte-identical files on a re-run.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from tiaki.formats.handling import Marking

MISP = "misp-event.json"
STIX = "stix-bundle.json"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tiaki:referral-package")


@dataclass(frozen=True)
class MediaIndicator:
    """One media item of a package, as its indicators describe it."""

    media_id: str
    md5: str
    sha1: str
    sha256: str
    pdq: str
    known: bool
    grade: str  # the grade's label in the sender's scheme, or "ungraded"


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def misp_event(name: str, items: Sequence[MediaIndicator], handling: Marking, as_of: date) -> bytes:
    """The MISP event of a package called ``name`` (e.g. "Operation X, NZ"), as JSON bytes."""
    from pymisp import MISPEvent, MISPObject

    event = MISPEvent()
    event.uuid = _uuid("misp", name)
    event.info = f"{name}: media indicators (hashes only, no media)"
    event.distribution = 0  # your organisation only
    event.threat_level_id = 1
    event.analysis = 2
    event.date = as_of
    event.add_tag(handling.tlp.lower())
    event.add_tag(f'tiaki:handling="{handling.code}"')
    event.add_tag(f'tiaki:evaluation="{handling.evaluation}"')
    for item in items:
        obj = MISPObject("file", standalone=False)
        obj.uuid = _uuid("misp-object", name, item.sha256 or item.media_id)
        obj.comment = f"media {item.media_id}: {'known' if item.known else 'new'}, {item.grade}"
        for relation in ("md5", "sha1", "sha256"):
            value = getattr(item, relation)
            if value:
                attribute = obj.add_attribute(relation, value=value, to_ids=item.known)
                assert attribute is not None  # pymisp returns None only for an empty value
                attribute.uuid = _uuid("misp-attribute", name, item.media_id, relation)
                if not item.known:
                    attribute.add_tag("tiaki:new-ungraded")
        if item.pdq:
            attribute = obj.add_attribute("text", value=item.pdq, comment="PDQ perceptual hash")
            assert attribute is not None
            attribute.uuid = _uuid("misp-attribute", name, item.media_id, "pdq")
        event.add_object(obj)
    data = json.loads(event.to_json())
    return (json.dumps({"Event": data}, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()


_STIX_TLP = {
    "TLP:CLEAR": "TLP_WHITE",
    "TLP:GREEN": "TLP_GREEN",
    "TLP:AMBER": "TLP_AMBER",
    "TLP:AMBER+STRICT": "TLP_AMBER",
    "TLP:RED": "TLP_RED",
}


def stix_bundle(name: str, items: Sequence[MediaIndicator], handling: Marking, as_of: date) -> bytes:
    """The STIX 2.1 bundle of a package called ``name``, as JSON bytes."""
    from stix2 import v21

    when = datetime.combine(as_of, time(), tzinfo=UTC)
    tlp = getattr(v21, _STIX_TLP[handling.tlp])
    statement = v21.MarkingDefinition(
        id=f"marking-definition--{_uuid('stix-statement', name)}",
        created=when,
        definition_type="statement",
        definition={"statement": f"{handling.line()}. {handling.statement()}"},
    )
    objects: list[object] = [tlp, statement]
    for item in items:
        hashes = [
            f"file:hashes.'{kind}' = '{value}'"
            for kind, value in (("SHA-256", item.sha256), ("SHA-1", item.sha1), ("MD5", item.md5))
            if value
        ]
        if not hashes:
            continue
        objects.append(
            v21.Indicator(
                id=f"indicator--{_uuid('stix-indicator', name, item.sha256 or item.media_id)}",
                created=when,
                modified=when,
                valid_from=when,
                name=f"media {item.media_id} ({'known' if item.known else 'new'})",
                description=f"{item.grade}; PDQ {item.pdq}" if item.pdq else item.grade,
                indicator_types=["attribution"],
                labels=["known-material" if item.known else "new-ungraded"],
                pattern="[" + " OR ".join(hashes) + "]",
                pattern_type="stix",
                object_marking_refs=[tlp.id, statement.id],
            )
        )
    bundle = v21.Bundle(objects=objects, id=f"bundle--{_uuid('stix-bundle', name)}")
    return (bundle.serialize(pretty=True, sort_keys=True) + "\n").encode()
