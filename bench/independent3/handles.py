"""Usernames (from names or invented) and display names (the many ways people show their name)."""

from __future__ import annotations

import random

from .contacts import name_bits
from .names import PersonName
from .textutil import Weighted

ADJ = (
    "silent",
    "dark",
    "blue",
    "crazy",
    "happy",
    "lucky",
    "little",
    "big",
    "wild",
    "cool",
    "lazy",
    "red",
    "golden",
    "sweet",
    "mad",
    "sunny",
    "cosmic",
    "shadow",
    "frosty",
    "electric",
    "lost",
    "brave",
    "tiny",
    "super",
    "real",
    "true",
    "night",
    "urban",
    "mystic",
    "pink",
)
NOUN = (
    "fox",
    "wolf",
    "tiger",
    "ninja",
    "panda",
    "dragon",
    "rider",
    "gamer",
    "queen",
    "king",
    "star",
    "moon",
    "sky",
    "storm",
    "ghost",
    "boy",
    "girl",
    "cat",
    "bear",
    "hawk",
    "pixel",
    "coder",
    "angel",
    "devil",
    "dreamer",
    "traveler",
    "chef",
    "baker",
    "hunter",
    "knight",
    "lion",
    "bunny",
    "kitty",
    "soul",
    "vibes",
)
DECOR_PRE = ("✨", "🌸", "★", "💫", "🔥", "❤️", "👑", "~", "xX", "")
DECOR_POST = ("✨", "🌸", "★", "💫", "🔥", "❤️", "👑", "~", "Xx", "😎", "🌙", "⚽", "🎮", "💕")
FLAGS = {
    "US": "🇺🇸",
    "GB": "🇬🇧",
    "BR": "🇧🇷",
    "MX": "🇲🇽",
    "IN": "🇮🇳",
    "NG": "🇳🇬",
    "PH": "🇵🇭",
    "TR": "🇹🇷",
    "DE": "🇩🇪",
    "FR": "🇫🇷",
    "ES": "🇪🇸",
    "IT": "🇮🇹",
    "PK": "🇵🇰",
    "EG": "🇪🇬",
    "MA": "🇲🇦",
    "UA": "🇺🇦",
    "RU": "🇷🇺",
    "PL": "🇵🇱",
    "CO": "🇨🇴",
    "AR": "🇦🇷",
    "KE": "🇰🇪",
    "GH": "🇬🇭",
    "ZA": "🇿🇦",
    "VN": "🇻🇳",
}
TITLES = {
    "nigerian": ("Engr.", "Dr.", "Pastor", "Barr.", "Chief"),
    "akan": ("Rev.", "Dr."),
    "anglo": ("Dr.",),
    "german": ("Dr.",),
    "arabic": ("Dr.", "Eng."),
    "urdu": ("Dr.", "Hafiz"),
    "hindi": ("Dr.", "Er."),
    "filipino": ("Engr.", "Atty."),
    "hispanic": ("Lic.", "Ing.", "Dr."),
}


def invented_handle(rng: random.Random) -> str:
    a, n = ADJ[rng.randrange(len(ADJ))], NOUN[rng.randrange(len(NOUN))]
    k = rng.randrange(9)
    num = str(
        rng.choice([rng.randint(1, 99), rng.randint(1980, 2012), rng.randint(100, 9999), 7, 13, 69, 420])
    )
    if k == 0:
        return f"{a}{n}{num}"
    if k == 1:
        return f"{a}_{n}"
    if k == 2:
        return f"x{a}{n}x"
    if k == 3:
        return f"{n}{num}"
    if k == 4:
        return f"the{a}{n}"
    if k == 5:
        return f"{a}.{n}.{num}"
    if k == 6:
        return f"{a.capitalize()}{n.capitalize()}{num}"
    if k == 7:
        return f"{n}_{a}_{num}"
    return f"{a}{n}"


def name_handle(pn: PersonName, year: int, rng: random.Random) -> str:
    g, s = name_bits(pn.given.lat(pn.vi), pn.main_surname())
    if pn.nick is not None and rng.random() < 0.5:
        g = name_bits(pn.nick.lat(0), "")[0] or g
    elif pn.given.dims and rng.random() < 0.25:
        g = name_bits(pn.given.dims[rng.randrange(len(pn.given.dims))][1], "")[0] or g
    if not g:
        return invented_handle(rng)
    yy, yyyy = f"{year % 100:02d}", str(year)
    n2 = str(rng.randint(1, 99))
    options = [
        f"{g}{s}",
        f"{g}.{s}",
        f"{g}_{s}",
        f"{g}{s}{yy}",
        f"{g}{yyyy}",
        f"{g[:1]}{s}",
        f"{g}{n2}",
        f"{s}{g}",
        f"{g}_{yy}",
        f"{g}.{s}{n2}",
        f"its{g}",
        f"{g}official",
        f"real{g}{s[:1]}",
        f"{g}{s[:1]}",
    ]
    if not s:
        options = [f"{g}{yy}", f"{g}{yyyy}", f"{g}_{n2}", f"its{g}", f"{g}{n2}{n2}", f"{g}official"]
    h = options[rng.randrange(len(options))]
    if rng.random() < 0.06:
        h = h.capitalize()
    return h.strip("._")


def vary_handle(h: str, rng: random.Random) -> str:
    k = rng.randrange(6)
    base = h.rstrip("0123456789") or h
    if k == 0:
        return f"{base}{rng.randint(1, 99)}"
    if k == 1:
        return f"{base}_"
    if k == 2:
        return f"_{base}"
    if k == 3:
        return f"{base}{rng.randint(2, 9)}"
    if k == 4:
        return f"{base}.{rng.randint(1, 9)}"
    return f"{base}x"


def tidy(h: str) -> str:
    out = []
    for ch in h:
        if out and ch in "._" and out[-1] in "._":
            continue
        out.append(ch)
    return "".join(out).strip(".") or "user"


def unique_username(h: str, taken: set[str], rng: random.Random) -> str:
    h = tidy(h)
    cand = h
    tries = 0
    while cand.lower() in taken:
        tries += 1
        cand = (
            f"{h}{rng.randint(1, 99 if tries < 5 else 9999)}" if tries < 12 else f"{h}{rng.randrange(10**6)}"
        )
    taken.add(cand.lower())
    return cand


# ---------------------------------------------------------------- display names
DISPLAY_HABITS = Weighted(
    [
        ("full", 40),
        ("given_only", 9),
        ("given_initial", 5),
        ("initial_sur", 3),
        ("nick", 6),
        ("sur_first", 3),
        ("middle", 4),
        ("caps", 3),
        ("lower", 4),
        ("ascii", 3),
        ("variant", 3),
        ("decorated", 4),
        ("handle", 5),
        ("empty", 4),
        ("dual", 2),
        ("adopted", 0),
        ("titled", 1),
        ("flag", 1),
    ]
)


def display_name(pn: PersonName, habit: str, t: float, rng: random.Random, handle: str, country: str) -> str:
    script = pn.script_for(rng)
    full = pn.full(t, script)
    if habit == "full":
        return full
    if habit == "given_only":
        return pn.given_str(script)
    if habit == "given_initial":
        sur = pn.surname_str(t, "latin" if script == "native" and pn.culture.script == "han" else script)
        if not sur:
            return pn.given_str(script)
        return f"{pn.given_str(script)} {sur.replace('bin ', '').replace('binti ', '')[:1].upper()}."
    if habit == "initial_sur":
        sur = pn.surname_str(t, script)
        if not sur or pn.culture.script in ("han", "hangul"):
            return full
        return f"{pn.given_str(script)[:1]}. {sur}"
    if habit == "nick":
        nk = pn.nickname(rng, script)
        if not nk:
            return full
        if rng.random() < 0.5:
            sur = pn.surname_str(t, script)
            return f"{nk} {sur}".strip()
        return nk
    if habit == "sur_first":
        if pn.culture.order == "SG":
            return pn.full(t, script, order="GS" if pn.surname_first_latin else "SG")
        sur = pn.surname_str(t, script)
        if not sur:
            return full
        return f"{sur}, {pn.given_str(script)}" if rng.random() < 0.5 else f"{sur} {pn.given_str(script)}"
    if habit == "middle":
        return pn.full(t, script, middle=True)
    if habit == "caps":
        return full.upper()
    if habit == "lower":
        return full.lower()
    if habit == "ascii":
        return pn.full(t, "ascii")
    if habit == "variant":
        return pn.full(t, "latin", vi=pn.vi + 1 + rng.randrange(3))
    if habit == "decorated":
        base = full if rng.random() < 0.6 else pn.given_str(script)
        pre, post = DECOR_PRE[rng.randrange(len(DECOR_PRE))], DECOR_POST[rng.randrange(len(DECOR_POST))]
        return f"{pre}{base}{post}".strip()
    if habit == "flag":
        return f"{full} {FLAGS.get(country, '🌍')}"
    if habit == "handle":
        return handle
    if habit == "empty":
        return ""
    if habit == "dual":
        if pn.culture.latin_script:
            return full
        return (
            f"{pn.full(t, 'native')} ({pn.full(t, 'latin')})"
            if rng.random() < 0.6
            else (f"{pn.full(t, 'native')} {pn.given.lat(pn.vi)}")
        )
    if habit == "adopted":
        if pn.adopted:
            sur = pn.surname_str(t, "latin")
            return f"{pn.adopted} {sur}" if rng.random() < 0.8 else f"{pn.adopted} {pn.full(t, 'native')}"
        return full
    if habit == "titled":
        titles = TITLES.get(pn.culture.key, ("Dr.",))
        return f"{titles[rng.randrange(len(titles))]} {pn.full(t, 'latin')}"
    return full
