"""Addresses as numbers, and lookups in sorted tables of address ranges.

The embedded country and network-owner data (``engines/data/*.npz``, made by
``scripts/build_geodata.py``) are lists of inclusive address ranges, sorted and not overlapping, each
with a value: IPv4 bounds as ``uint32``, IPv6 bounds as 16 big-endian bytes (``S16``, which numpy
orders as the numbers they spell). A lookup is one ``numpy.searchsorted`` per address family.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

DATA = Path(__file__).resolve().parent / "data"

# A dotted quad of 1-3 digit parts: parsed in Arrow, then checked to be at most 255 each.
_DOTTED_QUAD = r"^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$"


@dataclass(frozen=True, slots=True)
class Parsed:
    """Addresses as numbers: ``family`` is 4, 6 or 0 (not an address) per input; ``v4`` (``uint32``)
    holds the IPv4 addresses (IPv4-mapped IPv6 included) and ``v6`` (``S16``) the IPv6 ones, each
    meaningful only where ``family`` says so."""

    family: np.ndarray
    v4: np.ndarray
    v6: np.ndarray


def parse(ips: list[str]) -> Parsed:
    """Parse addresses in batch; surrounding whitespace is ignored, anything else gives family 0.

    Dotted quads (nearly all of an operation's addresses) are split and converted in Arrow; the rest
    go through ``ipaddress`` once per distinct text.
    """
    n = len(ips)
    family = np.zeros(n, dtype=np.int8)
    v4 = np.zeros(n, dtype=np.uint32)
    v6 = np.zeros(n, dtype="S16")
    if not n:
        return Parsed(family, v4, v6)
    text = pc.utf8_trim_whitespace(pa.array(ips, type=pa.string()).fill_null(""))
    quad = pc.match_substring_regex(text, _DOTTED_QUAD).to_numpy(zero_copy_only=False).astype(bool)
    rows = np.flatnonzero(quad)
    if len(rows):
        parts = pc.list_flatten(pc.split_pattern(text.take(pa.array(rows)), "."))
        octets = parts.cast(pa.uint32()).to_numpy().reshape(-1, 4)
        fine = (octets <= 255).all(axis=1) & ~_leading_zero(text.take(pa.array(rows)))
        o = octets[fine]
        v4[rows[fine]] = (o[:, 0] << 24) | (o[:, 1] << 16) | (o[:, 2] << 8) | o[:, 3]
        family[rows[fine]] = 4
    other = np.flatnonzero(~quad)
    if len(other):
        seen: dict[str, tuple[int, int]] = {}
        for i, ip in zip(other.tolist(), text.take(pa.array(other)).to_pylist(), strict=True):
            fam, value = seen[ip] if ip in seen else seen.setdefault(ip, _parse_one(ip))
            family[i] = fam
            if fam == 4:
                v4[i] = value
            elif fam == 6:
                v6[i] = value.to_bytes(16, "big")
    return Parsed(family, v4, v6)


def _leading_zero(text: pa.Array) -> np.ndarray:
    """Dotted quads with a part written with a leading zero (``010.0.0.1``): not an address here, as
    for ``ipaddress`` (some readers take such parts as octal)."""
    return pc.match_substring_regex(text, r"(^|\.)0[0-9]").to_numpy(zero_copy_only=False).astype(bool)


def _parse_one(ip: str) -> tuple[int, int]:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return 0, 0
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return 4, int(address.ipv4_mapped)
        return 6, int(address)
    return 4, int(address)


@dataclass(frozen=True)
class RangeTable:
    """A sorted table of inclusive address ranges with a value index per range (see module docs)."""

    v4_start: np.ndarray
    v4_end: np.ndarray
    v4_value: np.ndarray
    v6_start: np.ndarray
    v6_end: np.ndarray
    v6_value: np.ndarray

    def lookup(self, parsed: Parsed) -> np.ndarray:
        """The value index of each address (``int64``), ``-1`` where no range holds it."""
        out = np.full(len(parsed.family), -1, dtype=np.int64)
        for fam, start, end, value, numbers in (
            (4, self.v4_start, self.v4_end, self.v4_value, parsed.v4),
            (6, self.v6_start, self.v6_end, self.v6_value, parsed.v6),
        ):
            rows = np.flatnonzero(parsed.family == fam)
            if not len(rows) or not len(start):
                continue
            x = numbers[rows]
            at = np.searchsorted(start, x, side="right") - 1
            inside = at >= 0
            inside[inside] = x[inside] <= end[at[inside]]
            out[rows[inside]] = value[at[inside]]
        return out

    def lookup_texts(self, ips: list[str]) -> np.ndarray:
        """``lookup`` of addresses given as text: each distinct text is parsed and searched once
        (Arrow's dictionary encoding finds them), nulls give ``-1``."""
        if not ips:
            return np.empty(0, dtype=np.int64)
        encoded = pc.dictionary_encode(pa.array(ips, type=pa.string()))
        found = self.lookup(parse(encoded.dictionary.to_pylist()))
        indices = encoded.indices.fill_null(len(found)).to_numpy(zero_copy_only=False)
        return np.append(found, np.int64(-1))[indices]


@dataclass(frozen=True)
class EmbeddedTable:
    """One embedded data file: its ranges, its extra arrays and its provenance."""

    path: Path
    sha256: str
    meta: dict[str, Any]
    table: RangeTable
    arrays: dict[str, np.ndarray]

    @property
    def build_date(self) -> date:
        return date.fromisoformat(self.meta["build_date"])


def load_table(name: str) -> EmbeddedTable:
    """Load ``engines/data/<name>``: the range table, the other arrays, and ``meta`` (source, licence,
    attribution, build date, the npm package it came from and that package's SHA-256)."""
    path = DATA / name
    with open(path, "rb") as fh:
        sha256 = hashlib.file_digest(fh, "sha256").hexdigest()
    with np.load(path, allow_pickle=False) as npz:
        arrays = {key: npz[key] for key in npz.files}
    meta = json.loads(arrays.pop("meta").tobytes().decode())
    table = RangeTable(
        *(arrays.pop(k) for k in ("v4_start", "v4_end", "v4_value", "v6_start", "v6_end", "v6_value"))
    )
    return EmbeddedTable(path, sha256, meta, table, arrays)
