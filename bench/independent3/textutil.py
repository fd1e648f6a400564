# ruff: noqa: RUF001
"""Small deterministic helpers: weighted choice, integer mixing, accent folding, transliteration."""

from __future__ import annotations

import bisect
import itertools
import random
import unicodedata
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
MASK64 = (1 << 64) - 1


def mix64(x: int) -> int:
    """splitmix64 finaliser: a fixed integer hash (no dependence on Python's string hashing)."""
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)


def mix(*parts: int) -> int:
    h = 0x1234567
    for p in parts:
        h = mix64(h ^ (p & MASK64))
    return h


class Weighted:
    """Precomputed cumulative weights for fast repeated choice."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, pairs: Sequence[tuple[T, float]]):
        self.items = [p[0] for p in pairs]
        self.cum = list(itertools.accumulate(float(p[1]) for p in pairs))
        self.total = self.cum[-1] if self.cum else 0.0

    def pick(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]

    def __len__(self) -> int:
        return len(self.items)


def wpick(rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    total = 0.0
    for _, w in pairs:
        total += w
    x = rng.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


def zipf_weights(n: int, s: float) -> list[float]:
    return [1.0 / (i + 1) ** s for i in range(n)]


_FOLD = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "œ": "oe",
        "Œ": "Oe",
        "ð": "d",
        "þ": "th",
        "ʻ": "'",
    }
)
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def fold(s: str) -> str:
    """Strip accents the way a keyboard without them, or a card embosser, writes a name."""
    s = s.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def fold_german(s: str) -> str:
    return fold(s.translate(_GERMAN))


def is_latin(s: str) -> bool:
    return all(not (c.isalpha() and ord(c) > 0x24F) for c in s)


_RU = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
    "'": "",
    "ђ": "dj",
    "ј": "j",
    "љ": "lj",
    "њ": "nj",
    "ћ": "c",
    "џ": "dz",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
}
_UK = dict(_RU, г="h", и="y", е="e", й="i", х="kh")
_BG = dict(_RU, ъ="a", щ="sht", х="h")


def translit(s: str, lang: str = "ru") -> str:
    table = _UK if lang == "uk" else _BG if lang == "bg" else _RU
    out = []
    for c in s:
        low = c.lower()
        if low in table:
            t = table[low]
            out.append(t.capitalize() if c != low and t else t)
        else:
            out.append(c)
    return "".join(out)
