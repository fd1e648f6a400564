import numpy as np

from tiaki.engines.grouping import group_near_duplicates


def _flip(hex_hash: str, bits: range) -> str:
    value = int(hex_hash, 16)
    for b in bits:
        value ^= 1 << b
    return f"{value:064x}"


def test_near_copies_group_and_strangers_stay_apart():
    rng = np.random.default_rng(1)
    a, b = (f"{int.from_bytes(rng.bytes(32), 'big'):064x}" for _ in range(2))
    hashes = [a, _flip(a, range(10)), b, _flip(a, range(31)), _flip(b, range(100, 140)), None]
    labels = group_near_duplicates(hashes)
    assert labels.tolist() == [0, 0, 2, 0, 4, 5]


def test_extra_pairs_link_items_without_hashes_and_labels_do_not_depend_on_order():
    labels = group_near_duplicates([None, None, None], extra_pairs=[(2, 1)])
    assert labels.tolist() == [0, 1, 1]
