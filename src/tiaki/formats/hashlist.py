"""The in-memory form of a known-material hash list, whatever file it came from.

Readers: VICS JSON (``vics``), CSV and ICSE CSV (``hashlist_csv``), NCMEC hash-sharing XML
(``hashlist_xml``), StopNCII, HMA/ThreatExchange signals, PDQ-hasher output and plain digest lists
(``signals``), vPDQ video hashes (``vpdq``); ``hashlist_any`` detects which and writes any of them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

ENTRY_KINDS = ("image", "video")
ENTRY_STATUSES = ("known", "new")


@dataclass(frozen=True, slots=True)
class VpdqFrame:
    """One line of a vPDQ hash: ``frame,quality,pdq_hex,timestamp`` (Meta's vPDQ text form)."""

    frame: int  # the frame's number in the video, from 0
    quality: int  # PDQ quality 0-100
    pdq: str  # 64 lower-case hex characters
    timestamp: float  # seconds from the start


@dataclass(slots=True)
class ListEntry:
    """One listed item. At least one of md5, sha1, sha256, pdq, photodna or video_frames is set
    (hex lower case; PhotoDNA as written). An item known by its PhotoDNA alone is kept, so that it is
    carried and exported again, but tiaki cannot match it (PhotoDNA is never computed)."""

    entry_id: str  # the list's own identifier for the item (VICS MediaID, ICSE Image ID, or a row number)
    md5: str | None = None
    sha1: str | None = None
    sha256: str | None = None
    pdq: str | None = None
    photodna: str | None = None  # kept and exported, never computed
    category: str | None = None  # the category as the list states it, e.g. "1" or "A"
    series: str | None = None
    victim_identified: bool | None = None
    is_distributed: bool | None = None
    comments: str | None = None
    # The industry classification (A1, A2, B1, B2) when the list gives one beside its category.
    classification: str | None = None
    kind: str | None = None  # "image" or "video" when the list says; None when it does not
    video_frames: tuple[VpdqFrame, ...] | None = None  # a video's vPDQ hash (kind "video")
    # "new": listed but not graded (a referral package's new items); an importer must not treat such
    # an entry as known material. None or "known": as the list grades it.
    status: str | None = None

    def has_hash(self) -> bool:
        return bool(self.md5 or self.sha1 or self.sha256 or self.pdq or self.photodna or self.video_frames)


@dataclass
class HashList:
    """A list with where it came from; ``profile`` says what its category values mean."""

    name: str
    profile: str  # a key of PROFILES: "vic-us", "dhs-legacy", "uk-caid", "industry" or "generic"
    source: str | None = None
    version: str | None = None
    published: date | None = None
    licence: str | None = None
    entries: list[ListEntry] = field(default_factory=list)
    # What the reader left out and why, e.g. "2 deleted entries skipped", for the import's record.
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    label: str
    severity: int  # 0 = not pertinent or unknown, 1..3 = increasing seriousness, for triage


# What a category value means depends on the scheme the list was written in. Labels are the schemes'
# own names for their categories.
PROFILES: dict[str, dict[str, Category]] = {
    "vic-us": {
        "0": Category("0", "non-pertinent", 0),
        "1": Category("1", "child abuse material", 3),
        "2": Category("2", "child exploitive / age difficult", 2),
        "3": Category("3", "CGI / animation", 1),
        "4": Category("4", "comparison", 0),
    },
    "dhs-legacy": {
        "0": Category("0", "uncategorised", 0),
        "1": Category("1", "child abuse material", 3),
        "2": Category("2", "child exploitive / age difficult", 2),
        "3": Category("3", "CGI / animation", 1),
        "4": Category("4", "comparison", 0),
        "5": Category("5", "non-pertinent", 0),
    },
    # UK CAID's letters, and the numbers UK-region VICS exports carry for them (0 = not graded,
    # 1-3 = A-C, 4 = not indecent), as docs/hashlists.md records.
    "uk-caid": {
        "A": Category("A", "category A", 3),
        "B": Category("B", "category B", 2),
        "C": Category("C", "category C", 1),
        "0": Category("0", "uncategorised", 0),
        "1": Category("1", "category A", 3),
        "2": Category("2", "category B", 2),
        "3": Category("3", "category C", 1),
        "4": Category("4", "not indecent", 0),
    },
    # The industry classification scale (NCMEC's hash sharing, the CyberTipline's
    # industryClassification): A = prepubescent, B = pubescent; 1 = sex act, 2 = lascivious
    # exhibition. Severity follows the act, as the UK scheme does; the age band is in the label.
    "industry": {
        "A1": Category("A1", "prepubescent minor, sex act", 3),
        "A2": Category("A2", "prepubescent minor, lascivious exhibition", 2),
        "B1": Category("B1", "pubescent minor, sex act", 3),
        "B2": Category("B2", "pubescent minor, lascivious exhibition", 2),
    },
    "generic": {},
}

# Under ``generic``, values are kept as written with severity 1, except these, whose meaning is
# known whatever the list: Interpol ICSE's baseline (material that is illegal everywhere) is the
# most serious severity.
GENERIC_KNOWN = {"baseline": Category("baseline", "ICSE baseline (Interpol)", 3)}


def category_for(profile: str, code: str | None) -> Category | None:
    """The meaning of ``code`` under ``profile``; ``None`` for uncategorised. Unknown codes raise."""
    if code is None or code == "":
        return None
    if profile == "generic":
        return GENERIC_KNOWN.get(code.lower()) or Category(code, code, 1)
    try:
        return PROFILES[profile][code]
    except KeyError:
        raise ValueError(f"category '{code}' does not exist in profile '{profile}'") from None


def fingerprint_line(entry: ListEntry) -> str:
    """One entry's line in the list's fingerprint (see :func:`list_fingerprint`)."""
    frames = ";".join(f"{f.pdq}:{f.quality}" for f in entry.video_frames or ())
    parts = (
        (entry.md5 or "").lower(),
        (entry.sha1 or "").lower(),
        (entry.sha256 or "").lower(),
        (entry.pdq or "").lower(),
        entry.photodna or "",
        entry.category or "",
        entry.classification or "",
        entry.status or "",
        frames,
    )
    return "|".join(parts)


def fingerprint_of(lines: Iterable[str]) -> str:
    """The fingerprint of a list from its entries' lines, in any order."""
    digest = hashlib.sha256()
    for line in sorted(lines):
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def list_fingerprint(entries: Iterable[ListEntry]) -> str:
    """The content identity of a list: SHA-256 over its entries' sorted normalised lines.

    A line is an entry's hashes (hex lower case), PhotoDNA, category, classification, status and video
    frames; entry ids, kinds, series, flags and comments are left out, because formats that carry no id
    number their rows and a list exported and read again must keep its identity. The same list under
    another name, in another format or in another order has the same fingerprint.
    """
    return fingerprint_of(fingerprint_line(entry) for entry in entries)
