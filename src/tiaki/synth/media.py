"""Benign stand-in media: procedurally generated abstract pictures and short abstract videos.

Pictures are a smooth random colour field with stripes, random shapes and fine noise; that is enough
structure for a PDQ quality well above 50 and makes unrelated pictures hash far apart. Near copies are
made from the decoded bytes of the original, as they would be in the wild: resized, recompressed at
another JPEG quality, cropped a little, given a border, or captioned with neutral text.

Each :class:`MediaJob` is rendered from its own random stream (``PCG64([seed, 1, index])``), so jobs
can run in any process in any order and still produce the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tiaki.engines.digest import digest_bytes
from tiaki.engines.pdq import PdqResult, pdq_image

IMAGE_MIN_SIDE = 256
IMAGE_MAX_SIDE = 640
ORIGINAL_JPEG_QUALITY = (82, 95)  # inclusive range of qualities the originals are saved at
RECOMPRESS_JPEG_QUALITY = (35, 65)
RESIZE_SCALE = (0.45, 0.8)
# PDQ is sensitive to crops and borders (a 2% crop moves it ~30 bits on these pictures), so the near
# copies here are cropped and framed only slightly; a few still land beyond the match threshold.
CROP_FRACTION = (0.005, 0.015)  # per side
BORDER_FRACTION = (0.005, 0.012)  # per side
CAPTION_HEIGHT = 1 / 18  # font size as a fraction of the picture's height
MIN_PDQ_QUALITY = 50  # originals below this are drawn again (at most ORIGINAL_TRIES times)
ORIGINAL_TRIES = 8
VIDEO_SIZE = (128, 96)
VIDEO_SECONDS = (2, 4)
VIDEO_FPS = (4, 6)
VIDEO_CODEC = "mpeg4"
VIDEO_BIT_RATE = 160_000
CAPTION_WORDS = ("sample", "archive", "copy", "frame", "item", "series", "draft", "image", "file")
TRANSFORMS = ("resize", "recompress", "crop", "border", "caption")


@dataclass(frozen=True, slots=True)
class Variant:
    transform: str  # "none" for the original, else one of TRANSFORMS
    filename: str | None  # name under media/, or None when the variant is only hashed (known list)


@dataclass(frozen=True, slots=True)
class MediaJob:
    index: int
    kind: str  # "image" or "video"
    fmt: str  # "jpeg" or "png" for the original picture; "mp4" for videos
    variants: tuple[Variant, ...]  # variants[0] is the original (transform "none")


@dataclass(frozen=True, slots=True)
class MediaResult:
    job: int
    variant: int
    filename: str | None
    transform: str
    md5: str
    sha1: str
    sha256: str
    size: int
    pdq: str | None  # None for videos
    pdq_quality: int | None
    width: int
    height: int


def job_rng(seed: int, index: int) -> np.random.Generator:
    return np.random.Generator(np.random.PCG64([seed, 1, index]))


# ------------------------------------------------------------------------------------------ pictures


def render_picture(rng: np.random.Generator, width: int, height: int) -> Image.Image:
    """An abstract picture: colour field, stripes, shapes, noise."""
    grid = int(rng.integers(2, 5))
    field = (rng.random((grid, grid, 3)) * 255).astype(np.uint8)
    img = np.asarray(
        Image.fromarray(field).resize((width, height), Image.Resampling.BICUBIC), dtype=np.float32
    )
    if rng.random() < 0.5:
        yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
        angle = rng.random() * np.pi
        period = rng.uniform(0.15, 0.5) * max(width, height)
        wave = np.sin((xx * np.cos(angle) + yy * np.sin(angle)) * (2 * np.pi / period))
        img += wave[:, :, None] * rng.uniform(15, 45) * (rng.random(3) - 0.3).astype(np.float32)
    picture = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(picture)
    for _ in range(int(rng.integers(5, 12))):
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        x0, x1 = sorted(int(v) for v in rng.integers(-width // 8, width + width // 8, 2))
        y0, y1 = sorted(int(v) for v in rng.integers(-height // 8, height + height // 8, 2))
        shape = rng.random()
        if shape < 0.4:
            draw.ellipse((x0, y0, x1 + 4, y1 + 4), fill=colour)
        elif shape < 0.75:
            draw.rectangle((x0, y0, x1 + 4, y1 + 4), fill=colour)
        else:
            points = [(int(rng.integers(0, width)), int(rng.integers(0, height))) for _ in range(3)]
            draw.polygon(points, fill=colour)
    sigma = np.float32(rng.uniform(2, 8))
    noisy = (
        np.asarray(picture, dtype=np.float32)
        + rng.standard_normal((height, width, 1), dtype=np.float32) * sigma
    )
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    buf = io.BytesIO()
    if fmt == "png":
        image.save(buf, format="PNG", optimize=False, compress_level=6)
    else:
        image.convert("RGB").save(buf, format="JPEG", quality=quality, optimize=False, subsampling=2)
    return buf.getvalue()


def transform_picture(rng: np.random.Generator, original: bytes, transform: str) -> tuple[bytes, str]:
    """A near copy of ``original`` (encoded bytes) and the format it was saved in."""
    with Image.open(io.BytesIO(original)) as opened:
        fmt = "png" if opened.format == "PNG" else "jpeg"
        image = opened.convert("RGB")
    w, h = image.size
    quality = int(rng.integers(ORIGINAL_JPEG_QUALITY[0], ORIGINAL_JPEG_QUALITY[1] + 1))
    if transform == "resize":
        scale = rng.uniform(*RESIZE_SCALE)
        image = image.resize((max(64, round(w * scale)), max(64, round(h * scale))), Image.Resampling.LANCZOS)
        fmt = "jpeg"
    elif transform == "recompress":
        quality = int(rng.integers(RECOMPRESS_JPEG_QUALITY[0], RECOMPRESS_JPEG_QUALITY[1] + 1))
        fmt = "jpeg"
    elif transform == "crop":
        cut = rng.uniform(*CROP_FRACTION, 4).tolist()
        image = image.crop(
            (round(w * cut[0]), round(h * cut[1]), w - round(w * cut[2]), h - round(h * cut[3]))
        )
    elif transform == "border":
        frame = float(rng.uniform(*BORDER_FRACTION))
        bw, bh = round(w * frame), round(h * frame)
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        framed = Image.new("RGB", (w + 2 * bw, h + 2 * bh), colour)
        framed.paste(image, (bw, bh))
        image = framed
    elif transform == "caption":
        draw = ImageDraw.Draw(image)
        size = max(10, round(h * CAPTION_HEIGHT))
        font = ImageFont.load_default(size=size)
        text = f"{CAPTION_WORDS[int(rng.integers(len(CAPTION_WORDS)))]} {int(rng.integers(1, 1000)):03d}"
        x, y = int(rng.integers(4, max(5, w // 3))), h - size - int(rng.integers(4, max(5, h // 10)))
        draw.text((x, y), text, fill=(255, 255, 255), font=font, stroke_width=1, stroke_fill=(0, 0, 0))
    else:
        raise ValueError(f"unknown transform {transform!r}")
    return encode(image, fmt, quality), fmt


# -------------------------------------------------------------------------------------------- videos


def render_video(rng: np.random.Generator) -> bytes:
    """A short MP4 of shapes drifting over a colour field (bit-exact: same stream, same bytes)."""
    width, height = VIDEO_SIZE
    fps = int(rng.integers(VIDEO_FPS[0], VIDEO_FPS[1] + 1))
    frames = fps * int(rng.integers(VIDEO_SECONDS[0], VIDEO_SECONDS[1] + 1))
    background = np.asarray(render_picture(rng, width, height))
    shapes = [
        (
            tuple(int(c) for c in rng.integers(0, 256, 3)),
            rng.uniform(0, width, 2) * (1, height / width),
            rng.uniform(-6, 6, 2),
            int(rng.integers(8, 24)),
        )
        for _ in range(int(rng.integers(2, 5)))
    ]
    buf = io.BytesIO()
    with av.open(buf, mode="w", format="mp4", options={"fflags": "+bitexact"}) as container:
        stream = container.add_stream(VIDEO_CODEC, rate=fps)
        assert isinstance(stream, av.VideoStream)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.bit_rate = VIDEO_BIT_RATE
        stream.thread_count = 1
        stream.codec_context.options = {"flags": "+bitexact"}
        for t in range(frames):
            frame = Image.fromarray(background)
            draw = ImageDraw.Draw(frame)
            for colour, start, velocity, radius in shapes:
                cx, cy = start + velocity * t
                draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=colour)
            for packet in stream.encode(av.VideoFrame.from_ndarray(np.asarray(frame), format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buf.getvalue()


# ------------------------------------------------------------------------------------------- workers


def _result(job: MediaJob, i: int, data: bytes, pdq: PdqResult | None, size: tuple[int, int]) -> MediaResult:
    d = digest_bytes(data)
    variant = job.variants[i]
    return MediaResult(
        job=job.index,
        variant=i,
        filename=variant.filename,
        transform=variant.transform,
        md5=d.md5,
        sha1=d.sha1,
        sha256=d.sha256,
        size=d.size,
        pdq=pdq.hash if pdq else None,
        pdq_quality=pdq.quality if pdq else None,
        width=size[0],
        height=size[1],
    )


def _decoded_pdq(data: bytes) -> tuple[PdqResult, tuple[int, int]]:
    """PDQ of encoded picture bytes, as anyone hashing the file would get it, and the picture's size."""
    with Image.open(io.BytesIO(data)) as decoded:
        return pdq_image(decoded), decoded.size


def run_job(job: MediaJob, seed: int, media_dir: Path) -> list[MediaResult]:
    """Render a job's original and variants, write those that have a filename, hash them all."""
    rng = job_rng(seed, job.index)
    blobs: list[bytes] = []
    results: list[MediaResult] = []
    if job.kind == "video":
        blobs.append(render_video(rng))
        results.append(_result(job, 0, blobs[0], None, VIDEO_SIZE))
    else:
        width = int(rng.integers(IMAGE_MIN_SIDE, IMAGE_MAX_SIDE + 1))
        height = int(rng.integers(IMAGE_MIN_SIDE, IMAGE_MAX_SIDE + 1))
        quality = int(rng.integers(ORIGINAL_JPEG_QUALITY[0], ORIGINAL_JPEG_QUALITY[1] + 1))
        for _ in range(ORIGINAL_TRIES):
            original = encode(render_picture(rng, width, height), job.fmt, quality)
            pdq, size = _decoded_pdq(original)
            if pdq.quality >= MIN_PDQ_QUALITY:
                break
        blobs.append(original)
        results.append(_result(job, 0, original, pdq, size))
        for i, variant in enumerate(job.variants[1:], start=1):
            data = transform_picture(rng, original, variant.transform)[0]
            blobs.append(data)
            results.append(_result(job, i, data, *_decoded_pdq(data)))
    for variant, data in zip(job.variants, blobs, strict=True):
        if variant.filename is not None:
            (media_dir / variant.filename).write_bytes(data)
    return results


def run_jobs(args: tuple[list[MediaJob], int, Path]) -> list[MediaResult]:
    jobs, seed, media_dir = args
    return [r for job in jobs for r in run_job(job, seed, media_dir)]
