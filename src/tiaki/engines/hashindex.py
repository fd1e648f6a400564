"""Exact PDQ range search: every indexed hash within a Hamming radius of a query.

Design: multi-index hashing
===========================
A PDQ hash is 256 bits, held as four uint64 words (big-endian words of the hex form, see
:func:`to_words`). Each word is cut into the same few bit fields, the *layout*, so a hash has
``m`` substrings in all:

* ``(16, 16, 16, 16)``: 16 substrings of 16 bits, for indexes of up to ``WIDE_FROM`` hashes;
* ``(21, 21, 22)``: 12 substrings of 21 or 22 bits, for larger ones (bigger tables, much smaller
  buckets: at 10 million hashes about 11,000 candidates to check per query instead of 42,000).

For every substring ``s`` the index keeps one bucket table in CSR form:

* ``positions[s]``: the positions (uint32) of all indexed hashes, ordered by the value of their
  substring ``s`` (a counting sort, so positions ascend within a bucket);
* a run of ``2**bits + 1`` uint32 offsets in ``offsets``, from ``base[s]``: the hashes whose
  substring ``s`` equals ``v`` are ``positions[s, offsets[base[s] + v] : offsets[base[s] + v + 1]]``.

The hashes themselves are one (N, 4) uint64 array. For 10 million hashes in the wide layout that is
320 MB of hashes, 480 MB of positions and 134 MB of offsets: 0.93 GB in all, built by one linear
counting sort per table.

Search, for a query ``q`` and radius ``r``, with ``t = r // m``: for every substring ``s``, look up
every bucket whose value differs from ``q``'s substring ``s`` in at most ``t`` bits (``t = 1`` for
``r <= 31`` with 16 substrings: 17 buckets each; ``t = 2`` with 12: 232 or 254 buckets each), and
check each hash found there by the popcount of its XOR with ``q`` over the four words. A hash within
``r`` is reported only at the first substring where it is within ``t`` bits of ``q``, which needs no
set of hashes already seen. Each query is answered in three passes (bucket bounds, candidate
positions, verification) so that the random reads of one pass are independent of each other and
are prefetched ahead of use: the cost is memory latency, not arithmetic.

Why this is exact
-----------------
*Nothing is missed.* The distance between two hashes is the sum of the distances of their ``m``
substrings. If every substring differed in ``t + 1`` bits or more, the distance would be at least
``m * (t + 1) > r`` (as ``t = r // m``). So every hash ``h`` with ``d(q, h) <= r`` has a substring
within ``t`` bits, and in particular a *first* such substring ``s*``. At ``s*`` the bucket holding
``h`` is probed (its value is within ``t`` bits of ``q``'s), ``h`` is checked (``d <= r``) and,
``s*`` being the first, it is reported.

*Nothing is reported twice.* A hash appears once in each table, and within one table only the one
probe whose bit mask equals the XOR of the two substrings reaches its bucket; it is reported only at
``s*``, so exactly once.

*Nothing beyond the radius is reported*: every hash is checked on its full 256-bit distance.

For ``r > 47`` the number of buckets to probe makes the tables slower than reading every hash, so
such searches scan all hashes instead (still exact).

Adding hashes
-------------
:meth:`PdqIndex.add` appends to a small delta segment that is searched by a scan. When it holds more
than :data:`DELTA_LIMIT` hashes (and before :meth:`PdqIndex.save`) it is merged into the tables by
one linear pass per table that moves each bucket to its new place, backwards and in place when the
arrays have room, so nothing is sorted again. The layout is chosen when the index is built.

Persistence
-----------
:meth:`PdqIndex.save` writes a directory of ``.npy`` files (``words``, ``offsets``, ``positions``)
and an ``index.json``; :meth:`PdqIndex.load` reads them back, or memory-maps them, without
rebuilding anything.

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
from itertools import combinations
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from llvmlite import ir
from numba import njit, types
from numba.core import cgutils
from numba.extending import intrinsic as _numba_intrinsic

from tiaki.engines.pdq import MATCH_THRESHOLD

NARROW = (16, 16, 16, 16)
WIDE = (21, 21, 22)
WIDE_FROM = 1_000_000  # hashes: from here on the wide layout is the faster
MAX_TABLE_RADIUS = 47  # beyond, a search scans every hash
DELTA_LIMIT = 65_536
FORMAT_VERSION = 1
MAX_HASHES = 2**32 - 2
_CHUNK = 64  # queries per task on the thread pool
_AHEAD = 16  # rows prefetched ahead of use
intrinsic: Any = _numba_intrinsic  # typed loosely: the functions it makes take the typing context


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


class _Layout(NamedTuple):
    widths: tuple[int, ...]  # bits of each field of a word
    word: np.ndarray  # int64 per substring: which word
    shift: np.ndarray  # uint64 per substring: where in the word
    mask: np.ndarray  # uint64 per substring: 2**bits - 1
    base: np.ndarray  # int64 per substring: start of its offsets

    @property
    def substrings(self) -> int:
        return len(self.word)

    @property
    def offsets_size(self) -> int:
        return int(self.base[-1] + self.mask[-1] + 2)

    @classmethod
    def of(cls, widths: Sequence[int]) -> _Layout:
        widths = tuple(int(w) for w in widths)
        if sum(widths) != 64 or min(widths) < 1 or max(widths) > 24:
            raise ValueError(f"a layout cuts a 64-bit word into fields of 1 to 24 bits, not {widths}")
        word, shift, mask, base = [], [], [], []
        start = 0
        for w in range(4):
            at = 0
            for bits in widths:
                word.append(w)
                shift.append(at)
                mask.append((1 << bits) - 1)
                base.append(start)
                start += (1 << bits) + 1
                at += bits
        return cls(
            widths,
            np.array(word, dtype=np.int64),
            np.array(shift, dtype=np.uint64),
            np.array(mask, dtype=np.uint64),
            np.array(base, dtype=np.int64),
        )

    def probe_masks(self, sub_radius: int) -> tuple[np.ndarray, np.ndarray]:
        """Per substring, every bit mask of at most ``sub_radius`` bits within it, and how many."""
        bits = max(self.widths)
        ordered = np.array(
            [
                sum(1 << b for b in chosen)
                for k in range(sub_radius + 1)
                for chosen in combinations(range(bits), k)
            ],
            dtype=np.int64,
        )
        per = [ordered[ordered <= int(m)] for m in self.mask]
        table = np.zeros((len(per), max(len(p) for p in per)), dtype=np.int64)
        for s, p in enumerate(per):
            table[s, : len(p)] = p
        return table, np.array([len(p) for p in per], dtype=np.int64)


# ---------------------------------------------------------------------------------------------
# numba kernels


@intrinsic
def _popcount(typingctx: Any, x: Any) -> Any:
    sig = types.int64(types.uint64)

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        return builder.ctpop(args[0])

    return sig, codegen


@intrinsic
def _prefetch(typingctx: Any, array: Any, i: Any, j: Any) -> Any:
    """Ask the CPU to bring array[i] (1-D; j is ignored) or array[i, j] (2-D) into cache."""
    sig = types.void(array, i, j)

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        arrayty, ity, jty = signature.args
        arr = context.make_array(arrayty)(context, builder, args[0])
        index = [
            context.cast(builder, args[1], ity, types.intp),
            context.cast(builder, args[2], jty, types.intp),
        ][: arrayty.ndim]
        pointer = cgutils.get_item_pointer(context, builder, arrayty, arr, index)
        byte_pointer = ir.IntType(8).as_pointer()
        i32 = ir.IntType(32)
        fnty = ir.FunctionType(ir.VoidType(), [byte_pointer, i32, i32, i32])
        fn = cgutils.get_or_insert_function(builder.module, fnty, "llvm.prefetch.p0")
        builder.call(fn, [builder.bitcast(pointer, byte_pointer), i32(0), i32(3), i32(1)])
        return context.get_dummy_value()

    return sig, codegen


@njit(inline="always")
def _distance(q0, q1, q2, q3, words, p):
    return (
        _popcount(q0 ^ words[p, 0])
        + _popcount(q1 ^ words[p, 1])
        + _popcount(q2 ^ words[p, 2])
        + _popcount(q3 ^ words[p, 3])
    )


@njit(inline="always")
def _grow(array, n):
    """array, or a copy twice its size when its n entries fill it."""
    if n < array.shape[0]:
        return array
    grown = np.empty(2 * array.shape[0], array.dtype)
    grown[:n] = array[:n]
    return grown


@njit(nogil=True, cache=True)
def _search_tables(
    words, offsets, positions, word, shift, mask, base, queries, radius, sub_radius, masks, mask_count
):
    substrings = word.shape[0]
    probes = mask_count.sum()
    probe_sub = np.empty(probes, np.int64)
    probe_at = np.empty(probes, np.int64)
    lo = np.empty(probes, np.int64)
    hi = np.empty(probes, np.int64)
    candidates = np.empty(4096, np.uint32)
    candidate_sub = np.empty(4096, np.int64)
    out_q = np.empty(1024, np.int64)
    out_p = np.empty(1024, np.int64)
    out_d = np.empty(1024, np.int64)
    n = 0
    for qi in range(queries.shape[0]):
        # 1. which buckets: offsets index of every probe
        k = 0
        for s in range(substrings):
            key = np.int64((queries[qi, word[s]] >> shift[s]) & mask[s])
            for mi in range(mask_count[s]):
                probe_sub[k] = s
                probe_at[k] = base[s] + (key ^ masks[s, mi])
                k += 1
        # 2. bucket bounds, offsets prefetched ahead; each bucket's first positions prefetched
        for k in range(probes):
            if k + _AHEAD < probes:
                _prefetch(offsets, probe_at[k + _AHEAD], 0)
            a = probe_at[k]
            lo[k] = offsets[a]
            hi[k] = offsets[a + 1]
            _prefetch(positions, probe_sub[k], lo[k])
        # 3. candidate positions
        c = 0
        for k in range(probes):
            s = probe_sub[k]
            for j in range(lo[k], hi[k]):
                candidates = _grow(candidates, c)
                candidate_sub = _grow(candidate_sub, c)
                candidates[c] = positions[s, j]
                candidate_sub[c] = s
                c += 1
        # 4. check each candidate, hashes prefetched ahead; report at the first near substring
        q0 = queries[qi, 0]
        q1 = queries[qi, 1]
        q2 = queries[qi, 2]
        q3 = queries[qi, 3]
        for j in range(c):
            if j + _AHEAD < c:
                _prefetch(words, candidates[j + _AHEAD], 0)
            p = candidates[j]
            d = _distance(q0, q1, q2, q3, words, p)
            if d <= radius:
                first = True
                for e in range(candidate_sub[j]):
                    x = (queries[qi, word[e]] ^ words[p, word[e]]) >> shift[e]
                    if _popcount(x & mask[e]) <= sub_radius:
                        first = False
                        break
                if first:
                    out_q = _grow(out_q, n)
                    out_p = _grow(out_p, n)
                    out_d = _grow(out_d, n)
                    out_q[n] = qi
                    out_p[n] = p
                    out_d[n] = d
                    n += 1
    return out_q[:n], out_p[:n], out_d[:n]


@njit(nogil=True, cache=True)
def _scan(words, count, queries, radius):
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
            d = _distance(q0, q1, q2, q3, words, p)
            if d <= radius:
                out_q = _grow(out_q, n)
                out_p = _grow(out_p, n)
                out_d = _grow(out_d, n)
                out_q[n] = qi
                out_p[n] = p
                out_d[n] = d
                n += 1
    return out_q[:n], out_p[:n], out_d[:n]


@njit(nogil=True, cache=True)
def _count_keys(words, start, stop, w, shift, mask, counts):
    """counts[v + 1] += number of hashes in words[start:stop] whose substring is v."""
    for i in range(start, stop):
        counts[np.int64((words[i, w] >> shift) & mask) + 1] += 1


@njit(nogil=True, cache=True)
def _build_table(words, count, w, shift, mask, offsets, positions):
    """Counting sort of words[:count] on one substring into its offsets and positions."""
    keys = np.int64(mask) + 1
    offsets[:] = 0
    _count_keys(words, 0, count, w, shift, mask, offsets)
    for v in range(keys):
        offsets[v + 1] += offsets[v]
    cursor = offsets[:keys].astype(np.int64)
    for i in range(count):
        key = np.int64((words[i, w] >> shift) & mask)
        positions[cursor[key]] = i
        cursor[key] += 1


@njit(nogil=True, cache=True)
def _merge_table(words, old_count, new_count, w, shift, mask, offsets, positions):
    """Add words[old_count:new_count] to one substring's table, in place.

    positions must have room for new_count entries. Buckets only move towards the end, so moving
    them from the last to the first never overwrites one not yet moved.
    """
    keys = np.int64(mask) + 1
    added = np.zeros(keys + 1, np.int64)
    _count_keys(words, old_count, new_count, w, shift, mask, added)
    for v in range(keys):
        added[v + 1] += added[v]
    # added[v] now counts the new hashes in the buckets before v: bucket v moves by that much.
    for v in range(keys - 1, -1, -1):
        move = added[v]
        if move:
            for j in range(np.int64(offsets[v + 1]) - 1, np.int64(offsets[v]) - 1, -1):
                positions[j + move] = positions[j]
    for v in range(keys + 1):
        offsets[v] += added[v]
    # each bucket's new hashes go after its old ones, in order of position
    cursor = np.empty(keys, np.int64)
    for v in range(keys):
        cursor[v] = np.int64(offsets[v + 1]) - (added[v + 1] - added[v])
    for i in range(old_count, new_count):
        key = np.int64((words[i, w] >> shift) & mask)
        positions[cursor[key]] = i
        cursor[key] += 1


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
    Positions in results are the order in which hashes were given, then added. ``layout`` (the
    bit widths each word is cut into) is chosen from the number of hashes unless given.
    """

    def __init__(
        self,
        hashes: Sequence[str] | np.ndarray = (),
        *,
        layout: Sequence[int] | None = None,
        threads: int | None = None,
    ):
        words = _as_words(hashes)
        if len(words) > MAX_HASHES:
            raise ValueError(f"an index holds at most {MAX_HASHES} hashes")
        self.threads = _threads(threads)
        self._layout = _Layout.of(layout or (WIDE if len(words) >= WIDE_FROM else NARROW))
        self._words = words  # the tabled hashes are self._words[: self._count]
        self._count = len(words)
        self._offsets = np.zeros(self._layout.offsets_size, dtype=np.uint32)
        self._positions = np.empty((self._layout.substrings, self._count), dtype=np.uint32)
        self._delta = np.empty((0, 4), dtype=np.uint64)
        self._delta_count = 0
        self._in_place = False  # whether the arrays are ours, with room to merge into
        if self._count:
            _map(self._build, range(self._layout.substrings), self.threads)

    def _table(self, s: int) -> tuple[int, np.uint64, np.uint64, np.ndarray, np.ndarray]:
        lay = self._layout
        start = int(lay.base[s])
        offsets = self._offsets[start : start + int(lay.mask[s]) + 2]
        return int(lay.word[s]), lay.shift[s], lay.mask[s], offsets, self._positions[s]

    def _build(self, s: int) -> None:
        w, shift, mask, offsets, positions = self._table(s)
        _build_table(self._words, self._count, w, shift, mask, offsets, positions)

    def __len__(self) -> int:
        return self._count + self._delta_count

    @property
    def layout(self) -> tuple[int, ...]:
        return self._layout.widths

    @property
    def nbytes(self) -> int:
        """Bytes held by the index's arrays."""
        return self._words.nbytes + self._offsets.nbytes + self._positions.nbytes + self._delta.nbytes

    # -- adding ---------------------------------------------------------------------------------

    def add(self, hashes: Sequence[str] | np.ndarray) -> None:
        """Add hashes; their positions follow on from those already held. No rebuild."""
        words = _as_words(hashes)
        if len(self) + len(words) > MAX_HASHES:
            raise ValueError(f"an index holds at most {MAX_HASHES} hashes")
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
            positions = np.empty((self._layout.substrings, capacity), dtype=np.uint32)
            positions[:, :old] = self._positions[:, :old]
            self._offsets = np.array(self._offsets, dtype=np.uint32)
            self._words, self._positions, self._in_place = words, positions, True
        self._words[old:new] = self._delta[: self._delta_count]

        def merge(s: int) -> None:
            w, shift, mask, offsets, positions = self._table(s)
            _merge_table(self._words, old, new, w, shift, mask, offsets, positions)

        _map(merge, range(self._layout.substrings), self.threads)
        self._count = new
        self._delta = np.empty((0, 4), dtype=np.uint64)
        self._delta_count = 0

    # -- searching ------------------------------------------------------------------------------

    def search_words(self, queries: np.ndarray, radius: int = MATCH_THRESHOLD) -> Matches:
        """Every indexed hash within ``radius`` of each query, for (Q, 4) uint64 queries."""
        queries = _as_words(queries)
        radius = int(radius)
        if radius < 0:
            raise ValueError(f"radius must be at least 0, not {radius}")
        lay = self._layout
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        if len(queries) and self._count:
            if radius <= MAX_TABLE_RADIUS:
                sub_radius = radius // lay.substrings
                masks, mask_count = lay.probe_masks(sub_radius)
                table = (self._words, self._offsets, self._positions, lay.word, lay.shift, lay.mask, lay.base)
                parts += self._batch(
                    lambda chunk: _search_tables(*table, chunk, radius, sub_radius, masks, mask_count),
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
            return Matches(*(np.zeros(0, dtype=np.int64) for _ in range(3)))
        q, pos, dist = (np.concatenate([p[i] for p in parts]) for i in range(3))
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
        meta = {"format": FORMAT_VERSION, "layout": list(self.layout), "count": self._count}
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
        if meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"{meta_file}: unsupported index format {meta.get('format')!r}")
        index = cls.__new__(cls)
        index.threads = _threads(threads)
        index._layout = _Layout.of(meta["layout"])
        index._count = int(meta["count"])
        if mmap:  # copy-on-write: never written (a merge copies first), but typed like the rest
            index._words = np.load(folder / "words.npy", mmap_mode="c")
            index._positions = np.load(folder / "positions.npy", mmap_mode="c")
        else:
            index._words = _read_words(folder / "words.npy")
            index._positions = np.load(folder / "positions.npy")
        index._offsets = np.load(folder / "offsets.npy")
        index._delta = np.empty((0, 4), dtype=np.uint64)
        index._delta_count = 0
        index._in_place = False
        lay = index._layout
        shapes = (index._words.shape, index._offsets.shape, index._positions.shape)
        expected = ((index._count, 4), (lay.offsets_size,), (lay.substrings, index._count))
        if shapes != expected:
            raise ValueError(f"{folder}: index files do not agree: shapes {shapes}, expected {expected}")
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
        f.readinto(words.data.cast("B"))
    return words
