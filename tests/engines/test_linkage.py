import random

import numpy as np
import pytest

from tiaki.engines.linkage import ExcludedKey, UnionFind, resolve_hard


def test_union_find_basics() -> None:
    uf = UnionFind(6)
    assert uf.union(4, 5)
    assert uf.union(5, 2)
    assert not uf.union(2, 4)
    assert uf.find(4) == uf.find(2)
    merged = uf.union_pairs(np.array([0, 1, 0]), np.array([1, 0, 3]))
    assert merged.tolist() == [True, False, True]
    assert uf.labels().tolist() == [0, 0, 2, 0, 2, 2]


def test_union_find_rejects_out_of_range() -> None:
    with pytest.raises(IndexError):
        UnionFind(3).union_pairs(np.array([0]), np.array([3]))


def test_union_find_matches_naive_components() -> None:
    rng = random.Random(7)
    n = 500
    pairs = [(rng.randrange(n), rng.randrange(n)) for _ in range(400)]
    uf = UnionFind(n)
    uf.union_pairs(np.array([a for a, _ in pairs]), np.array([b for _, b in pairs]))
    label = list(range(n))  # naive: relabel until stable
    changed = True
    while changed:
        changed = False
        for a, b in pairs:
            low = min(label[a], label[b])
            if label[a] != low or label[b] != low:
                label[a] = label[b] = low
                changed = True
    assert uf.labels().tolist() == label


def test_shared_email_links_and_link_explains_it() -> None:
    result = resolve_hard(
        3, [(0, "email", "a@gmail.com"), (2, "email", "a@gmail.com"), (1, "email", "b@x.org")]
    )
    assert result.labels.tolist() == [0, 1, 0]
    assert result.links == [(0, 2, "email", "a@gmail.com")]
    assert result.excluded_keys == []
    assert result.n_clusters == 2


def test_transitive_linking_across_kinds() -> None:
    keys = [
        (3, "phone", "+64211234567"),
        (1, "phone", "+64211234567"),
        (1, "email", "c@example.org"),
        (4, "email", "c@example.org"),
        (4, "device", "aabbcc"),
        (0, "device", "aabbcc"),
        (2, "payment", "4111111111111111"),
    ]
    result = resolve_hard(5, keys)
    assert result.labels.tolist() == [0, 0, 2, 0, 0]
    assert len(result.links) == 3  # a spanning tree of the 4-account cluster
    assert {(a, b, kind) for a, b, kind, _ in result.links} == {
        (1, 4, "email"),
        (1, 3, "phone"),
        (0, 4, "device"),
    }


def test_no_link_on_soft_kinds_or_ip() -> None:
    keys = [
        (0, "name", "jo smith"),
        (1, "name", "jo smith"),
        (0, "dob", "1990-03-04"),
        (1, "dob", "1990-03-04"),
        (0, "ip", "192.0.2.1"),
        (1, "ip", "192.0.2.1"),
        (0, "address", "12 queen st"),
        (1, "address", "12 queen st"),
    ]
    result = resolve_hard(2, keys)
    assert result.labels.tolist() == [0, 1]
    assert result.links == []


def test_value_shared_by_too_many_accounts_is_excluded() -> None:
    support = "+18005550100"
    keys = [(i, "phone", support) for i in range(25)]
    keys += [(0, "email", "x@example.org"), (1, "email", "x@example.org")]
    keys += [(i, "device", "d1") for i in range(20, 40)]  # exactly at the threshold: still links
    result = resolve_hard(40, keys, max_accounts_per_key=20)
    assert result.excluded_keys == [ExcludedKey("phone", support, 25)]
    assert result.labels[1] == 0
    assert set(result.labels[2:20].tolist()) == set(range(2, 20))  # not linked through the support number
    assert set(result.labels[20:40].tolist()) == {20}


def test_repeated_key_on_one_account_counts_once() -> None:
    keys = [(5, "email", "a@x.org")] * 30 + [(6, "email", "a@x.org")]
    result = resolve_hard(7, keys, max_accounts_per_key=2)
    assert result.labels.tolist() == [0, 1, 2, 3, 4, 5, 5]
    assert result.excluded_keys == []


def test_labels_and_links_do_not_depend_on_key_order() -> None:
    rng = random.Random(3)
    keys = [
        (rng.randrange(300), rng.choice(["email", "phone", "device"]), str(rng.randrange(200)))
        for _ in range(500)
    ]
    first = resolve_hard(300, keys, max_accounts_per_key=6)
    shuffled = keys[:]
    rng.shuffle(shuffled)
    second = resolve_hard(300, shuffled, max_accounts_per_key=6)
    assert np.array_equal(first.labels, second.labels)
    assert first.links == second.links
    assert first.excluded_keys == second.excluded_keys
    for account, label in enumerate(first.labels.tolist()):
        assert label <= account
        assert first.labels[label] == label  # a cluster is named by its smallest member
    # the links are a spanning forest: one fewer link than accounts in each cluster
    assert len(first.links) == 300 - first.n_clusters


def test_empty_and_invalid_input() -> None:
    assert resolve_hard(3, []).labels.tolist() == [0, 1, 2]
    with pytest.raises(IndexError):
        resolve_hard(2, [(0, "email", "a"), (2, "email", "a")])
    with pytest.raises(ValueError):
        resolve_hard(2, [], max_accounts_per_key=1)


def test_decisions_cut_and_join_clusters():
    from tiaki.engines.linkage import cluster_with_decisions

    edges = [(0, 1), (1, 2), (3, 4)]
    labels, used = cluster_with_decisions(6, edges)
    assert labels.tolist() == [0, 0, 0, 3, 3, 5] and used == [0, 1, 2]
    # Rejecting 0-2 keeps them apart: the second edge would join them through 1, so it is not used.
    labels, used = cluster_with_decisions(6, edges, cannot=[(0, 2)])
    assert labels.tolist() == [0, 0, 2, 3, 3, 5] and used == [0, 2]
    # A confirmed link joins what no evidence joined; it wins over evidence that comes later.
    labels, _ = cluster_with_decisions(6, edges, must=[(2, 5)], cannot=[(5, 1)])
    assert labels.tolist() == [0, 0, 2, 3, 3, 2]
    # A merge contradicting a split is skipped.
    labels, _ = cluster_with_decisions(3, [], must=[(0, 1)], cannot=[(0, 1)])
    assert labels.tolist() == [0, 1, 2]
