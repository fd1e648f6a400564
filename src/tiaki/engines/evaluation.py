"""Scoring a clustering of accounts against the true persons behind them.

Both clusterings are given as one label per account (any hashable numpy-compatible values: ints,
strings); only which accounts share a label matters. Everything is counted from the contingency
table of (true label, predicted label) cells, so nothing enumerates pairs of accounts: a cluster of
40 accounts holds 780 pairs, a clustering of 1.5 million accounts tens of millions.

* **Pairwise** precision/recall/F1: over unordered pairs of distinct accounts. A pair is predicted
  when both accounts share a predicted cluster, true when they share a person. True positives are
  ``sum C(n_ij, 2)`` over the cells; predicted pairs ``sum C(n_j, 2)`` over predicted clusters; true
  pairs ``sum C(n_i, 2)`` over persons. With no predicted (true) pairs, precision (recall) is 1.
* **B-cubed** precision/recall/F1 (Bagga and Baldwin, 1998): for each account, the share of its
  predicted cluster that belongs to its person (precision) and the share of its person's accounts
  that are in its predicted cluster (recall), averaged over accounts. Singletons count, which is why
  B-cubed is kinder than pairwise scores to a clustering that leaves most accounts alone.
* **Exact**: the share of persons whose accounts form exactly one predicted cluster, nothing more,
  nothing less.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class ClusteringScores:
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    exact_share: float
    true_pairs: int
    predicted_pairs: int
    true_positive_pairs: int
    persons: int
    clusters: int

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _pairs(counts: np.ndarray) -> int:
    counts = counts.astype(np.int64)
    return int((counts * (counts - 1) // 2).sum())


def score_clustering(true_labels: np.ndarray, predicted_labels: np.ndarray) -> ClusteringScores:
    """Score ``predicted_labels`` against ``true_labels`` (one label per account, same order)."""
    true_labels = np.asarray(true_labels)
    predicted_labels = np.asarray(predicted_labels)
    if true_labels.shape != predicted_labels.shape or true_labels.ndim != 1:
        raise ValueError("true_labels and predicted_labels must be one-dimensional and of equal length")
    n = len(true_labels)
    if n == 0:
        raise ValueError("cannot score an empty clustering")
    _, t = np.unique(true_labels, return_inverse=True)
    _, p = np.unique(predicted_labels, return_inverse=True)
    t = t.astype(np.int64)
    p = p.astype(np.int64)
    true_sizes = np.bincount(t)
    pred_sizes = np.bincount(p)
    cells, cell_of, cell_sizes = np.unique(t * len(pred_sizes) + p, return_inverse=True, return_counts=True)

    true_pairs = _pairs(true_sizes)
    predicted_pairs = _pairs(pred_sizes)
    tp = _pairs(cell_sizes)
    precision = tp / predicted_pairs if predicted_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0

    overlap = cell_sizes[cell_of].astype(np.float64)
    b_precision = float((overlap / pred_sizes[p]).mean())
    b_recall = float((overlap / true_sizes[t]).mean())

    cell_true = cells // len(pred_sizes)
    cell_pred = cells % len(pred_sizes)
    exact = (cell_sizes == true_sizes[cell_true]) & (cell_sizes == pred_sizes[cell_pred])
    return ClusteringScores(
        pairwise_precision=float(precision),
        pairwise_recall=float(recall),
        pairwise_f1=_f1(precision, recall),
        bcubed_precision=b_precision,
        bcubed_recall=b_recall,
        bcubed_f1=_f1(b_precision, b_recall),
        exact_share=float(exact.sum() / len(true_sizes)),
        true_pairs=true_pairs,
        predicted_pairs=predicted_pairs,
        true_positive_pairs=tp,
        persons=len(true_sizes),
        clusters=len(pred_sizes),
    )


def pair_labels(true_labels: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Whether each pair ``(left[k], right[k])`` of account indexes belongs to one true person."""
    true_labels = np.asarray(true_labels)
    return np.asarray(true_labels[np.asarray(left)] == true_labels[np.asarray(right)], dtype=bool)
