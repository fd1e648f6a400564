"""IP geolocation to country level, recording which database answered each lookup.

Sources:

* **MMDB snapshots**: country databases in MaxMind DB format, loaded from a folder the operator
  controls. Their provenance is the database type from the file's metadata, the SHA-256 of the file
  and its build date (``build_epoch``). Three record layouts are read (see ``country_of_record``).
* **Embedded**: DB-IP's IP to Country Lite (CC BY 4.0, "IP Geolocation by DB-IP"), a geolocation
  database (where an address is used), shipped as a range table in ``engines/data/`` (see
  ``data/GEO-README.md``). Its provenance is the SHA-256 of that file and the data's build date.
* **Registry** (cross-check only): the ``iptocc`` package, built from the regional internet
  registries' delegation files: where an address block was *registered*, which for mobile carriers,
  hosting and multinational operators is often not where it is used. It never answers an event; it
  says when the answer differs from the registration (``registry_check``).

An IP address moves between networks and countries over time, so each event is located with the
newest snapshot built on or before the event (``SnapshotSet.for_time``). An event older than every
snapshot is located with the oldest snapshot and flagged ``after_event`` (the snapshot was built
after it); the embedded data answers only when the operator supplies no snapshot at all. Nothing here
touches the network.

``locate_epochs`` is the batch form (numpy arrays in and out) and ``cross_check`` flags events on
which two geolocation sources disagree; see ``docs/geolocation.md``.
"""

from __future__ import annotations

import bisect
import hashlib
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib.metadata import version as package_version
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal, Protocol, TypeAlias

import iptocc
import maxminddb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tiaki.engines.iptable import EmbeddedTable, load_table

# Codes that name no country: "unknown" placeholders, and the registries' "EU"/"AP" for addresses
# allocated to Europe or Asia-Pacific as a whole.
NOT_COUNTRIES = frozenset({"ZZ", "XX", "--", "EU", "AP"})


@dataclass(frozen=True, slots=True)
class LookupSource:
    """Which database answered a lookup: enough to find that exact database again.

    ``version`` is the SHA-256 of the data file for the embedded source and MMDB snapshots, and the
    package version for the registry data; ``build_date`` is ``None`` for the registry data, whose
    package carries no date.
    """

    name: str
    version: str
    build_date: date | None
    kind: Literal["embedded", "mmdb", "registry"]


class CountrySource(Protocol):
    source: LookupSource

    def countries(self, ips: Sequence[str]) -> list[str | None]:
        """The ISO 3166-1 alpha-2 country of each address, ``None`` where unknown or not an address."""
        ...

    def codes(self, ips: list[str]) -> np.ndarray:
        """``countries`` as a ``"U2"`` array with ``""`` where unknown: the batch form."""
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


def _as_codes(codes: list[str | None]) -> np.ndarray:
    """Raw codes (``None`` for unknown) as a cleaned ``"U2"`` array with ``""`` for unknown.

    Arrow's dictionary encoding (C++) finds the few distinct codes; only those are cleaned in Python.
    """
    encoded = pc.dictionary_encode(pa.array(codes, type=pa.string()))
    table = np.array([_clean_code(code) or "" for code in encoded.dictionary.to_pylist()], dtype="U2")
    if not len(table):
        return np.full(len(codes), "", dtype="U2")
    indices = encoded.indices.fill_null(len(table)).to_numpy(zero_copy_only=False)
    return np.append(table, np.array([""], dtype="U2"))[indices]


def _retry_trimmed(
    codes: np.ndarray, ips: list[str], lookup: Callable[[list[str]], np.ndarray]
) -> np.ndarray:
    """Look again, without surrounding whitespace, at the unknown addresses that have some."""
    unknown = np.flatnonzero(codes == "").tolist()
    padded = [i for i in unknown if isinstance(ips[i], str) and ips[i] != ips[i].strip()]
    if padded:
        codes[padded] = lookup([ips[i].strip() for i in padded])
    return codes


EMBEDDED_COUNTRY = "dbip-country-lite.npz"


@lru_cache(maxsize=1)
def _embedded_country() -> tuple[EmbeddedTable, np.ndarray]:
    data = load_table(EMBEDDED_COUNTRY)
    names = np.array([_clean_code(str(c)) or "" for c in data.arrays["country"].tolist()] + [""], dtype="U2")
    return data, names


class EmbeddedSource:
    """Country lookups from the embedded DB-IP IP to Country Lite table (where addresses are used).

    ``meta`` holds the data's title, licence, attribution, build date and the package it came from.
    """

    def __init__(self) -> None:
        data, self._names = _embedded_country()
        self._table = data.table
        self.meta = dict(data.meta)
        self.source = LookupSource(
            name=data.meta["name"], version=data.sha256, build_date=data.build_date, kind="embedded"
        )

    def countries(self, ips: Sequence[str]) -> list[str | None]:
        codes = self.codes(list(ips))
        return [code or None for code in codes.tolist()]

    def codes(self, ips: list[str]) -> np.ndarray:
        # Unknown (-1) indexes the trailing "" of the names.
        return self._names[self._table.lookup_texts(ips)]


class RegistrySource:
    """Registration countries from the ``iptocc`` package (the registries' delegation files).

    Where a block was registered, not where it is used: a cross-check, never an event's answer.
    """

    def __init__(self) -> None:
        self.source = LookupSource(
            name="iptocc", version=package_version("iptocc"), build_date=None, kind="registry"
        )

    def countries(self, ips: Sequence[str]) -> list[str | None]:
        codes = self.codes(list(ips))
        return [code or None for code in codes.tolist()]

    def codes(self, ips: list[str]) -> np.ndarray:
        # One call over the whole list: iptocc's lookup (Rust, about as fast as a hash-table probe)
        # is cheaper than removing repeats first.
        codes = _as_codes(iptocc.country_code(ips))
        return _retry_trimmed(codes, ips, lambda again: _as_codes(iptocc.country_code(again)))


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
        self.source = LookupSource(
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
        """Look up each distinct address once (maxminddb's C reader, one ``get`` per address)."""
        seen: dict[str, str | None] = {}
        country = self.country
        return [seen[ip] if ip in seen else seen.setdefault(ip, country(ip)) for ip in ips]

    def codes(self, ips: list[str]) -> np.ndarray:
        codes = _as_codes(self.countries(ips))
        return _retry_trimmed(codes, ips, lambda again: _as_codes(self.countries(again)))

    def close(self) -> None:
        self._reader.close()


class SnapshotSet:
    """The MMDB snapshots in a folder, ordered by build time; the embedded source answers only when
    there is none. ``registry`` is the registration-country cross-check."""

    def __init__(self, folder: Path | None = None) -> None:
        self.embedded = EmbeddedSource()
        self.registry = RegistrySource()
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
        """The newest snapshot built on or before ``ts`` (naive times are UTC); for a time before every
        snapshot the oldest one; the embedded source when there is no snapshot."""
        index = bisect.bisect_right(self._built_epochs, _epoch(ts))
        return self.sources[max(index, 1) if self.snapshots else 0]

    def source_indexes(self, timestamps: Sequence[datetime]) -> np.ndarray:
        """``for_time`` for many timestamps at once, as indexes into ``sources``."""
        return self.source_indexes_epochs(epochs_of(timestamps))

    def source_indexes_epochs(self, epochs: np.ndarray) -> np.ndarray:
        """``for_time`` for many times given as epoch seconds (UTC), as indexes into ``sources``."""
        return self.choose(epochs)[0]

    def choose(self, epochs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(index into ``sources`` of the snapshot for each time, whether that snapshot was built
        after the time). Times before every snapshot get the oldest one (index 1) and the flag; with
        no snapshot every time gets the embedded source (index 0) and no flag."""
        epochs = np.asarray(epochs, dtype=np.float64)
        if not self.snapshots:
            return np.zeros(len(epochs), dtype=np.int64), np.zeros(len(epochs), dtype=bool)
        built = np.array(self._built_epochs, dtype=np.float64)
        index = np.searchsorted(built, epochs, side="right").astype(np.int64)
        after = index == 0
        return np.maximum(index, 1), after


def _epoch(ts: datetime) -> float:
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return ts.timestamp()


def epochs_of(timestamps: Sequence[datetime]) -> np.ndarray:
    """Epoch seconds (float64) of each timestamp; naive times are UTC."""
    return np.fromiter((_epoch(ts) for ts in timestamps), dtype=np.float64, count=len(timestamps))


IpInput: TypeAlias = Sequence[str] | np.ndarray | pa.Array | pa.ChunkedArray


@dataclass(frozen=True, slots=True)
class Located:
    """Results of ``locate_epochs``, one entry per event, as arrays.

    ``countries``: ISO alpha-2 codes (``"U2"``), ``""`` where the source knows no country (or the
    text is not an address). ``source_index``: index into ``sources`` of the source that answered
    (0 is the embedded source, then the snapshots oldest first, as ``SnapshotSet.sources``).
    ``after_event``: the answering snapshot was built after the event (no snapshot is older).
    """

    countries: np.ndarray
    source_index: np.ndarray
    sources: list[LookupSource]
    after_event: np.ndarray

    def __len__(self) -> int:
        return len(self.countries)

    def pairs(self) -> list[tuple[str | None, LookupSource]]:
        """The results as ``locate`` returns them: ``(country or None, source)`` per event."""
        provenance = np.empty(len(self.sources), dtype=object)
        provenance[:] = self.sources
        countries = self.countries.astype(object)
        countries[self.countries == ""] = None
        return list(zip(countries.tolist(), provenance[self.source_index].tolist(), strict=True))


def as_texts(ips: IpInput) -> list[str]:
    """Addresses as a list of texts (nulls as ``""``), from a list, numpy array or Arrow array."""
    if isinstance(ips, pa.ChunkedArray | pa.Array):
        return [ip or "" for ip in ips.to_pylist()] if ips.null_count else ips.to_pylist()
    if isinstance(ips, np.ndarray):
        return [str(ip) for ip in ips.tolist()]
    return ips if isinstance(ips, list) else list(ips)


def _check_lengths(n_ips: int, n_times: int) -> None:
    if n_ips != n_times:
        raise ValueError(f"{n_ips} addresses but {n_times} timestamps")


def _lookup(source: CountrySource, ips: list[str], events: np.ndarray | None) -> np.ndarray:
    """The country of each event (all when ``events`` is ``None``) by one source, in one batch."""
    if events is None:
        return source.codes(ips)
    if not len(events):
        return np.empty(0, dtype="U2")
    picked = itemgetter(*events.tolist())(ips)
    return source.codes(list(picked) if len(events) > 1 else [picked])


def locate_epochs(ips: IpInput, epochs: np.ndarray, snapshots: SnapshotSet) -> Located:
    """Country and answering source for each (IP, time) event, times as epoch seconds (UTC).

    The batch form of ``locate``. Snapshot choice is one ``searchsorted`` over the build times (an
    event older than every snapshot takes the oldest and is flagged ``after_event``); events are
    grouped by chosen source and each group is one batch: the embedded source parses and searches
    its range table in numpy, an MMDB source looks each distinct address up once. ``ips`` may be a
    list, a numpy array or an Arrow string array; surrounding whitespace is ignored; nulls and
    anything that is not an address get ``""``.
    """
    epochs = np.asarray(epochs, dtype=np.float64)
    _check_lengths(len(ips), len(epochs))
    chosen, after = snapshots.choose(epochs)
    sources = snapshots.sources
    texts = as_texts(ips)
    used = np.unique(chosen).tolist()
    if len(used) == 1:  # one source answers every event: no regrouping
        countries = _lookup(sources[used[0]], texts, None)
    else:
        countries = np.empty(len(texts), dtype="U2")
        for index in used:
            events = np.flatnonzero(chosen == index)
            countries[events] = _lookup(sources[index], texts, events)
    return Located(countries, chosen, [source.source for source in sources], after)


def cross_check(
    ips: IpInput, epochs: np.ndarray, snapshots: SnapshotSet, located: Located | None = None
) -> np.ndarray:
    """Flag the events on which two sources disagree about the country (boolean array per event).

    For each event the chosen source's answer (the newest snapshot built on or before the event,
    as ``locate_epochs``) is compared with

    * the embedded geolocation data, for every event answered by a snapshot; and
    * the snapshot built just before the chosen one, when there is one: the previous edition of
      the same feed, or another vendor's database from the same period.

    An event is flagged when both sides of a comparison name a country and the countries differ.
    An answer from one side only ("unknown" on the other) is not a disagreement, and events answered
    by the embedded source itself (no snapshot at all) are never flagged: there is nothing to compare
    them with. The registry data is not a geolocation source and is compared in ``registry_check``.
    Pass ``located`` (the result of ``locate_epochs`` on the same input) to avoid looking the chosen
    sources up again.
    """
    epochs = np.asarray(epochs, dtype=np.float64)
    _check_lengths(len(ips), len(epochs))
    if located is None:
        located = locate_epochs(ips, epochs, snapshots)
    _check_lengths(len(ips), len(located))
    flagged = np.zeros(len(epochs), dtype=bool)
    chosen = located.source_index
    sources = snapshots.sources
    texts = as_texts(ips)

    def disagree(events: np.ndarray, other: CountrySource) -> None:
        mine, theirs = located.countries[events], _lookup(other, texts, events)
        flagged[events] |= (mine != "") & (theirs != "") & (mine != theirs)

    disagree(np.flatnonzero(chosen > 0), sources[0])
    for index in np.unique(chosen[chosen > 1]).tolist():
        disagree(np.flatnonzero(chosen == index), sources[index - 1])
    return flagged


def registry_check(ips: IpInput, located: Located, snapshots: SnapshotSet) -> np.ndarray:
    """Per event: the registries name a country for the address and it is not the located country.

    Normal for mobile carriers, hosting and multinational operators (registered at a hub, used
    elsewhere), so it is kept for the analyst and does not change the event's country.
    """
    _check_lengths(len(ips), len(located))
    registered = snapshots.registry.codes(as_texts(ips))
    return (registered != "") & (located.countries != "") & (registered != located.countries)


def locate(
    ips: Sequence[str], timestamps: Sequence[datetime], snapshots: SnapshotSet
) -> list[tuple[str | None, LookupSource]]:
    """Country and answering source for each (IP, time) event, as ``(country or None, source)``.

    A convenience over ``locate_epochs`` for callers holding ``datetime`` objects (naive times are
    UTC). Surrounding whitespace is ignored; anything that is not an address gets ``None``.
    """
    _check_lengths(len(ips), len(timestamps))
    return locate_epochs(ips, epochs_of(timestamps), snapshots).pairs()


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
