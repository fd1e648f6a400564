"""Exact PDQ range search: every indexed hash within a Hamming radius of a query.

Design: multi-index hashing
===========================
A PDQ hash is 256 bits, held as four uint64 words (big-endian words of the hex form, see
:func:`to_words`). Each hash is cut into ``16`` substrings of ``16`` bits: substring ``s`` is bits
``16 * (s % 4)`` to ``16 * (s % 4) + 15`` of word ``s // 4``.

For every substring ``s`` the index keeps one bucket table in CSR form:

* ``positions[s]``: the positions (uint32) of all indexed hashes, ordered by the value of their
  substring ``s`` (a counting sort, so positions ascend within a bucket);
* ``offsets[s]``: 65,537 uint32 offsets; the hashes whose substring ``s`` equals ``v`` are
  ``positions[s, offsets[s, v] : offsets[s, v + 1]]``.

The hashes themselves are one (N, 4) uint64 array. For 10 million hashes that is 320 MB of hashes,
640 MB of positions and 4 MB of offsets: 0.96 GB in all, built by 16 linear passes.

Search, for a query ``q`` and radius ``r``, with ``t = r // 16``: for every substring ``s``, look up
every bucket whose value differs from ``q``'s substring ``s`` in at most ``t`` bits (1 + 16 = 17
buckets for ``t = 1``, which covers ``r <= 31``), and verify each hash found there by the popcount
of its XOR with ``q`` over the four words. A hash within ``r`` is reported only at the first
substring where it is within ``t`` bits of ``q``, which needs no set of hashes already seen.

Why this is exact
-----------------
*Nothing is missed.* The distance between two hashes is the sum of the distances of their 16
substrings. If every substring differed in ``t + 1`` bits or more, the distance would be at least
``16 * (t + 1) > r``. So every hash ``h`` with ``d(q, h) <= r`` has a substring within ``t`` bits,
and in particular a *first* such substring ``s*``. At ``s*`` the bucket holding ``h`` is probed
(its value is within ``t`` bits of ``q``'s), ``h`` is verified (``d <= r``) and, ``s*`` being the
first, it is reported.

*Nothing is reported twice.* A hash appears once in each table, and within one table only the one
probe whose bit mask equals the XOR of the two substrings reaches its bucket; it is reported only at
``s*``, so exactly once.

*Nothing beyond the radius is reported*: every hash is verified on its full 256-bit distance.

For ``r > 47`` the number of buckets to probe makes the tables slower than reading every hash, so
such searches scan all hashes instead (still exact).

Adding hashes
-------------
:meth:`PdqIndex.add` appends to a small delta segment that is searched by a scan. When it holds more
than :data:`DELTA_LIMIT` hashes (and before :meth:`PdqIndex.save`) it is merged into the tables by
one linear pass per table that moves each bucket to its new place, backwards and in place when the
arrays have room, so nothing is sorted again.

Persistence
-----------
:meth:`PdqIndex.save` writes a directory of ``.npy`` files (``words``, ``offsets``, ``positions``)
and :meth:`PdqIndex.load` reads them back, or memory-maps them, without rebuilding anything.

Threads
-------
The search and build loops are numba functions that release the GIL; a batch of queries is split
into chunks answered on a thread pool (by default one thread per available core).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from numba import njit, types
from numba.extending import intrinsic

from tiaki.engines.pdq import MATCH_THRESHOLD

SUBSTRINGS = 16
SUBSTRING_BITS = 16
KEYS = 1 << SUBSTRING_BITS
MAX_TABLE_RADIUS = SUBSTRINGS * 3 - 1  # 47: probe buckets within 2 bits; beyond, scan
DELTA_LIMIT = 65_536
FORMAT_VERSION = 1
_CHUNK = 64  # queries per task on the thread pool
_MASK16 = np.uint64(0xFFFF)


def to_words(hex_hashes: Sequence[str]) -> np.ndarray:
    """64-hex-character hashes as an (N, 4) uint64 array (big-endian words)."""
    if len(hex_hashes) == 0:
        return np.zeros((0, 4), dtype=np.uint64)
    for i, h in enumerate(hex_hashes):
        if len(h) != 64:
            raise ValueError(f"hash {i} is {len(h)} characters long, not 64: {h!r}")
    try:
        raw = bytes.fromhex("".join(hex_hashes))
    except ValueError as exc:
        raise ValueError(f"hashes must be hexadecimal: {exc}") from None
    return np.frombuffer(raw, dtype=">u8").reshape(-1, 4).astype(np.uint64)


class Matches(NamedTuple):
    """Every (query, indexed hash) pair within the radius, sorted by query then position."""

    query: np.ndarray  # int64: row of the query
    position: np.ndarray  # int64: position of the indexed hash (order of insertion)
    distance: np.ndarray  # int64: Hamming distance


# ---------------------------------------------------------------------------------------------
# numba kernels


@intrinsic
def _popcount(typingctx: Any, x: Any) -> Any:
    sig = types.int64(types.uint64)

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        return builder.ctpop(args[0])

    return sig, codegen


@njit(inline="always")
def _substring(word: np.uint64, s: int) -> int:
    return np.int64((word >> np.uint64((s & 3) * SUBSTRING_BITS)) & _MASK16)


@njit(inline="always")
def _append(out_q, out_p, out_d, n, q, p, d):  # type: ignore[no-untyped-def]
    if n == out_q.shape[0]:
        grown = 2 * n
        new_q = np.empty(grown, np.int64)
        new_p = np.empty(grown, np.int64)
        new_d = np.empty(grown, np.int64)
        new_q[:n] = out_q
        new_p[:n] = out_p
        new_d[:n] = out_d
        out_q, out_p, out_d = new_q, new_p, new_d
    out_q[n] = q
    out_p[n] = p
    out_d[n] = d
    return out_q, out_p, out_d


@njit(nogil=True, cache=True)
def _search_tables(words, offsets, positions, queries, radius, masks, sub_radius):  # type: ignore[no-untyped-def]
    out_q = np.empty(1024, np.int64)
    out_p = np.empty(1024, np.int64)
    out_d = np.empty(1024, np.int64)
    n = 0
    for qi in range(queries.shape[0]):
        q0 = queries[qi, 0]
        q1 = queries[qi, 1]
        q2 = queries[qi, 2]
        q3 = queries[qi, 3]
        for s in range(SUBSTRINGS):
            qkey = _substring(queries[qi, s >> 2], s)
            for mi in range(masks.shape[0]):
                key = qkey ^ masks[mi]
                for j in range(offsets[s, key], offsets[s, key + 1]):
                    p = positions[s, j]
                    d = (
                        _popcount(q0 ^ words[p, 0])
                        + _popcount(q1 ^ words[p, 1])
                        + _popcount(q2 ^ words[p, 2])
                        + _popcount(q3 ^ words[p, 3])
                    )
                    if d <= radius:
                        first = True
                        for e in range(s):
                            x = queries[qi, e >> 2] ^ words[p, e >> 2]
                            if _popcount(np.uint64(_substring(x, e))) <= sub_radius:
                                first = False
                                break
                        if first:
                            out_q, out_p, out_d = _append(out_q, out_p, out_d, n, qi, p, d)
                            n += 1
    return out_q[:n], out_p[:n], out_d[:n]


@njit(nogil=True, cache=True)
def _scan(words, count, queries, radius):  # type: ignore[no-untyped-def]
    out_q = np.empty(1024, np.int64)
    out_p = np.empty(1024, np.int64)
    out_d = np.empty(1024, np.int64)
    n = 0
    for qi in range(queries.shape[0]):
        q0 = queries[qi, 0]
        q1 = queries[qi, 1]
        q2 = queries[qi, 2]
        q3 = queries[qi, 3]
        for p in range(count):
            d = (
                _popcount(q0 ^ words[p, 0])
                + _popcount(q1 ^ words[p, 1])
                + _popcount(q2 ^ words[p, 2])
                + _popcount(q3 ^ words[p, 3])
            )
            if d <= radius:
                out_q, out_p, out_d = _append(out_q, out_p, out_d, n, qi, p, d)
                n += 1
    return out_q[:n], out_p[:n], out_d[:n]


@njit(nogil=True, cache=True)
def _count_keys(words, start, stop, s, offsets_row):  # type: ignore[no-untyped-def]
    """offsets_row[v + 1] += number of hashes in words[start:stop] whose substring s is v."""
    w = s >> 2
    for i in range(start, stop):
        offsets_row[_substring(words[i, w], s) + 1] += 1


@njit(nogil=True, cache=True)
def _build_table(words, count, s, offsets_row, positions_row):  # type: ignore[no-untyped-def]
    """Counting sort of words[:count] on substring s into one CSR table."""
    offsets_row[:] = 0
    _count_keys(words, 0, count, s, offsets_row)
    for v in range(KEYS):
        offsets_row[v + 1] += offsets_row[v]
    cursor = offsets_row[:KEYS].copy()
    w = s >> 2
    for i in range(count):
        v = _substring(words[i, w], s)
        positions_row[cursor[v]] = i
        cursor[v] += 1


@njit(nogil=True, cache=True)
def _merge_table(words, old_count, new_count, s, offsets_row, positions_row):  # type: ignore[no-untyped-def]
    """Add words[old_count:new_count] to the table of substring s, in place.

    positions_row must have room for new_count entries. Buckets only move towards the end, so
    moving them from the last to the first never overwrites one not yet moved.
    """
    added = np.zeros(KEYS + 1, np.int64)
    _count_keys(words, old_count, new_count, s, added)
    for v in range(KEYS):
        added[v + 1] += added[v]
    # added[v] now counts the new hashes in buckets before v: bucket v shifts by that much.
    w = s >> 2
    for v in range(KEYS - 1, -1, -1):
        lo = np.int64(offsets_row[v])
        hi = np.int64(offsets_row[v + 1])
        shift = added[v]
        if shift:
            for j in range(hi - 1, lo - 1, -1):
                positions_row[j + shift] = positions_row[j]
    for v in range(KEYS + 1):
        offsets_row[v] += added[v]
    # Each bucket's new hashes go at its end (after the old ones), in order of position.
    cursor = np.empty(KEYS, np.int64)
    for v in range(KEYS):
        cursor[v] = np.int64(offsets_row[v + 1]) - (added[v + 1] - added[v])
    for i in range(old_count, new_count):
        v = _substring(words[i, w], s)
        positions_row[cursor[v]] = i
        cursor[v] += 1


# ---------------------------------------------------------------------------------------------


def _threads(threads: int | None) -> int:
    if threads is not None:
        return max(1, threads)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _map(fn: Callable[[int], Any], items: Sequence[int], threads: int) -> list[Any]:
    if threads == 1 or len(items) <= 1:
        return [fn(i) for i in items]
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(fn, items))


def _probe_masks(sub_radius: int) -> np.ndarray:
    """Every 16-bit mask of at most sub_radius bits, by weight."""
    values = np.arange(KEYS, dtype=np.int64)
    weight = np.bitwise_count(values)
    return values[np.argsort(weight, kind="stable")][: int((weight <= sub_radius).sum())]


def _as_words(hashes: Sequence[str] | np.ndarray) -> np.ndarray:
    if isinstance(hashes, np.ndarray):
        if hashes.ndim != 2 or hashes.shape[1] != 4:
            raise ValueError(f"hashes must be an (N, 4) array of uint64 words, not shape {hashes.shape}")
        return np.ascontiguousarray(hashes, dtype=np.uint64)
    return to_words(hashes)


def _aligned(rows: int) -> np.ndarray:
    """An empty (rows, 4) uint64 array starting on a 64-byte boundary: no hash spans two cache lines."""
    raw = np.empty(rows * 4 + 8, dtype=np.uint64)
    skip = (-raw.ctypes.data % 64) // 8
    return raw[skip : skip + rows * 4].reshape(rows, 4)


class PdqIndex:
    """Exact range search over PDQ hashes (see the module documentation for the design).

    ``hashes`` is a sequence of 64-character hex strings or an (N, 4) uint64 array of words; an
    array already in that form is used as it is, not copied, and must not be changed afterwards.
    Positions in results are the order in which hashes were given, then added.
    """

    def __init__(self, hashes: Sequence[str] | np.ndarray = (), *, threads: int | None = None):
        words = _as_words(hashes)
        if len(words) >= 2**32 - 1:
            raise ValueError("an index holds fewer than 2**32 - 1 hashes")
        self.threads = _threads(threads)
        self._words = words  # the tabled hashes are self._words[: self._count]
        self._count = len(words)
        self._offsets = np.zeros((SUBSTRINGS, KEYS + 1), dtype=np.uint32)
        self._positions = np.empty((SUBSTRINGS, self._count), dtype=np.uint32)
        self._delta = np.empty((0, 4), dtype=np.uint64)
        self._delta_count = 0
        self._in_place = False  # whether the arrays are ours, with room to merge into

        def build(s: int) -> None:
            _build_table(self._words, self._count, s, self._offsets[s], self._positions[s])

        if self._count:
            _map(build, range(SUBSTRINGS), self.threads)

    def __len__(self) -> int:
        return self._count + self._delta_count

    @property
    def nbytes(self) -> int:
        """Bytes held by the index's arrays."""
        return self._words.nbytes + self._offsets.nbytes + self._positions.nbytes + self._delta.nbytes

    # -- adding ---------------------------------------------------------------------------------

    def add(self, hashes: Sequence[str] | np.ndarray) -> None:
        """Add hashes; their positions follow on from those already held. No rebuild."""
        words = _as_words(hashes)
        if len(self) + len(words) >= 2**32 - 1:
            raise ValueError("an index holds fewer than 2**32 - 1 hashes")
        needed = self._delta_count + len(words)
        if needed > len(self._delta):
            grown = np.empty((max(needed, 2 * len(self._delta), 1024), 4), dtype=np.uint64)
            grown[: self._delta_count] = self._delta[: self._delta_count]
            self._delta = grown
        self._delta[self._delta_count : needed] = words
        self._delta_count = needed
        if self._delta_count > DELTA_LIMIT:
            self.merge()

    def merge(self) -> None:
        """Move the added hashes into the bucket tables (done by itself when there are many)."""
        old, new = self._count, self._count + self._delta_count
        if new == old:
            return
        if not self._in_place or len(self._words) < new:
            capacity = new + new // 8  # room for later merges to work in place
            words = _aligned(capacity)
            words[:old] = self._words[:old]
            positions = np.empty((SUBSTRINGS, capacity), dtype=np.uint32)
            positions[:, :old] = self._positions[:, :old]
            offsets = np.array(self._offsets, dtype=np.uint32)
            self._words, self._positions, self._offsets = words, positions, offsets
            self._in_place = True
        self._words[old:new] = self._delta[: self._delta_count]

        def merge(s: int) -> None:
            _merge_table(self._words, old, new, s, self._offsets[s], self._positions[s])

        _map(merge, range(SUBSTRINGS), self.threads)
        self._count = new
        self._delta = np.empty((0, 4), dtype=np.uint64)
        self._delta_count = 0

    # -- searching ------------------------------------------------------------------------------

    def search_words(self, queries: np.ndarray, radius: int = MATCH_THRESHOLD) -> Matches:
        """Every indexed hash within ``radius`` of each query, for (Q, 4) uint64 queries."""
        queries = _as_words(queries)
        if radius < 0:
            raise ValueError(f"radius must be at least 0, not {radius}")
        radius = int(radius)
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        if len(queries) and self._count:
            if radius <= MAX_TABLE_RADIUS:
                sub_radius = radius // SUBSTRINGS
                masks = _probe_masks(sub_radius)
                parts += self._batch(
                    lambda chunk: _search_tables(
                        self._words, self._offsets, self._positions, chunk, radius, masks, sub_radius
                    ),
                    queries,
                    0,
                )
            else:
                parts += self._batch(lambda chunk: _scan(self._words, self._count, chunk, radius), queries, 0)
        if len(queries) and self._delta_count:
            parts += self._batch(
                lambda chunk: _scan(self._delta, self._delta_count, chunk, radius), queries, self._count
            )
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return Matches(empty, empty.copy(), empty.copy())
        q = np.concatenate([p[0] for p in parts])
        pos = np.concatenate([p[1] for p in parts])
        dist = np.concatenate([p[2] for p in parts])
        order = np.lexsort((pos, q))
        return Matches(q[order], pos[order], dist[order])

    def _batch(
        self,
        kernel: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray, np.ndarray]],
        queries: np.ndarray,
        base: int,
    ) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        def run(start: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            q, p, d = kernel(queries[start : start + _CHUNK])
            return q + start, p + base, d

        return _map(run, range(0, len(queries), _CHUNK), self.threads)

    def search(self, query_hex: Sequence[str], radius: int = MATCH_THRESHOLD) -> list[tuple[int, int, int]]:
        """(query index, indexed position, distance) for every pair within ``radius``, sorted."""
        found = self.search_words(to_words(query_hex), radius)
        return list(zip(found.query.tolist(), found.position.tolist(), found.distance.tolist(), strict=True))

    # -- persistence ----------------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to the directory ``path`` (created if needed) as .npy files."""
        self.merge()
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "words.npy", self._words[: self._count])
        np.save(folder / "offsets.npy", self._offsets)
        np.save(folder / "positions.npy", self._positions[:, : self._count])
        meta = {"format": FORMAT_VERSION, "substrings": SUBSTRINGS, "count": self._count}
        (folder / "index.json").write_text(json.dumps(meta) + "\n")

    @classmethod
    def load(
        cls, path: str | os.PathLike[str], *, mmap: bool = False, threads: int | None = None
    ) -> PdqIndex:
        """Read an index written by :meth:`save`; with ``mmap`` the files are mapped, not read."""
        folder = Path(path)
        meta_file = folder / "index.json"
        if not meta_file.is_file():
            raise FileNotFoundError(f"{meta_file}: no hash index here")
        meta = json.loads(meta_file.read_text())
        if meta.get("format") != FORMAT_VERSION or meta.get("substrings") != SUBSTRINGS:
            raise ValueError(f"{meta_file}: unsupported index format {meta}")
        index = cls.__new__(cls)
        index.threads = _threads(threads)
        if mmap:
            words = np.load(folder / "words.npy", mmap_mode="r")
            index._positions = np.load(folder / "positions.npy", mmap_mode="r")
        else:
            words = _read_words(folder / "words.npy")
            index._positions = np.load(folder / "positions.npy")
        index._words = words
        index._offsets = np.load(folder / "offsets.npy")
        index._count = int(meta["count"])
        index._in_place = False
        index._delta = np.empty((0, 4), dtype=np.uint64)
        index._delta_count = 0
        shapes = (index._words.shape, index._offsets.shape, index._positions.shape)
        if shapes != ((index._count, 4), (SUBSTRINGS, KEYS + 1), (SUBSTRINGS, index._count)):
            raise ValueError(f"{folder}: index files do not agree with each other: shapes {shapes}")
        return index


def _read_words(file: Path) -> np.ndarray:
    """Read an (N, 4) uint64 .npy file into a 64-byte-aligned array."""
    with open(file, "rb") as f:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
        else:
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
        if len(shape) != 2 or shape[1] != 4 or fortran or dtype != np.dtype(np.uint64):
            raise ValueError(f"{file}: not an (N, 4) array of uint64 words")
        words = _aligned(shape[0])
        f.readinto(memoryview(words).cast("B"))
    return words
