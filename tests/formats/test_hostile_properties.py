"""Property tests: whatever the bytes, the readers either return or raise ``InputError``, and the package
verifier returns a list of problems; nothing else ever escapes."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tiaki.formats.bundle import read_bundle
from tiaki.formats.csvsafe import csv_bytes, is_formula
from tiaki.formats.errors import InputError
from tiaki.formats.package import find_media_payload, verify_package
from tiaki.formats.records import read_records

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANIFEST = {
    "format": "disclosure-bundle",
    "version": 1,
    "disclosure_id": "d-1",
    "provider": {"name": "Example Provider"},
    "files": {"accounts": "accounts.csv", "ip_events": "ip_events.jsonl"},
}
# Text near the grammar of a table: cells, quotes, separators, line ends, NUL and odd characters.
TABLE_TEXT = st.lists(
    st.sampled_from(
        [
            '"',
            ",",
            "\n",
            "\r\n",
            "\r",
            "\x00",
            "acc-1",
            "account_id",
            "username",
            "é",
            "\ufeff",
            " ",
            "'",
            "2019-01-01T00:00:00Z",
            "0001-01-01T00:00:00+13:00",
            "x" * 301,
            "{",
            "}",
            ":",
            "null",
            "1e999",
        ]
    ),
    max_size=40,
).map("".join)
ANY_BYTES = st.one_of(st.binary(max_size=600), TABLE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))


def bundle_outcome(accounts: bytes, ip_events: bytes, manifest: bytes | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "accounts.csv").write_bytes(b"account_id,username\n" + accounts)
        (root / "ip_events.jsonl").write_bytes(ip_events)
        (root / "manifest.json").write_bytes(
            manifest if manifest is not None else json.dumps(MANIFEST).encode()
        )
        with contextlib.suppress(InputError):
            read_bundle(root)


@SETTINGS
@given(accounts=ANY_BYTES, ip_events=ANY_BYTES)
def test_bundle_tables_parse_or_raise_input_error(accounts: bytes, ip_events: bytes) -> None:
    bundle_outcome(accounts, ip_events)


@SETTINGS
@given(
    manifest=st.one_of(
        ANY_BYTES,
        st.recursive(
            st.none() | st.text(max_size=20) | st.integers(),
            lambda children: (
                st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
            ),
        ).map(lambda value: json.dumps(value).encode()),
    )
)
def test_bundle_manifest_parses_or_raises_input_error(manifest: bytes) -> None:
    bundle_outcome(b"acc-1,river\n", b"", manifest)


MEMBER_NAMES = st.lists(
    st.sampled_from(
        [
            "manifest.json",
            "accounts.csv",
            "media/",
            "media/a",
            "media/a/b",
            "../x",
            "/abs",
            "b/manifest.json",
            "media//a",
            "media\\a",
            "a" * 300,
            "__MACOSX/x",
            "ip_events.jsonl",
        ]
    ),
    max_size=6,
)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@SETTINGS
@given(names=MEMBER_NAMES, data=st.binary(max_size=50))
def test_zipped_bundles_parse_or_raise_input_error(names: list[str], data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "bundle.zip"
        with zipfile.ZipFile(archive, "w") as handle:
            for name in names:
                handle.writestr(
                    name, json.dumps(MANIFEST).encode() if name.endswith("manifest.json") else data
                )
        with contextlib.suppress(InputError):
            read_bundle(archive, Path(folder) / "work")


@SETTINGS
@given(body=ANY_BYTES, suffix=st.sampled_from([".csv", ".jsonl"]))
def test_records_parse_or_raise_input_error(body: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"checks{suffix}"
        header = b"kind,value,fact,detail,source,checked_at\n" if suffix == ".csv" else b""
        path.write_bytes(header + body)
        with contextlib.suppress(InputError):
            read_records(path)


@SETTINGS
@given(data=st.binary(max_size=2000), as_manifest=st.booleans())
def test_package_verify_returns_problems_for_any_bytes(data: bytes, as_manifest: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        if as_manifest:
            package = Path(folder) / "op-NZ"
            package.mkdir()
            (package / "manifest.json").write_bytes(data)
        else:
            package = Path(folder) / "op-NZ.zip"
            package.write_bytes(b"PK\x03\x04" + data if data[:1] == b"P" else data)
        problems = verify_package(package)
        assert problems and all(isinstance(p, str) and "\n" not in p.strip() for p in problems)


@SETTINGS
@given(rows=st.lists(st.lists(st.text(max_size=30), min_size=3, max_size=3), max_size=8))
def test_every_csv_tiaki_writes_reads_back_as_written_and_runs_no_formula(rows: list[list[str]]) -> None:
    data = csv_bytes(["a", "b", "c"], rows)
    read = list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True))
    assert len(read) == len(rows) + 1 and all(len(row) == 3 for row in read)
    assert not any(is_formula(cell) for row in read for cell in row)


@SETTINGS
@given(text=st.text(max_size=300))
def test_payload_detection_never_raises(text: str) -> None:
    find_media_payload(text)
