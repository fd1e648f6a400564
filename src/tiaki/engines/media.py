"""What kind of file a media item is, and its perceptual hash, without ever failing the caller.

Files come from providers and suspects: they may be truncated, mislabelled or hostile. ``examine``
turns every failure into a recorded reason instead of an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from tiaki.engines.pdq import pdq_file

# Signatures of image and video containers: at the start of a file for sniffing, anywhere in a file
# for proving that an export carries no media bytes.
_START = [
    (b"\xff\xd8\xff", "image", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image", "png"),
    (b"GIF87a", "image", "gif"),
    (b"GIF89a", "image", "gif"),
    (b"BM", "image", "bmp"),
    (b"\x1a\x45\xdf\xa3", "video", "matroska/webm"),
]
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
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image", "webp"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "video", "avi"
    if head[4:8] == b"ftyp":
        return "video", "mp4"
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


def examine(path: str | Path) -> Examined:
    """Sniff the file and hash it when it is an image. Never raises for a bad file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        return Examined("other", error=f"unreadable: {exc.strerror}")
    if not head:
        return Examined("other", error="empty file")
    kind, _ = sniff(head)
    if kind != "image":
        return Examined(kind)
    try:
        result = pdq_file(path)
    except Image.DecompressionBombError as exc:
        return Examined(kind, error=f"refused: {exc}")
    except (OSError, ValueError, SyntaxError) as exc:
        return Examined(kind, error=f"undecodable image: {exc}")
    return Examined(kind, result.hash, result.quality)
