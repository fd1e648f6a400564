import itertools

import numpy as np
import pytest

from tiaki.engines.evaluation import pair_labels, score_clustering


def test_hand_made_clustering() -> None:
    true = np.array([0, 0, 0, 1, 1, 2])
    pred = np.array([0, 0, 1, 1, 1, 2])
    s = score_clustering(true, pred)
    assert (s.true_pairs, s.predicted_pairs, s.true_positive_pairs) == (4, 4, 2)
    assert s.pairwise_precision == pytest.approx(0.5)
    assert s.pairwise_recall == pytest.approx(0.5)
    assert s.pairwise_f1 == pytest.approx(0.5)
    assert s.bcubed_precision == pytest.approx(7 / 9)
    assert s.bcubed_recall == pytest.approx(7 / 9)
    assert s.bcubed_f1 == pytest.approx(7 / 9)
    assert s.exact_share == pytest.approx(1 / 3)
    assert (s.persons, s.clusters) == (3, 3)


def test_perfect_and_all_singletons() -> None:
    true = np.array(["p1", "p1", "p2", "p3", "p3", "p3"])
    perfect = score_clustering(true, np.array([5, 5, 9, 1, 1, 1]))
    assert perfect.pairwise_f1 == 1.0 and perfect.bcubed_f1 == 1.0 and perfect.exact_share == 1.0
    alone = score_clustering(true, np.arange(6))
    assert alone.pairwise_precision == 1.0  # no predicted pairs: nothing claimed wrongly
    assert alone.pairwise_recall == 0.0 and alone.pairwise_f1 == 0.0
    assert alone.bcubed_precision == 1.0
    assert alone.bcubed_recall == pytest.approx((1 / 2 + 1 / 2 + 1 + 1 / 3 * 3) / 6)
    assert alone.exact_share == pytest.approx(1 / 3)  # only the single-account person


def test_one_big_cluster() -> None:
    s = score_clustering(np.array([0, 0, 1, 2]), np.zeros(4, dtype=int))
    assert s.pairwise_precision == pytest.approx(1 / 6)
    assert s.pairwise_recall == 1.0
    assert s.bcubed_recall == 1.0
    assert s.bcubed_precision == pytest.approx((2 / 4 * 2 + 1 / 4 * 2) / 4)
    assert s.exact_share == 0.0


def test_matches_naive_pair_enumeration() -> None:
    rng = np.random.default_rng(5)
    true = rng.integers(0, 40, 200)
    pred = np.where(rng.random(200) < 0.8, true, rng.integers(0, 60, 200))
    s = score_clustering(true, pred)
    pairs = list(itertools.combinations(range(200), 2))
    same_true = {(a, b) for a, b in pairs if true[a] == true[b]}
    same_pred = {(a, b) for a, b in pairs if pred[a] == pred[b]}
    assert s.true_pairs == len(same_true)
    assert s.predicted_pairs == len(same_pred)
    assert s.true_positive_pairs == len(same_true & same_pred)
    b_p = np.mean(
        [np.sum((pred == pred[i]) & (true == true[i])) / np.sum(pred == pred[i]) for i in range(200)]
    )
    b_r = np.mean(
        [np.sum((pred == pred[i]) & (true == true[i])) / np.sum(true == true[i]) for i in range(200)]
    )
    assert s.bcubed_precision == pytest.approx(b_p)
    assert s.bcubed_recall == pytest.approx(b_r)


def test_rejects_mismatched_input() -> None:
    with pytest.raises(ValueError):
        score_clustering(np.array([0, 1]), np.array([0]))
    with pytest.raises(ValueError):
        score_clustering(np.array([]), np.array([]))


def test_pair_labels() -> None:
    true = np.array([3, 3, 4])
    assert pair_labels(true, np.array([0, 0]), np.array([1, 2])).tolist() == [True, False]
