"""PDQ perceptual hashing of images through Meta's C++ PDQ (``pdqhash``), with one canonical pipeline.

The pipeline, frozen so that every hash in a case was made the same way (``PIPELINE_VERSION``):

1. decode with Pillow; a JPEG is decoded at reduced scale (libjpeg's DCT scaling by 1/2, 1/4 or 1/8,
   through ``Image.draft``) to the smallest scale whose size is still at least the size of step 4's
   result, so that the decoder does most of the shrinking and never goes below 512 pixels;
2. apply the EXIF orientation;
3. convert to luma, Y = 0.299 R + 0.587 G + 0.114 B (alpha is dropped), the very weighting PDQ
   applies to RGB; a JPEG is decoded straight to luma, its Y channel, skipping the colour conversion
   (then the luma is given to ``pdqhash``, which takes RGB, as three equal channels);
4. downscale (bilinear, aspect ratio kept) so that the longer side is at most 512 pixels, as Meta's
   C++ hasher does;
5. PDQ (``pdqhash.compute``).

Conformance with Meta's reference hashes is checked by ``tests/engines/test_pdq.py`` and reported in
``docs/pdq.md`` (see :func:`conformance`).

Hashes are 64 lower-case hex characters, bit 0 of PDQ's output being the most significant bit of the
first character (Meta's own text form). Quality is 0-100; Meta advises discarding hashes below 50.

History of ``PIPELINE_VERSION``:

- ``pdq-canonical-1``: JPEG draft requested 512x512, which only reduced images whose *shorter* side
  was at least 1024 pixels.
- ``pdq-canonical-2``: JPEG draft requests the size of the downscaled result, so that for example a
  1024x768 or 1600x1004 JPEG is decoded at half scale. Hashes of such JPEGs may differ by a few bits
  from version 1 (well inside the match threshold).
- ``pdq-canonical-3``: luma instead of RGB before downscaling, and a JPEG decoded straight to luma
  (about 17% faster per image). Hashes differ from version 2 by 0.5 bits on average, 2 at most, on
  the benchmark's pictures (integer luma before the downscale instead of float luma after it).
"""

from __future__ import annotations

import csv
import math
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pdqhash
from PIL import ExifTags, Image, ImageOps

PIPELINE_VERSION = "pdq-canonical-3"
MAX_SIDE = 512
MATCH_THRESHOLD = 31
MIN_QUALITY = 50

# The order of pdqhash.compute_dihedral's output, which is Meta's (pdq/cpp/hashing/pdqhashing.h): the
# hash of the picture as it would be after this turn or flip (checked against Meta's test images in
# reg-test-input/dih/, named in the same order).
DIHEDRAL_VARIANTS = (
    "original",
    "rotate-90",  # a quarter turn anticlockwise
    "rotate-180",
    "rotate-270",  # a quarter turn clockwise
    "flip-x",  # mirrored about the horizontal axis: upside down
    "flip-y",  # mirrored about the vertical axis: left to right
    "flip-plus-1",  # mirrored about the main diagonal (transpose)
    "flip-minus-1",  # mirrored about the anti-diagonal (transverse)
)

# Refuse images that would decompress to more pixels than this (a decompression bomb).
Image.MAX_IMAGE_PIXELS = 100_000_000


@dataclass(frozen=True, slots=True)
class PdqResult:
    hash: str
    quality: int


def bits_to_hex(bits: np.ndarray) -> str:
    return np.packbits(bits.astype(np.uint8)).tobytes().hex()


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def _target_size(width: int, height: int) -> tuple[int, int]:
    """The size step 4 shrinks to, rounded up (so a draft of this size is never smaller than it)."""
    scale = MAX_SIDE / max(width, height)
    return max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))


def canonical_image(
    image: Image.Image, *, upright: bool = True, max_side: int | None = MAX_SIDE
) -> np.ndarray:
    """The pixels PDQ is computed on (steps 1-4 of the pipeline): luma as three equal channels, an
    (height, width, 3) array as ``pdqhash`` takes it.

    ``upright=False`` skips step 2 (the EXIF orientation): the pixels as stored, which is what Meta's
    hashers and python-threatexchange hash, and so what other tools' lists hold. ``max_side=None``
    skips step 4 (hash at native size; used for video frames, see ``engines.video``).

    ``image`` must be freshly opened (not yet loaded) for the reduced-scale JPEG decode to apply, and
    is consumed: after the call its ``size`` may be the reduced one, so read the size before."""
    if image.format == "JPEG" and max_side is not None and max(image.size) > max_side:
        # Pillow picks the largest DCT reduction (1/8, 1/4, 1/2) that keeps both sides >= the request.
        image.draft("L", _target_size(*image.size))
    elif image.format == "JPEG":
        image.draft("L", image.size)  # full size, straight to luma
    # exif_transpose and convert copy the pixels even when there is nothing to do: skip them then.
    if upright and orientation(image) != 1:
        image = ImageOps.exif_transpose(image)
    if image.mode != "L":
        image = image.convert("L")
    if max_side is not None and max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.BILINEAR)
    luma = np.asarray(image)
    return np.broadcast_to(luma[:, :, None], (*luma.shape, 3))  # three channels, no copy


def orientation(image: Image.Image) -> int:
    """The EXIF orientation tag (1-8; 1, also when absent or invalid, means stored upright)."""
    try:
        value = int(image.getexif().get(ExifTags.Base.Orientation, 1))
    except (TypeError, ValueError):
        return 1
    return value if 1 <= value <= 8 else 1


def pdq_image(image: Image.Image, *, upright: bool = True, max_side: int | None = MAX_SIDE) -> PdqResult:
    """PDQ of ``image`` through the canonical pipeline (see :func:`canonical_image` for the options)."""
    bits, quality = pdqhash.compute(canonical_image(image, upright=upright, max_side=max_side))
    return PdqResult(bits_to_hex(bits), int(quality))


@dataclass(frozen=True, slots=True)
class PdqPair:
    """A photo's hash turned upright (EXIF orientation applied: tiaki's canonical hash) and, when the
    file says it is stored turned, the hash of the pixels as stored (what other tools compute)."""

    upright: PdqResult
    stored: PdqResult | None  # None when the orientation is 1: the two would be the same
    orientation: int


def pdq_file_both(path: str | Path) -> PdqPair:
    """Both hashes of an image file (see :class:`PdqPair`). Raises like :func:`pdq_file`."""
    with Image.open(path) as image:
        turned = orientation(image)
        upright = pdq_image(image)
    if turned == 1:
        return PdqPair(upright, None, 1)
    with Image.open(path) as image:
        return PdqPair(upright, pdq_image(image, upright=False), turned)


def pdq_dihedral(image: Image.Image) -> list[PdqResult]:
    """The eight hashes of ``image`` turned and flipped, in the order of ``DIHEDRAL_VARIANTS`` (Meta's:
    original, rotate 90, rotate 180, rotate 270, flip X, flip Y, flip +1, flip -1), all from one
    pass of the canonical pipeline. A rotated or mirrored copy of a picture hashes (plainly) close to
    the matching variant of the original, so matching a hash against all eight finds such copies.
    Close, not equal: PDQ's filter is not quite symmetric, so a turned copy lies 0-18 bits from its
    variant for a photograph of ordinary size, and may lie beyond the match threshold for a
    thumbnail of 256 pixels or so (figures in docs/pdq.md)."""
    hashes, quality = pdqhash.compute_dihedral(canonical_image(image))
    return [PdqResult(bits_to_hex(bits), int(quality)) for bits in hashes]


def pdq_file_dihedral(path: str | Path) -> list[PdqResult]:
    """The eight dihedral hashes of an image file (see :func:`pdq_dihedral`), upright first."""
    with Image.open(path) as image:
        return pdq_dihedral(image)


def pdq_file(path: str | Path) -> PdqResult:
    """PDQ of an image file. Raises ``OSError``/``ValueError`` (from Pillow) for unreadable files."""
    with Image.open(path) as image:
        return pdq_image(image)


@dataclass(frozen=True, slots=True)
class Conformance:
    """Distances of our hashes from one of Meta's reference files, over images of quality >= 80."""

    reference: str
    images: int
    mean: float
    max: int
    distances: dict[str, int]


def conformance(reference_root: Path, name: str, min_quality: int = 80) -> Conformance:
    """Compare ``pdq_file`` with a reference CSV (columns ``path``, ``pdq_hex``) in ``reference_root``
    (Meta's test images under ``reference_root/images``). Used by the conformance test and the docs."""

    def rows() -> Iterator[dict[str, str]]:
        with (reference_root / name).open(newline="") as fh:
            yield from csv.DictReader(fh)

    distances = {}
    for row in rows():
        result = pdq_file(reference_root / "images" / row["path"])
        if result.quality >= min_quality:
            distances[row["path"]] = hamming(result.hash, row["pdq_hex"])
    if not distances:
        raise ValueError(f"{name}: no image of quality >= {min_quality}")
    values = list(distances.values())
    return Conformance(name, len(values), round(statistics.fmean(values), 2), max(values), distances)


def main() -> None:
    """Print the conformance figures quoted in docs/pdq.md:
    ``python -m tiaki.engines.pdq /path/to/reference/pdq``."""
    import sys

    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/reference/pdq")
    print(f"pipeline {PIPELINE_VERSION}")
    for name in ("expected-cpp-reference.csv", "expected-python-reference.csv"):
        c = conformance(root, name)
        print(f"{name}: {c.images} images of quality >= 80, Hamming distance mean {c.mean}, max {c.max}")


if __name__ == "__main__":
    main()
