"""Deterministic record linkage: accounts sharing a hard identifier belong to one person.

The rule: two accounts are linked when they share a normalised e-mail address, phone number, device id
or payment instrument (``HARD_KINDS``), and linking is transitive (A shares a phone with B, B an e-mail
with C: A, B and C are one cluster). Two exceptions keep junk from collapsing thousands of people into
one:

* a value shared by more than ``max_accounts_per_key`` accounts links nobody. A value that many
  accounts share is infrastructure or filler (a shop's support number, ``test@test.com``, a shared
  payment processor's token), not a person; such values are returned in ``excluded_keys`` so an
  analyst can see what was set aside. A caller with more evidence than the values (names) may pass a
  ``judge``, which decides instead for every value held by ``JUDGED_FROM`` accounts or more, over the
  limit or not, from the accounts that hold it;
* IP addresses are never passed here: households, offices, carriers' NAT and VPNs share them.

Softer evidence (names, dates of birth, addresses) belongs to probabilistic linkage, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from tiaki.engines.identifiers import HARD_KINDS

DEFAULT_MAX_ACCOUNTS_PER_KEY = 20
# The fewest holders of a value a ``judge`` is asked about: with two, the two are a pair a household
# guard decides on, not a crowd.
JUDGED_FROM = 3


class UnionFind:
    """Disjoint sets over the integers ``0 .. n-1``, with path compression and union by size."""

    def __init__(self, n: int) -> None:
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n}")
        self.parent = np.arange(n, dtype=np.int64)
        self.size = np.ones(n, dtype=np.int64)

    def __len__(self) -> int:
        return len(self.parent)

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = int(parent[root])
        while x != root:
            parent[x], x = root, int(parent[x])
        return root

    def union(self, a: int, b: int) -> bool:
        """Merge the sets of ``a`` and ``b``; ``False`` if they were already one set."""
        a, b = self.find(a), self.find(b)
        if a == b:
            return False
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        return True

    def union_pairs(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Union ``a[i]`` with ``b[i]`` for each ``i`` in order; return which pairs merged two sets.

        The loop runs over Python lists, several times faster than element access on numpy arrays,
        and writes the forest back once.
        """
        a = np.asarray(a, dtype=np.int64)
        b = np.asarray(b, dtype=np.int64)
        if a.shape != b.shape or a.ndim != 1:
            raise ValueError("a and b must be one-dimensional and of equal length")
        n = len(self.parent)
        if len(a) and (min(a.min(), b.min()) < 0 or max(a.max(), b.max()) >= n):
            raise IndexError(f"ids must lie in 0..{n - 1}")
        parent: list[int] = self.parent.tolist()
        size: list[int] = self.size.tolist()
        merged = np.zeros(len(a), dtype=bool)
        for i, (x, y) in enumerate(zip(a.tolist(), b.tolist(), strict=True)):
            while parent[x] != x:  # path halving
                parent[x] = parent[parent[x]]
                x = parent[x]
            while parent[y] != y:
                parent[y] = parent[parent[y]]
                y = parent[y]
            if x == y:
                continue
            if size[x] < size[y]:
                x, y = y, x
            parent[y] = x
            size[x] += size[y]
            merged[i] = True
        self.parent[:] = parent
        self.size[:] = size
        return merged

    def roots(self) -> np.ndarray:
        """The root of every element, compressing every path (vectorised pointer jumping)."""
        parent = self.parent
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                return parent.copy()
            parent[:] = grand

    def labels(self) -> np.ndarray:
        """A label per element: the smallest element of its set, so labels do not depend on order."""
        roots = self.roots()
        smallest = np.full(len(roots), np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(smallest, roots, np.arange(len(roots), dtype=np.int64))
        return smallest[roots]


class ExcludedKey(NamedTuple):
    """An identifier value shared by too many accounts to link them."""

    kind: str
    value: str
    accounts: int


@dataclass
class HardResolution:
    """Clusters of accounts and the evidence for them.

    ``labels[i]``: the cluster of account ``i``, named by the smallest account index in it.
    ``links``: ``(account_a, account_b, kind, value)``, one per merge performed: for each cluster a
    spanning tree of evidence, enough to explain why every account in it belongs there.
    ``excluded_keys``: values that linked nobody because too many accounts share them (or, with a
    ``judge``, because it said so).
    """

    labels: np.ndarray
    links: list[tuple[int, int, str, str]] = field(default_factory=list)
    excluded_keys: list[ExcludedKey] = field(default_factory=list)

    @property
    def n_clusters(self) -> int:
        return int(np.unique(self.labels).size)


def resolve_hard(
    n_accounts: int,
    keys: Iterable[tuple[int, str, str]],
    *,
    max_accounts_per_key: int = DEFAULT_MAX_ACCOUNTS_PER_KEY,
    judge: Callable[[str, str, np.ndarray], bool] | None = None,
) -> HardResolution:
    """Cluster accounts that share a hard identifier.

    ``keys`` holds ``(account_index, kind, normalised_value)``; keys of kinds other than ``HARD_KINDS``
    are ignored. The result depends only on the set of keys, never on their order: values are applied
    in order of kind (``HARD_KINDS`` order) then value, and within a value each account is linked to
    the smallest account holding it. ``judge(kind, value, holders)`` (holders: the accounts holding
    the value, in increasing order), when given, is asked about every value held by ``JUDGED_FROM``
    accounts or more and decides whether it links them, in place of ``max_accounts_per_key``.
    """
    if max_accounts_per_key < 2:
        raise ValueError(f"max_accounts_per_key must be at least 2, got {max_accounts_per_key}")
    # Give every (kind, value) an integer id. Ints, unlike per-value lists, create no garbage for the
    # cyclic collector to rescan, which keeps this loop linear in practice.
    ids_by_kind: dict[str, dict[str, int]] = {kind: {} for kind in HARD_KINDS}
    kind_numbers = {kind: i for i, kind in enumerate(HARD_KINDS)}
    account_list: list[int] = []
    kind_list: list[int] = []
    value_list: list[int] = []
    for account, kind, value in keys:
        ids = ids_by_kind.get(kind)
        if ids is not None:
            account_list.append(account)
            kind_list.append(kind_numbers[kind])
            value_list.append(ids.setdefault(value, len(ids)))
    accounts = np.array(account_list, dtype=np.int64)
    if len(accounts) and (accounts.min() < 0 or accounts.max() >= n_accounts):
        raise IndexError(f"account indexes must lie in 0..{n_accounts - 1}")
    values_by_kind = [list(ids_by_kind[kind]) for kind in HARD_KINDS]
    offsets = np.cumsum([0] + [len(values) for values in values_by_kind])
    key_ids = offsets[np.array(kind_list, dtype=np.int64)] + np.array(value_list, dtype=np.int64)

    # Sort by (key, account), drop repeats of the same account under the same key, cut into groups.
    order = np.lexsort((accounts, key_ids))
    key_ids, accounts = key_ids[order], accounts[order]
    if len(key_ids):
        fresh = np.ones(len(key_ids), dtype=bool)
        fresh[1:] = (key_ids[1:] != key_ids[:-1]) | (accounts[1:] != accounts[:-1])
        key_ids, accounts = key_ids[fresh], accounts[fresh]
    starts = np.flatnonzero(np.diff(key_ids, prepend=-1))
    counts = np.diff(starts, append=len(key_ids))

    def describe(group_starts: np.ndarray) -> list[tuple[int, str]]:
        found = key_ids[group_starts]
        kinds = np.searchsorted(offsets, found, side="right") - 1
        return [
            (kind, values_by_kind[kind][local])
            for kind, local in zip(kinds.tolist(), (found - offsets[kinds]).tolist(), strict=True)
        ]

    too_many = counts > max_accounts_per_key
    if judge is not None:
        asked = np.flatnonzero(counts >= JUDGED_FROM)
        for i, (kind_index, value) in zip(asked.tolist(), describe(starts[asked]), strict=True):
            holders = accounts[starts[i] : starts[i] + counts[i]]
            too_many[i] = not judge(HARD_KINDS[kind_index], value, holders)
    excluded = [
        ExcludedKey(HARD_KINDS[kind], value, int(count))
        for (kind, value), count in zip(describe(starts[too_many]), counts[too_many].tolist(), strict=True)
    ]
    excluded.sort(key=lambda item: (kind_numbers[item.kind], item.value))

    # Apply shared values in (kind, value) order; in each, link every holder to the smallest one.
    shared = (counts >= 2) & ~too_many
    shared_keys = describe(starts[shared])
    by_key = sorted(range(len(shared_keys)), key=shared_keys.__getitem__)
    shared_keys = [shared_keys[i] for i in by_key]
    group_starts = starts[shared][by_key]
    others = counts[shared][by_key] - 1
    pair_group = np.repeat(np.arange(len(group_starts)), others)
    within = np.arange(len(pair_group)) - np.repeat(np.cumsum(others) - others, others) + 1
    pair_a = accounts[group_starts[pair_group]]
    pair_b = accounts[group_starts[pair_group] + within]

    forest = UnionFind(n_accounts)
    merged = np.flatnonzero(forest.union_pairs(pair_a, pair_b))
    links = [
        (a, b, HARD_KINDS[shared_keys[g][0]], shared_keys[g][1])
        for a, b, g in zip(
            pair_a[merged].tolist(), pair_b[merged].tolist(), pair_group[merged].tolist(), strict=True
        )
    ]
    return HardResolution(labels=forest.labels(), links=links, excluded_keys=excluded)


def cluster_with_decisions(
    n_accounts: int,
    edges: Sequence[tuple[int, int]],
    *,
    must: Iterable[tuple[int, int]] = (),
    cannot: Iterable[tuple[int, int]] = (),
) -> tuple[np.ndarray, list[int]]:
    """Clusters from evidence edges and investigators' decisions.

    ``must`` pairs (a confirmed link, a merge) are joined first; then ``edges`` in the order given
    (strongest evidence first), skipping any union that would put a ``cannot`` pair (a rejected link,
    a split) into one cluster. A ``must`` pair that contradicts a ``cannot`` pair is skipped too: the
    later decision is expected to have withdrawn the earlier. Returns the labels (smallest member) and
    the indexes of the edges used. With no decisions this equals plain union-find over ``edges``.
    """
    forest = UnionFind(n_accounts)
    apart: dict[int, set[int]] = {}
    for a, b in cannot:
        apart.setdefault(a, set()).add(b)
        apart.setdefault(b, set()).add(a)
    members: dict[int, set[int]] = {}  # root -> members that carry a cannot constraint

    def allowed(ra: int, rb: int) -> bool:
        # A cannot pair spans both clusters exactly when some constrained member of one side has a
        # partner on the other; checking the smaller side is enough.
        left, right = members.get(ra, set()), members.get(rb, set())
        if len(left) > len(right):
            left, rb = right, ra
        return not any(forest.find(other) == rb for x in left for other in apart[x])

    def join(a: int, b: int) -> bool:
        ra, rb = forest.find(a), forest.find(b)
        if ra == rb:
            return False
        if apart and not allowed(ra, rb):
            return False
        forest.union(a, b)
        root = forest.find(a)
        carried = members.pop(ra, set()) | members.pop(rb, set())
        if carried:
            members[root] = carried
        return True

    for a in apart:
        members.setdefault(a, set()).add(a)
    for a, b in must:
        join(a, b)
    used = [i for i, (a, b) in enumerate(edges) if join(a, b)]
    return forest.labels(), used
