import hashlib
from datetime import UTC, date, datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from mmdb_helpers import write_country_mmdb
from tiaki.engines.geo import (
    EmbeddedSource,
    LookupSource,
    MmdbSource,
    RegistrySource,
    SnapshotSet,
    country_of_record,
    cross_check,
    epochs_of,
    locate,
    locate_epochs,
    registry_check,
    vote_country,
)
from tiaki.engines.iptable import DATA, parse

JAN_2023 = int(datetime(2023, 1, 1, tzinfo=UTC).timestamp())
JUL_2024 = int(datetime(2024, 7, 1, tzinfo=UTC).timestamp())
NETWORKS_2023 = {"192.0.2.0/24": "NZ", "198.51.100.0/24": "AU", "2001:db8::/32": "GB"}
NETWORKS_2024 = {"192.0.2.0/24": "FR", "198.51.100.0/24": "AU", "2001:db8::/32": "GB"}


@pytest.fixture
def snapshot_folder(tmp_path: Path) -> Path:
    write_country_mmdb(tmp_path / "old.mmdb", NETWORKS_2023, JAN_2023, database_type="DBIP-Country-Lite")
    write_country_mmdb(tmp_path / "new.mmdb", NETWORKS_2024, JUL_2024, database_type="GeoLite2-Country")
    return tmp_path


def test_embedded_source_is_dated_geolocation_data_with_its_licence() -> None:
    source = EmbeddedSource()
    # 1.1.1.1 is registered to APNIC's research block in Australia and used there; 3.120.0.1 is an
    # Amazon block registered in the US (ARIN) and used in Frankfurt: the registry data says US.
    assert source.countries(
        ["8.8.8.8", "3.120.0.1", " 1.1.1.1", "not an ip", "10.0.0.1", "::ffff:8.8.8.8"]
    ) == [
        "US",
        "DE",
        "AU",
        None,
        None,
        "US",
    ]
    assert RegistrySource().countries(["3.120.0.1"]) == ["US"]
    path = DATA / "dbip-country-lite.npz"
    assert source.source == LookupSource(
        "dbip-country-lite", hashlib.sha256(path.read_bytes()).hexdigest(), date(2026, 6, 1), "embedded"
    )
    assert source.meta["licence"] == "CC BY 4.0" and "DB-IP" in source.meta["attribution"]
    assert RegistrySource().source == LookupSource("iptocc", version("iptocc"), None, "registry")


def test_parse_addresses_in_batch() -> None:
    parsed = parse(
        ["192.0.2.7", " 10.0.0.1 ", "010.0.0.1", "256.1.1.1", "::ffff:192.0.2.7", "2001:db8::1", "x", ""]
    )
    assert parsed.family.tolist() == [4, 4, 0, 0, 4, 6, 0, 0]
    assert parsed.v4[[0, 1, 4]].tolist() == [0xC0000207, 0x0A000001, 0xC0000207]
    assert parsed.v6[5] == bytes.fromhex("20010db8000000000000000000000001")


@pytest.mark.parametrize("layout", ["maxmind", "country_code", "string"])
def test_mmdb_layouts_and_provenance(tmp_path: Path, layout: str) -> None:
    path = write_country_mmdb(tmp_path / "c.mmdb", NETWORKS_2023, JAN_2023, layout=layout)  # type: ignore[arg-type]
    source = MmdbSource(path)
    try:
        assert source.countries(["192.0.2.9", "198.51.100.1", "2001:db8::1", "203.0.113.5", "junk"]) == [
            "NZ",
            "AU",
            "GB",
            None,
            None,
        ]
        assert source.source == LookupSource(
            name="Test-Country",
            version=hashlib.sha256(path.read_bytes()).hexdigest(),
            build_date=date(2023, 1, 1),
            kind="mmdb",
        )
    finally:
        source.close()


def test_country_of_record() -> None:
    assert country_of_record({"country": {"iso_code": "nz"}}) == "NZ"
    assert country_of_record({"registered_country": {"iso_code": "NZ"}}) is None
    assert country_of_record({"country_code": "AU"}) == "AU"
    assert country_of_record("GB") == "GB"
    assert country_of_record("ZZ") is None
    assert country_of_record(None) is None
    assert country_of_record(42) is None


def test_snapshot_selection_by_time(snapshot_folder: Path) -> None:
    with SnapshotSet(snapshot_folder) as snapshots:
        old, new = snapshots.snapshots
        assert (old.source.name, new.source.name) == ("DBIP-Country-Lite", "GeoLite2-Country")
        # Older than every snapshot: the oldest one, not the embedded data.
        assert snapshots.for_time(datetime(2022, 12, 31, 23, 59, tzinfo=UTC)) is old
        assert snapshots.for_time(datetime(2023, 1, 1, tzinfo=UTC)) is old  # built on the day counts
        assert snapshots.for_time(datetime(2024, 6, 30)) is old  # naive times are UTC
        assert snapshots.for_time(datetime(2024, 7, 1, 11, tzinfo=timezone(timedelta(hours=12)))) is old
        assert snapshots.for_time(datetime(2025, 3, 1, tzinfo=UTC)) is new


def test_locate_uses_the_snapshot_of_the_time(snapshot_folder: Path) -> None:
    with SnapshotSet(snapshot_folder) as snapshots:
        old, new = (s.source for s in snapshots.snapshots)
        embedded = snapshots.embedded.source
        ips = ["192.0.2.10", "192.0.2.10", "192.0.2.10", "8.8.8.8", "2001:db8::5", " 192.0.2.10 "]
        times = [
            datetime(2023, 6, 1, tzinfo=UTC),
            datetime(2024, 8, 1, tzinfo=UTC),
            datetime(2020, 1, 1, tzinfo=UTC),
            datetime(2020, 1, 1, tzinfo=UTC),
            datetime(2024, 8, 1, tzinfo=UTC),
            datetime(2024, 8, 1, tzinfo=UTC),
        ]
        assert locate(ips, times, snapshots) == [
            ("NZ", old),
            ("FR", new),
            ("NZ", old),  # before every snapshot: the oldest answers
            (None, old),  # the snapshots do not know Google's resolver; the embedded data is not asked
            ("GB", new),
            ("FR", new),
        ]
        assert embedded.kind == "embedded"


def test_without_snapshots_everything_is_embedded() -> None:
    snapshots = SnapshotSet(None)
    assert snapshots.snapshots == []
    results = locate(["8.8.8.8"], [datetime(2024, 1, 1)], snapshots)
    assert results == [("US", snapshots.embedded.source)]
    assert locate([], [], snapshots) == []


def test_locate_checks_lengths_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="1 addresses but 0 timestamps"):
        locate(["8.8.8.8"], [], SnapshotSet(None))
    with pytest.raises(FileNotFoundError):
        SnapshotSet(tmp_path / "missing")
    (tmp_path / "bad.mmdb").write_bytes(b"not a database")
    with pytest.raises(ValueError, match=r"bad\.mmdb"):
        SnapshotSet(tmp_path)


def test_vote_country() -> None:
    assert vote_country([("NZ", 3.0), ("AU", 1.0), (None, 10.0)]) == ("NZ", 0.75)
    assert vote_country([("NZ", 1.0), ("AU", 1.0)]) == ("AU", 0.5)  # tie: alphabetical
    assert vote_country([("AU", 1.0), ("NZ", 1.0)]) == ("AU", 0.5)
    winner, share = vote_country([("NZ", 0.1), ("NZ", 0.2), ("AU", 0.3)])  # a tie despite rounding
    assert (winner, share) == ("AU", pytest.approx(0.5))
    assert vote_country([]) == (None, 0.0)
    assert vote_country([(None, 2.0), ("NZ", 0.0)]) == (None, 0.0)
    with pytest.raises(ValueError):
        vote_country([("NZ", -1.0)])


def test_locate_epochs_returns_arrays_and_agrees_with_locate(snapshot_folder: Path) -> None:
    ips = ["192.0.2.10", "192.0.2.10", "8.8.8.8", "2001:db8::5", " 192.0.2.10 ", "junk", "192.0.2.10"]
    times = [
        datetime(2023, 6, 1, tzinfo=UTC),
        datetime(2024, 8, 1, tzinfo=UTC),
        datetime(2020, 1, 1, tzinfo=UTC),
        datetime(2024, 8, 1, tzinfo=UTC),
        datetime(2024, 8, 1, tzinfo=UTC),
        datetime(2024, 8, 1, tzinfo=UTC),
        datetime(2024, 7, 1, tzinfo=UTC),  # built on the day counts
    ]
    with SnapshotSet(snapshot_folder) as snapshots:
        epochs = epochs_of(times)
        located = locate_epochs(ips, epochs, snapshots)
        assert located.countries.dtype == np.dtype("U2")
        assert located.countries.tolist() == ["NZ", "FR", "", "GB", "FR", "", "FR"]
        assert located.source_index.tolist() == [1, 2, 1, 2, 2, 2, 2]
        assert located.after_event.tolist() == [False, False, True, False, False, False, False]
        assert located.sources == [s.source for s in snapshots.sources]
        assert located.pairs() == locate(ips, times, snapshots)
        # The same from a numpy array and from an Arrow array (with a null).
        assert (
            locate_epochs(np.array(ips), epochs, snapshots).countries.tolist() == located.countries.tolist()
        )
        arrow = pa.array([*ips[:-1], None])
        assert locate_epochs(arrow, epochs, snapshots).countries.tolist()[-1] == ""
        assert len(locate_epochs([], np.zeros(0), snapshots)) == 0
        with pytest.raises(ValueError, match="2 addresses but 1 timestamps"):
            locate_epochs(ips[:2], epochs[:1], snapshots)


def test_source_indexes_from_epochs(snapshot_folder: Path) -> None:
    with SnapshotSet(snapshot_folder) as snapshots:
        epochs = np.array([JAN_2023 - 1, JAN_2023, JUL_2024 - 1, JUL_2024, JUL_2024 + 86400])
        assert snapshots.source_indexes_epochs(epochs).tolist() == [1, 1, 1, 2, 2]
        assert snapshots.choose(epochs)[1].tolist() == [True, False, False, False, False]
    assert SnapshotSet(None).source_indexes_epochs(epochs).tolist() == [0] * 5
    assert not SnapshotSet(None).choose(epochs)[1].any()


def test_cross_check_flags_disagreeing_sources(tmp_path: Path) -> None:
    # Two vendors' databases: they agree on 198.51.100.0/24, disagree on 192.0.2.0/24, and the newer
    # one places Google's resolver (US in the embedded data) in NZ.
    write_country_mmdb(tmp_path / "a.mmdb", {"192.0.2.0/24": "NZ", "198.51.100.0/24": "AU"}, JAN_2023)
    write_country_mmdb(
        tmp_path / "b.mmdb",
        {"192.0.2.0/24": "FR", "198.51.100.0/24": "AU", "8.8.8.0/24": "NZ"},
        JUL_2024,
        layout="country_code",
    )
    ips = ["192.0.2.1", "192.0.2.1", "198.51.100.1", "8.8.8.8", "8.8.8.8", "8.8.4.4", "8.8.8.8"]
    times = [
        datetime(2024, 8, 1, tzinfo=UTC),  # b says FR, a said NZ: flagged
        datetime(2023, 8, 1, tzinfo=UTC),  # a says NZ, embedded has no country: not flagged
        datetime(2024, 8, 1, tzinfo=UTC),  # AU in both: not flagged
        datetime(2024, 8, 1, tzinfo=UTC),  # b says NZ, embedded US: flagged
        datetime(2023, 8, 1, tzinfo=UTC),  # a knows nothing: an answer from one side only
        datetime(2024, 8, 1, tzinfo=UTC),  # b knows nothing
        datetime(2020, 1, 1, tzinfo=UTC),  # before both: a knows nothing
    ]
    with SnapshotSet(tmp_path) as snapshots:
        epochs = epochs_of(times)
        flags = cross_check(ips, epochs, snapshots)
        assert flags.dtype == np.bool_
        assert flags.tolist() == [True, False, False, True, False, False, False]
        located = locate_epochs(ips, epochs, snapshots)
        assert cross_check(ips, epochs, snapshots, located=located).tolist() == flags.tolist()
        # The registries put 8.8.8.8 in the US: b's NZ differs from the registration.
        assert registry_check(ips, located, snapshots).tolist() == [
            False,
            False,
            False,
            True,
            False,
            False,
            False,
        ]
    assert not cross_check(ips, epochs, SnapshotSet(None)).any()
