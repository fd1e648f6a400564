"""Every derivation table of ``engines.grading``, row by row (labels only; no content is described)."""

from __future__ import annotations

import itertools

import pytest

from tiaki.engines.grading import (
    AGE_BANDS,
    CATEGORIES,
    CONDUCTS,
    DEPICTIONS,
    SCHEMES,
    Facts,
    derive,
    derive_all,
    scheme_for,
    severity,
)
from tiaki.formats.hashlist import PROFILES


def f(bands: str, depiction: str, conduct: str) -> Facts:
    return Facts.of(bands.split() if bands else [], depiction, conduct)


UK = [
    ("prepubescent", "real", "penetrative", "A"),
    ("pubescent", "real", "animal-sadism", "A"),
    ("infant", "suspected-ai", "penetrative", "A"),
    ("prepubescent", "computer-generated", "non-penetrative", "B"),
    ("pubescent", "real", "non-penetrative", "B"),
    ("pubescent", "real", "posing", "C"),
    ("prepubescent", "real", "other-indecent", "C"),
    ("prepubescent", "real", "none", "4"),
    ("", "real", "penetrative", "4"),
    ("cannot-tell", "real", "penetrative", "0"),
    ("prepubescent", "drawn", "penetrative", "0"),
    ("cannot-tell pubescent", "real", "posing", "C"),
]
VIC = [
    ("prepubescent", "real", "penetrative", "1", "1"),
    ("pubescent", "real", "posing", "1", "1"),
    ("infant", "suspected-ai", "non-penetrative", "1", "1"),
    ("pubescent", "real", "other-indecent", "2", "2"),
    ("cannot-tell", "real", "penetrative", "2", "2"),
    ("prepubescent", "drawn", "posing", "3", "3"),
    ("cannot-tell", "computer-generated", "other-indecent", "3", "3"),
    ("prepubescent", "real", "none", "0", "5"),
    ("", "real", "penetrative", "0", "5"),
]
INDUSTRY = [
    ("prepubescent", "real", "penetrative", "A1"),
    ("infant", "real", "animal-sadism", "A1"),
    ("infant pubescent", "suspected-ai", "non-penetrative", "A1"),
    ("prepubescent", "real", "posing", "A2"),
    ("pubescent", "real", "non-penetrative", "B1"),
    ("pubescent", "real", "posing", "B2"),
    ("pubescent", "real", "other-indecent", None),
    ("cannot-tell", "real", "penetrative", None),
    ("prepubescent", "drawn", "penetrative", None),
    ("prepubescent", "computer-generated", "posing", None),
    ("prepubescent", "real", "none", None),
]
BASELINE = [
    ("prepubescent", "real", "penetrative", True),
    ("infant", "real", "posing", True),
    ("infant", "real", "non-penetrative", True),
    ("pubescent", "real", "penetrative", False),
    ("prepubescent", "real", "other-indecent", False),
    ("prepubescent", "suspected-ai", "penetrative", False),
    ("prepubescent", "drawn", "penetrative", False),
    ("cannot-tell", "real", "penetrative", False),
    ("prepubescent", "real", "none", False),
]


@pytest.mark.parametrize(("bands", "depiction", "conduct", "code"), UK)
def test_uk_caid_table(bands: str, depiction: str, conduct: str, code: str) -> None:
    got = derive(f(bands, depiction, conduct), "uk-caid")
    assert got is not None and got.code == code


@pytest.mark.parametrize(("bands", "depiction", "conduct", "vic", "dhs"), VIC)
def test_vic_us_and_dhs_legacy_tables(bands: str, depiction: str, conduct: str, vic: str, dhs: str) -> None:
    facts = f(bands, depiction, conduct)
    assert (derive(facts, "vic-us") or None).code == vic  # type: ignore[union-attr]
    assert (derive(facts, "dhs-legacy") or None).code == dhs  # type: ignore[union-attr]


@pytest.mark.parametrize(("bands", "depiction", "conduct", "code"), INDUSTRY)
def test_industry_table(bands: str, depiction: str, conduct: str, code: str | None) -> None:
    got = derive(f(bands, depiction, conduct), "industry")
    assert (got.code if got else None) == code


@pytest.mark.parametrize(("bands", "depiction", "conduct", "flag"), BASELINE)
def test_interpol_baseline_table(bands: str, depiction: str, conduct: str, flag: bool) -> None:
    got = derive(f(bands, depiction, conduct), "baseline")
    assert (got is not None) == flag
    if got is not None:
        assert got.code == "baseline"


def test_every_combination_derives_a_code_its_profile_knows() -> None:
    """Exhaustive: every derived code exists in its profile, so it can be stored and exported as is."""
    bands_sets = [set(c) for n in range(3) for c in itertools.combinations(AGE_BANDS, n)]
    for bands, depiction, conduct in itertools.product(bands_sets, DEPICTIONS, CONDUCTS):
        facts = Facts.of(bands, depiction, conduct)
        for scheme, category in derive_all(facts).items():
            if category is not None and scheme != "baseline":
                listed = PROFILES[scheme][category.code]
                assert (listed.code, listed.label, listed.severity) == (
                    category.code,
                    category.label,
                    category.severity,
                )
        assert 0 <= severity(facts) <= 3
        if conduct == "none":
            assert severity(facts) == 0
    assert set(derive_all(Facts.of([], "real", "none"))) == set(SCHEMES)


def test_the_engines_categories_are_the_hash_list_profiles() -> None:
    for scheme, categories in CATEGORIES.items():
        for code, category in categories.items():
            listed = PROFILES[scheme][code]
            assert (listed.code, listed.label, listed.severity) == (code, category.label, category.severity)


def test_self_generated_indicators_never_change_a_category() -> None:
    plain = f("pubescent", "real", "posing")
    marked = Facts.of(["pubescent"], "real", "posing", ["webcam", "selfie-framing"])
    assert derive_all(plain) == derive_all(marked)


def test_facts_outside_the_vocabulary_are_refused() -> None:
    with pytest.raises(ValueError, match="age band"):
        Facts.of(["teen"], "real", "none")
    with pytest.raises(ValueError, match="depiction"):
        Facts.of([], "photo", "none")
    with pytest.raises(ValueError, match="conduct"):
        Facts.of([], "real", "category-a")
    with pytest.raises(ValueError, match="self-generated"):
        Facts.of([], "real", "none", ["phone"])
    with pytest.raises(ValueError, match="scheme"):
        derive(f("", "real", "none"), "nz-ish")


def test_a_country_reads_grades_in_its_scheme_the_operator_table_first() -> None:
    assert scheme_for("gb") == "uk-caid"
    assert scheme_for("US") == "vic-us"
    assert scheme_for("NZ") == "vic-us"
    assert scheme_for("NZ", {"NZ": "uk-caid"}) == "uk-caid"
