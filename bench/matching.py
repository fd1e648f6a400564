"""Matching benchmark: exact PDQ range search (distance <= 31) against faiss's exact flat index.

    python bench/matching.py --hashes 10000000 --queries 4000 [--threads 2] [--clustered] [--seed 1]

Builds a tiaki hash index over N random 256-bit hashes (or hashes gathered around a few hundred
centres with --clustered), saves it, loads it back and answers the queries with the loaded index;
then answers the same queries (a subset of --faiss-queries of them, faiss being slower) with faiss
``IndexBinaryFlat`` range search, the baseline, in the same run and on the same threads. Half the
queries are indexed hashes with 0 to 40 bits flipped, so that they have neighbours at every distance;
the rest are random. Recall is the share of faiss's pairs that the index also returned; ``exact``
says whether both returned the very same pairs. The last line is JSON, also written to
bench/results/matching-<N>[-clustered].json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil

from tiaki.engines.hashindex import PdqIndex

HERE = Path(__file__).resolve().parent
RADIUS = 31


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def flip(words: np.ndarray, counts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Each row of words with counts[i] distinct random bits flipped."""
    out = words.copy()
    for i, k in enumerate(counts):
        for bit in rng.choice(256, size=int(k), replace=False):
            out[i, bit // 64] ^= np.uint64(1) << np.uint64(bit % 64)
    return out


def make_hashes(n: int, clustered: bool, rng: np.random.Generator) -> np.ndarray:
    words = rng.integers(0, 2**64, size=(n, 4), dtype=np.uint64)
    if not clustered:
        return words
    # Most hashes near one of a few hundred centres: each bit of a centre flipped with p = 1/16
    # (about 16 bits away on average), as near-duplicates of the same picture are.
    centres = rng.integers(0, 2**64, size=(max(1, n // 20_000), 4), dtype=np.uint64)
    near = rng.random(n) < 0.9
    chunk = 1_000_000
    for start in range(0, n, chunk):
        rows = np.arange(start, min(n, start + chunk))
        rows = rows[near[rows]]
        noise = np.full((len(rows), 4), np.iinfo(np.uint64).max, dtype=np.uint64)
        for _ in range(4):  # AND of four random words: each bit set with p = 1/16
            noise &= rng.integers(0, 2**64, size=(len(rows), 4), dtype=np.uint64)
        words[rows] = centres[rng.integers(0, len(centres), size=len(rows))] ^ noise
    return words


def make_queries(words: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
    planted = count // 2
    near = flip(words[rng.integers(0, len(words), size=planted)], rng.integers(0, 41, size=planted), rng)
    far = rng.integers(0, 2**64, size=(count - planted, 4), dtype=np.uint64)
    queries = np.concatenate([near, far])
    return queries[rng.permutation(len(queries))]


def faiss_flat(words: np.ndarray, queries: np.ndarray, threads: int) -> tuple[set[tuple[int, int]], float]:
    import faiss

    faiss.omp_set_num_threads(threads)
    index = faiss.IndexBinaryFlat(256)
    index.add(np.ascontiguousarray(words).view(np.uint8))
    as_bytes = np.ascontiguousarray(queries).view(np.uint8)
    index.range_search(as_bytes[:2], RADIUS + 1)  # warm up
    start = time.perf_counter()
    lims, _, ids = index.range_search(as_bytes, RADIUS + 1)  # faiss keeps distances < radius
    seconds = time.perf_counter() - start
    pairs = {(q, int(i)) for q in range(len(queries)) for i in ids[lims[q] : lims[q + 1]]}
    return pairs, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hashes", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=4000)
    parser.add_argument("--faiss-queries", type=int, default=500)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--clustered", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--work", type=Path, default=None, help="where to save the index (default: a temp dir)"
    )
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)

    words = make_hashes(args.hashes, args.clustered, rng)
    queries = make_queries(words, args.queries, rng)
    PdqIndex(words[:1000]).search_words(queries[:2], RADIUS)  # compile (or load the compiled cache)

    rss_before = rss_mb()
    start = time.perf_counter()
    index = PdqIndex(words, threads=args.threads)
    build_seconds = time.perf_counter() - start
    index_mb = index.nbytes / 2**20
    build_peak_mb = peak_rss_mb()
    build_rss_growth_mb = rss_mb() - rss_before
    layout = index.layout

    work = args.work or Path(tempfile.mkdtemp(prefix="tiaki-matching-"))
    start = time.perf_counter()
    index.save(work / "index")
    save_seconds = time.perf_counter() - start
    del index
    start = time.perf_counter()
    index = PdqIndex.load(work / "index", threads=args.threads)
    load_seconds = time.perf_counter() - start

    index.search_words(queries[:64], RADIUS)  # warm up
    cpu = time.process_time()
    start = time.perf_counter()
    found = index.search_words(queries, RADIUS)
    ours_seconds = time.perf_counter() - start
    ours_cpu = time.process_time() - cpu
    ours = set(zip(found.query.tolist(), found.position.tolist(), strict=True))
    if args.work is None:
        shutil.rmtree(work)
    del index

    subset = min(args.faiss_queries, args.queries)
    theirs, faiss_seconds = faiss_flat(words, queries[:subset], args.threads)
    ours_subset = {pair for pair in ours if pair[0] < subset}
    recall = len(ours_subset & theirs) / len(theirs) if theirs else 1.0

    ours_qps = args.queries / ours_seconds
    faiss_qps = subset / faiss_seconds
    summary = {
        "benchmark": "matching",
        "hashes": args.hashes,
        "data": "clustered" if args.clustered else "uniform",
        "queries": args.queries,
        "faiss_queries": subset,
        "radius": RADIUS,
        "threads": args.threads,
        "layout": list(layout),
        "ours_qps": round(ours_qps, 1),
        "ours_cpu_per_wall": round(ours_cpu / ours_seconds, 2),
        "faiss_flat_qps": round(faiss_qps, 1),
        "ratio": round(ours_qps / faiss_qps, 2),
        "recall": recall,
        "exact": ours_subset == theirs,
        "pairs_found": len(ours),
        "build_seconds": round(build_seconds, 2),
        "save_seconds": round(save_seconds, 2),
        "load_seconds": round(load_seconds, 2),
        "index_mb": round(index_mb, 1),
        "build_rss_growth_mb": round(build_rss_growth_mb, 1),
        "peak_rss_mb_before_faiss": round(build_peak_mb, 1),
        "cpu_count": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
    }
    name = f"matching-{args.hashes}{'-clustered' if args.clustered else ''}.json"
    (HERE / "results" / name).write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
