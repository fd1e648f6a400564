"""Derivatives: what reaches a reviewer's browser is greyscale, small and blurred, never the file."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from builders import picture, scenes, texture, write_clip
from tiaki.engines.derivatives import SIDE, DerivativeError, blurred_picture, contact_sheet, derivative


def _high_frequency(image: Image.Image) -> float:
    """Mean absolute difference between neighbouring pixels: detail, which blurring removes."""
    a = np.asarray(image.convert("L"), dtype=float)
    return float(np.abs(np.diff(a, axis=1)).mean())


def test_a_picture_becomes_small_grey_and_blurred(tmp_path: Path) -> None:
    path = tmp_path / "p.jpg"
    Image.fromarray(texture(np.random.default_rng(3), 640, 480)).save(path, quality=90)
    data = blurred_picture(path)
    assert data.startswith(b"\x89PNG")
    out = Image.open(io.BytesIO(data))
    assert out.mode == "L"
    assert max(out.size) <= SIDE
    same_size = Image.open(path).convert("L").resize(out.size)
    assert _high_frequency(out) < _high_frequency(same_size) / 3
    assert path.read_bytes() not in data


def test_a_video_becomes_a_contact_sheet_of_blurred_frames(tmp_path: Path) -> None:
    clip = write_clip(tmp_path / "c.mp4", scenes(5))
    out = Image.open(io.BytesIO(contact_sheet(clip, frames=6, columns=3)))
    assert out.mode == "L"
    assert out.width > SIDE * 2 and out.height > SIDE  # three across, two down
    assert out.width <= SIDE * 3 + 8


def test_derivative_dispatches_on_kind_and_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    path = picture(tmp_path / "p.jpg", seed=4)
    assert derivative(path, "image").startswith(b"\x89PNG")
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"not a picture")
    with pytest.raises(DerivativeError):
        derivative(junk, "image")
    with pytest.raises(DerivativeError):
        derivative(junk, "video")
    with pytest.raises(DerivativeError):
        derivative(path, "other")
