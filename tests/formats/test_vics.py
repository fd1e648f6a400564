"""VICS JSON hash lists: round trips, profile from the context, refusals, streaming in bounded memory.

All hashes here are made up; categories are labels only.
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import HashList, ListEntry
from tiaki.formats.vics import iter_vics, read_vics, write_vics

US_20 = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases"
UK_20 = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/UK/$metadata#Cases"
DEFAULT_20 = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Media"
US_13 = "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml/US/$metadata#Cases"
BARE_13 = "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media"


def _hex(seed: int, length: int) -> str:
    return f"{seed:0{length}x}"[-length:]


def _entries() -> list[ListEntry]:
    return [
        ListEntry(
            entry_id="1",
            md5=_hex(1, 32),
            sha1=_hex(2, 40),
            sha256=_hex(3, 64),
            pdq=_hex(4, 64),
            photodna="AAECAwQFBgc=",
            category="1",
            series="series-alpha",
            victim_identified=True,
            is_distributed=False,
            comments="neutral note",
        ),
        ListEntry(entry_id="2", md5=_hex(5, 32), category="0"),
        ListEntry(entry_id="item-3", sha256=_hex(6, 64), pdq=_hex(7, 64)),
        ListEntry(entry_id="007", sha1=_hex(8, 40), category="4", is_distributed=True),
    ]


def _write_json(path: Path, context: str | None, media: list[dict[str, object]], cases: bool = True) -> Path:
    doc: dict[str, object] = {}
    if context is not None:
        doc["@odata.context"] = context
    doc["value"] = [{"CaseID": "c-1", "Media": media}] if cases else media
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("version", ["1.3", "2.0"])
def test_round_trip(tmp_path: Path, version: str) -> None:
    path = tmp_path / "list.json"
    write_vics(path, HashList(name="x", profile="vic-us", entries=_entries()), version=version)

    result = read_vics(path)

    assert result.profile == "vic-us"
    assert result.name == "list"
    assert result.entries == _entries()
    header, _ = iter_vics(path)
    assert header.version == version
    assert header.region == "US"


def test_written_file_is_vics_shaped(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    write_vics(path, _entries(), case_name="op-test")

    doc = json.loads(path.read_text(encoding="utf-8"))

    assert doc["@odata.context"] == US_20
    (case,) = doc["value"]
    assert case["CaseNumber"] == "op-test"
    first = case["Media"][0]
    assert first["MediaID"] == 1 and first["Category"] == 1
    assert first["MD5"] == _hex(1, 32) and first["SHA1"] == _hex(2, 40)
    assert first["AlternativeHashes"] == [
        {"MD5": _hex(1, 32), "HashName": "SHA256", "HashValue": _hex(3, 64)},
        {"MD5": _hex(1, 32), "HashName": "PDQ", "HashValue": _hex(4, 64)},
    ]
    assert case["Media"][3]["MediaID"] == "007"  # not an exact integer: kept as text


def test_write_13_context(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    write_vics(path, _entries()[:1], version="1.3")
    assert json.loads(path.read_text(encoding="utf-8"))["@odata.context"] == US_13


@pytest.mark.parametrize(
    ("context", "profile"),
    [(US_20, "vic-us"), (UK_20, "uk-caid"), (US_13, "vic-us")],
)
def test_profile_from_context(tmp_path: Path, context: str, profile: str) -> None:
    category = "A" if profile == "uk-caid" else 2
    path = _write_json(
        tmp_path / "l.json", context, [{"MediaID": 9, "MD5": _hex(9, 32), "Category": category}]
    )

    result = read_vics(path)

    assert result.profile == profile
    assert result.entries[0].category == str(category)


def test_uk_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "uk.json"
    entries = [ListEntry(entry_id="1", md5=_hex(1, 32), category="B")]
    write_vics(path, entries, profile="uk-caid")

    result = read_vics(path)

    assert result.profile == "uk-caid" and result.entries == entries


@pytest.mark.parametrize("context", [None, BARE_13, DEFAULT_20.replace("Default", "CUSTOM")])
def test_refuses_without_profile(tmp_path: Path, context: str | None) -> None:
    path = _write_json(tmp_path / "l.json", context, [{"MediaID": 1, "MD5": _hex(1, 32), "Category": 1}])

    with pytest.raises(InputError) as caught:
        read_vics(path)

    message = str(caught.value)
    assert "cannot be determined" in message and "--profile" in message
    assert str(path) in message


def test_explicit_profile_when_context_names_none(tmp_path: Path) -> None:
    path = _write_json(
        tmp_path / "l.json", DEFAULT_20, [{"MediaID": 1, "MD5": _hex(1, 32), "Category": 5}], cases=False
    )

    result = read_vics(path, profile="dhs-legacy", name="legacy")

    assert result.profile == "dhs-legacy" and result.name == "legacy"
    assert result.entries[0].category == "5"


def test_disagreeing_profiles_refused(tmp_path: Path) -> None:
    path = _write_json(tmp_path / "l.json", US_20, [{"MediaID": 1, "MD5": _hex(1, 32)}])

    with pytest.raises(InputError, match=r"'vic-us'.*'uk-caid'"):
        read_vics(path, profile="uk-caid")
    assert read_vics(path, profile="vic-us").profile == "vic-us"


def test_unknown_category(tmp_path: Path) -> None:
    media = [
        {"MediaID": 1, "MD5": _hex(1, 32), "Category": 1},
        {"MediaID": 77, "MD5": _hex(2, 32), "Category": 9},
    ]
    path = _write_json(tmp_path / "l.json", US_20, media)

    with pytest.raises(InputError) as caught:
        read_vics(path)

    assert caught.value.row == 2 and caught.value.field == "Category"
    assert "MediaID 77" in str(caught.value) and "'9'" in str(caught.value)


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"MediaID": 1, "MD5": "xyz"}, "MD5"),
        ({"MediaID": 1, "SHA1": _hex(1, 32)}, "SHA1"),
        ({"MediaID": 1, "MD5": 12345}, "MD5"),
        (
            {"MediaID": 1, "AlternativeHashes": [{"HashName": "PDQ", "HashValue": "00ff"}]},
            "AlternativeHashes",
        ),
    ],
)
def test_bad_hash(tmp_path: Path, item: dict[str, object], field: str) -> None:
    path = _write_json(tmp_path / "l.json", US_20, [item])

    with pytest.raises(InputError) as caught:
        read_vics(path)

    assert caught.value.row == 1 and caught.value.field == field


def test_entry_without_hash(tmp_path: Path) -> None:
    path = _write_json(
        tmp_path / "l.json", US_20, [{"MediaID": 1, "MD5": _hex(1, 32)}, {"MediaID": 2, "Category": 1}]
    )

    with pytest.raises(InputError, match="no MD5, SHA1, SHA256, PDQ or PhotoDNA") as caught:
        read_vics(path)

    assert caught.value.row == 2


def test_reads_exporter_variants(tmp_path: Path) -> None:
    """Upper-case hex, string booleans, a nested series, a top-level SHA256, a BOM, a #Media hash set."""
    media = [
        {
            "MediaID": 3,
            "Category": "2",
            "MD5": _hex(0xAB, 32).upper(),
            "SHA256": _hex(0xCD, 64).upper(),
            "VictimIdentified": "true",
            "IsDistributed": "False",
            "Series": {"Name": "series-beta"},
            "AlternativeHashes": [
                {"HashName": "SHA-256", "HashValue": _hex(0xCD, 64)},
                {"HashName": "VendorHash", "HashValue": "anything"},
            ],
        }
    ]
    doc = {"value": media, "@odata.context": US_20.replace("#Cases", "#Media")}  # context after value
    path = tmp_path / "l.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode())

    (entry,) = read_vics(path).entries

    assert entry == ListEntry(
        entry_id="3",
        md5=_hex(0xAB, 32),
        sha256=_hex(0xCD, 64),
        category="2",
        series="series-beta",
        victim_identified=True,
        is_distributed=False,
    )


def test_conflicting_hashes(tmp_path: Path) -> None:
    item = {
        "MediaID": 1,
        "MD5": _hex(1, 32),
        "SHA256": _hex(2, 64),
        "AlternativeHashes": [{"HashName": "SHA256", "HashValue": _hex(3, 64)}],
    }
    path = _write_json(tmp_path / "l.json", US_20, [item])

    with pytest.raises(InputError, match="two different sha256"):
        read_vics(path)


def test_not_vics(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"@odata.context": "' + US_20 + '", "value": [{"Media": [{"MD5": ', encoding="utf-8")
    no_value = tmp_path / "no_value.json"
    no_value.write_text('{"@odata.context": "x"}', encoding="utf-8")

    with pytest.raises(InputError, match="not valid JSON"):
        read_vics(broken)
    with pytest.raises(InputError, match="no 'value' list"):
        read_vics(no_value)


def test_write_refuses_bad_entries(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    with pytest.raises(ValueError, match="category '9'"):
        write_vics(path, [ListEntry(entry_id="1", md5=_hex(1, 32), category="9")])
    with pytest.raises(ValueError, match="no md5"):
        write_vics(path, [ListEntry(entry_id="1")])
    with pytest.raises(ValueError, match="'uk-caid'"):
        write_vics(path, HashList(name="x", profile="uk-caid", entries=[]))
    assert list(tmp_path.iterdir()) == []


def _many(count: int) -> Iterator[ListEntry]:
    """Lean entries (the test is about memory, and tracing every allocation is slow); every 50th
    also carries a PDQ, so the alternative-hash path is streamed too."""
    for i in range(count):
        yield ListEntry(
            entry_id=str(i + 1),
            md5=f"{i:032x}",
            pdq=f"{i:064x}" if i % 50 == 0 else None,
            category=str(i % 5),
        )


def test_streaming_200k_in_bounded_memory(tmp_path: Path) -> None:
    count = 200_000
    path = tmp_path / "big.json"
    write_vics(path, _many(count), version="2.0", profile="vic-us")

    tracemalloc.start()
    try:
        header, entries = iter_vics(path)
        seen = 0
        last = None
        for entry in entries:
            seen += 1
            last = entry
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert header.profile == "vic-us"
    assert seen == count
    assert last == ListEntry(entry_id=str(count), md5=f"{count - 1:032x}", category=str((count - 1) % 5))
    assert path.stat().st_size > 10 * peak  # memory does not follow the file's size
    assert peak < 50 * 1024 * 1024, f"peak traced Python memory {peak / 1e6:.1f} MB"


def test_generic_is_written_as_custom_and_needs_a_profile(tmp_path: Path) -> None:
    path = tmp_path / "generic.json"
    entries = [ListEntry(entry_id="1", md5=_hex(1, 32), category="any-label")]
    write_vics(path, entries, profile="generic")

    with pytest.raises(InputError, match="cannot be determined"):
        read_vics(path)
    assert read_vics(path, profile="generic").entries == entries
