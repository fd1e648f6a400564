"""What kind of file a media item is, and its perceptual hash, without ever failing the caller.

Files come from providers and suspects: they may be truncated, mislabelled or hostile. ``examine``
turns every failure into a recorded reason instead of an exception.

Images get a PDQ hash (``engines.pdq``): upright, and for a photo stored turned also as stored (match
either against lists; search the dihedral variants for copies turned by hand). Videos get a
vPDQ-style frame hash (``engines.video``), kept in its serialised form. The kind is decided by the
content (its signature), never by the file's name: content that is not recognised is recorded as
``other`` with the reason, naming the suffix when the name claims a picture or a video.

Sizes are checked from the headers before anything is decoded: a picture that would decode to more
than ``MAX_PIXELS`` pixels, a video whose frames are larger than that, that lasts longer than
``MAX_VIDEO_SECONDS`` or holds more than ``MAX_VIDEO_FRAMES`` frames, is refused with the reason.
A baseline JPEG is decoded at reduced scale (``engines.pdq``), so it is judged by the pixels it
decodes to, up to ``MAX_JPEG_PIXELS`` at full size.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
from PIL import Image

from tiaki.engines.pdq import MIN_QUALITY, pdq_file_both
from tiaki.engines.video import VideoError, hash_video, to_dict

# Signatures of image and video containers: at the start of a file for sniffing, anywhere in a file
# for proving that an export carries no media bytes.
_START = [
    (b"\xff\xd8\xff", "image", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image", "png"),
    (b"GIF87a", "image", "gif"),
    (b"GIF89a", "image", "gif"),
    (b"BM", "image", "bmp"),
    (b"\x1a\x45\xdf\xa3", "video", "matroska/webm"),
    (b"FLV\x01", "video", "flv"),
    (b"\x30\x26\xb2\x75\x8e\x66\xcf\x11", "video", "asf/wmv"),
    (b"\x00\x00\x01\xba", "video", "mpeg-ps"),
]
# Pixels a picture (or one video frame) may decode to: 50 megapixels, about 150 MB of RGB.
MAX_PIXELS = 50_000_000
# A baseline JPEG decodes at up to 1/8 scale, so its full size may be larger (Pillow refuses more).
MAX_JPEG_PIXELS = 200_000_000
MAX_VIDEO_SECONDS = 6 * 3600
MAX_VIDEO_FRAMES = 1_000_000
HEAD_BYTES = 512
# ISO base media brands that are still pictures (HEIF, AVIF), not videos.
_IMAGE_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".heic", ".heif", ".avif"}
)
# File names that claim a video: named in the reason when the content is not recognised.
VIDEO_SUFFIXES = frozenset(
    {".mp4", ".m4v", ".mov", ".qt", ".mkv", ".webm", ".avi", ".wmv", ".asf", ".flv", ".mpg", ".mpeg"}
    | {".ts", ".m2ts", ".mts", ".3gp", ".3g2", ".ogv"}
)
EMBEDDED_SIGNATURES = {
    "jpeg": re.compile(rb"\xff\xd8\xff[\xc0-\xfe]"),
    "png": re.compile(rb"\x89PNG\r\n\x1a\n"),
    "gif": re.compile(rb"GIF8[79]a"),
    "webp": re.compile(rb"RIFF.{4}WEBP", re.DOTALL),
    "mp4": re.compile(rb"ftyp(isom|iso2|mp4[12]|avc1|M4V |qt  |3gp)"),
}


def sniff(head: bytes) -> tuple[str, str]:
    """(kind, format) from the first bytes of a file: kind is image, video or other."""
    for magic, kind, name in _START:
        if head.startswith(magic):
            return kind, name
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image", "tiff"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image", "webp"
    if head[4:8] == b"ftyp" and head[8:12] in _IMAGE_BRANDS:
        return "image", "heif"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "video", "avi"
    if head[4:8] == b"ftyp":
        return "video", "mp4"
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip"):
        return "video", "quicktime"
    if head[:1] == b"\x47" and head[188:189] == b"\x47":
        return "video", "mpeg-ts"
    if head[4:5] == b"\x47" and head[196:197] == b"\x47":
        return "video", "m2ts"
    if head[:4] == b"\x00\x00\x01\xb3":
        return "video", "mpeg-es"
    if head[:4] == b"OggS":
        return "video", "ogg"
    return "other", "unknown"


def find_media_signature(data: bytes) -> str | None:
    """The name of the first image or video signature found anywhere in ``data``, if any."""
    for name, pattern in EMBEDDED_SIGNATURES.items():
        if pattern.search(data):
            return name
    return None


@dataclass(frozen=True, slots=True)
class Examined:
    kind: str
    pdq: str | None = None
    quality: int | None = None
    error: str | None = None
    # A video's frame hashes in the form of ``engines.video.to_dict``.
    video: dict[str, Any] | None = None
    # A photo stored turned (EXIF orientation 2-8): the hash of the pixels as stored, which is what
    # Meta's hashers and other tools' lists hold; ``pdq`` is the upright hash. None when upright.
    pdq_stored: str | None = None
    quality_stored: int | None = None


def examine(path: str | Path) -> Examined:
    """Sniff the file and hash it when it is an image or a video. Never raises for a bad file: every
    failure, refusal or unrecognised content is an :class:`Examined` with ``error`` set."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        return Examined("other", error=f"unreadable: {exc.strerror}")
    if not head:
        return Examined("other", error="empty file")
    kind, _ = sniff(head)
    if kind == "video":
        return _examine_video(path)
    if kind == "image":
        return _examine_image(path)
    suffix = Path(path).suffix.lower()
    claim = ""
    if suffix in VIDEO_SUFFIXES:
        claim = f"; named {suffix} but not a video"
    elif suffix in IMAGE_SUFFIXES:
        claim = f"; named {suffix} but not a picture"
    return Examined("other", error=f"unrecognised content: not a picture or video format tiaki reads{claim}")


def image_limit(path: str | Path) -> str | None:
    """The reason to refuse the picture at ``path`` for its size, read from its header alone (nothing
    is decoded), or None when it may be decoded. Raises what Pillow raises for an unreadable header."""
    with Image.open(path) as image:
        width, height = image.size
        progressive = bool(image.info.get("progressive") or image.info.get("progression"))
        decoded = width * height
        if image.format == "JPEG" and not progressive:
            if decoded > MAX_JPEG_PIXELS:
                return f"refused: {width}x{height} pixels, more than {MAX_JPEG_PIXELS} for a JPEG"
            decoded = _jpeg_decoded_pixels(width, height)
        if decoded > MAX_PIXELS:
            return f"refused: {width}x{height} pixels, more than the limit of {MAX_PIXELS}"
    return None


def _jpeg_decoded_pixels(width: int, height: int, side: int = 512) -> int:
    """Pixels a JPEG decodes to when reduced (1/2, 1/4 or 1/8) as ``engines.pdq`` asks: the largest
    reduction that keeps the picture at least as large as its hash input (longer side ``side``)."""
    if max(width, height) <= side:
        return width * height
    scale = side / max(width, height)
    want_w, want_h = math.ceil(width * scale), math.ceil(height * scale)
    for reduce in (8, 4, 2):
        w, h = math.ceil(width / reduce), math.ceil(height / reduce)
        if w >= want_w and h >= want_h:
            return w * h
    return width * height


def _examine_image(path: str | Path) -> Examined:
    try:
        refused = image_limit(path)
    except Image.DecompressionBombError as exc:
        return Examined("image", error=f"refused: {exc}")
    except Exception as exc:  # Pillow's parsers raise many kinds of errors on hostile headers
        return Examined("image", error=f"undecodable image: {_reason(exc)}")
    if refused:
        return Examined("image", error=refused)
    try:
        pair = pdq_file_both(path)
    except Image.DecompressionBombError as exc:
        return Examined("image", error=f"refused: {exc}")
    except Exception as exc:  # as above: a bad picture is a recorded reason, never a crash
        return Examined("image", error=f"undecodable image: {_reason(exc)}")
    stored = pair.stored
    return Examined(
        "image",
        pair.upright.hash,
        pair.upright.quality,
        pdq_stored=stored.hash if stored else None,
        quality_stored=stored.quality if stored else None,
    )


def video_limit(path: str | Path) -> str | None:
    """The reason to refuse the video at ``path`` for its frame size, duration or frame count, read from
    the container (no frame is decoded), or None. Raises ``VideoError`` when it cannot be opened."""
    try:
        container = av.open(str(path))
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise VideoError(f"not a readable video: {_reason(exc)}") from exc
    with container:
        if not container.streams.video:
            raise VideoError("no video stream")
        stream = container.streams.video[0]
        width, height = stream.codec_context.width, stream.codec_context.height
        if width * height > MAX_PIXELS:
            return f"refused: {width}x{height} frames, more than the limit of {MAX_PIXELS} pixels"
        seconds = None
        if stream.duration is not None and stream.time_base is not None:
            seconds = float(stream.duration * stream.time_base)
        elif container.duration is not None:
            seconds = container.duration / av.time_base
        if seconds is not None and seconds > MAX_VIDEO_SECONDS:
            return f"refused: lasts {seconds:.0f} s, more than the limit of {MAX_VIDEO_SECONDS} s"
        frames = stream.frames
        if not frames and seconds is not None and stream.average_rate:
            frames = int(seconds * float(stream.average_rate))
        if frames > MAX_VIDEO_FRAMES:
            return f"refused: {frames} frames, more than the limit of {MAX_VIDEO_FRAMES}"
    return None


def _examine_video(path: str | Path) -> Examined:
    try:
        refused = video_limit(path)
        if refused:
            return Examined("video", error=refused)
        video = hash_video(path)
    except VideoError as exc:
        return Examined("video", error=f"undecodable video: {exc}")
    except Exception as exc:  # decoders raise many kinds of errors on hostile files
        return Examined("video", error=f"undecodable video: {_reason(exc)}")
    error = None if video.frames else f"no frame of PDQ quality >= {MIN_QUALITY}"
    return Examined("video", error=error, video=to_dict(video))


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 300 else text[:300] + "..."
