"""Text files in whatever encoding an exporter chose: detected, never assumed.

Lists arrive as UTF-8 (with or without a byte-order mark), UTF-16 (Windows tools that say "Unicode")
or a Windows code page (Excel's "CSV"). :func:`detect_encoding` reads a byte-order mark when there is
one, keeps UTF-8 when the sample decodes as UTF-8, and otherwise asks ``charset-normalizer`` (a tie
between code pages goes to Windows-1252). Bytes
that do not decode later in the file are an :class:`InputError` naming the file and the line, never a
traceback.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import IO

from charset_normalizer import from_bytes

from tiaki.formats.errors import InputError

SAMPLE_BYTES = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(path: Path) -> str:
    """The encoding to read ``path`` with (a Python codec name)."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    return detect_bytes_encoding(sample, str(path))


def detect_bytes_encoding(sample: bytes, file: str) -> str:
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if not sample:
        return "utf-8"
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) == 0:
        return "utf-16-le"  # UTF-16 without a byte-order mark, as some exporters write
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4 and sample[1::2].count(0) == 0:
        return "utf-16-be"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start > len(sample) - 4:  # a character cut at the end of the sample
            return "utf-8"
    results = list(from_bytes(sample))
    if not results:
        raise InputError(file, "is not text in any encoding that could be recognised")
    # Short samples fit several single-byte code pages equally well; among the least chaotic, Windows
    # Western (what Excel writes in the exchanges' regions) wins the tie, else the detector's best.
    least = min(result.chaos for result in results)
    tied = [result for result in results if result.chaos == least]
    for result in tied:
        if "cp1252" in result.could_be_from_charset:
            return "cp1252"
    return tied[0].encoding


def open_text(path: Path, encoding: str | None = None) -> IO[str]:
    """``path`` opened for reading as text in its detected encoding, universal newlines off (for csv)."""
    return path.open(encoding=encoding or detect_encoding(path), newline="", errors="strict")


class Utf8Stream:
    """A binary stream of UTF-8 bytes read from a file in another encoding (for ``ijson``)."""

    def __init__(self, path: Path, encoding: str):
        self._text = path.open(encoding=encoding, newline="", errors="strict")
        self._file = str(path)

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""
        try:
            return self._text.read(size if size < 0 else max(1, size // 4)).encode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(
                self._file, f"bytes that are not valid {self._text.encoding}: {error.reason}"
            ) from None

    def close(self) -> None:
        self._text.close()

    def __enter__(self) -> Utf8Stream:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()
