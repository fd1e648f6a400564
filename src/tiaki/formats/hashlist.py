"""The in-memory form of a known-material hash list, whatever file it came from (VICS JSON, CSV)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class HashEntry:
    """One known item. At least one of md5, sha1, sha256, pdq is set (lower-case hex)."""

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


@dataclass
class HashList:
    """A list with where it came from; ``profile`` says what its category values mean."""

    name: str
    profile: str  # "vic-us", "dhs-legacy", "uk-caid" or "generic"
    source: str | None = None
    version: str | None = None
    published: date | None = None
    licence: str | None = None
    entries: list[HashEntry] = field(default_factory=list)


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
    "uk-caid": {
        "A": Category("A", "category A", 3),
        "B": Category("B", "category B", 2),
        "C": Category("C", "category C", 1),
    },
    "generic": {},
}


def category_for(profile: str, code: str | None) -> Category | None:
    """The meaning of ``code`` under ``profile``; ``None`` for uncategorised. Unknown codes raise."""
    if code is None or code == "":
        return None
    if profile == "generic":
        return Category(code, code, 1)
    try:
        return PROFILES[profile][code]
    except KeyError:
        raise ValueError(f"category '{code}' does not exist in profile '{profile}'") from None
