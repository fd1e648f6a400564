"""CSV hash lists: the generic dialect (round trip) and the Interpol ICSE export.

All hashes here are made up; categories are labels only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tiaki.formats.errors import InputError
from tiaki.formats.hashlist import ListEntry
from tiaki.formats.hashlist_csv import read_hashlist_csv, write_hashlist_csv

MD5 = "0123456789abcdef0123456789abcdef"
SHA1 = "0123456789abcdef0123456789abcdef01234567"
SHA256 = "ab" * 32
PDQ = "cd" * 32


def _csv(tmp_path: Path, text: str, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_generic_round_trip(tmp_path: Path) -> None:
    entries = [
        ListEntry(
            entry_id="a-1",
            md5=MD5,
            sha1=SHA1,
            sha256=SHA256,
            pdq=PDQ,
            photodna="AAECAwQF+/8=",
            category="1",
            series="series-alpha",
            victim_identified=True,
            is_distributed=False,
            comments='note, with a comma and "quotes"',
        ),
        ListEntry(entry_id="a-2", sha256=SHA256),
    ]
    path = tmp_path / "out.csv"
    write_hashlist_csv(path, entries)

    result = read_hashlist_csv(path, profile="vic-us")

    assert result.entries == entries
    assert result.profile == "vic-us"
    assert result.name == "out"


def test_generic_subset_of_columns(tmp_path: Path) -> None:
    path = _csv(tmp_path, f"MD5,Category,Series\n{MD5.upper()},7,s-1\n\n,,\n{MD5},,\n")

    result = read_hashlist_csv(path)

    assert result.profile == "generic"
    assert result.source == "list.csv (CSV)"
    assert [(e.entry_id, e.md5, e.category, e.series) for e in result.entries] == [
        ("2", MD5, "7", "s-1"),
        ("5", MD5, None, None),
    ]


def test_semicolon_and_header_spellings(tmp_path: Path) -> None:
    path = _csv(tmp_path, f"SHA-256;pdq;Is_Distributed\n{SHA256};{PDQ};yes\n")

    (entry,) = read_hashlist_csv(path).entries

    assert (entry.sha256, entry.pdq, entry.is_distributed) == (SHA256, PDQ, True)


def test_icse_export(tmp_path: Path) -> None:
    text = (
        "Image ID,MD5,SHA1,PhotoDNA,Is distributed,Victim identified,Offender identified,"
        "Series name,Baseline\n"
        f"1001,{MD5},{SHA1},AAECAwQF+/8=,Yes,No,Yes,series-beta,Yes\n"
        f"1002,{MD5},,,No,,No,,No\n"
    )
    path = _csv(tmp_path, text, "icse.csv")

    result = read_hashlist_csv(path, name="icse-2026-01")

    assert result.name == "icse-2026-01"
    assert result.profile == "generic"
    assert result.source == "icse.csv (ICSE CSV)"
    first, second = result.entries
    assert first == ListEntry(
        entry_id="1001",
        md5=MD5,
        sha1=SHA1,
        photodna="AAECAwQF+/8=",
        category="baseline",
        series="series-beta",
        victim_identified=False,
        is_distributed=True,
    )
    assert (second.entry_id, second.category, second.victim_identified) == ("1002", None, None)


def test_icse_baseline_needs_generic_profile(tmp_path: Path) -> None:
    path = _csv(tmp_path, f"Image ID,MD5,Baseline\n1,{MD5},Yes\n")

    with pytest.raises(InputError) as caught:
        read_hashlist_csv(path, profile="vic-us")

    assert (caught.value.row, caught.value.field) == (2, "Baseline")


def test_bad_hash_names_row_and_field(tmp_path: Path) -> None:
    path = _csv(tmp_path, f"md5,SHA1\n{MD5},{SHA1}\n{MD5},not-a-hash\n")

    with pytest.raises(InputError) as caught:
        read_hashlist_csv(path)

    error = caught.value
    assert (error.file, error.row, error.field) == (str(path), 3, "SHA1")
    assert "sha1" in str(error) and "row 3" in str(error)


def test_unknown_category_under_profile(tmp_path: Path) -> None:
    path = _csv(tmp_path, f"md5,category\n{MD5},A\n{MD5},Z\n")

    with pytest.raises(InputError, match="category 'Z'") as caught:
        read_hashlist_csv(path, profile="uk-caid")

    assert (caught.value.row, caught.value.field) == (3, "category")


@pytest.mark.parametrize(
    ("text", "row", "message"),
    [
        ("category,series\n1,a\n", 1, "no hash column"),
        ("", 1, "empty file"),
        (f"md5,category\n{MD5}\n", 2, "has 1 cells"),
        ("md5,sha1\n,\n,x\n", 3, "sha1"),
        (f"md5,category\n{MD5},1\n,1\n", 3, "no md5"),
        (f"md5,MD5\n{MD5},{MD5}\n", 1, "both give md5"),
        (f"md5,victim_identified\n{MD5},maybe\n", 2, "yes/no"),
    ],
)
def test_refusals(tmp_path: Path, text: str, row: int, message: str) -> None:
    path = _csv(tmp_path, text)

    with pytest.raises(InputError, match=message) as caught:
        read_hashlist_csv(path)

    assert caught.value.row == row


def test_unknown_profile(tmp_path: Path) -> None:
    path = _csv(tmp_path, f"md5\n{MD5}\n")

    with pytest.raises(InputError, match="profile 'nope'"):
        read_hashlist_csv(path, profile="nope")
