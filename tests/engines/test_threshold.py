"""Choosing the threshold without ground truth: the stratified sample and the estimates."""

from __future__ import annotations

import numpy as np
import pytest

from tiaki.engines.threshold import EDGES, band_name, band_of, calibrate, draw_sample, wilson


def test_bands_are_half_open_and_named() -> None:
    assert band_of(np.array([-11.0, -10.0, -0.5, 0.0, 15.0, 99.0])).tolist() == [0, 1, 5, 6, 11, 11]
    assert band_name(0) == "[-inf, -10)"
    assert band_name(6) == "[0, 2)"
    assert band_name(len(EDGES)) == "[15, inf)"


def test_the_sample_takes_as_many_from_every_band_and_is_seeded() -> None:
    rng = np.random.default_rng(7)
    weights = np.concatenate(
        [rng.uniform(-5.9, -4.1, 500), rng.uniform(10.1, 14.9, 3), rng.uniform(0.1, 1.9, 80)]
    )
    picked = draw_sample(weights, 10, seed=3)
    bands = band_of(weights[picked])
    assert sorted(c for c in np.bincount(bands).tolist() if c) == [3, 10, 10]  # all 3 of the small band
    assert len(set(picked.tolist())) == picked.size  # no pair twice
    assert np.all(np.diff(weights[picked]) <= 0)  # strongest first
    assert draw_sample(weights, 10, seed=3).tolist() == picked.tolist()
    assert draw_sample(weights, 10, seed=4).tolist() != picked.tolist()
    with pytest.raises(ValueError):
        draw_sample(weights, 0)


def test_wilson_interval() -> None:
    low, high = wilson(0, 2)
    assert low == 0.0 and high == pytest.approx(0.6576, abs=1e-4)
    low, high = wilson(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-4) and high == pytest.approx(0.9433, abs=1e-4)
    assert wilson(0, 0) == (0.0, 1.0)


def test_labels_override_a_miscalibrated_model() -> None:
    # 100 pairs at 1 bit the model calls 70% matches, 50 pairs at 12 bits it calls certain.
    weights = np.array([1.0] * 100 + [12.0] * 50)
    probabilities = np.array([0.7] * 100 + [1.0] * 50)
    model = calibrate(weights, probabilities)
    assert model.model_only and model.labelled == 0
    assert model.suggested == 0.0  # believing the model, the 1-bit pairs are worth linking
    # An investigator finds 1 in 10 of the 1-bit pairs and all of the 12-bit ones are one person.
    labels = {i: ("yes" if i == 0 else "no") for i in range(10)} | {100 + i: "yes" for i in range(10)}
    labels[11] = "unsure"  # left out
    result = calibrate(weights, probabilities, labels)
    low = next(b for b in result.bands if b.name == "[0, 2)")
    assert (low.labelled, low.yes, low.share, low.model) == (10, 1, 0.1, pytest.approx(0.7))
    at = {t.threshold: t for t in result.thresholds}
    # Expected matches: 100 * 0.1 + 50 * 1.0 = 60. At 0 bits: 150 links, 60 found; at 10 bits: 50, 50.
    assert at[0.0].precision == pytest.approx(0.4) and at[0.0].recall == pytest.approx(1.0)
    assert at[10.0].precision == pytest.approx(1.0) and at[10.0].recall == pytest.approx(50 / 60)
    assert result.suggested == 10.0  # F1 0.909 against 0.571; ties go to the higher edge
    assert not result.model_only


def test_bad_answers_are_refused() -> None:
    weights, probabilities = np.array([1.0, 2.0]), np.array([0.5, 0.6])
    with pytest.raises(ValueError, match="yes, no or unsure"):
        calibrate(weights, probabilities, {0: "maybe"})
    with pytest.raises(ValueError, match="not one of"):
        calibrate(weights, probabilities, {5: "yes"})
    with pytest.raises(ValueError, match="differ"):
        calibrate(weights, probabilities[:1])


def test_nothing_scored() -> None:
    result = calibrate(np.array([]), np.array([]))
    assert result.suggested is None and all(b.pairs == 0 for b in result.bands)
