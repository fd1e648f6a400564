"""IP geolocation to country level, recording which database answered each lookup.

Sources:

* **MMDB snapshots**: country databases in MaxMind DB format, loaded from a folder the operator
  controls. Their provenance is the database type from the file's metadata, the SHA-256 of the file
  and its build date (``build_epoch``). Three record layouts are read (see ``country_of_record``).
* **Embedded**: the ``iptocc`` package, built from the regional internet registries' delegation
  files and shipped inside the wheel. It needs no files, but its data carries no build date, so its
  provenance is the package version and ``build_date`` is ``None``: a lookup answered by it says "as
  of whenever that package release was built", which is why dated snapshots are preferred.

An IP address moves between networks and countries over time, so each event is located with the
newest snapshot built on or before the event (``SnapshotSet.for_time``); events older than every
snapshot fall back to the embedded source. Nothing here touches the network.
"""

from __future__ import annotations

import bisect
import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any, Literal, Protocol

import iptocc
import maxminddb
import numpy as np

# Codes that name no country: "unknown" placeholders, and the registries' "EU"/"AP" for addresses
# allocated to Europe or Asia-Pacific as a whole.
NOT_COUNTRIES = frozenset({"ZZ", "XX", "--", "EU", "AP"})


@dataclass(frozen=True, slots=True)
class GeoSource:
    """Which database answered a lookup: enough to find that exact database again.

    ``version`` is the package version for the embedded source and the SHA-256 of the file for MMDB
    snapshots; ``build_date`` is ``None`` for the embedded source, whose data is undated.
    """

    name: str
    version: str
    build_date: date | None
    kind: Literal["embedded", "mmdb"]


class CountrySource(Protocol):
    source: GeoSource

    def countries(self, ips: Sequence[str]) -> list[str | None]:
        """The ISO 3166-1 alpha-2 country of each address, ``None`` where unknown or not an address."""
        ...


def _clean_code(code: object) -> str | None:
    if not isinstance(code, str):
        return None
    return _clean_text_code(code)


@lru_cache(maxsize=4096)
def _clean_text_code(code: str) -> str | None:
    code = code.strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha() or code in NOT_COUNTRIES:
        return None
    return code


def country_of_record(record: Any) -> str | None:
    """The country code in an MMDB record, whichever of the known layouts it uses.

    * MaxMind GeoLite2/GeoIP2-Country and DB-IP (ip-to-country-lite) MMDB:
      ``{"continent": {...}, "country": {"iso_code": "NZ", ...}, ...}``. Only ``country`` (where the
      address is used) is read, not ``registered_country`` (where its holder registered it).
    * ip-location-db (sapics) country MMDB: ``{"country_code": "NZ"}``.
    * A bare string record: ``"NZ"``.
    """
    if isinstance(record, str):
        return _clean_code(record)
    if isinstance(record, Mapping):
        country = record.get("country")
        if isinstance(country, Mapping):
            return _clean_code(country.get("iso_code"))
        return _clean_code(record.get("country_code"))
    return None


class EmbeddedSource:
    """Country lookups from the ``iptocc`` package's built-in registry data."""

    def __init__(self) -> None:
        self.source = GeoSource(
            name="iptocc", version=package_version("iptocc"), build_date=None, kind="embedded"
        )

    def countries(self, ips: Sequence[str]) -> list[str | None]:
        # One call over the whole list: iptocc's own lookup is cheaper than removing repeats first.
        codes = iptocc.country_code(list(ips))
        clean = {code: _clean_code(code) for code in set(codes)}
        return [clean[code] for code in codes]


class MmdbSource:
    """Country lookups from one MMDB file, opened memory-mapped."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        with open(self.path, "rb") as fh:
            sha256 = hashlib.file_digest(fh, "sha256").hexdigest()
        try:
            self._reader = maxminddb.open_database(str(self.path))
        except (maxminddb.InvalidDatabaseError, ValueError) as exc:
            raise ValueError(f"{self.path}: not a readable MMDB database ({exc})") from exc
        metadata = self._reader.metadata()
        self.built_at = datetime.fromtimestamp(metadata.build_epoch, UTC)
        self.source = GeoSource(
            name=str(metadata.database_type),
            version=sha256,
            build_date=self.built_at.date(),
            kind="mmdb",
        )

    def country(self, ip: str) -> str | None:
        try:
            record = self._reader.get(ip)
        except ValueError:  # not an address, or IPv6 in an IPv4-only database
            return None
        return country_of_record(record)

    def countries(self, ips: Sequence[str]) -> list[str | None]:
        """Look up each distinct address once."""
        seen: dict[str, str | None] = {}
        found = []
        for ip in ips:
            if ip in seen:
                found.append(seen[ip])
            else:
                found.append(seen.setdefault(ip, self.country(ip)))
        return found

    def close(self) -> None:
        self._reader.close()


class SnapshotSet:
    """The MMDB snapshots in a folder, ordered by build time, with the embedded source behind them."""

    def __init__(self, folder: Path | None = None) -> None:
        self.embedded = EmbeddedSource()
        snapshots: list[MmdbSource] = []
        if folder is not None:
            folder = Path(folder)
            if not folder.is_dir():
                raise FileNotFoundError(f"geolocation snapshot folder {folder} does not exist")
            snapshots = [MmdbSource(path) for path in sorted(folder.glob("*.mmdb"))]
        snapshots.sort(key=lambda s: (s.built_at, s.source.version))
        self.snapshots = snapshots
        self._built_epochs = [s.built_at.timestamp() for s in snapshots]

    def __enter__(self) -> SnapshotSet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for snapshot in self.snapshots:
            snapshot.close()

    @property
    def sources(self) -> list[CountrySource]:
        """Every source: index 0 is the embedded one, then the snapshots, oldest first."""
        return [self.embedded, *self.snapshots]

    def for_time(self, ts: datetime) -> CountrySource:
        """The newest snapshot built on or before ``ts`` (naive times are UTC), else the embedded one."""
        return self.sources[bisect.bisect_right(self._built_epochs, _epoch(ts))]

    def source_indexes(self, timestamps: Sequence[datetime]) -> np.ndarray:
        """``for_time`` for many timestamps at once, as indexes into ``sources``."""
        if not self.snapshots:
            return np.zeros(len(timestamps), dtype=np.int64)
        epochs = np.array([_epoch(ts) for ts in timestamps], dtype=np.float64)
        return np.searchsorted(np.array(self._built_epochs, dtype=np.float64), epochs, side="right")


def _epoch(ts: datetime) -> float:
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return ts.timestamp()


def locate(
    ips: Sequence[str], timestamps: Sequence[datetime], snapshots: SnapshotSet
) -> list[tuple[str | None, GeoSource]]:
    """Country and answering source for each (IP, time) event.

    Events are grouped by the source their time selects and each group is looked up in one batch
    (MMDB sources look up each distinct address once; the embedded source takes the whole list in
    one call). Surrounding whitespace is ignored; anything that is not an address gets ``None``.
    """
    if len(ips) != len(timestamps):
        raise ValueError(f"{len(ips)} addresses but {len(timestamps)} timestamps")
    chosen = snapshots.source_indexes(timestamps)
    sources = snapshots.sources
    countries = np.empty(len(ips), dtype=object)
    used = np.unique(chosen).tolist()
    for index in used:
        if len(used) == 1:  # one source answers every event: no regrouping
            countries[:] = sources[index].countries([ip.strip() for ip in ips])
        else:
            positions = np.flatnonzero(chosen == index)
            countries[positions] = sources[index].countries([ips[i].strip() for i in positions.tolist()])
    provenance = np.empty(len(sources), dtype=object)
    provenance[:] = [source.source for source in sources]
    return list(zip(countries.tolist(), provenance[chosen].tolist(), strict=True))


def vote_country(events: Iterable[tuple[str | None, float]]) -> tuple[str | None, float]:
    """The country with the most weight among located events, and its share of that weight.

    Events without a country carry no evidence either way and are left out of the share. Ties (equal
    to within floating-point rounding) go to the alphabetically first country, so the result never
    depends on event order. No located events (or no weight): ``(None, 0.0)``.
    """
    weights: dict[str, list[float]] = {}
    for country, weight in events:
        if weight < 0 or math.isnan(weight):
            raise ValueError(f"event weights must be non-negative numbers, got {weight!r}")
        if country is not None and weight > 0:
            weights.setdefault(country, []).append(weight)
    totals = {country: math.fsum(parts) for country, parts in weights.items()}
    total = math.fsum(totals.values())
    if total <= 0:
        return None, 0.0
    best = max(totals.values())
    winner = min(country for country, weight in totals.items() if math.isclose(weight, best, rel_tol=1e-9))
    return winner, totals[winner] / total
