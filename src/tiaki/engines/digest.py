"""MD5, SHA-1 and SHA-256 of a file in a single read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Digests:
    md5: str
    sha1: str
    sha256: str
    size: int


def digest_file(path: str | Path, copy_to: BinaryIO | None = None) -> Digests:
    """Hash a file once, feeding every chunk to all three algorithms (and to ``copy_to``, when given,
    so that a file can be stored and digested in the same read)."""
    md5, sha1, sha256 = (
        hashlib.md5(usedforsecurity=False),
        hashlib.sha1(usedforsecurity=False),
        hashlib.sha256(),
    )
    size = 0
    buf = bytearray(CHUNK)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as fh:
        while n := fh.readinto(buf):
            chunk = view[:n]
            md5.update(chunk)
            sha1.update(chunk)
            sha256.update(chunk)
            if copy_to is not None:
                copy_to.write(chunk)
            size += n
    return Digests(md5.hexdigest(), sha1.hexdigest(), sha256.hexdigest(), size)


def digest_bytes(data: bytes) -> Digests:
    return Digests(
        hashlib.md5(data, usedforsecurity=False).hexdigest(),
        hashlib.sha1(data, usedforsecurity=False).hexdigest(),
        hashlib.sha256(data).hexdigest(),
        len(data),
    )
