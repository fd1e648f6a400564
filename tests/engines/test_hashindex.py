import numpy as np

from tiaki.engines.hashindex import PdqIndex


def _flip(hex_hash: str, bits: list[int]) -> str:
    value = int(hex_hash, 16)
    for b in bits:
        value ^= 1 << b
    return f"{value:064x}"


def test_range_search_finds_exactly_the_hashes_within_the_radius():
    rng = np.random.default_rng(3)
    base = f"{int.from_bytes(rng.bytes(32), 'big'):064x}"
    indexed = [_flip(base, list(range(d))) for d in range(0, 40)]  # distances 0..39 from base
    found = PdqIndex(indexed).search([base], radius=31)
    assert [(q, i, d) for q, i, d in found] == [(0, d, d) for d in range(32)]


def test_empty_index_finds_nothing():
    assert PdqIndex([]).search(["0" * 64]) == []
