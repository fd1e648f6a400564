"""vPDQ video hashes as Meta's tools write them: one text file per video, one line per frame,
``frame,quality,pdq_hex,timestamp`` (``timestamp`` in seconds; Meta's older sample files stop after the
hash, and are read with the timestamp left at 0). A list of videos is a folder or zip of such files;
each file is one :class:`ListEntry` of kind ``video``, its id the file's stem.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import HashList, ListEntry, VpdqFrame
from tiaki.formats.text import open_text
from tiaki.formats.values import parse_hex

SUFFIXES = frozenset({".txt", ".vpdq"})


def parse_vpdq_line(text: str) -> VpdqFrame:
    """One ``frame,quality,pdq_hex[,timestamp]`` line; ``ValueError`` with the reason."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) not in (3, 4):
        raise ValueError(f"'{text.strip()}' is not 'frame,quality,pdq_hex,timestamp'")
    frame, quality, pdq = parts[:3]
    if not (frame.isascii() and frame.isdigit()) or len(frame) > 9:
        raise ValueError(f"frame '{frame}' is not a frame number")
    if not (quality.isascii() and quality.isdigit()) or int(quality) > 100:
        raise ValueError(f"quality '{quality}' is not 0-100")
    seconds = 0.0
    if len(parts) == 4:
        try:
            seconds = float(parts[3])
        except ValueError:
            raise ValueError(f"timestamp '{parts[3]}' is not a number of seconds") from None
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"timestamp '{parts[3]}' is not a number of seconds")
    return VpdqFrame(int(frame), int(quality), parse_hex(pdq, "pdq"), seconds)


def read_vpdq(path: Path) -> ListEntry:
    """One video's vPDQ file as a video entry. Blank lines and lines starting with ``#`` are skipped;
    a file with no frame is an error."""
    file = str(path)
    frames = []
    try:
        with open_text(path) as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                try:
                    frames.append(parse_vpdq_line(line))
                except ValueError as error:
                    raise InputError(file, str(error), row=number) from None
    except UnicodeDecodeError as error:
        raise InputError(file, f"bytes that do not decode: {error.reason}") from None
    if not frames:
        raise InputError(file, "holds no vPDQ frame line")
    return ListEntry(entry_id=path.stem, kind="video", video_frames=tuple(frames))


def read_vpdq_list(paths: Iterable[Path], *, name: str, profile: str = "generic") -> HashList:
    """Several vPDQ files (one per video) as one list of video entries, in the order given."""
    entries = [read_vpdq(path) for path in paths]
    if not entries:
        raise InputError(name, "holds no vPDQ file")
    ids = [entry.entry_id for entry in entries]
    if len(set(ids)) != len(ids):
        duplicate = next(i for i in ids if ids.count(i) > 1)
        raise InputError(name, f"two vPDQ files are named '{duplicate}'")
    return HashList(name=name, profile=profile, source=f"{name} (vPDQ)", entries=entries)


def vpdq_lines(frames: Iterable[VpdqFrame]) -> list[str]:
    """The text lines of a vPDQ hash, as Meta's tools write them (timestamp to 3 decimals)."""
    return [f"{f.frame},{f.quality},{f.pdq},{f.timestamp:.3f}" for f in frames]


def write_vpdq(path: Path, frames: Iterable[VpdqFrame]) -> None:
    """One video's vPDQ file."""
    path.write_text("".join(line + "\n" for line in vpdq_lines(frames)), encoding="utf-8")


def write_vpdq_folder(folder: Path, hash_list: HashList) -> list[Path]:
    """Every video entry of ``hash_list`` as ``<folder>/<entry_id>.txt``; entries without frames are
    left out. Returns the files written. An id that is not a plain file name is a ``ValueError``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in hash_list.entries:
        if not entry.video_frames:
            continue
        if (
            not entry.entry_id
            or "/" in entry.entry_id
            or "\\" in entry.entry_id
            or entry.entry_id.startswith(".")
        ):
            raise ValueError(f"entry id '{entry.entry_id}' cannot be a file name")
        path = folder / f"{entry.entry_id}.txt"
        write_vpdq(path, entry.video_frames)
        written.append(path)
    return written
