"""Exact PDQ range search: every indexed hash within a Hamming radius of a query.

Hashes are held as an (N, 4) array of uint64 words; a query is answered by XOR and popcount over the
whole array. This is exact and simple; a multi-index structure for lists of many millions can replace
it behind the same interface.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tiaki.engines.pdq import MATCH_THRESHOLD


def to_words(hex_hashes: Sequence[str]) -> np.ndarray:
    """64-hex-character hashes as an (N, 4) uint64 array (big-endian words)."""
    if not hex_hashes:
        return np.zeros((0, 4), dtype=np.uint64)
    raw = np.frombuffer(bytes.fromhex("".join(hex_hashes)), dtype=">u8").reshape(-1, 4)
    return raw.astype(np.uint64)


class PdqIndex:
    def __init__(self, hex_hashes: Sequence[str]):
        self.words = to_words(hex_hashes)

    def __len__(self) -> int:
        return len(self.words)

    def search(self, query_hex: Sequence[str], radius: int = MATCH_THRESHOLD) -> list[tuple[int, int, int]]:
        """(query index, indexed position, distance) for every pair within ``radius``, sorted."""
        found: list[tuple[int, int, int]] = []
        if len(self.words) == 0:
            return found
        for qi, q in enumerate(to_words(query_hex)):
            distance = np.bitwise_count(self.words ^ q).sum(axis=1)
            hits = np.flatnonzero(distance <= radius)
            found.extend((qi, int(i), int(distance[i])) for i in hits)
        return found
