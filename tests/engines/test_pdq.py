"""Conformance of the canonical PDQ pipeline with Meta's reference hashes, and its dihedral variants."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import ExifTags, Image

from builders import texture
from tiaki.engines.media import examine
from tiaki.engines.pdq import (
    DIHEDRAL_VARIANTS,
    MATCH_THRESHOLD,
    conformance,
    hamming,
    pdq_dihedral,
    pdq_file,
    pdq_file_both,
    pdq_image,
)

# The figures docs/pdq.md quotes (printed by `python -m tiaki.engines.pdq`); if the pipeline changes,
# these change, and so must the docs and PIPELINE_VERSION.
DOCUMENTED = {
    "expected-cpp-reference.csv": {"bar": 10, "images": 14, "mean": 4.43, "max": 8},
    "expected-python-reference.csv": {"bar": 16, "images": 27, "mean": 0.67, "max": 8},
}

# Meta's rotated and flipped copies of the bridge, in the order of DIHEDRAL_VARIANTS. They were
# re-encoded after turning, so their plain hashes sit a few bits away from the exact variants.
DIHEDRAL_FILES = [
    "bridge-1-original.jpg",
    "bridge-2-rotate-90.jpg",
    "bridge-3-rotate-180.jpg",
    "bridge-4-rotate-270.jpg",
    "bridge-5-flipx.jpg",
    "bridge-6-flipy.jpg",
    "bridge-7-flip-plus-1.jpg",
    "bridge-8-flip-minus-1.jpg",
]
DIHEDRAL_BAR = 24  # measured: at most 18


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_every_good_quality_reference_image_is_within_the_bar(reference_dir: Path, name: str):
    result = conformance(reference_dir / "pdq", name)
    expected = DOCUMENTED[name]
    too_far = {path: d for path, d in result.distances.items() if d > expected["bar"]}
    assert not too_far
    assert (result.images, result.mean, result.max) == (
        expected["images"],
        expected["mean"],
        expected["max"],
    ), "the pipeline's conformance changed: update docs/pdq.md, DOCUMENTED and PIPELINE_VERSION"


def test_hex_form_is_meta_s(reference_dir: Path):
    # wee.jpg hashes identically in both references. Our hash lies a couple of bits from it in Meta's
    # bit order, and would lie about half the bits away in any other order.
    reference = "6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d"
    ours = pdq_file(reference_dir / "pdq" / "images" / "misc-images" / "wee.jpg").hash
    assert hamming(ours, reference) <= 4
    reversed_order = f"{int(format(int(ours, 16), '0256b')[::-1], 2):064x}"
    assert hamming(reversed_order, reference) > 64


def test_each_turned_or_flipped_copy_matches_its_own_dihedral_variant_only(reference_dir: Path):
    folder = reference_dir / "pdq" / "images" / "reg-test-input" / "dih"
    with Image.open(folder / DIHEDRAL_FILES[0]) as image:
        variants = pdq_dihedral(image)
    assert len(variants) == len(DIHEDRAL_VARIANTS) == len(DIHEDRAL_FILES)
    assert variants[0] == pdq_file(folder / DIHEDRAL_FILES[0])
    assert len({v.quality for v in variants}) == 1
    for i, name in enumerate(DIHEDRAL_FILES):
        plain = pdq_file(folder / name).hash
        distances = [hamming(plain, v.hash) for v in variants]
        assert distances[i] <= DIHEDRAL_BAR, (name, DIHEDRAL_VARIANTS[i], distances)
        others = distances[:i] + distances[i + 1 :]
        assert min(others) > MATCH_THRESHOLD, (name, distances)


# The Pillow operation that turns a picture into each variant: the names in DIHEDRAL_VARIANTS say what
# each hash stands for, and this checks them.
TURNS = [
    None,
    Image.Transpose.ROTATE_90,  # anticlockwise
    Image.Transpose.ROTATE_180,
    Image.Transpose.ROTATE_270,
    Image.Transpose.FLIP_TOP_BOTTOM,
    Image.Transpose.FLIP_LEFT_RIGHT,
    Image.Transpose.TRANSPOSE,
    Image.Transpose.TRANSVERSE,
]


def test_variant_names_say_how_the_picture_was_turned(reference_dir: Path):
    path = reference_dir / "pdq" / "images" / "reg-test-input" / "dih" / DIHEDRAL_FILES[0]
    with Image.open(path) as image:
        pixels = image.convert("RGB")
    variants = pdq_dihedral(pixels)
    for i, turn in enumerate(TURNS):
        turned = pdq_image(pixels if turn is None else pixels.transpose(turn)).hash
        distances = [hamming(turned, v.hash) for v in variants]
        assert distances.index(min(distances)) == i, (DIHEDRAL_VARIANTS[i], distances)
        assert distances[i] <= DIHEDRAL_BAR, (DIHEDRAL_VARIANTS[i], distances)


def _turned_jpeg(path: Path, orientation_tag: int) -> Image.Image:
    """A generated, non-square, benign texture saved as a JPEG whose pixels are stored turned a quarter
    (as a phone writes a portrait photo) with the EXIF orientation tag that turns it upright."""
    rng = np.random.default_rng(11)
    pixels = texture(rng, 480, 320)
    upright = Image.fromarray(pixels)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what the sensor wrote
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation_tag
    stored.save(path, quality=95, exif=exif)
    return upright


def test_a_photo_stored_turned_has_both_its_upright_and_its_stored_hash(tmp_path: Path):
    path = tmp_path / "portrait.jpg"
    upright = _turned_jpeg(path, 6)  # 6: turn 90 degrees clockwise to view

    pair = pdq_file_both(path)
    examined = examine(path)

    assert pair.orientation == 6 and pair.stored is not None
    assert (examined.pdq, examined.pdq_stored) == (pair.upright.hash, pair.stored.hash)
    # The stored-orientation hash is what a tool that ignores EXIF computes: the raw pixels.
    with Image.open(path) as raw:
        as_stored = pdq_image(Image.fromarray(np.asarray(raw.convert("RGB")))).hash  # EXIF dropped
    assert hamming(pair.stored.hash, as_stored) <= 4
    # The upright hash is the picture as a person sees it.
    assert hamming(pair.upright.hash, pdq_image(upright).hash) <= 10
    # The two are far apart: matching only one of them would miss the other tools' lists.
    assert hamming(pair.upright.hash, pair.stored.hash) > MATCH_THRESHOLD
    # The upright picture's stored hash is one of its dihedral variants: a turned copy is found there.
    variants = [v.hash for v in pdq_dihedral(upright)]
    assert min(hamming(pair.stored.hash, v) for v in variants) <= 16


def test_an_upright_photo_has_no_second_hash(tmp_path: Path):
    path = tmp_path / "plain.jpg"
    Image.fromarray(texture(np.random.default_rng(5), 200, 160)).save(path, quality=95)
    pair = pdq_file_both(path)
    assert pair.stored is None and pair.orientation == 1
    assert examine(path).pdq_stored is None and examine(path).pdq == pdq_file(path).hash
