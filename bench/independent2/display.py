"""Display names: the many ways people write their own name on a profile."""

from __future__ import annotations

import random

from .names import Part, PersonName, fold

HABITS = {
    "full": 30,
    "reversed": 4,
    "comma": 2,
    "initial": 5,
    "given_initial": 6,
    "initials": 2,
    "given": 10,
    "nick": 7,
    "middle": 3,
    "caps": 4,
    "lower": 5,
    "emoji": 6,
    "handle": 8,
    "empty": 5,
    "alt": 4,
    "ascii": 3,
    "alias": 3,
    "dual": 2,
}
EMOJI = [
    "✨",
    "🌸",
    "⚽",
    "🎮",
    "💙",
    "🔥",
    "🌙",
    "☀️",
    "🦋",
    "👑",
    "❤️",
    "😎",
    "🐾",
    "🌻",
    "🍀",
    "💫",
    "🎧",
    "🌊",
]


def flag(country: str) -> str:
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in country.upper()) if len(country) == 2 else ""


def display_name(rng: random.Random, pn: PersonName, habit: str, handle: str, country: str) -> str:
    """The display name a person writes on one account, following one habit."""
    c = pn.culture
    use_native = c.native > 0 and rng.random() < pn.native_pref and habit not in ("ascii", "alt", "initials")
    caseless = pn.given.native.upper() == pn.given.native
    if caseless and habit in ("initial", "given_initial", "comma", "caps", "lower", "middle"):
        use_native = False
    alt = habit == "alt"

    def w(part: Part) -> str:
        return pn.native(part) if use_native else pn.latin(part, alt, rng)

    given = w(pn.given)
    surnames = pn.surnames[:1] if len(pn.surnames) > 1 and rng.random() < 0.4 else pn.surnames
    sur = " ".join(w(s) for s in surnames)
    natural_sg = c.order == "sg" and (use_native or rng.random() < 0.5)
    sep = "" if use_native and (c.nospace or (c.code == "ja" and rng.random() < 0.5)) else " "

    def full() -> str:
        if not sur:
            return given
        if natural_sg:
            mid = f" {w(pn.middle)}" if pn.middle is not None and c.code == "vi" else ""
            return f"{sur}{sep}{mid.strip() + ' ' if mid else ''}{given}".strip()
        return f"{given} {sur}"

    if habit == "empty":
        return ""
    if habit == "handle":
        return handle
    if habit in ("full", "alt", "dual") or (habit == "reversed" and natural_sg):
        name = full()
        if habit == "dual" and use_native and c.native:
            name = f"{name} ({pn.latin(pn.given)} {' '.join(pn.latin(s) for s in pn.surnames)})".replace(
                " )", ")"
            )
        elif rng.random() < 0.015:
            name = rng.choice(["Dr. ", "Dr ", "Mr ", "Mrs ", "Ms. ", "Eng. ", "Prof. "]) + name
        return name
    if habit == "ascii":
        return fold(full())
    if habit == "reversed":
        return f"{sur.upper() if rng.random() < 0.4 else sur} {given}".strip()
    if habit == "comma":
        return f"{sur}, {given}" if sur else given
    if habit == "initial" and sur:
        dot = "." if rng.random() < 0.7 else ""
        return f"{given[0]}{dot} {sur}"
    if habit == "given_initial" and sur:
        return f"{given} {sur[0]}{'.' if rng.random() < 0.6 else ''}"
    if habit == "initials":
        parts = [pn.latin(pn.given)] + [pn.latin(s) for s in pn.surnames]
        dot = "." if rng.random() < 0.5 else ""
        return "".join(p[0].upper() + dot for p in parts if p)
    if habit == "middle" and pn.middle is not None and sur and not natural_sg:
        mid = w(pn.middle)
        return f"{given} {mid if rng.random() < 0.5 else mid[0] + '.'} {sur}"
    if habit == "nick" and pn.given.nicks:
        nick = rng.choice(pn.given.nicks)
        n = pn.native(nick) if use_native else pn.latin(nick, True, rng)
        return f"{n} {sur}" if sur and rng.random() < 0.5 else n
    if habit == "alias" and pn.alias is not None:
        a = pn.native(pn.alias) if use_native and c.code == "th" else pn.latin(pn.alias)
        return (
            f"{a} {pn.latin(pn.surnames[0])}" if pn.surnames and c.code == "zh" and rng.random() < 0.7 else a
        )
    if habit == "caps":
        return full().upper()
    if habit == "lower":
        return full().lower()
    if habit == "emoji":
        base = rng.choice([full(), given, given, handle])
        e = rng.choice(EMOJI)
        style = rng.randrange(5)
        if style == 0:
            return f"{e} {base} {e}"
        if style == 1:
            return f"{base} {e}"
        if style == 2:
            return f"{base} {flag(country)}"
        if style == 3:
            return f"{e}{base}{e}"
        return f"{base} {e}{rng.choice(EMOJI)}"
    if habit == "given":
        return given
    return full()


CULTURE_HABITS = {
    "id": {"given": 3},
    "zh": {"alias": 3, "handle": 1.5, "dual": 2, "nick": 0.3},
    "th": {"alias": 5, "given": 1.5},
    "ja": {"handle": 2, "empty": 1.5, "given": 0.5, "nick": 0.2},
    "ko": {"handle": 1.5, "nick": 0.2},
    "es": {"emoji": 1.5, "nick": 1.5},
    "pt": {"emoji": 1.8, "nick": 1.5, "given": 1.3},
    "ru": {"nick": 1.5, "middle": 2},
    "uk": {"nick": 1.5},
    "en": {"nick": 1.3, "initial": 1.3, "middle": 1.5},
    "ar": {"given": 1.3, "caps": 1.5},
    "ur": {"caps": 1.5, "alt": 1.5},
    "bn": {"caps": 1.5, "alt": 1.5},
    "hi": {"initial": 2, "given": 1.3},
    "tl": {"nick": 2, "emoji": 1.5},
    "wa": {"nick": 1.5, "caps": 1.3},
    "de": {"initial": 1.3, "nick": 0.7},
}


def person_habits(rng: random.Random, culture: str = "", age: int = 35) -> dict[str, float]:
    """A person's own mix of display-name habits: the common ones shaped by culture and age, perturbed,
    and one favourite boosted (most people settle on one way of writing their name)."""
    weights = {
        k: v * rng.uniform(0.3, 1.7) * CULTURE_HABITS.get(culture, {}).get(k, 1.0) for k, v in HABITS.items()
    }
    if age < 25:
        for k, f in (("handle", 2), ("emoji", 2), ("full", 0.6), ("nick", 1.5), ("lower", 1.5)):
            weights[k] *= f
    elif age > 55:
        for k, f in (("full", 1.6), ("caps", 2), ("emoji", 0.4), ("handle", 0.4), ("comma", 1.5)):
            weights[k] *= f
    fav = rng.choices(list(weights), list(weights.values()))[0]
    weights[fav] += 40
    return weights
