"""What kind of file a media item is, and its perceptual hash, without ever failing the caller.

Files come from providers and suspects: they may be truncated, mislabelled or hostile. ``examine``
turns every failure into a recorded reason instead of an exception.

Images get a PDQ hash (``engines.pdq``): upright, and for a photo stored turned also as stored (match
either against lists; search the dihedral variants for copies turned by hand). Videos get a
vPDQ-style frame hash (``engines.video``), kept in its serialised form. The kind is read from the
content; a file named as a video whose content is not recognised is still tried as a video
(containers are too many to sniff them all), and recorded with a reason when that fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
# File names under which a file is tried as a video even when its content is not recognised.
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
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image", "webp"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "video", "avi"
    if head[4:8] == b"ftyp":
        return "video", "mp4"
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip"):
        return "video", "quicktime"
    if head[:1] == b"\x47" and head[188:189] == b"\x47":
        return "video", "mpeg-ts"
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
    """Sniff the file and hash it when it is an image or a video. Never raises for a bad file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(192)
    except OSError as exc:
        return Examined("other", error=f"unreadable: {exc.strerror}")
    if not head:
        return Examined("other", error="empty file")
    kind, _ = sniff(head)
    if kind == "video" or (kind == "other" and Path(path).suffix.lower() in VIDEO_SUFFIXES):
        return _examine_video(path, kind)
    if kind != "image":
        return Examined(kind)
    try:
        pair = pdq_file_both(path)
    except Image.DecompressionBombError as exc:
        return Examined(kind, error=f"refused: {exc}")
    except (OSError, ValueError, SyntaxError) as exc:
        return Examined(kind, error=f"undecodable image: {exc}")
    stored = pair.stored
    return Examined(
        kind,
        pair.upright.hash,
        pair.upright.quality,
        pdq_stored=stored.hash if stored else None,
        quality_stored=stored.quality if stored else None,
    )


def _examine_video(path: str | Path, kind: str) -> Examined:
    try:
        video = hash_video(path)
    except VideoError as exc:
        if kind == "other":
            return Examined(kind, error=f"named as a video but not one: {exc}")
        return Examined(kind, error=f"undecodable video: {exc}")
    except (OSError, ValueError) as exc:
        return Examined(kind, error=f"undecodable video: {exc}")
    error = None if video.frames else f"no frame of PDQ quality >= {MIN_QUALITY}"
    return Examined("video", error=error, video=to_dict(video))
