"""Usernames and mailbox names: spelled from the person's name or invented, and how people vary them."""

from __future__ import annotations

import random
import re

from .names import PersonName, fold

ADJ = [
    "silent",
    "dark",
    "blue",
    "red",
    "little",
    "crazy",
    "happy",
    "lazy",
    "wild",
    "lucky",
    "cosmic",
    "shadow",
    "golden",
    "frozen",
    "sweet",
    "lost",
    "angry",
    "tiny",
    "mighty",
    "sleepy",
    "electric",
    "purple",
    "iron",
    "swift",
    "quiet",
    "bright",
    "lonely",
    "funky",
    "rusty",
    "neon",
    "savage",
    "fluffy",
    "salty",
    "spicy",
    "cool",
    "mad",
    "big",
    "real",
    "true",
]
NOUN = [
    "fox",
    "wolf",
    "tiger",
    "dragon",
    "falcon",
    "panda",
    "otter",
    "raven",
    "ninja",
    "gamer",
    "rider",
    "pilot",
    "coder",
    "hunter",
    "wizard",
    "knight",
    "ghost",
    "storm",
    "river",
    "moon",
    "star",
    "cat",
    "dog",
    "bear",
    "shark",
    "eagle",
    "lion",
    "phoenix",
    "rocket",
    "pixel",
    "bunny",
    "kitty",
    "angel",
    "queen",
    "king",
    "boss",
    "legend",
    "monkey",
    "cookie",
    "muffin",
    "mango",
    "potato",
    "noodle",
    "viking",
    "samurai",
]
WORDS = [
    "music",
    "travel",
    "photo",
    "daily",
    "life",
    "world",
    "vibes",
    "style",
    "zone",
    "crew",
    "fan",
    "art",
    "sport",
    "foot",
    "chef",
]

NAME_PATTERNS = [
    ("{f}.{l}", 14),
    ("{f}_{l}", 7),
    ("{f}{l}", 14),
    ("{fi}{l}", 9),
    ("{f}{li}", 3),
    ("{l}{f}", 3),
    ("{l}.{f}", 3),
    ("{f}{l}{yy}", 8),
    ("{fi}{l}{yy}", 6),
    ("{f}{yyyy}", 5),
    ("{f}_{l}{d2}", 3),
    ("{n}{d3}", 3),
    ("{f}{l}{d3}", 3),
    ("{n}_{l}", 2),
    ("the{f}{l}", 1),
    ("{f}.{l}.{yy}", 2),
    ("{l}{fi}", 2),
    ("{f}{d4}", 3),
    ("real{f}{l}", 1),
    ("{f}{l}official", 1),
]
HANDLE_PATTERNS = [
    ("{adj}{noun}", 10),
    ("{adj}_{noun}{d2}", 8),
    ("{noun}{d4}", 5),
    ("xX{noun}Xx", 2),
    ("{noun}_{noun2}", 4),
    ("{f}{noun}", 6),
    ("{f}_{word}", 4),
    ("{adj}{noun}{yy}", 6),
    ("{noun}.{word}", 2),
    ("{f}{f}{d2}", 1),
    ("its{f}", 2),
    ("{noun}{d2}_{adj}", 2),
]


def clean(text: str) -> str:
    """Lower-case ASCII letters and digits only (how names turn into handles)."""
    return re.sub(r"[^a-z0-9]", "", fold(text).lower())


def _fill(rng: random.Random, pattern: str, pn: PersonName, yob: int) -> str:
    f = clean(pn.latin(pn.given, rng.random() < 0.12, rng)) or "user"
    nick = clean(pn.latin(rng.choice(pn.given.nicks))) if pn.given.nicks else f
    if pn.alias is not None and rng.random() < 0.5:
        nick = clean(pn.latin(pn.alias)) or nick
    sur = pn.surnames[0] if pn.surnames else None
    last = clean(pn.latin(sur)) if sur is not None else rng.choice(NOUN)
    values = {
        "f": f,
        "l": last,
        "fi": f[0],
        "li": last[0],
        "n": nick or f,
        "yy": f"{yob % 100:02d}",
        "yyyy": str(yob),
        "d2": f"{rng.randrange(100):02d}",
        "d3": str(rng.randrange(100, 1000)),
        "d4": str(rng.randrange(1000, 10000)),
        "adj": rng.choice(ADJ),
        "noun": rng.choice(NOUN),
        "noun2": rng.choice(NOUN),
        "word": rng.choice(WORDS),
    }
    return pattern.format(**values)


def name_handle(rng: random.Random, pn: PersonName, yob: int) -> str:
    pats, weights = zip(*NAME_PATTERNS, strict=True)
    return _fill(rng, rng.choices(pats, weights)[0], pn, yob)


def random_handle(rng: random.Random, pn: PersonName, yob: int) -> str:
    pats, weights = zip(*HANDLE_PATTERNS, strict=True)
    return _fill(rng, rng.choices(pats, weights)[0], pn, yob)


def base_handle(rng: random.Random, pn: PersonName, yob: int) -> str:
    return name_handle(rng, pn, yob) if rng.random() < 0.55 else random_handle(rng, pn, yob)


def vary(rng: random.Random, handle: str, yob: int) -> str:
    """A variation of a handle a person already uses elsewhere."""
    stem = handle.rstrip("0123456789")
    r = rng.randrange(10)
    if r == 0:
        return stem + f"{rng.randrange(100):02d}"
    if r == 1:
        return handle + rng.choice(["_", "__", "x", "xx", "1", "2", "_official", "_real", "tv", "_"])
    if r == 2:
        return (
            handle.replace(".", "_")
            if "." in handle
            else handle.replace("_", ".")
            if "_" in handle
            else (handle + "_")
        )
    if r == 3:
        return stem + f"{yob % 100:02d}"
    if r == 4:
        return stem + str(yob)
    if r == 5:
        return ("the" if rng.random() < 0.5 else "real") + handle
    if r == 6:
        return handle[0].upper() + handle[1:]
    if r == 7 and len(stem) > 4:
        i = rng.randrange(1, len(stem))
        return stem[:i] + stem[i - 1] + stem[i:] + handle[len(stem) :]
    if r == 8:
        return stem.replace("o", "0", 1) + handle[len(stem) :] if "o" in stem else stem + "0"
    return handle + str(rng.randrange(2, 10))


class Registry:
    """Usernames taken per platform (case-insensitive): a second Mary Brown gets marybrown7."""

    def __init__(self) -> None:
        self.taken: dict[str, dict[str, int]] = {}

    def claim(self, rng: random.Random, platform: str, wanted: str) -> str:
        taken = self.taken.setdefault(platform, {})
        name = wanted[:30]
        tries = 0
        while name.lower() in taken:
            tries += 1
            suffix = rng.choice(
                [
                    str(rng.randrange(2, 10)),
                    f"{rng.randrange(100):02d}",
                    str(rng.randrange(100, 10000)),
                    "_" + str(rng.randrange(10, 100)),
                ]
            )
            name = (
                wanted[: 30 - len(suffix)] + suffix if tries < 20 else wanted[:20] + str(rng.randrange(10**9))
            )
        taken[name.lower()] = 1
        return name
