"""Address blocks of the independent generator's world, and the operator's dated country databases.

Blocks are carved out of real public address space so that a registry lookup (the regional
registries' delegation files, read here through ``iptocc``) answers something meaningful for them:
most blocks are taken from space registered to the country where they are used, and a share on
purpose from space registered to another country (a multinational operator, a regional registry's
block, a cloud provider's home registration). The operator's database, written as MMDB files, maps
each block to the country where it is *used*, with a few mistakes.
"""

from __future__ import annotations

import functools
import ipaddress
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import iptocc

from bench.independent.world import BY_CODE, HUBS, subregion_members

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Public IPv4 first octets that hold reserved or special-purpose space as a whole.
_V4_SKIP_OCTETS = {0, 10, 127}
_V4_SKIP = [
    ipaddress.ip_network(n)
    for n in (
        "100.64.0.0/10",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
    )
]
# IPv6 space the regional registries delegate from: 2001::/16 surveyed per /32, the others per /29.
_V6_REGIONS = (
    (0x2001_0000, 16, 0),
    (0x2400_0000, 12, 3),
    (0x2600_0000, 12, 3),
    (0x2800_0000, 12, 3),
    (0x2A00_0000, 12, 3),
    (0x2C00_0000, 12, 3),
)


@dataclass
class Block:
    """A block of addresses, who uses it and where.

    ``country`` is where the block is used; when ``moved_at`` is set, the block is used in
    ``moved_country`` by ``moved_operator`` from that instant on (an address transfer).
    ``registered`` is the country the registry lookup gives for it.
    """

    network: IPNetwork
    kind: str  # residential, mobile, business, hosting
    operator: str
    country: str
    registered: str | None
    moved_at: datetime | None = None
    moved_country: str | None = None
    moved_operator: str | None = None
    cgnat_pool: list[str] = field(default_factory=list)

    def country_at(self, when: datetime) -> str:
        if self.moved_at is not None and when >= self.moved_at and self.moved_country:
            return self.moved_country
        return self.country

    def active(self, operator: str, when: datetime) -> bool:
        if self.moved_at is None:
            return self.operator == operator
        if when < self.moved_at:
            return self.operator == operator
        return self.moved_operator == operator


class Registry:
    """Which real public blocks the registries attribute to which country (surveyed once)."""

    def __init__(self) -> None:
        # country -> /20 indices (address >> 12) and /32 indices (address >> 96) wholly registered to it
        self.v4, self.v6 = _survey()
        self.used_v4: set[int] = set()
        self.used_v6: set[int] = set()

    def v4_block(self, country: str, prefixlen: int, rng: random.Random) -> ipaddress.IPv4Network | None:
        """An unused block of ``prefixlen`` (20 to 24) registered to ``country``, or None."""
        candidates = self.v4.get(country, [])
        for _ in range(40):
            if not candidates:
                return None
            index = candidates[rng.randrange(len(candidates))]
            if index in self.used_v4:
                continue
            self.used_v4.add(index)
            offset = rng.randrange(1 << (prefixlen - 20)) << (32 - prefixlen)
            return ipaddress.IPv4Network(((index << 12) + offset, prefixlen))
        return None

    def v6_block(self, country: str, prefixlen: int, rng: random.Random) -> ipaddress.IPv6Network | None:
        """An unused block of ``prefixlen`` (32 to 48) registered to ``country``, or None."""
        candidates = self.v6.get(country, [])
        for _ in range(40):
            if not candidates:
                return None
            index = candidates[rng.randrange(len(candidates))]
            if index in self.used_v6:
                continue
            self.used_v6.add(index)
            offset = rng.randrange(1 << (prefixlen - 32)) << (128 - prefixlen)
            return ipaddress.IPv6Network(((index << 96) + offset, prefixlen))
        return None


@functools.cache
def _survey() -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The registry survey, done once per process (it does not depend on the seed)."""
    survey = _Survey()
    return survey.v4, survey.v6


class _Survey:
    def __init__(self) -> None:
        self.v4: dict[str, list[int]] = {}
        self.v6: dict[str, list[int]] = {}
        self._survey_v4()
        self._survey_v6()

    def _survey_v4(self) -> None:
        indices = [
            (a << 8 | b) << 4 | c
            for a in range(1, 224)
            if a not in _V4_SKIP_OCTETS
            for b in range(256)
            for c in range(16)
        ]
        firsts = [_v4_text((i << 12) + 1) for i in indices]
        lasts = [_v4_text((i << 12) + 4094) for i in indices]
        first_cc = iptocc.country_code(firsts)
        last_cc = iptocc.country_code(lasts)
        skip = [(int(n.network_address) >> 12, int(n.broadcast_address) >> 12) for n in _V4_SKIP]
        for index, first, last in zip(indices, first_cc, last_cc, strict=True):
            if first is None or first != last or len(first) != 2 or first == "EU":
                continue
            if not any(low <= index <= high for low, high in skip):
                self.v4.setdefault(first, []).append(index)

    def _survey_v6(self) -> None:
        indices: list[int] = []
        for base, prefix, step_bits in _V6_REGIONS:
            count = 1 << (32 - prefix - step_bits)
            indices.extend(base + (k << step_bits) for k in range(count))
        # Text of the second and the second-to-last address of each /32, written directly (fast).
        firsts = iptocc.country_code([f"{i >> 16:x}:{i & 0xFFFF:x}::1" for i in indices])
        lasts = iptocc.country_code(
            [f"{i >> 16:x}:{i & 0xFFFF:x}:ffff:ffff:ffff:ffff:ffff:fffe" for i in indices]
        )
        for index, first, last in zip(indices, firsts, lasts, strict=True):
            if first and first == last and len(first) == 2 and first != "EU":
                self.v6.setdefault(first, []).append(index)


def _v4_text(value: int) -> str:
    return f"{value >> 24}.{value >> 16 & 255}.{value >> 8 & 255}.{value & 255}"


def foreign_registration(country: str, kind: str, rng: random.Random) -> str:
    """The country a block used in ``country`` is registered to when it is not registered there."""
    if kind == "hosting":
        return rng.choice(("US", "US", "US", "NL", "DE", "GB", "IE"))
    sub = BY_CODE[country].subregion
    hubs = [c for c in HUBS.get(sub, ("US",)) if c != country]
    neighbours = [c for c in subregion_members(sub) if c != country]
    if neighbours and rng.random() < 0.4:
        return rng.choice(neighbours)
    return rng.choice(hubs or ["US"])


def neighbour(country: str, rng: random.Random) -> str:
    """A country the operator's database could mistake ``country`` for."""
    members = [c for c in subregion_members(BY_CODE[country].subregion) if c != country]
    return rng.choice(members) if members else rng.choice(HUBS.get(BY_CODE[country].subregion, ("US",)))


@dataclass
class Snapshot:
    """One dated build of the operator's country database and what it says about each block."""

    date: datetime
    answers: dict[int, str | None]  # block index -> country in the database (None: not in it)


def build_snapshots(
    blocks: Sequence[Block],
    dates: Sequence[datetime],
    rng: random.Random,
    error_rate: float,
    miss_rate: float,
) -> list[Snapshot]:
    """What each dated database says: the block's use country at that date, with mistakes.

    A mistaken block names a neighbouring country or, for about a third, the block's registered
    country (databases fall back on the registry where they know no better). Most mistakes of one
    build persist into the next; some are fixed and new ones appear. A few blocks are missing from
    the earlier builds (the database did not know them yet).
    """
    snapshots: list[Snapshot] = []
    wrong: dict[int, str] = {}
    for number, date in enumerate(dates):
        keep = {i: c for i, c in wrong.items() if rng.random() < 0.7}
        target = round(error_rate * len(blocks))
        while len(keep) < target:
            i = rng.randrange(len(blocks))
            if i in keep:
                continue
            block = blocks[i]
            true = block.country_at(date)
            if block.registered and block.registered != true and rng.random() < 0.35:
                keep[i] = block.registered
            else:
                keep[i] = neighbour(true, rng)
        wrong = keep
        answers: dict[int, str | None] = {}
        for i, block in enumerate(blocks):
            if number < len(dates) - 1 and rng.random() < miss_rate:
                answers[i] = None
            else:
                answers[i] = wrong.get(i, block.country_at(date))
        snapshots.append(Snapshot(date, answers))
    return snapshots


def write_mmdb(path: Path, blocks: Sequence[Block], snapshot: Snapshot) -> None:
    """Write ``snapshot`` as a country MMDB (IPv6 tree, IPv4 stored IPv4-compatible).

    Records have the GeoLite2-Country shape: ``country.iso_code`` is where the block is used (as far
    as the database knows) and ``registered_country.iso_code`` the registry's country. The metadata
    ``build_epoch`` is the snapshot's date; the file name carries it too.
    """
    from mmdb_writer import MMDBWriter  # a development dependency, only needed here
    from netaddr import IPSet

    epoch = int(snapshot.date.timestamp())

    class _Writer(MMDBWriter):
        def _build_meta(self) -> dict[str, Any]:
            return {**super()._build_meta(), "build_epoch": epoch}

    writer = _Writer(
        ip_version=6,
        ipv4_compatible=True,
        database_type="Operator-Country",
        description={"en": f"operator country database {snapshot.date.date().isoformat()}"},
    )
    for i, block in enumerate(blocks):
        country = snapshot.answers[i]
        if country is None:
            continue
        record: dict[str, Any] = {"country": {"iso_code": country}}
        if block.registered:
            record["registered_country"] = {"iso_code": block.registered}
        writer.insert_network(IPSet([str(block.network)]), record)
    writer.to_db_file(str(path))
