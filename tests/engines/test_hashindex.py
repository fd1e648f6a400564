import numpy as np
import pytest

from tiaki.engines.hashindex import NARROW, WIDE, PdqIndex, to_words

LAYOUTS = [pytest.param(NARROW, id="narrow"), pytest.param(WIDE, id="wide")]


def _flip(hex_hash: str, bits: list[int]) -> str:
    value = int(hex_hash, 16)
    for b in bits:
        value ^= 1 << b
    return f"{value:064x}"


def _flip_words(words: np.ndarray, counts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    out = words.copy()
    for i, k in enumerate(counts):
        for bit in rng.choice(256, size=int(k), replace=False):
            out[i, bit // 64] ^= np.uint64(1) << np.uint64(bit % 64)
    return out


def _brute_force(words: np.ndarray, queries: np.ndarray, radius: int) -> list[tuple[int, int, int]]:
    found = []
    for qi, q in enumerate(queries):
        distance = np.bitwise_count(words ^ q).sum(axis=1)
        found.extend((qi, int(i), int(distance[i])) for i in np.flatnonzero(distance <= radius))
    return found


def _triples(matches) -> list[tuple[int, int, int]]:
    return list(
        zip(matches.query.tolist(), matches.position.tolist(), matches.distance.tolist(), strict=True)
    )


@pytest.fixture(scope="module")
def uniform() -> np.ndarray:
    return np.random.default_rng(11).integers(0, 2**64, size=(200_000, 4), dtype=np.uint64)


@pytest.fixture(scope="module")
def clustered() -> np.ndarray:
    """20,000 hashes around 5 centres (each bit flipped with p = 1/16) and 5,000 uniform ones."""
    rng = np.random.default_rng(12)
    centres = rng.integers(0, 2**64, size=(5, 4), dtype=np.uint64)
    noise = np.full((20_000, 4), np.iinfo(np.uint64).max, dtype=np.uint64)
    for _ in range(4):
        noise &= rng.integers(0, 2**64, size=noise.shape, dtype=np.uint64)
    near = centres[rng.integers(0, 5, size=20_000)] ^ noise
    return np.concatenate([near, rng.integers(0, 2**64, size=(5_000, 4), dtype=np.uint64)])


def test_range_search_finds_exactly_the_hashes_within_the_radius():
    rng = np.random.default_rng(3)
    base = f"{int.from_bytes(rng.bytes(32), 'big'):064x}"
    indexed = [_flip(base, list(range(d))) for d in range(0, 40)]  # distances 0..39 from base
    found = PdqIndex(indexed).search([base], radius=31)
    assert [(q, i, d) for q, i, d in found] == [(0, d, d) for d in range(32)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_planted_neighbours_at_every_distance_are_found_up_to_31_and_none_beyond(uniform, layout):
    rng = np.random.default_rng(4)
    queries = rng.integers(0, 2**64, size=(20, 4), dtype=np.uint64)
    distances = np.tile(np.arange(41), len(queries))  # every query gets a neighbour at 0..40
    planted = _flip_words(np.repeat(queries, 41, axis=0), distances, rng)
    words = np.concatenate([uniform, planted])
    found = PdqIndex(words, layout=layout).search_words(queries, 31)
    ours = set(zip(found.query.tolist(), found.position.tolist(), found.distance.tolist(), strict=True))
    for qi in range(len(queries)):
        for d in range(41):
            position = len(uniform) + qi * 41 + d
            assert ((qi, position, d) in ours) == (d <= 31), (qi, d)
    assert found.distance.max() <= 31
    assert _triples(found) == _brute_force(words, queries, 31)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_equals_brute_force_on_uniform_hashes_at_any_radius(uniform, layout):
    rng = np.random.default_rng(5)
    words = uniform[:50_000]
    queries = _flip_words(words[rng.integers(0, len(words), size=30)], rng.integers(0, 50, size=30), rng)
    index = PdqIndex(words, layout=layout)
    for radius in (0, 8, 16, 23, 24, 31, 47, 48, 60):  # 48 and beyond: a scan
        assert _triples(index.search_words(queries, radius)) == _brute_force(words, queries, radius), radius


@pytest.mark.parametrize("layout", LAYOUTS)
def test_equals_brute_force_on_clustered_hashes(clustered, layout):
    rng = np.random.default_rng(6)
    queries = np.concatenate(
        [
            _flip_words(
                clustered[rng.integers(0, len(clustered), size=20)], rng.integers(0, 40, size=20), rng
            ),
            rng.integers(0, 2**64, size=(5, 4), dtype=np.uint64),
        ]
    )
    found = PdqIndex(clustered, layout=layout, threads=2).search_words(queries, 31)
    expected = _brute_force(clustered, queries, 31)
    assert len(expected) > 1000  # the clusters make big buckets and many matches
    assert _triples(found) == expected


@pytest.mark.parametrize("layout", LAYOUTS)
def test_added_hashes_are_found_before_and_after_they_are_merged(uniform, layout):
    rng = np.random.default_rng(7)
    words = uniform[:20_000]
    index = PdqIndex(words, layout=layout)
    first = _flip_words(words[:30], rng.integers(0, 32, size=30), rng)
    second = rng.integers(0, 2**64, size=(500, 4), dtype=np.uint64)
    index.add(first)
    index.add(second)
    everything = np.concatenate([words, first, second])
    queries = np.concatenate([words[:30], second[:10]])
    expected = _brute_force(everything, queries, 31)
    assert len(index) == len(everything)
    assert _triples(index.search_words(queries, 31)) == expected  # added hashes still in the delta
    index.merge()
    assert _triples(index.search_words(queries, 31)) == expected
    more = _flip_words(second[:10], np.full(10, 5), rng)
    index.add(more)  # the merged tables have room: this merge works in place
    index.merge()
    everything = np.concatenate([everything, more])
    assert _triples(index.search_words(queries, 31)) == _brute_force(everything, queries, 31)


def test_adding_to_an_empty_index():
    index = PdqIndex()
    rng = np.random.default_rng(8)
    words = rng.integers(0, 2**64, size=(100, 4), dtype=np.uint64)
    index.add(words)
    assert _triples(index.search_words(words[:3], 0)) == [(0, 0, 0), (1, 1, 0), (2, 2, 0)]
    index.merge()
    assert _triples(index.search_words(words[:3], 0)) == [(0, 0, 0), (1, 1, 0), (2, 2, 0)]


@pytest.mark.parametrize("mmap", [False, True])
def test_save_and_load_give_the_same_results(tmp_path, uniform, mmap):
    rng = np.random.default_rng(9)
    words = uniform[:30_000]
    index = PdqIndex(words)
    index.add(rng.integers(0, 2**64, size=(50, 4), dtype=np.uint64))  # saving merges these
    queries = _flip_words(words[:40], rng.integers(0, 40, size=40), rng)
    before = _triples(index.search_words(queries, 31))
    index.save(tmp_path / "index")
    loaded = PdqIndex.load(tmp_path / "index", mmap=mmap)
    assert len(loaded) == len(index)
    assert loaded.layout == index.layout
    assert _triples(loaded.search_words(queries, 31)) == before
    new = rng.integers(0, 2**64, size=(5, 4), dtype=np.uint64)
    loaded.add(new)  # a loaded index takes new hashes too
    assert _triples(loaded.search_words(new, 0)) == [(i, len(index) + i, 0) for i in range(5)]


def test_loading_a_folder_without_an_index_fails_clearly(tmp_path):
    with pytest.raises(FileNotFoundError, match="no hash index"):
        PdqIndex.load(tmp_path)


def test_empty_index_finds_nothing():
    assert PdqIndex([]).search(["0" * 64]) == []
    assert len(PdqIndex().search_words(np.zeros((3, 4), dtype=np.uint64)).query) == 0


def test_bad_input_is_refused_clearly():
    with pytest.raises(ValueError, match="not 64"):
        to_words(["abc"])
    with pytest.raises(ValueError, match="hexadecimal"):
        to_words(["z" * 64])
    with pytest.raises(ValueError, match="radius"):
        PdqIndex(["0" * 64]).search(["0" * 64], radius=-1)
