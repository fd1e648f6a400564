# ruff: noqa: RUF001
"""Naming cultures and the names of persons: gendered surnames, patronymics, marriage, renderings."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from .names_data import ADOPTED_F, ADOPTED_M, CULTURES
from .textutil import Weighted, fold, fold_german, translit, zipf_weights


@dataclass(frozen=True, slots=True)
class Part:
    native: str
    latin: tuple[str, ...]
    dims: tuple[tuple[str, str], ...] = ()
    gender: str = ""

    def lat(self, i: int = 0) -> str:
        return self.latin[i % len(self.latin)]


# Simplified to traditional characters for the names used (Taiwan, Hong Kong).
TRADITIONAL = str.maketrans(
    "张刘陈杨黄赵吴孙马罗郑谢许韩冯邓欧伟强军涛鹏轩华晓东国杰丽艳颖静诗秀桂梓涵雨婷慧玲嘉欣怡燕婉淑芬",
    "張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧歐偉強軍濤鵬軒華曉東國傑麗豔穎靜詩秀桂梓涵雨婷慧玲嘉欣怡燕婉淑芬",
)
CYRILLIC_LANG = {"russian": "ru", "ukrainian": "uk", "bulgarian": "bg", "serbian": "ru", "kazakh": "ru"}
# What a wife does with her surname at marriage, by culture: take (husband's), hyphen, add (appended), keep.
MARRIAGE = {
    "anglo": (0.74, 0.07, 0.0),
    "german": (0.72, 0.12, 0.0),
    "dutch": (0.55, 0.15, 0.0),
    "nordic": (0.6, 0.1, 0.0),
    "finnish": (0.7, 0.08, 0.0),
    "french": (0.8, 0.05, 0.0),
    "italian": (0.2, 0.0, 0.0),
    "polish": (0.78, 0.17, 0.0),
    "czech": (0.93, 0.03, 0.0),
    "hungarian": (0.5, 0.2, 0.0),
    "romanian": (0.85, 0.08, 0.0),
    "greek": (0.6, 0.0, 0.0),
    "russian": (0.85, 0.02, 0.0),
    "ukrainian": (0.85, 0.02, 0.0),
    "bulgarian": (0.85, 0.02, 0.0),
    "serbian": (0.8, 0.1, 0.0),
    "croatian": (0.8, 0.1, 0.0),
    "lithuanian": (0.9, 0.03, 0.0),
    "turkish": (0.7, 0.0, 0.25),
    "hebrew": (0.7, 0.1, 0.0),
    "japanese": (0.96, 0.0, 0.0),
    "filipino": (0.95, 0.0, 0.0),
    "hindi": (0.6, 0.0, 0.0),
    "nepali": (0.6, 0.0, 0.0),
    "bengali": (0.3, 0.0, 0.0),
    "urdu": (0.35, 0.0, 0.0),
    "tamil": (0.5, 0.0, 0.0),
    "sinhala": (0.8, 0.0, 0.0),
    "nigerian": (0.85, 0.04, 0.0),
    "akan": (0.6, 0.05, 0.0),
    "east_african": (0.6, 0.0, 0.0),
    "nguni": (0.75, 0.1, 0.0),
    "afrikaans": (0.85, 0.05, 0.0),
    "thai": (0.6, 0.0, 0.0),
    "portuguese": (0.0, 0.0, 0.65),
    "kazakh": (0.6, 0.0, 0.0),
    "uzbek": (0.7, 0.0, 0.0),
}
# Share of persons who write their name in their own script (non-Latin cultures), by culture.
NATIVE_SHARE = {
    "russian": 0.62,
    "ukrainian": 0.55,
    "bulgarian": 0.5,
    "serbian": 0.35,
    "kazakh": 0.45,
    "greek": 0.4,
    "hebrew": 0.4,
    "arabic": 0.45,
    "maghrebi": 0.2,
    "persian": 0.5,
    "urdu": 0.1,
    "hindi": 0.12,
    "nepali": 0.15,
    "tamil": 0.12,
    "bengali": 0.2,
    "chinese": 0.75,
    "japanese": 0.65,
    "korean": 0.6,
    "thai": 0.5,
    "ethiopian": 0.3,
}
SURNAME_FIRST_LATIN = {"chinese": 0.45, "japanese": 0.25, "korean": 0.4, "hungarian": 0.6, "vietnamese": 0.55}


def _parse_tokens(text: str, latin_script: bool, lang: str | None) -> list[Part]:
    parts = []
    for tok in text.split():
        gender = ""
        if "@" in tok:
            tok, gender = tok.split("@", 1)
        dims: tuple[tuple[str, str], ...] = ()
        if "~" in tok:
            tok, d = tok.split("~", 1)
            dl = []
            for x in d.split("/"):
                if ":" in x:
                    a, b = x.split(":", 1)
                    dl.append((a.replace("_", " "), b.replace("_", " ")))
                else:
                    dl.append((x.replace("_", " "), x.replace("_", " ")))
            dims = tuple(dl)
        alts: list[str] = []
        if "=" in tok:
            tok, a = tok.split("=", 1)
            alts = [x.replace("_", " ") for x in a.split("/")]
        form = tok.replace("_", " ")
        if latin_script:
            latin = (form, *alts)
        elif alts:
            latin = tuple(alts)
        elif lang:
            latin = (translit(form, lang),)
        else:
            latin = (form,)
        parts.append(Part(form, latin, dims, gender))
    return parts


class Culture:
    def __init__(self, key: str, spec: dict):
        self.key = key
        self.script = str(spec["script"])
        self.latin_script = self.script == "latin"
        self.lang = CYRILLIC_LANG.get(key)
        self.order = str(spec.get("order", "GS"))
        self.rule = str(spec.get("rule", ""))
        self.flags = {k: float(v) for k, v in spec.items() if isinstance(v, float)}
        s = float(spec.get("zipf", 0.8))
        self.male = _parse_tokens(str(spec["m"]), self.latin_script, self.lang)
        self.female = _parse_tokens(str(spec["f"]), self.latin_script, self.lang)
        sur = _parse_tokens(str(spec.get("s", "")), self.latin_script, self.lang)
        self.wm = Weighted(list(zip(self.male, zipf_weights(len(self.male), s), strict=True)))
        self.wf = Weighted(list(zip(self.female, zipf_weights(len(self.female), s), strict=True)))
        sm = [p for p in sur if p.gender != "f"]
        sf = [p for p in sur if p.gender != "m"]
        self.wsm = Weighted(list(zip(sm, zipf_weights(len(sm), s), strict=True))) if sm else None
        self.wsf = Weighted(list(zip(sf, zipf_weights(len(sf), s), strict=True))) if sf else None
        self.vmid_m = _parse_tokens(str(spec.get("vmid_m", "")), True, None)
        self.vmid_f = _parse_tokens(str(spec.get("vmid_f", "")), True, None)
        self.nick_m = _parse_tokens(str(spec.get("nick_m", "")).replace(":", "="), False, None)
        self.nick_f = _parse_tokens(str(spec.get("nick_f", "")).replace(":", "="), False, None)

    def flag(self, name: str) -> float:
        return self.flags.get(name, 0.0)

    def given(self, gender: str, rng: random.Random) -> Part:
        return (self.wm if gender == "m" else self.wf).pick(rng)

    def surname(self, gender: str, rng: random.Random) -> Part | None:
        w = self.wsm if gender == "m" else self.wsf
        return w.pick(rng) if w else None


CULTURE = {k: Culture(k, v) for k, v in CULTURES.items()}


# ---------------------------------------------------------------- gendered surnames and patronymics
def _ru_fem(s: str) -> str:
    low = s.lower()
    for a, b in (
        ("ский", "ская"),
        ("цкий", "цкая"),
        ("ской", "ская"),
        ("ой", "ая"),
        ("skiy", "skaya"),
        ("skii", "skaya"),
        ("sky", "skaya"),
        ("tskiy", "tskaya"),
        ("oy", "aya"),
        ("off", "ova"),
    ):
        if low.endswith(a):
            return s[: -len(a)] + b
    for suf in ("ов", "ев", "ёв", "ин", "ын"):
        if low.endswith(suf):
            return s + "а"
    for suf in ("ov", "ev", "in", "yn"):
        if low.endswith(suf):
            return s + "a"
    return s


def _uk_fem(s: str) -> str:
    low = s.lower()
    for a, b in (
        ("ський", "ська"),
        ("цький", "цька"),
        ("ий", "а"),
        ("skyi", "ska"),
        ("sky", "ska"),
        ("nyi", "na"),
        ("ny", "na"),
    ):
        if low.endswith(a):
            return s[: -len(a)] + b
    for suf in ("ов", "ев", "ін"):
        if low.endswith(suf):
            return s + "а"
    for suf in ("ov", "ev"):
        if low.endswith(suf):
            return s + "a"
    return s


def _pl_fem(s: str) -> str:
    for a, b in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if s.endswith(a):
            return s[: -len(a)] + b
    return s


def _cz_fem(s: str) -> str:
    if s == "Němec":
        return "Němcová"
    if s in ("Horváth", "Varga"):
        return s + "ová" if s.endswith("h") else "Vargová"
    if s.endswith("ý"):
        return s[:-1] + "á"
    if s.endswith("a"):
        return s[:-1] + "ová"
    if s.endswith("ek") or s.endswith("ěk"):
        return s[:-2] + "ková"
    return s + "ová"


def _gr_fem(s: str) -> str:
    for a, b in (
        ("όπουλος", "οπούλου"),
        ("ός", "ού"),
        ("ος", "ου"),
        ("ής", "ή"),
        ("ης", "η"),
        ("άς", "ά"),
        ("ας", "α"),
        ("opoulos", "opoulou"),
        ("os", "ou"),
        ("is", "i"),
        ("as", "a"),
    ):
        if s.endswith(a):
            return s[: -len(a)] + b
    return s


def _lt_fem(s: str, married: bool) -> str:
    if married:
        for a in ("ius", "as", "is", "ys", "us"):
            if s.endswith(a):
                return s[: -len(a)] + "ienė"
        return s
    for a, b in (("ius", "iūtė"), ("as", "aitė"), ("is", "ytė"), ("ys", "ytė"), ("us", "utė")):
        if s.endswith(a):
            return s[: -len(a)] + b
    return s


def _ov_fem(s: str) -> str:
    if s.endswith(("ов", "ев")):
        return s + "а"
    return s + "a" if s.endswith(("ov", "ev")) else s


def gendered(p: Part | None, gender: str, rule: str, married: bool = False) -> Part | None:
    if p is None or gender != "f" or not rule:
        return p
    fn = {
        "russian": _ru_fem,
        "ukrainian": _uk_fem,
        "polish": _pl_fem,
        "czech": _cz_fem,
        "greek": _gr_fem,
        "latin_ov": _ov_fem,
    }.get(rule)
    if rule == "lithuanian":
        return Part(_lt_fem(p.native, married), tuple(_lt_fem(x, married) for x in p.latin), (), "f")
    if fn is None:
        return p
    return Part(fn(p.native), tuple(fn(x) for x in p.latin), (), "f")


def patronymic(father: Part, gender: str, lang: str) -> Part:
    g = father.native
    m = gender == "m"
    if lang == "uk":
        if g == "Микола":
            nat = "Миколайович" if m else "Миколаївна"
        elif g.endswith("ій"):
            nat = g[:-2] + ("ійович" if m else "іївна")
        elif g.endswith(("о", "ь")):
            nat = g[:-1] + ("ович" if m else "івна")
        else:
            nat = g + ("ович" if m else "івна")
    else:
        irregular = {"Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична")}
        if g in irregular:
            nat = irregular[g][0 if m else 1]
        elif g in ("Дмитрий", "Георгий"):
            nat = g[:-1] + ("евич" if m else "евна")
        elif g.endswith("ий"):
            nat = g[:-2] + ("ьевич" if m else "ьевна")
        elif g.endswith(("й", "ь")):
            nat = g[:-1] + ("евич" if m else "евна")
        elif g.endswith("а"):
            nat = g[:-1] + ("ич" if m else "ична")
        else:
            nat = g.replace("ё", "е") + ("ович" if m else "овна")
    return Part(nat, (translit(nat, lang),), (), gender)


def bulgarian_middle(father: Part, gender: str) -> Part:
    """Bulgarian middle name: the father's given name made into a surname-like form."""
    g = father.native
    if g.endswith("й"):
        nat = g[:-1] + "ев"
    elif g.endswith("и"):
        nat = g + "ев"
    elif g.endswith(("а", "о")):
        nat = g[:-1] + "ов"
    elif g.endswith("ър"):
        nat = g[:-2] + "ров"
    else:
        nat = g + "ов"
    if gender == "f":
        nat += "а"
    return Part(nat, (translit(nat, "bg"),), (), gender)


# ---------------------------------------------------------------- person names
@dataclass
class PersonName:
    culture: Culture
    gender: str
    given: Part
    given2: Part | None = None
    sur: Part | None = None  # at birth, gendered (hispanic: father's; portuguese: father's, last)
    sur2: Part | None = None  # hispanic: mother's; portuguese: mother's (middle); filipino: mother's maiden
    married_sur: Part | None = None
    married_mode: str = ""  # take, hyphen, add
    married_at: datetime | None = None
    patronymic: Part | None = None
    father: Part | None = None  # bin/binti, patronym surname
    vmid: Part | None = None
    adopted: str = ""
    nick: Part | None = None
    suffix: str = ""
    vi: int = 0  # preferred romanization
    native_pref: float = 0.0  # probability to write in own script
    surname_first_latin: bool = False
    bin_style: str = ""  # "bin" or "" (malay)
    patron_style: str = ""  # "full" or "initial" (tamil)
    extra: dict = field(default_factory=dict)

    # --- pieces
    def family(self, t: datetime | None) -> list[Part]:
        """Surname parts in written order at time t (empty for mononyms)."""
        c = self.culture.key
        if self.bin_style:
            return []
        if self.father is not None and self.sur is None:
            return [self.father]
        fam: list[Part] = []
        if c == "hispanic":
            fam = [p for p in (self.sur, self.sur2) if p]
        elif c == "portuguese":
            fam = [p for p in (self.sur2, self.sur) if p]
        elif self.sur:
            fam = [self.sur]
        if self.married_sur and self.married_at and (t is None or t >= self.married_at):
            if self.married_mode == "take":
                fam = [self.married_sur]
            elif self.married_mode == "hyphen" and fam:
                own, his = fam[-1], self.married_sur
                latin = tuple(
                    f"{own.lat(i)}-{his.lat(i)}" for i in range(max(len(own.latin), len(his.latin)))
                )
                fam = [Part(f"{own.native}-{his.native}", latin)]
            elif self.married_mode == "add":
                fam = [*fam, self.married_sur]
        return fam

    def g(self, script: str) -> str:
        if self.adopted and script == "adopted":
            return self.adopted
        return self._w(self.given, script)

    def main_surname(self, t: float | None = None) -> str:
        """The surname a person puts in a mailbox or a handle (the paternal one in Iberian names)."""
        if (
            self.culture.key == "hispanic"
            and self.sur is not None
            and not (self.married_sur and self.married_mode == "take")
        ):
            return self.sur.lat(self.vi)
        fam = self.family(t)
        if self.bin_style and self.father is not None:
            return self.father.lat(self.vi)
        return fam[-1].lat(self.vi) if fam else ""

    def _w(self, p: Part, script: str, vi: int | None = None) -> str:
        if script == "native":
            if self.extra.get("trad"):
                return p.native.translate(TRADITIONAL)
            return p.native
        s = p.lat(self.vi if vi is None else vi)
        if script == "ascii":
            return fold_german(s) if self.culture.key == "german" and self.vi % 2 else fold(s)
        return s

    def surname_str(self, t: datetime | None, script: str, vi: int | None = None) -> str:
        fam = self.family(t)
        if self.bin_style and self.father:
            link = "bin" if self.gender == "m" else "binti"
            return f"{link} {self._w(self.father, script, vi)}"
        return " ".join(self._w(p, script, vi) for p in fam)

    def given_str(self, script: str, vi: int | None = None, with_middle: bool = False) -> str:
        s = self._w(self.given, script, vi)
        if self.given2 is not None and (with_middle or self.culture.key in ("hispanic", "portuguese")):
            if self.culture.key in ("hispanic", "portuguese") and not with_middle and " " in s:
                return s
            s = s + " " + self._w(self.given2, script, vi)
        return s

    def script_for(self, rng: random.Random) -> str:
        if self.culture.latin_script:
            return "latin"
        return "native" if rng.random() < self.native_pref else "latin"

    # --- renderings
    def full(
        self,
        t: datetime | None,
        script: str = "latin",
        *,
        middle: bool = False,
        order: str = "",
        vi: int | None = None,
    ) -> str:
        c = self.culture
        giv = self.given_str(script, vi, middle)
        if self.vmid is not None and (middle or c.key == "vietnamese"):
            vm = self.vmid.native if script != "ascii" else fold(self.vmid.native)
            giv = vm + " " + giv if c.key == "vietnamese" else giv
        if middle and self.patronymic is not None:
            giv = giv + " " + self._w(self.patronymic, script, vi)
        if middle and c.key == "filipino" and self.sur2 is not None:
            giv = giv + " " + self._w(self.sur2, script, vi)
        sur = self.surname_str(t, script, vi)
        if not sur:
            return giv
        if self.patron_style == "initial":
            ini = sur[:1] + "."
            return f"{ini} {giv}" if order != "GS" else f"{giv} {sur[:1]}"
        if not order:
            sg = c.order == "SG" and (script == "native" or self.surname_first_latin)
            order = "SG" if sg else "GS"
        if order == "SG":
            if script == "native" and c.script in ("han", "hangul"):
                sep = " " if c.key == "japanese" and self.extra.get("jp_space") else ""
                return f"{sur}{sep}{giv}"
            return f"{sur} {giv}"
        name = f"{giv} {sur}"
        if self.suffix:
            name += " " + self.suffix
        return name

    def formal(self, t: datetime | None, script: str) -> str:
        """As on an identity document or a payment record."""
        c = self.culture
        if c.key in ("russian", "ukrainian", "kazakh") and script == "native" and self.patronymic is not None:
            return f"{self.surname_str(t, script)} {self.given_str(script)} {self.patronymic.native}"
        return self.full(t, script, middle=True)

    def nickname(self, rng: random.Random, script: str) -> str | None:
        if self.nick is not None:
            return self.nick.native if script == "native" else self.nick.lat(0)
        if self.given.dims:
            d = self.given.dims[rng.randrange(len(self.given.dims))]
            return d[0] if script == "native" else d[1]
        return None


def make_given2(culture: Culture, gender: str, first: Part, rng: random.Random) -> Part | None:
    """A middle or second given name, where the culture commonly has one."""
    p = {
        "anglo": 0.55,
        "german": 0.25,
        "french": 0.2,
        "dutch": 0.3,
        "nordic": 0.35,
        "finnish": 0.5,
        "italian": 0.1,
        "hispanic": 0.2,
        "portuguese": 0.25,
        "polish": 0.15,
        "filipino": 0.2,
        "afrikaans": 0.5,
        "nigerian": 0.35,
        "akan": 0.3,
        "east_african": 0.25,
    }.get(culture.key, 0.0)
    if rng.random() >= p:
        return None
    for _ in range(4):
        x = culture.given(gender, rng)
        if x.native != first.native:
            return x
    return None


def adopted_name(gender: str, rng: random.Random) -> str:
    lst = ADOPTED_M if gender == "m" else ADOPTED_F
    return lst[rng.randrange(len(lst))]


def typo(s: str, rng: random.Random) -> str:
    """A keying or transcription error in a provider-recorded name."""
    if len(s) < 4:
        return s
    idx = [i for i, ch in enumerate(s) if ch.isalpha()]
    if len(idx) < 3:
        return s
    i = idx[rng.randrange(1, len(idx) - 1)]
    kind = rng.randrange(5)
    if kind == 0 and i + 1 < len(s) and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if kind == 1:
        return s[:i] + s[i + 1 :]
    if kind == 2:
        return s[:i] + s[i] + s[i:]
    if kind == 3 and s[i].lower() in "aeiou":
        rep = "aeiou"[(("aeiou".index(s[i].lower())) + 1 + rng.randrange(4)) % 5]
        return s[:i] + (rep.upper() if s[i].isupper() else rep) + s[i + 1 :]
    near = {
        "n": "m",
        "m": "n",
        "e": "r",
        "r": "t",
        "i": "o",
        "o": "p",
        "s": "d",
        "a": "s",
        "l": "k",
        "t": "y",
    }
    ch = s[i].lower()
    if ch in near:
        rep = near[ch]
        return s[:i] + (rep.upper() if s[i].isupper() else rep) + s[i + 1 :]
    return s[:i] + s[i + 1 :]
