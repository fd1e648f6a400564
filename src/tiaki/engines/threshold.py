"""Choosing the link threshold on a new operation, without ground truth.

The model's threshold (a match weight, in bits) was chosen on labelled synthetic pairs; on an
operation made otherwise the weights may be off. Two estimates replace the missing ground truth:

1. **The model's own calibration.** Each scored pair carries a match probability. If the model were
   calibrated, the pairs in a band of weights would be matches at the band's mean probability, and
   precision and recall at any threshold would follow from the scores alone.
2. **A small sample an investigator labels.** :func:`draw_sample` draws the same number of scored
   pairs from every band of weights (stratified, seeded), so that a few hundred pairs cover the weak
   and the strong ends alike. An investigator marks each pair ``yes`` (one person), ``no`` or
   ``unsure`` (left out). :func:`calibrate` then estimates, per band, the share of matches (with a
   Wilson 95% interval), compares it with the model's mean probability (is the model calibrated
   here?), and estimates precision, recall and F1 among the candidate pairs at each band edge,
   weighting every band by how many pairs it holds in the whole operation. A band nobody labelled
   falls back to the model's probability and is flagged. The suggested threshold is the band edge
   with the best estimated F1.

Only pairs that can link are drawn: a pair whose evidence holds nothing identifying (see
``resolution._Scored.link_strength``) never links whatever the threshold. The estimates are of the pairs the
threshold decides, before the household guard and before clustering joins groups transitively.

Framework-free: numpy arrays in, dataclasses out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# Band edges in bits; the first and last bands are open.
EDGES: tuple[float, ...] = (-10.0, -6.0, -4.0, -2.0, -1.0, 0.0, 2.0, 4.0, 6.0, 10.0, 15.0)
YES, NO, UNSURE = "yes", "no", "unsure"
ANSWERS = (YES, NO, UNSURE)


def band_of(weights: np.ndarray) -> np.ndarray:
    """The band index of each weight: 0 below the first edge, ``len(EDGES)`` at or above the last."""
    return np.searchsorted(np.asarray(EDGES), np.asarray(weights, dtype=np.float64), side="right")


def band_name(band: int) -> str:
    low = "-inf" if band == 0 else f"{EDGES[band - 1]:g}"
    high = "inf" if band == len(EDGES) else f"{EDGES[band]:g}"
    return f"[{low}, {high})"


def draw_sample(weights: np.ndarray, per_band: int, seed: int = 1) -> np.ndarray:
    """Indexes into ``weights`` of at most ``per_band`` pairs from every band (all of a smaller band),
    drawn without replacement with a seeded generator; sorted by weight, strongest first."""
    if per_band < 1:
        raise ValueError("per_band must be at least 1")
    rng = np.random.default_rng(seed)
    bands = band_of(weights)
    chosen: list[np.ndarray] = []
    for band in range(len(EDGES) + 1):
        members = np.flatnonzero(bands == band)
        if members.size:
            take = min(per_band, members.size)
            chosen.append(np.sort(rng.choice(members, size=take, replace=False)))
    if not chosen:
        return np.array([], dtype=np.int64)
    picked = np.concatenate(chosen)
    return picked[np.argsort(-np.asarray(weights)[picked], kind="stable")]


def wilson(yes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a share ``yes / n`` (``(0, 1)`` when ``n`` is 0)."""
    if n == 0:
        return 0.0, 1.0
    p = yes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True, slots=True)
class Band:
    band: int
    name: str
    pairs: int  # scored pairs in the operation
    labelled: int  # yes + no (unsure left out)
    yes: int
    share: float | None  # yes / labelled
    low: float | None  # Wilson 95% interval
    high: float | None
    model: float  # the model's mean match probability in the band

    @property
    def from_labels(self) -> bool:
        return self.share is not None

    @property
    def used(self) -> float:
        """The share the estimates use: the labelled one, else the model's."""
        return self.share if self.share is not None else self.model


@dataclass(frozen=True, slots=True)
class AtThreshold:
    threshold: float
    links: int  # pairs at or above the threshold
    precision: float
    recall: float  # of the matches among all scored pairs
    f1: float


@dataclass(frozen=True, slots=True)
class Calibration:
    bands: list[Band]
    thresholds: list[AtThreshold]
    suggested: float | None  # the edge with the best F1 (None when nothing was scored)

    @property
    def labelled(self) -> int:
        return sum(band.labelled for band in self.bands)

    @property
    def model_only(self) -> bool:
        """No band was labelled: the estimates are the model's own."""
        return self.labelled == 0


def calibrate(
    weights: np.ndarray, probabilities: np.ndarray, labels: dict[int, str] | None = None
) -> Calibration:
    """Estimates from every scored pair's weight and probability and, optionally, an investigator's
    answers (index into ``weights`` -> ``yes`` / ``no`` / ``unsure``)."""
    weights = np.asarray(weights, dtype=np.float64)
    probabilities = np.asarray(probabilities, dtype=np.float64)
    if weights.shape != probabilities.shape:
        raise ValueError("weights and probabilities differ in length")
    labels = labels or {}
    for index, answer in labels.items():
        if answer not in ANSWERS:
            raise ValueError(f"answer {answer!r} for pair {index}: use yes, no or unsure")
        if not 0 <= index < weights.size:
            raise ValueError(f"pair {index} is not one of the {weights.size} scored pairs")
    bands = band_of(weights)
    rows: list[Band] = []
    for band in range(len(EDGES) + 1):
        inside = bands == band
        count = int(inside.sum())
        answers = [a for i, a in labels.items() if bands[i] == band and a != UNSURE]
        yes = sum(1 for a in answers if a == YES)
        model = float(probabilities[inside].mean()) if count else 0.0
        share = yes / len(answers) if answers else None
        low, high = wilson(yes, len(answers)) if answers else (None, None)
        rows.append(Band(band, band_name(band), count, len(answers), yes, share, low, high, model))
    expected = np.array([row.pairs * row.used for row in rows])
    total_matches = float(expected.sum())
    counts = np.array([row.pairs for row in rows])
    thresholds: list[AtThreshold] = []
    for edge_index, edge in enumerate(EDGES):
        above = slice(edge_index + 1, None)  # bands at or above the edge
        links = int(counts[above].sum())
        found = float(expected[above].sum())
        precision = found / links if links else 1.0
        recall = found / total_matches if total_matches else 1.0
        f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
        thresholds.append(AtThreshold(edge, links, precision, recall, f1))
    suggested = (
        max(thresholds, key=lambda t: (round(t.f1, 9), t.threshold)).threshold if weights.size else None
    )
    return Calibration(rows, thresholds, suggested)
