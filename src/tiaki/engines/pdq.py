"""PDQ perceptual hashing of images through Meta's C++ PDQ (``pdqhash``), with one canonical pipeline.

The pipeline, frozen so that every hash in a case was made the same way:
1. decode with Pillow (JPEG at reduced scale via ``Image.draft`` when the image is far larger than
   needed), 2. apply the EXIF orientation, 3. convert to RGB, 4. downscale so that the longer side is
   at most 512 pixels, as Meta's C++ hasher does, 5. PDQ.

Hashes are 64 lower-case hex characters, bit 0 of PDQ's output being the most significant bit of the
first character (Meta's own text form). Quality is 0-100; Meta advises discarding hashes below 50.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pdqhash
from PIL import Image, ImageOps

PIPELINE_VERSION = "pdq-canonical-1"
MAX_SIDE = 512
MATCH_THRESHOLD = 31
MIN_QUALITY = 50

# Refuse images that would decompress to more pixels than this (a decompression bomb).
Image.MAX_IMAGE_PIXELS = 100_000_000


@dataclass(frozen=True, slots=True)
class PdqResult:
    hash: str
    quality: int


def bits_to_hex(bits: np.ndarray) -> str:
    return np.packbits(bits.astype(np.uint8)).tobytes().hex()


def hex_to_bytes(hex_hash: str) -> bytes:
    if len(hex_hash) != 64:
        raise ValueError(f"a PDQ hash has 64 hex characters, not {len(hex_hash)}")
    return bytes.fromhex(hex_hash)


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def canonical_image(image: Image.Image) -> np.ndarray:
    """The RGB pixels PDQ is computed on (steps 1-4 of the pipeline)."""
    if image.format == "JPEG":
        image.draft("RGB", (MAX_SIDE, MAX_SIDE))
    image = ImageOps.exif_transpose(image) or image
    image = image.convert("RGB")
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BILINEAR)
    return np.asarray(image)


def pdq_image(image: Image.Image) -> PdqResult:
    bits, quality = pdqhash.compute(canonical_image(image))
    return PdqResult(bits_to_hex(bits), int(quality))


def pdq_file(path: str | Path) -> PdqResult:
    """PDQ of an image file. Raises ``OSError``/``ValueError`` (from Pillow) for unreadable files."""
    with Image.open(path) as image:
        return pdq_image(image)
