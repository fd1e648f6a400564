"""Near-duplicate groups: media that are perceptually the same picture, so a person grades each
group once instead of every copy.

Two items are linked when their PDQ hashes lie within ``radius`` bits (default 31, the matching
threshold) or when the caller says they match (videos compared frame by frame); groups are the
connected components (single linkage), labelled by their smallest member so the result does not
depend on input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from tiaki.engines.hashindex import PdqIndex
from tiaki.engines.linkage import UnionFind
from tiaki.engines.pdq import MATCH_THRESHOLD


def group_near_duplicates(
    pdq_hashes: Sequence[str | None],
    *,
    radius: int = MATCH_THRESHOLD,
    extra_pairs: Iterable[tuple[int, int]] = (),
) -> np.ndarray:
    """A group label per item (the smallest index in its group). Items without a hash are linked only
    through ``extra_pairs``."""
    n = len(pdq_hashes)
    forest = UnionFind(n)
    hashed = [i for i, h in enumerate(pdq_hashes) if h]
    if hashed:
        values = [pdq_hashes[i] for i in hashed]
        for qi, ei, _ in PdqIndex(values).search(values, radius):  # type: ignore[arg-type]
            if qi < ei:
                forest.union(hashed[qi], hashed[ei])
    for a, b in extra_pairs:
        forest.union(a, b)
    return forest.labels()
