# ruff: noqa: RUF001
"""Person names and the display names people write on their profiles."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from .names_east import EAST
from .names_west import WEST

_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "ı": "i",
        "ð": "d",
        "þ": "th",
    }
)


def fold(text: str) -> str:
    """ASCII spelling of a Latin-script name (accents stripped)."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def is_latin(text: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


@dataclass(frozen=True)
class Part:
    """One name (given name, surname, nickname) in all the spellings people use for it."""

    forms: tuple[str, ...]
    nicks: tuple[Part, ...] = ()

    @property
    def native(self) -> str:
        return self.forms[0]

    @property
    def latin(self) -> tuple[str, ...]:
        out = [f for f in self.forms if is_latin(f)]
        if out and fold(out[0]) not in out:
            out.append(fold(out[0]))
        return tuple(out) or (self.forms[0],)


def _part(token: str) -> Part:
    token = token.replace("_", " ")
    main, _, nicks = token.partition("~")
    return Part(tuple(main.split("/")), tuple(Part(tuple(n.split("/"))) for n in nicks.split(",") if n))


def _female(form: str, rule: str) -> str:
    low = form.lower()
    if rule == "ru":
        for m, f in (
            ("ский", "ская"),
            ("ий", "ая"),
            ("ый", "ая"),
            ("skiy", "skaya"),
            ("sky", "skaya"),
            ("off", "ova"),
        ):
            if low.endswith(m):
                return form[: -len(m)] + f
        if low.endswith(("ов", "ев", "ёв", "ин", "ын", "ov", "ev", "in", "yn")):
            return form + ("а" if not is_latin(form) else "a")
    elif rule == "pl":
        for m, f in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
            if low.endswith(m):
                return form[: -len(m)] + f
    elif rule == "cs":
        ova = "ova" if form.isascii() else "ová"
        if low.endswith(("ý", "y")):
            return form[:-1] + ("a" if form.isascii() else "á")
        if low.endswith(("a", "e")):
            return form[:-1] + ova
        if low.endswith("ek") or low.endswith("ec"):
            return form[:-2] + form[-1] + ova
        return form + ova
    elif rule == "el":
        for m, f in (
            ("ος", "ου"),
            ("ης", "η"),
            ("ας", "α"),
            ("άς", "ά"),
            ("os", "ou"),
            ("is", "i"),
            ("as", "a"),
        ):
            if low.endswith(m):
                return form[: -len(m)] + f
    return form


@dataclass
class Culture:
    code: str
    male: list[Part]
    female: list[Part]
    surnames_m: list[Part]
    surnames_f: list[Part]
    order: str = "gs"
    native: float = 0.0
    nospace: bool = False
    middle: float = 0.0
    two_surnames: bool = False
    mononym: float = 0.0
    alias_m: list[Part] = field(default_factory=list)
    alias_f: list[Part] = field(default_factory=list)
    middle_m: list[Part] = field(default_factory=list)
    middle_f: list[Part] = field(default_factory=list)


def _culture(code: str, d: dict) -> Culture:
    sur_m, sur_f = [], []
    for token in d["surname"].split():
        male, _, female = token.partition("|")
        pm = _part(male)
        sur_m.append(pm)
        if female:
            sur_f.append(_part(female))
        else:
            rule = d.get("gender", "")
            sur_f.append(Part(tuple(dict.fromkeys(_female(f, rule) for f in pm.forms))) if rule else pm)
    return Culture(
        code=code,
        male=[_part(t) for t in d["male"].split()],
        female=[_part(t) for t in d["female"].split()],
        surnames_m=sur_m,
        surnames_f=sur_f,
        order=d.get("order", "gs"),
        native=d.get("native", 0.0),
        nospace=d.get("nospace", False),
        middle=d.get("middle", 0.0),
        two_surnames=d.get("two_surnames", False),
        mononym=d.get("mononym", 0.0),
        alias_m=[_part(t) for t in d.get("alias_m", "").split()],
        alias_f=[_part(t) for t in d.get("alias_f", "").split()],
        middle_m=[_part(t) for t in d.get("middle_m", "").split()],
        middle_f=[_part(t) for t in d.get("middle_f", "").split()],
    )


CULTURES = {code: _culture(code, d) for code, d in {**WEST, **EAST}.items()}


def zipf_pick(rng: random.Random, items: list, s: float = 0.9):
    """A list item with weight 1/rank^s: common names are common, so namesakes arise naturally."""
    weights = [1.0 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, weights)[0]


@dataclass
class PersonName:
    culture: Culture
    sex: str
    given: Part
    surnames: list[Part]
    middle: Part | None = None
    alias: Part | None = None
    native_pref: float = 0.0  # how often the person writes in the culture's own script
    spelling: int = 0  # which Latin spelling the person prefers (index, clipped per part)
    traditional: bool = False  # Chinese: traditional characters (Hong Kong, Taiwan)

    def latin(self, part: Part, alt: bool = False, rng: random.Random | None = None) -> str:
        forms = part.latin
        if alt and rng is not None and len(forms) > 1:
            return rng.choice(forms)
        return forms[min(self.spelling, len(forms) - 1)]

    def native(self, part: Part) -> str:
        if self.traditional and len(part.forms) > 1 and not is_latin(part.forms[1]):
            return part.forms[1]
        return part.forms[0]

    def ascii_given(self) -> str:
        return fold(self.latin(self.given)).lower()

    def ascii_surname(self) -> str:
        return fold(self.latin(self.surnames[0])).lower() if self.surnames else ""


def make_name(
    rng: random.Random, culture: Culture, sex: str, surnames: list[Part] | None = None, country: str = ""
) -> PersonName:
    given = zipf_pick(rng, culture.male if sex == "m" else culture.female)
    if surnames is None:
        pool = culture.surnames_m if sex == "m" else culture.surnames_f
        if rng.random() < culture.mononym:
            surnames = []
        elif culture.two_surnames:
            surnames = [zipf_pick(rng, pool), zipf_pick(rng, pool)]
        else:
            surnames = [zipf_pick(rng, pool)]
    middle = None
    mids = culture.middle_m if sex == "m" else culture.middle_f
    if mids:
        middle = rng.choice(mids)
    elif rng.random() < culture.middle:
        middle = zipf_pick(rng, culture.male if sex == "m" else culture.female)
        middle = None if middle == given else middle
    if culture.code == "ru":
        middle = patronymic(zipf_pick(rng, culture.male), sex)
    aliases = culture.alias_m if sex == "m" else culture.alias_f
    alias = rng.choice(aliases) if aliases and rng.random() < 0.5 else None
    native = culture.native and min(1.0, max(0.0, rng.gauss(culture.native, 0.25)))
    spelling = min(int(rng.expovariate(1.6)), 5)
    return PersonName(
        culture,
        sex,
        given,
        surnames,
        middle,
        alias,
        float(native),
        spelling,
        traditional=country in ("HK", "TW"),
    )


def patronymic(father: Part, sex: str) -> Part:
    """Russian patronymic from the father's given name: Sergey -> Sergeevich / Sergeevna."""
    out = []
    for form in father.forms[:2]:
        latin = is_latin(form)
        if form[-1] in "йь" or (latin and form[-1] in "yi"):
            stem = form[:-1] + ("e" if latin else "е")
        else:
            stem = form + ("o" if latin else "о")
        out.append(stem + (("vich" if sex == "m" else "vna") if latin else ("вич" if sex == "m" else "вна")))
    return Part(tuple(out))


def surname_for(culture: Culture, surname: Part, sex: str) -> Part:
    """The same family name in the form a person of ``sex`` carries (Ivanov / Ivanova)."""
    for i, (m, f) in enumerate(zip(culture.surnames_m, culture.surnames_f, strict=True)):
        if surname in (m, f):
            return culture.surnames_f[i] if sex == "f" else culture.surnames_m[i]
    return surname
