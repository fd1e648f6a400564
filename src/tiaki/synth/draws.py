"""Fast scalar random draws for the per-row loops: numpy draws in blocks, handed out one by one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import numpy as np

T = TypeVar("T")
BLOCK = 1 << 16


class Draws:
    """Uniform draws from a :class:`numpy.random.Generator`, fetched ``BLOCK`` at a time.

    The sequence of values depends only on the generator's seed, so loops stay deterministic while
    costing a list index per draw instead of a numpy call.
    """

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self._block: list[float] = []
        self._i = 0

    def u(self) -> float:
        if self._i >= len(self._block):
            self._block = self.rng.random(BLOCK).tolist()
            self._i = 0
        value = self._block[self._i]
        self._i += 1
        return value

    def chance(self, p: float) -> bool:
        return self.u() < p

    def below(self, n: int) -> int:
        return min(int(self.u() * n), n - 1)

    def between(self, lo: int, hi: int) -> int:
        """An integer in [lo, hi]."""
        return lo + self.below(hi - lo + 1)

    def pick(self, seq: Sequence[T]) -> T:
        return seq[self.below(len(seq))]

    def weighted(self, options: Sequence[tuple[T, float]]) -> T:
        total = sum(w for _, w in options)
        x = self.u() * total
        for value, w in options:
            x -= w
            if x < 0:
                return value
        return options[-1][0]

    def geometric(self, p: float, cap: int) -> int:
        """Failures before the first success (0, 1, 2, ...), at most ``cap``."""
        n = 0
        while n < cap and self.u() >= p:
            n += 1
        return n
