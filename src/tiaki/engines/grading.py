"""Grade once, derive every scheme: from a reviewer's content facts to each legal or industry scheme.

A reviewer records *facts* in one controlled vocabulary, never a scheme's number: the apparent age
band(s) of any child, whether the depiction is real, drawn, computer-generated or suspected
AI-generated, the conduct level in the terms the legal schemes use, and self-generated indicators.
Every scheme's category is then a function of those facts, by the tables below (each tested in
``tests/engines/test_grading.py``). Codes, labels and severities are those of the hash-list profiles
(``formats.hashlist.PROFILES``; a test keeps the two equal), so a derived grade can be stored,
exported to VICS or put in a package without translation.

Age bands (:data:`AGE_BANDS`): ``infant`` (infant or toddler), ``prepubescent``, ``pubescent``,
``cannot-tell`` (a person whose age, child or adult, cannot be told). No band: no child visible.

Conduct (:data:`CONDUCTS`), from most to least serious, in the terms of the UK Sentencing Council's
definitions: ``penetrative`` (penetrative sexual activity), ``animal-sadism`` (sexual activity with an
animal, or sadism), ``non-penetrative`` (non-penetrative sexual activity), ``posing`` (sexualised
posing, or a sexualised focus), ``other-indecent`` (other indecent), ``none`` (nothing pertinent).

Depiction (:data:`DEPICTIONS`): ``real``, ``drawn``, ``computer-generated``, ``suspected-ai``.

The tables. *Child* means at least one band of infant, prepubescent or pubescent; *young child* at
least one of infant or prepubescent; *sexual* means conduct penetrative, animal-sadism,
non-penetrative or posing.

UK / CAID (``uk-caid``; Sentencing Council, indecent photographs of children, categories A-C).
Photographs and pseudo-photographs only: real, computer-generated and suspected AI-generated
depictions are graded (a photo-realistic computer-generated image is a pseudo-photograph); drawn
material is not (it falls under a separate offence, prohibited images) and is ``0`` (uncategorised).

| facts | code |
|---|---|
| conduct none, or no band at all | ``4`` not indecent |
| only ``cannot-tell``, or drawn | ``0`` uncategorised (needs an apparent child; a person decides) |
| child, penetrative or animal-sadism | ``A`` |
| child, non-penetrative | ``B`` |
| child, posing or other-indecent | ``C`` |

Project VIC (``vic-us``, 0-4) and the legacy DHS numbering (``dhs-legacy``, the same categories with
0 "uncategorised" and 5 "non-pertinent"):

| facts | vic-us | dhs-legacy |
|---|---|---|
| conduct none, or no band | ``0`` non-pertinent | ``5`` non-pertinent |
| drawn or computer-generated, any band, conduct not none | ``3`` CGI / animation | ``3`` |
| child, sexual (real or suspected-ai) | ``1`` child abuse material | ``1`` |
| child, other-indecent (real or suspected-ai) | ``2`` child exploitive / age difficult | ``2`` |
| only ``cannot-tell``, conduct not none (real or suspected-ai) | ``2`` (age difficult) | ``2`` |

Suspected AI-generated material is graded as real: it cannot be told from a photograph, and the US
definition covers computer-generated images indistinguishable from a minor.

Industry classification (``industry``; A = prepubescent, B = pubescent; 1 = sex act, 2 = lascivious
exhibition): only real or suspected-ai depictions of a child, conduct penetrative, animal-sadism or
non-penetrative (1) or posing (2); the youngest band decides the letter. Anything else has no industry
classification (``None``).

Interpol baseline (``baseline``, a flag): a real child (not drawn, not computer-generated, not
suspected AI), apparently prepubescent or younger, in sexual activity or with a sexualised focus
(conduct penetrative, animal-sadism, non-penetrative or posing): material illegal in every country.

Self-generated indicators do not change any category; they travel beside the grade.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

INFANT, PREPUBESCENT, PUBESCENT, CANNOT_TELL = "infant", "prepubescent", "pubescent", "cannot-tell"
AGE_BANDS: dict[str, str] = {
    INFANT: "infant or toddler",
    PREPUBESCENT: "prepubescent",
    PUBESCENT: "pubescent",
    CANNOT_TELL: "cannot tell",
}
REAL, DRAWN, COMPUTER, SUSPECTED_AI = "real", "drawn", "computer-generated", "suspected-ai"
DEPICTIONS: dict[str, str] = {
    REAL: "real",
    DRAWN: "drawn",
    COMPUTER: "computer-generated",
    SUSPECTED_AI: "suspected AI-generated",
}
PENETRATIVE, ANIMAL_SADISM, NON_PENETRATIVE, POSING, OTHER, NONE = (
    "penetrative",
    "animal-sadism",
    "non-penetrative",
    "posing",
    "other-indecent",
    "none",
)
CONDUCTS: dict[str, str] = {
    PENETRATIVE: "penetrative sexual activity",
    ANIMAL_SADISM: "sexual activity with an animal, or sadism",
    NON_PENETRATIVE: "non-penetrative sexual activity",
    POSING: "sexualised posing or focus",
    OTHER: "other indecent",
    NONE: "nothing pertinent",
}
SELF_GENERATED: dict[str, str] = {
    "selfie-framing": "held camera or mirror framing",
    "webcam": "webcam or video-call capture",
    "app-overlay": "a messaging or streaming app's overlay",
    "alone": "the child appears alone",
}

#: Schemes a grade can be derived in, with what they are called.
SCHEMES: dict[str, str] = {
    "uk-caid": "UK / CAID A, B, C",
    "vic-us": "Project VIC (US) 0-4",
    "dhs-legacy": "legacy DHS numbering",
    "industry": "industry scale A1, A2, B1, B2",
    "baseline": "Interpol baseline",
}


@dataclass(frozen=True, slots=True)
class Category:
    """A scheme's category: its code, the scheme's own label, and severity 0-3 (as the profiles)."""

    code: str
    label: str
    severity: int


#: The categories the tables derive, per scheme: the same as ``formats.hashlist.PROFILES``.
CATEGORIES: dict[str, dict[str, Category]] = {
    "uk-caid": {
        "A": Category("A", "category A", 3),
        "B": Category("B", "category B", 2),
        "C": Category("C", "category C", 1),
        "0": Category("0", "uncategorised", 0),
        "4": Category("4", "not indecent", 0),
    },
    "vic-us": {
        "0": Category("0", "non-pertinent", 0),
        "1": Category("1", "child abuse material", 3),
        "2": Category("2", "child exploitive / age difficult", 2),
        "3": Category("3", "CGI / animation", 1),
    },
    "dhs-legacy": {
        "1": Category("1", "child abuse material", 3),
        "2": Category("2", "child exploitive / age difficult", 2),
        "3": Category("3", "CGI / animation", 1),
        "5": Category("5", "non-pertinent", 0),
    },
    "industry": {
        "A1": Category("A1", "prepubescent minor, sex act", 3),
        "A2": Category("A2", "prepubescent minor, lascivious exhibition", 2),
        "B1": Category("B1", "pubescent minor, sex act", 3),
        "B2": Category("B2", "pubescent minor, lascivious exhibition", 2),
    },
}

_CHILD = frozenset({INFANT, PREPUBESCENT, PUBESCENT})
_YOUNG = frozenset({INFANT, PREPUBESCENT})
_SEX_ACT = frozenset({PENETRATIVE, ANIMAL_SADISM, NON_PENETRATIVE})
_SEXUAL = _SEX_ACT | {POSING}
_PHOTOGRAPHIC = frozenset({REAL, SUSPECTED_AI})
BASELINE = Category("baseline", "ICSE baseline (Interpol)", 3)


@dataclass(frozen=True, slots=True)
class Facts:
    """What a reviewer saw, in the one vocabulary (see the module's tables)."""

    age_bands: frozenset[str]
    depiction: str
    conduct: str
    self_generated: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for band in self.age_bands:
            if band not in AGE_BANDS:
                raise ValueError(f"age band '{band}' is not one of {', '.join(AGE_BANDS)}")
        if self.depiction not in DEPICTIONS:
            raise ValueError(f"depiction '{self.depiction}' is not one of {', '.join(DEPICTIONS)}")
        if self.conduct not in CONDUCTS:
            raise ValueError(f"conduct '{self.conduct}' is not one of {', '.join(CONDUCTS)}")
        for sign in self.self_generated:
            if sign not in SELF_GENERATED:
                known = ", ".join(SELF_GENERATED)
                raise ValueError(f"self-generated indicator '{sign}' is not one of {known}")

    @classmethod
    def of(
        cls, age_bands: Iterable[str], depiction: str, conduct: str, self_generated: Iterable[str] = ()
    ) -> Facts:
        return cls(frozenset(age_bands), depiction, conduct, frozenset(self_generated))

    @property
    def child(self) -> bool:
        return bool(self.age_bands & _CHILD)

    @property
    def pertinent(self) -> bool:
        return self.conduct != NONE and bool(self.age_bands)

    def as_dict(self) -> dict[str, object]:
        return {
            "age_bands": sorted(self.age_bands),
            "depiction": self.depiction,
            "conduct": self.conduct,
            "self_generated": sorted(self.self_generated),
        }


def _category(scheme: str, code: str) -> Category:
    return CATEGORIES[scheme][code]


def uk_caid(facts: Facts) -> Category:
    if not facts.pertinent:
        return _category("uk-caid", "4")
    if not facts.child or facts.depiction == DRAWN:
        return _category("uk-caid", "0")
    if facts.conduct in (PENETRATIVE, ANIMAL_SADISM):
        return _category("uk-caid", "A")
    if facts.conduct == NON_PENETRATIVE:
        return _category("uk-caid", "B")
    return _category("uk-caid", "C")


def _vic(facts: Facts, scheme: str, non_pertinent: str) -> Category:
    if not facts.pertinent:
        return _category(scheme, non_pertinent)
    if facts.depiction in (DRAWN, COMPUTER):
        return _category(scheme, "3")
    if facts.child and facts.conduct in _SEXUAL:
        return _category(scheme, "1")
    return _category(scheme, "2")


def vic_us(facts: Facts) -> Category:
    return _vic(facts, "vic-us", "0")


def dhs_legacy(facts: Facts) -> Category:
    return _vic(facts, "dhs-legacy", "5")


def industry(facts: Facts) -> Category | None:
    if facts.depiction not in _PHOTOGRAPHIC or not facts.child or facts.conduct not in _SEXUAL:
        return None
    letter = "A" if facts.age_bands & _YOUNG else "B"
    number = "1" if facts.conduct in _SEX_ACT else "2"
    return _category("industry", letter + number)


def interpol_baseline(facts: Facts) -> bool:
    return facts.depiction == REAL and bool(facts.age_bands & _YOUNG) and facts.conduct in _SEXUAL


def derive(facts: Facts, scheme: str) -> Category | None:
    """The category of ``facts`` in ``scheme`` (a key of :data:`SCHEMES`); ``None`` when the scheme has
    none for them (no industry classification; not baseline). Unknown schemes raise ``ValueError``."""
    if scheme == "uk-caid":
        return uk_caid(facts)
    if scheme == "vic-us":
        return vic_us(facts)
    if scheme == "dhs-legacy":
        return dhs_legacy(facts)
    if scheme == "industry":
        return industry(facts)
    if scheme == "baseline":
        return BASELINE if interpol_baseline(facts) else None
    raise ValueError(f"scheme '{scheme}' is not one of {', '.join(SCHEMES)}")


def derive_all(facts: Facts) -> dict[str, Category | None]:
    """Every scheme's category for ``facts``."""
    return {scheme: derive(facts, scheme) for scheme in SCHEMES}


def severity(facts: Facts) -> int:
    """0-3, the most serious any scheme gives (the queue's and the budgets' measure)."""
    return max((c.severity for c in derive_all(facts).values() if c is not None), default=0)


#: Which scheme a country's agencies grade in, unless the operator's table says otherwise.
DEFAULT_COUNTRY_SCHEMES: dict[str, str] = {
    "GB": "uk-caid",
    "IE": "uk-caid",
    "US": "vic-us",
    "CA": "vic-us",
}
DEFAULT_SCHEME = "vic-us"


def scheme_for(country: str, table: Mapping[str, str] | None = None) -> str:
    """The scheme a recipient in ``country`` (ISO 3166-1 alpha-2) reads grades in: the operator's
    ``table`` first, then :data:`DEFAULT_COUNTRY_SCHEMES`, then :data:`DEFAULT_SCHEME`."""
    code = country.upper()
    if table and code in table:
        return table[code]
    return DEFAULT_COUNTRY_SCHEMES.get(code, DEFAULT_SCHEME)
