"""Clue ranking over the shipped reference tables."""

from __future__ import annotations

from tiaki.engines.clues import Clue, countries_for, rank, tables


def test_the_plug_table_knows_the_common_types() -> None:
    t = tables()
    assert t.plugs["GB"] == {"G"}
    assert "I" in t.plugs["NZ"] and "I" in t.plugs["AU"]
    assert {"A", "B"} <= t.plugs["US"]
    assert len(t.plugs) > 150
    assert "iec" in t.source["plugs"].lower()
    assert countries_for(Clue("1", "socket", "type g")) >= {"GB", "IE", "MT", "SG"}
    assert "US" not in countries_for(Clue("1", "socket", "G"))


def test_countries_rank_by_how_many_clues_agree() -> None:
    clues = [
        Clue("socket", "socket", "I"),
        Clue("sign", "language", "en"),
        Clue("bar", "product", "Kiwi Crunch"),
        Clue("uniform", "uniform", "green jersey, grey shorts"),
    ]
    ranked = rank(clues, {"kiwi crunch": ["nz"]})
    assert ranked[0].country == "NZ"
    assert ranked[0].agreeing == 3 and ranked[0].placed == 3
    assert ranked[0].clues == ("socket", "sign", "bar")
    au = next(c for c in ranked if c.country == "AU")
    assert au.agreeing == 2
    assert all(c.agreeing <= 3 for c in ranked)
    assert [c.country for c in rank(clues, {"kiwi crunch": ["nz"]}, top=1)] == ["NZ"]


def test_a_product_without_markets_and_free_text_clues_place_nothing() -> None:
    assert countries_for(Clue("1", "product", "Unknown Bar")) == frozenset()
    assert countries_for(Clue("1", "uniform", "navy blazer")) == frozenset()
    assert rank([Clue("1", "uniform", "navy blazer")]) == []


def test_plate_formats_and_languages() -> None:
    assert "DE" in countries_for(Clue("1", "plate", "eu-blue-band"))
    assert countries_for(Clue("1", "plate", "uk-yellow-rear")) == {"GB"}
    assert "MX" in countries_for(Clue("1", "language", "ES"))
