"""Clue ranking: which countries agree with the identifying objects seen in a series.

A clue is text, never an image: an electrical socket or plug type, a product or brand (with the
markets it is sold in), a language on a sign or in speech, a school uniform, a vehicle plate format.
Each clue that can be placed names a set of countries; :func:`rank` orders countries by how many
clues agree, so that three clues pointing at one country rank it above a country only one of them
names. A clue that names no country (a uniform described in words, a product nobody has given
markets for) is counted as unplaced and does not change the ranking.

The reference tables ship in ``data/clue_tables.json`` with their sources (see the README there):
plug and socket types per country (IEC World Plugs types A-O), languages per country and a few plate
formats. Product markets come from the reviewers (the caller passes them). Nothing is fetched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

SOCKET, PRODUCT, LANGUAGE = "socket", "product", "language"
UNIFORM, PLATE, OTHER = "uniform", "plate", "other"
KINDS: dict[str, str] = {
    SOCKET: "electrical socket or plug type",
    PRODUCT: "product or brand",
    LANGUAGE: "language on a sign or in speech",
    UNIFORM: "school uniform",
    PLATE: "vehicle plate format",
    OTHER: "other identifying object",
}


@dataclass(frozen=True)
class Tables:
    plugs: dict[str, frozenset[str]]  # country -> plug types
    languages: dict[str, frozenset[str]]  # ISO 639-1 code -> countries
    plates: dict[str, tuple[str, frozenset[str]]]  # format key -> (label, countries)
    source: dict[str, str]

    def countries_with_plug(self, plug: str) -> frozenset[str]:
        wanted = plug.strip().upper().removeprefix("TYPE ").strip()
        return frozenset(c for c, types in self.plugs.items() if wanted in types)


@cache
def tables() -> Tables:
    """The shipped reference tables (read once)."""
    raw = json.loads(resources.files("tiaki.engines").joinpath("data/clue_tables.json").read_text("utf-8"))
    return Tables(
        plugs={c: frozenset(t) for c, t in raw["plugs"].items()},
        languages={code: frozenset(cs) for code, cs in raw["languages"].items()},
        plates={key: (v["label"], frozenset(v["countries"])) for key, v in raw["plates"].items()},
        source=dict(raw["source"]),
    )


@dataclass(frozen=True, slots=True)
class Clue:
    """One clue card's content: ``kind`` (a key of :data:`KINDS`) and ``value`` (a plug letter, a
    product name, a language code, a plate-format key, or free text for the rest)."""

    ident: str
    kind: str
    value: str


def countries_for(clue: Clue, markets: Mapping[str, Iterable[str]] | None = None) -> frozenset[str]:
    """The countries ``clue`` points at; empty when it cannot be placed. ``markets`` maps a product
    name (case-insensitive) to the countries it is sold in."""
    t = tables()
    value = clue.value.strip()
    if clue.kind == SOCKET:
        return t.countries_with_plug(value)
    if clue.kind == LANGUAGE:
        return t.languages.get(value.lower(), frozenset())
    if clue.kind == PLATE:
        found = t.plates.get(value.lower())
        return found[1] if found else frozenset()
    if clue.kind == PRODUCT and markets:
        lowered = {k.strip().lower(): v for k, v in markets.items()}
        return frozenset(c.upper() for c in lowered.get(value.lower(), ()))
    return frozenset()


@dataclass(frozen=True, slots=True)
class Candidate:
    country: str
    agreeing: int  # clues that name this country
    placed: int  # clues that name any country
    clues: tuple[str, ...]  # the agreeing clues' idents


def rank(
    clues: Iterable[Clue], markets: Mapping[str, Iterable[str]] | None = None, *, top: int | None = None
) -> list[Candidate]:
    """Candidate countries for ``clues``, most agreeing clues first, ties by country code."""
    agreeing: dict[str, list[str]] = {}
    placed = 0
    for clue in clues:
        countries = countries_for(clue, markets)
        if countries:
            placed += 1
        for country in countries:
            agreeing.setdefault(country, []).append(clue.ident)
    ranked = sorted(agreeing.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    result = [Candidate(c, len(ids), placed, tuple(ids)) for c, ids in ranked]
    return result[:top] if top is not None else result
