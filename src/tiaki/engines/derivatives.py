"""What a reviewer's browser receives instead of the evidence: a greyscale, strongly blurred,
downscaled picture, made on the server.

- A picture: turned upright (EXIF orientation), greyscale, shrunk to at most :data:`SIDE` pixels on
  its longer side, then blurred with a Gaussian of radius :data:`BLUR` (at this size, shapes and
  layout remain, faces and detail do not).
- A video: a contact sheet of :data:`FRAMES` frames taken at even intervals (PyAV), each treated as a
  picture, laid out in a grid; no sound is read at all.

The output is PNG bytes (metadata-free: nothing of the original's EXIF is copied). Refuses with
:class:`DerivativeError` (a ``ValueError``) what it cannot decode.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import av
from PIL import Image, ImageFilter, ImageOps

from tiaki.engines.media import image_limit, video_limit

SIDE = 160
BLUR = 6.0
FRAMES = 6
COLUMNS = 3
VERSION = "grey-blur-1"  # part of a cached derivative's name: a change of recipe makes new files


class DerivativeError(ValueError):
    """The file could not be turned into a derivative (the reason says why)."""


def _soften(image: Image.Image, side: int, blur: float) -> Image.Image:
    grey = ImageOps.exif_transpose(image).convert("L")
    grey.thumbnail((side, side), Image.Resampling.BILINEAR)
    return grey.filter(ImageFilter.GaussianBlur(blur))


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def blurred_picture(path: str | Path, *, side: int = SIDE, blur: float = BLUR) -> bytes:
    """The derivative of a picture file, as PNG bytes."""
    try:
        refused = image_limit(path)
        if refused:
            raise DerivativeError(refused)
        with Image.open(path) as image:
            image.draft("RGB", (side * 2, side * 2))  # JPEG: decode at a fraction of full size
            return _png(_soften(image, side, blur))
    except DerivativeError:
        raise
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise DerivativeError(f"not a readable picture: {exc}") from exc


def _frame_times(duration: float | None, count: int) -> list[float]:
    if not duration or duration <= 0:
        return [0.0]
    return [duration * (n + 0.5) / count for n in range(count)]


def contact_sheet(
    path: str | Path, *, frames: int = FRAMES, columns: int = COLUMNS, side: int = SIDE, blur: float = BLUR
) -> bytes:
    """The derivative of a video file: ``frames`` blurred greyscale frames in a grid, as PNG bytes."""
    tiles: list[Image.Image] = []
    try:
        refused = video_limit(path)
        if refused:
            raise DerivativeError(refused)
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise DerivativeError("no video stream")
            stream = container.streams.video[0]
            duration = None
            if stream.duration is not None and stream.time_base is not None:
                duration = float(stream.duration * stream.time_base)
            elif container.duration is not None:
                duration = container.duration / av.time_base
            wanted = _frame_times(duration, frames)
            for frame in container.decode(stream):
                t = float(frame.time) if frame.time is not None else 0.0
                if wanted and t + 1e-6 >= wanted[0]:
                    tiles.append(_soften(frame.to_image(), side, blur))
                    while wanted and t + 1e-6 >= wanted[0]:
                        wanted.pop(0)
                if not wanted:
                    break
    except DerivativeError:
        raise
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise DerivativeError(f"not a readable video: {exc}") from exc
    if not tiles:
        raise DerivativeError("no frame could be decoded")
    columns = min(columns, len(tiles))
    rows = math.ceil(len(tiles) / columns)
    width = max(t.width for t in tiles)
    height = max(t.height for t in tiles)
    sheet = Image.new("L", (columns * width + (columns - 1) * 4, rows * height + (rows - 1) * 4), 255)
    for n, tile in enumerate(tiles):
        sheet.paste(tile, ((n % columns) * (width + 4), (n // columns) * (height + 4)))
    return _png(sheet)


def derivative(path: str | Path, kind: str) -> bytes:
    """The derivative of an evidence file of ``kind`` ("image" or "video")."""
    if kind == "video":
        return contact_sheet(path)
    if kind == "image":
        return blurred_picture(path)
    raise DerivativeError(f"no derivative for a file of kind '{kind or 'unknown'}'")
