"""The disclosure-bundle reader: good bundles in every packaging, and each kind of bad input."""

from __future__ import annotations

import csv
import json
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tiaki.formats.bundle import _check_member, read_bundle
from tiaki.formats.errors import InputError

MD5 = "0123456789abcdef0123456789abcdef"
SHA1 = "0123456789abcdef0123456789abcdef01234567"

TABLES: dict[str, list[dict[str, str]]] = {
    "accounts": [
        {
            "account_id": "acc-1",
            "platform": "Example Chat",
            "username": "river_otter",
            "display_name": "River Otter",
            "created_at": "2018-05-01T10:00:00Z",
            "profile_url": "https://chat.example.org/u/river_otter",
            "stated_country": "nz",
            "status": "active",
            "favourite_colour": "green",  # an unknown column: ignored
        },
        {"account_id": "acc-2", "username": "blue_heron", "status": "deleted"},
    ],
    "identifiers": [
        {"account_id": "acc-1", "kind": "email", "value": "otter@example.org", "verified": "true"},
        {
            "account_id": "acc-2",
            "kind": "phone",
            "value": "+64 21 000 0000",
            "observed_at": "2019-01-02T03:04:05+13:00",
        },
    ],
    "ip_events": [
        {
            "account_id": "acc-1",
            "ip": "192.0.2.10",
            "port": "51000",
            "event": "login",
            "timestamp": "2019-09-01T12:00:00Z",
        },
        {
            "account_id": "acc-2",
            "ip": "2001:DB8:0:0::1",
            "timestamp": "2019-09-02T12:00:00+00:00",
            "possible_proxy": "false",
        },
    ],
    "venues": [{"venue_id": "g-1", "kind": "group", "name": "Garden club"}],
    "uploads": [
        {
            "upload_id": "up-1",
            "account_id": "acc-1",
            "file": "photos/a.jpg",
            "uploaded_at": "2019-09-01T12:05:00Z",
            "venue_id": "g-1",
            "viewed_by_provider": "true",
        },
        {
            "upload_id": "up-2",
            "account_id": "acc-2",
            "md5": MD5.upper(),
            "sha1": SHA1,
            "publicly_available": "false",
        },
    ],
    "accesses": [
        {"account_id": "acc-2", "upload_id": "up-1", "action": "view", "timestamp": "2019-09-03T08:00:00Z"},
        {"account_id": "acc-1", "venue_id": "g-1"},
    ],
    "memberships": [
        {"account_id": "acc-1", "venue_id": "g-1", "role": "owner", "joined_at": "2018-06-01T00:00:00Z"}
    ],
}


def manifest(files: dict[str, str]) -> dict[str, object]:
    return {
        "format": "disclosure-bundle",
        "version": 1,
        "disclosure_id": "example-2019-09-0001",
        "provider": {"name": "Example Provider", "country": "US", "contact": "legal@example.org"},
        "received_at": "2019-09-14T03:00:00Z",
        "legal_reference": "production order 19/1234",
        "description": "accounts in a made-up test",
        "files": files,
    }


def write_table(path: Path, rows: list[dict[str, str]], bom: bool = False) -> None:
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        return
    columns: list[str] = []
    for row in rows:
        columns += [column for column in row if column not in columns]
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)


def make_bundle(
    root: Path,
    suffix: str = ".csv",
    tables: dict[str, list[dict[str, str]]] | None = None,
    manifest_data: dict[str, object] | None = None,
) -> Path:
    tables = TABLES if tables is None else tables
    root.mkdir(parents=True, exist_ok=True)
    files = {}
    for table, rows in tables.items():
        files[table] = f"{table}{suffix}"
        write_table(root / files[table], rows, bom=table == "accounts")
    (root / "media" / "photos").mkdir(parents=True)
    (root / "media" / "photos" / "a.jpg").write_bytes(b"not really a picture")
    (root / "manifest.json").write_text(json.dumps(manifest_data or manifest(files)), encoding="utf-8")
    return root


def zip_dir(source: Path, target: Path, folder: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(source.rglob("*")):
            if file.is_file():
                archive.write(file, folder + file.relative_to(source).as_posix())
    return target


def with_rows(table: str, *rows: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    return {**TABLES, table: [*TABLES[table], *rows]}


def error_of(root: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_bundle(root)
    return caught.value


def check_good(disclosure, root: Path | None = None) -> None:  # type: ignore[no-untyped-def]
    assert disclosure.source_format == "disclosure-bundle"
    assert disclosure.disclosure_id == "example-2019-09-0001"
    assert disclosure.provider.name == "Example Provider"
    assert disclosure.provider.country == "US"
    assert disclosure.received_at == datetime(2019, 9, 14, 3, tzinfo=UTC)
    assert [a.account_id for a in disclosure.accounts] == ["acc-1", "acc-2"]
    first = disclosure.accounts[0]
    assert first.stated_country == "NZ" and first.status == "active"
    assert first.created_at == datetime(2018, 5, 1, 10, tzinfo=UTC)
    assert disclosure.accounts[1].platform is None
    assert disclosure.identifiers[0].verified is True
    assert disclosure.identifiers[1].verified is None
    assert disclosure.identifiers[1].observed_at.utcoffset().total_seconds() == 13 * 3600
    assert disclosure.ip_events[0].port == 51000 and disclosure.ip_events[0].event == "login"
    assert disclosure.ip_events[1].ip == "2001:db8::1"
    assert disclosure.ip_events[1].possible_proxy is False
    up1, up2 = disclosure.uploads
    assert up1.file == "photos/a.jpg" and up1.venue_id == "g-1" and up1.viewed_by_provider is True
    assert up2.file is None and up2.md5 == MD5 and up2.sha1 == SHA1 and up2.publicly_available is False
    assert disclosure.accesses[0].upload_id == "up-1" and disclosure.accesses[1].venue_id == "g-1"
    assert disclosure.memberships[0].role == "owner"
    assert disclosure.venues[0].kind == "group"
    assert disclosure.media_root is not None
    assert (disclosure.media_root / up1.file).read_bytes() == b"not really a picture"
    names = sorted(p.name for p in disclosure.source_files)
    assert names[0] == "accesses" + Path(names[0]).suffix
    assert "manifest.json" in names and len(names) == 8
    assert all(p.is_file() for p in disclosure.source_files)
    if root is not None:
        assert disclosure.media_root == root / "media"


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_good_bundle_directory(tmp_path: Path, suffix: str) -> None:
    root = make_bundle(tmp_path / "bundle", suffix)
    check_good(read_bundle(root), root)


@pytest.mark.parametrize("folder", ["", "bundle-2019/"])
def test_good_bundle_zipped(tmp_path: Path, folder: str) -> None:
    root = make_bundle(tmp_path / "bundle")
    archive = zip_dir(root, tmp_path / "bundle.zip", folder)
    work = tmp_path / "work"
    disclosure = read_bundle(archive, work)
    check_good(disclosure, work)
    assert all(work in p.parents for p in disclosure.source_files)


@pytest.mark.parametrize("folder", ["", "bundle-2019\\"])
def test_a_zip_whose_member_names_use_backslashes_is_read(tmp_path: Path, folder: str) -> None:
    """Some Windows tools write ``media\\photos\\a.jpg`` where the zip format says ``/``."""
    root = make_bundle(tmp_path / "bundle")
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for file in sorted(root.rglob("*")):
            if file.is_file():
                handle.write(file, folder + "\\".join(file.relative_to(root).parts))
    assert any("\\" in name for name in zipfile.ZipFile(archive).namelist())
    work = tmp_path / "work"
    check_good(read_bundle(archive, work), work)


def test_zipped_bundle_into_new_temporary_directory(tmp_path: Path) -> None:
    archive = zip_dir(make_bundle(tmp_path / "bundle"), tmp_path / "bundle.zip")
    disclosure = read_bundle(archive)
    check_good(disclosure)
    assert disclosure.media_root is not None and disclosure.media_root.parent != tmp_path / "bundle"


def test_csv_and_jsonl_tables_can_be_mixed(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b")
    write_table(root / "uploads.jsonl", TABLES["uploads"])
    (root / "uploads.csv").unlink()
    data = json.loads((root / "manifest.json").read_text())
    data["files"]["uploads"] = "uploads.jsonl"
    (root / "manifest.json").write_text(json.dumps(data))
    assert len(read_bundle(root).uploads) == 2


def test_only_accounts_is_required(tmp_path: Path) -> None:
    root = tmp_path / "b"
    root.mkdir()
    write_table(root / "accounts.csv", [{"account_id": "a"}])
    (root / "manifest.json").write_text(json.dumps(manifest({"accounts": "accounts.csv"})))
    disclosure = read_bundle(root)
    assert [a.account_id for a in disclosure.accounts] == ["a"]
    assert disclosure.media_root is None and len(disclosure.source_files) == 2


# --- errors: file, row and field must be exactly right ---------------------------------------------


def where(error: InputError) -> tuple[str, int | None, str | None]:
    return error.file, error.row, error.field


def test_timestamp_without_offset(tmp_path: Path) -> None:
    bad = {"account_id": "acc-1", "ip": "192.0.2.11", "timestamp": "2019-09-01T12:00:00"}
    error = error_of(make_bundle(tmp_path / "b", tables=with_rows("ip_events", bad)))
    assert where(error) == ("ip_events.csv", 4, "timestamp")
    assert "offset" in str(error)


def test_ordinal_dates_and_the_end_of_a_day_are_iso_8601_too(tmp_path: Path) -> None:
    """An ordinal date (the day of the year) and a day's end written 24:00 are ISO 8601: read as the
    calendar date and the next day's midnight; a day past the year's end is refused by name."""
    events = [
        {"account_id": "acc-1", "ip": "192.0.2.11", "timestamp": text}
        for text in ("2019-060T10:00:00Z", "2019060T100000+12:00", "2019-02-28T24:00:00Z", "2020-366T24:00Z")
    ]
    disclosure = read_bundle(make_bundle(tmp_path / "b", tables={**TABLES, "ip_events": events}))
    assert [e.timestamp.isoformat() for e in disclosure.ip_events] == [
        "2019-03-01T10:00:00+00:00",
        "2019-03-01T10:00:00+12:00",
        "2019-03-01T00:00:00+00:00",
        "2021-01-01T00:00:00+00:00",
    ]
    for n, (text, reason) in enumerate(
        (
            ("2019-366T10:00:00Z", "day 366 of 2019, which has no such day"),
            ("2019-03-01T24:30:00Z", "not an ISO 8601 timestamp"),
            ("2019-03-01T10:00:00Z\x00junk", "holds a NUL character"),  # which Python's parser stops at
            ("\u0662\u0660\u0661\u0669-060T10:00:00Z", "not an ISO 8601 timestamp"),  # Arabic-Indic digits
            ("2019-03-01T10:00:0\u0660Z", "not an ISO 8601 timestamp"),
        )
    ):
        bad = {"account_id": "acc-1", "ip": "192.0.2.11", "timestamp": text}
        error = error_of(make_bundle(tmp_path / f"bad-{n}", tables=with_rows("ip_events", bad)))
        assert where(error) == ("ip_events.csv", 4, "timestamp") and reason in str(error), str(error)


def test_timestamp_without_offset_jsonl(tmp_path: Path) -> None:
    bad = {"account_id": "acc-1", "ip": "192.0.2.11", "timestamp": "2019-09-01T12:00:00"}
    error = error_of(make_bundle(tmp_path / "b", ".jsonl", tables=with_rows("ip_events", bad)))
    assert where(error) == ("ip_events.jsonl", 3, "timestamp")


def test_upload_with_neither_file_nor_digest(tmp_path: Path) -> None:
    bad = {"upload_id": "up-3", "account_id": "acc-1", "pdq": "0" * 64}
    error = error_of(make_bundle(tmp_path / "b", tables=with_rows("uploads", bad)))
    assert where(error) == ("uploads.csv", 4, "file")


def test_row_without_account_id(tmp_path: Path) -> None:
    bad = {"account_id": "", "kind": "email", "value": "heron@example.org"}
    error = error_of(make_bundle(tmp_path / "b", tables=with_rows("identifiers", bad)))
    assert where(error) == ("identifiers.csv", 4, "account_id")


def test_missing_required_column(tmp_path: Path) -> None:
    tables = {**TABLES, "venues": [{"name": "Garden club"}]}
    error = error_of(make_bundle(tmp_path / "b", tables=tables))
    assert where(error) == ("venues.csv", 1, "venue_id")


def test_manifest_of_another_format(tmp_path: Path) -> None:
    data = manifest({"accounts": "accounts.csv"})
    data["format"] = "foo"
    error = error_of(make_bundle(tmp_path / "b", manifest_data=data))
    assert where(error) == ("manifest.json", None, "format")
    assert "format is 'foo', expected 'disclosure-bundle'" in str(error)


def test_manifest_of_another_version(tmp_path: Path) -> None:
    data = manifest({"accounts": "accounts.csv"})
    data["version"] = 2
    assert where(error_of(make_bundle(tmp_path / "b", manifest_data=data))) == (
        "manifest.json",
        None,
        "version",
    )


def test_unknown_account_reference(tmp_path: Path) -> None:
    bad = {"account_id": "acc-9", "upload_id": "up-1"}
    error = error_of(make_bundle(tmp_path / "b", tables=with_rows("accesses", bad)))
    assert where(error) == ("accesses.csv", 4, "account_id")
    assert "acc-9" in str(error)


def test_duplicate_account(tmp_path: Path) -> None:
    error = error_of(make_bundle(tmp_path / "b", tables=with_rows("accounts", {"account_id": "acc-1"})))
    assert where(error) == ("accounts.csv", 4, "account_id")


def test_duplicate_upload(tmp_path: Path) -> None:
    bad = {"upload_id": "up-1", "account_id": "acc-1", "md5": MD5}
    assert where(error_of(make_bundle(tmp_path / "b", tables=with_rows("uploads", bad)))) == (
        "uploads.csv",
        4,
        "upload_id",
    )


def test_bad_boolean(tmp_path: Path) -> None:
    bad = {"account_id": "acc-1", "kind": "email", "value": "x@example.org", "verified": "yes"}
    error = error_of(make_bundle(tmp_path / "b", tables=with_rows("identifiers", bad)))
    assert where(error) == ("identifiers.csv", 4, "verified")


@pytest.mark.parametrize(
    ("table", "row", "field"),
    [
        ("accounts", {"account_id": "acc-3", "stated_country": "New Zealand"}, "stated_country"),
        ("accounts", {"account_id": "acc-3", "status": "asleep"}, "status"),
        ("identifiers", {"account_id": "acc-1", "kind": "shoe_size", "value": "9"}, "kind"),
        ("identifiers", {"account_id": "acc-1", "kind": "email", "value": " "}, "value"),
        (
            "ip_events",
            {"account_id": "acc-1", "ip": "192.0.2.300", "timestamp": "2019-09-01T12:00:00Z"},
            "ip",
        ),
        (
            "ip_events",
            {"account_id": "acc-1", "ip": "192.0.2.1", "timestamp": "2019-09-01T12:00:00Z", "port": "70000"},
            "port",
        ),
        (
            "ip_events",
            {"account_id": "acc-1", "ip": "192.0.2.1", "timestamp": "2019-09-01T12:00:00Z", "port": "-1"},
            "port",
        ),
        ("ip_events", {"account_id": "acc-1", "ip": "192.0.2.1", "timestamp": "", "port": "1"}, "timestamp"),
        ("uploads", {"upload_id": "up-3", "account_id": "acc-1", "md5": "abc"}, "md5"),
        ("uploads", {"upload_id": "up-3", "account_id": "acc-1", "md5": MD5, "venue_id": "g-9"}, "venue_id"),
        ("uploads", {"upload_id": "up-3", "account_id": "acc-1", "file": "photos/missing.jpg"}, "file"),
        ("accesses", {"account_id": "acc-1"}, "upload_id"),
        ("accesses", {"account_id": "acc-1", "upload_id": "up-9"}, "upload_id"),
        ("accesses", {"account_id": "acc-1", "venue_id": "g-1", "action": "like"}, "action"),
        ("memberships", {"account_id": "acc-1", "venue_id": "g-2"}, "venue_id"),
        ("venues", {"venue_id": "g-1"}, "venue_id"),
    ],
)
def test_bad_cells(tmp_path: Path, table: str, row: dict[str, str], field: str) -> None:
    error = error_of(make_bundle(tmp_path / "b", tables=with_rows(table, row)))
    assert where(error) == (f"{table}.csv", len(TABLES[table]) + 2, field)


@pytest.mark.parametrize(
    "path", ["../outside.jpg", "/etc/hostname", "photos/../../manifest.json", "C:\\x.jpg"]
)
def test_path_escaping_media(tmp_path: Path, path: str) -> None:
    bad = {"upload_id": "up-3", "account_id": "acc-1", "file": path}
    error = error_of(make_bundle(tmp_path / "b", tables=with_rows("uploads", bad)))
    assert where(error) == ("uploads.csv", 4, "file")


def test_symlink_escaping_media(tmp_path: Path) -> None:
    root = make_bundle(
        tmp_path / "b",
        tables=with_rows("uploads", {"upload_id": "up-3", "account_id": "acc-1", "file": "link.jpg"}),
    )
    (root / "media" / "link.jpg").symlink_to(root / "manifest.json")
    assert where(error_of(root)) == ("uploads.csv", 4, "file")


def test_backslashes_in_media_path_become_slashes(tmp_path: Path) -> None:
    tables = {**TABLES, "uploads": [{"upload_id": "up-1", "account_id": "acc-1", "file": "photos\\a.jpg"}]}
    assert read_bundle(make_bundle(tmp_path / "b", tables=tables)).uploads[0].file == "photos/a.jpg"


def test_ragged_csv_row(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b")
    with open(root / "venues.csv", "a", encoding="utf-8") as handle:
        handle.write("g-2,group\n")
    assert where(error_of(root)) == ("venues.csv", 3, None)


def test_unknown_table_and_missing_file_in_manifest(tmp_path: Path) -> None:
    root = make_bundle(
        tmp_path / "b", manifest_data=manifest({"accounts": "accounts.csv", "friends": "f.csv"})
    )
    assert where(error_of(root)) == ("manifest.json", None, "files.friends")
    (root / "manifest.json").write_text(json.dumps(manifest({"accounts": "nobody.csv"})))
    assert where(error_of(root)) == ("manifest.json", None, "files.accounts")


def test_not_utf8(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b")
    (root / "venues.csv").write_bytes(b"venue_id,name\ng-1,caf\xe9\n")
    assert where(error_of(root))[0] == "venues.csv"


# --- zip safety -------------------------------------------------------------------------------------


def test_zip_member_with_dotdot(tmp_path: Path) -> None:
    archive = zip_dir(make_bundle(tmp_path / "b"), tmp_path / "bundle.zip")
    with zipfile.ZipFile(archive, "a") as handle:
        handle.writestr("media/../../escape.txt", "made-up text")
    work = tmp_path / "work"
    with pytest.raises(InputError) as caught:
        read_bundle(archive, work)
    assert where(caught.value) == ("bundle.zip", None, None)
    assert "'..'" in str(caught.value)
    assert not (tmp_path / "escape.txt").exists() and not work.exists()


def test_zip_member_absolute(tmp_path: Path) -> None:
    archive = zip_dir(make_bundle(tmp_path / "b"), tmp_path / "bundle.zip")
    with zipfile.ZipFile(archive, "a") as handle:
        handle.writestr("/tmp/escape.txt", "made-up text")
    with pytest.raises(InputError, match="absolute"):
        read_bundle(archive, tmp_path / "work")


def test_zip_symlink_member(tmp_path: Path) -> None:
    archive = zip_dir(make_bundle(tmp_path / "b"), tmp_path / "bundle.zip")
    info = zipfile.ZipInfo("media/link.jpg")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(archive, "a") as handle:
        handle.writestr(info, "/etc/hostname")
    with pytest.raises(InputError, match="symbolic link"):
        read_bundle(archive, tmp_path / "work")


def test_zip_too_large_when_expanded(tmp_path: Path) -> None:
    archive = zip_dir(make_bundle(tmp_path / "b"), tmp_path / "bundle.zip")
    with pytest.raises(InputError, match="limit") as caught:
        read_bundle(archive, tmp_path / "work", max_uncompressed=100)
    assert caught.value.file == "bundle.zip"


def test_zip_absurd_compression_ratio() -> None:
    # Checked on the archive's own record of each member, before anything is extracted.
    bomb = zipfile.ZipInfo("media/zeros.bin")
    bomb.file_size, bomb.compress_size = 200 * 10**6, 100_000
    with pytest.raises(InputError, match="expands from") as caught:
        _check_member("bomb.zip", bomb)
    assert caught.value.file == "bomb.zip"
    large = zipfile.ZipInfo("media/video.bin")
    large.file_size, large.compress_size = 200 * 10**6, 150 * 10**6
    _check_member("fine.zip", large)  # large but not absurdly compressed: accepted
    small = zipfile.ZipInfo("media/zeros-small.bin")
    small.file_size, small.compress_size = 50 * 10**6, 100
    _check_member("fine.zip", small)  # absurd ratio but small: accepted


def test_zip_without_manifest(tmp_path: Path) -> None:
    archive = tmp_path / "empty.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("a/readme.txt", "made-up text")
        handle.writestr("b/readme.txt", "made-up text")
    with pytest.raises(InputError, match=r"no manifest\.json"):
        read_bundle(archive, tmp_path / "work")


def test_error_inside_zip_removes_temporary_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    root = make_bundle(tmp_path / "b", tables=with_rows("accounts", {"account_id": "acc-1"}))
    archive = zip_dir(root, tmp_path / "bundle.zip")
    with pytest.raises(InputError):
        read_bundle(archive)
    assert list((tmp_path / "tmp").iterdir()) == []


def test_empty_venues_table_still_checks_references(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b")
    (root / "venues.csv").write_text("venue_id,kind,name,url\n", encoding="utf-8")
    assert where(error_of(root)) == ("uploads.csv", 2, "venue_id")


# --- hostile input: limits, strict CSV, containment -------------------------------------------------


@pytest.mark.parametrize(
    ("table", "row", "field"),
    [
        ("accounts", {"account_id": "acc-3", "created_at": "0001-01-01T00:00:00+13:00"}, "created_at"),
        ("accounts", {"account_id": "acc-3", "created_at": "2150-01-01T00:00:00Z"}, "created_at"),
        ("accounts", {"account_id": "acc-3", "created_at": "1969-12-31T00:00:00Z"}, "created_at"),
        ("accounts", {"account_id": "a" * 201}, "account_id"),
        ("accounts", {"account_id": "acc-3", "platform": "p" * 201}, "platform"),
        ("accounts", {"account_id": "acc-3", "username": "u" * 301}, "username"),
        ("accounts", {"account_id": "acc-3", "display_name": "d" * 301}, "display_name"),
        ("accounts", {"account_id": "acc-3", "profile_url": "https://x.example/" + "p" * 500}, "profile_url"),
        ("accounts", {"account_id": "acc-3", "username": "river\x00otter"}, "username"),
        ("identifiers", {"account_id": "acc-1", "kind": "email", "value": "v" * 501}, "value"),
        ("venues", {"venue_id": "g-2", "name": "n" * 301}, "name"),
        ("venues", {"venue_id": "g-2", "url": "u" * 501}, "url"),
        ("venues", {"venue_id": "v" * 201}, "venue_id"),
        ("uploads", {"upload_id": "u" * 201, "account_id": "acc-1", "md5": MD5}, "upload_id"),
        ("uploads", {"upload_id": "up-3", "account_id": "acc-1", "file": "f" * 501}, "file"),
        (
            "uploads",
            {"upload_id": "up-3", "account_id": "acc-1", "md5": MD5, "original_name": "o" * 501},
            "original_name",
        ),
        (
            "ip_events",
            {"account_id": "acc-1", "ip": "fe80::1%" + "e" * 60, "timestamp": "2019-09-01T12:00:00Z"},
            "ip",
        ),
    ],
)
def test_values_the_database_cannot_hold_are_refused(
    tmp_path: Path, table: str, row: dict[str, str], field: str
) -> None:
    for suffix in (".csv", ".jsonl"):
        error = error_of(make_bundle(tmp_path / f"b{suffix}", suffix, tables=with_rows(table, row)))
        row_number = len(TABLES[table]) + (2 if suffix == ".csv" else 1)
        assert where(error) == (f"{table}{suffix}", row_number, field)


def test_manifest_values_are_limited_too(tmp_path: Path) -> None:
    data = manifest({"accounts": "accounts.csv"})
    data["disclosure_id"] = "d" * 201
    assert where(error_of(make_bundle(tmp_path / "a", manifest_data=data))) == (
        "manifest.json",
        None,
        "disclosure_id",
    )
    data = manifest({"accounts": "accounts.csv"})
    data["provider"] = {"name": "Example\x00Provider"}
    assert where(error_of(make_bundle(tmp_path / "b", manifest_data=data))) == (
        "manifest.json",
        None,
        "provider.name",
    )
    data = manifest({"accounts": "accounts.csv"})
    data["received_at"] = "0001-01-01T00:00:00+13:00"
    assert where(error_of(make_bundle(tmp_path / "c", manifest_data=data))) == (
        "manifest.json",
        None,
        "received_at",
    )


def write_raw(root: Path, name: str, text: str) -> None:
    (root / name).write_text(text, encoding="utf-8")


def test_a_stray_quote_cannot_swallow_rows(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b", tables={"accounts": TABLES["accounts"]})
    write_raw(
        root,
        "accounts.csv",
        'account_id,username,status\nacc-1,river,active\nacc-2,"heron,active\nacc-3,kite,active\n'
        'acc-4,owl",active\n',
    )
    assert where(error_of(root)) == ("accounts.csv", 3, "username")


def test_a_quote_never_closed_names_the_row_where_it_opens(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b", tables={"accounts": TABLES["accounts"]})
    write_raw(root, "accounts.csv", 'account_id,username\nacc-1,river\nacc-2,"heron\nacc-3,kite\nacc-4,owl\n')
    error = error_of(root)
    assert where(error) == ("accounts.csv", 3, None) and "CSV" in str(error)


def test_line_breaks_are_kept_in_free_text_columns(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b", tables={"accounts": TABLES["accounts"]})
    write_raw(root, "accounts.csv", 'account_id,display_name\nacc-1,"River\nOtter"\nacc-2,Heron\n')
    assert [a.display_name for a in read_bundle(root).accounts] == ["River\nOtter", "Heron"]


def test_a_postal_address_may_take_several_lines_and_no_other_identifier_may(tmp_path: Path) -> None:
    root = make_bundle(
        tmp_path / "b", tables={"accounts": TABLES["accounts"], "identifiers": TABLES["identifiers"]}
    )
    head = "account_id,kind,value\n"
    address = "12 Kauri Street\r\nPonsonby\r\nAuckland 1011"
    write_raw(root, "identifiers.csv", f'{head}acc-1,address,"{address}"\nacc-1,email,a@example.org\n')
    rows = read_bundle(root).identifiers
    assert [(r.kind, r.value) for r in rows] == [
        ("address", address),
        ("email", "a@example.org"),
    ]
    write_raw(root, "identifiers.csv", f'{head}acc-1,email,"a@example.org\nacc-2,phone,+6491234567"\n')
    assert where(error_of(root)) == ("identifiers.csv", 2, "value")
    for rows in (10, 2):  # more lines than an address has; or fewer, but read as rows of the table
        swallowed = "".join(f"\nacc-1,email,x{n}@example.org" for n in range(rows))
        write_raw(root, "identifiers.csv", f'{head}acc-1,address,"1 Main Street{swallowed}"\n')
        assert where(error_of(root)) == ("identifiers.csv", 2, "value")


def test_a_nul_in_an_ignored_column_is_refused(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b", tables={"accounts": TABLES["accounts"]})
    write_raw(root, "accounts.csv", "account_id,notes\nacc-1,fine\nacc-2,bad\x00\n")
    assert where(error_of(root))[:2] == ("accounts.csv", 3)


def test_a_column_named_twice_is_refused(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b", tables={"accounts": TABLES["accounts"]})
    write_raw(root, "accounts.csv", "account_id,username,username\nacc-1,a,b\n")
    assert where(error_of(root)) == ("accounts.csv", 1, None)


def test_not_utf8_names_the_right_row_far_into_a_file(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b", tables={"accounts": TABLES["accounts"]})
    lines = [f"acc-{n},user_{n:04d}_{'x' * 40}" for n in range(1, 400)]
    data = ("account_id,username\n" + "\n".join(lines) + "\n").encode()
    at = data.index(b"acc-249,")  # row 250: the header is row 1
    (root / "accounts.csv").write_bytes(data[:at] + b"acc-249,caf\xe9" + data[at + 11 :])
    assert where(error_of(root)) == ("accounts.csv", 250, None)


def test_deep_or_huge_json_is_an_input_error(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b", tables={"accounts": TABLES["accounts"]})
    (root / "manifest.json").write_text("[" * 100_000 + "]" * 100_000)
    assert error_of(root).file == "manifest.json"
    (root / "manifest.json").write_text('{"format": 1' + "0" * 5000 + "}")
    assert error_of(root).file == "manifest.json"
    jsonl = make_bundle(tmp_path / "j", ".jsonl", tables={"accounts": TABLES["accounts"]})
    (jsonl / "accounts.jsonl").write_text('{"account_id": "a"}\n{"account_id": 1' + "0" * 5000 + "}\n")
    assert where(error_of(jsonl)) == ("accounts.jsonl", 2, None)


def test_a_media_folder_linked_outside_the_bundle_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "photos").mkdir(parents=True)
    (outside / "photos" / "a.jpg").write_bytes(b"someone else's file")
    root = make_bundle(tmp_path / "b")
    import shutil

    shutil.rmtree(root / "media")
    (root / "media").symlink_to(outside, target_is_directory=True)
    error = error_of(root)
    assert where(error) == ("media", None, None) and "outside the bundle" in str(error)


def test_a_table_linked_outside_the_bundle_is_refused(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b")
    (tmp_path / "elsewhere.csv").write_text("venue_id\ng-1\n")
    (root / "venues.csv").unlink()
    (root / "venues.csv").symlink_to(tmp_path / "elsewhere.csv")
    assert where(error_of(root)) == ("venues.csv", None, None)


def test_a_link_inside_the_bundle_is_accepted(tmp_path: Path) -> None:
    root = make_bundle(tmp_path / "b")
    (root / "media" / "photos" / "b.jpg").symlink_to(root / "media" / "photos" / "a.jpg")
    assert len(read_bundle(root).uploads) == 2


def test_a_pipe_in_a_bundle_is_refused(tmp_path: Path) -> None:
    import os

    root = make_bundle(tmp_path / "b")
    os.mkfifo(root / "media" / "pipe.jpg")
    assert where(error_of(root)) == ("media/pipe.jpg", None, None)


def zip_with(tmp_path: Path, extra: list[tuple[str, bytes]], name: str = "bundle.zip") -> Path:
    archive = zip_dir(make_bundle(tmp_path / "b"), tmp_path / name)
    with zipfile.ZipFile(archive, "a", zipfile.ZIP_DEFLATED) as handle:
        for member, data in extra:
            handle.writestr(member, data)
    return archive


def zip_error(archive: Path, work: Path, **limits: int) -> InputError:
    with pytest.raises(InputError) as caught:
        read_bundle(archive, work, **limits)
    assert caught.value.file == archive.name
    assert not work.exists()  # refused before anything is written
    return caught.value


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([("media/x", b"a"), ("media/x/y", b"b")], "is a file"),
        ([("media/x/y", b"a"), ("media/x", b"b")], "both a file and a folder"),
        ([("accounts.csv", b"account_id\nforged\n")], "more than once"),
        ([("media//photos/a.jpg", b"forged")], "more than once"),
        ([("media/" + "a" * 5000, b"x")], "over 1024 bytes"),
        ([("media/" + "a" * 300, b"x")], "over 255 bytes"),
        ([("media/bad\x01name", b"x")], "control character"),
    ],
)
def test_zip_member_names_are_checked(tmp_path: Path, extra: list[tuple[str, bytes]], message: str) -> None:
    archive = zip_with(tmp_path, extra)
    assert message in str(zip_error(archive, tmp_path / "work"))


def test_zip_total_ratio_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tiaki.formats.bundle as bundle

    monkeypatch.setattr(bundle, "TOTAL_RATIO_MIN_SIZE", 100_000)
    # Twenty members, each far below the per-member limit, that together expand 1000 times.
    archive = zip_with(tmp_path, [(f"media/zeros-{n}.bin", b"\x00" * 200_000) for n in range(20)])
    assert "times its size" in str(zip_error(archive, tmp_path / "work"))


def test_zip_must_fit_on_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tiaki.formats.bundle as bundle

    monkeypatch.setattr(bundle, "free_space", lambda target: 1000)
    archive = zip_with(tmp_path, [])
    assert "free on the disk" in str(zip_error(archive, tmp_path / "work"))


def test_zip_member_count_is_bounded(tmp_path: Path) -> None:
    archive = zip_with(tmp_path, [])
    assert "members" in str(zip_error(archive, tmp_path / "work", max_members=5))


def test_corrupt_zip_data_is_an_input_error(tmp_path: Path) -> None:
    archive = zip_with(tmp_path, [("media/big.bin", bytes(range(256)) * 4000)])
    data = bytearray(archive.read_bytes())
    at = data.index(b"media/big.bin") + 40  # inside the member's compressed data
    data[at : at + 200] = b"\xff" * 200
    archive.write_bytes(bytes(data))
    with pytest.raises(InputError) as caught:
        read_bundle(archive, tmp_path / "work")
    assert caught.value.file == "bundle.zip"


def test_a_stated_country_that_names_no_country_is_not_stated(tmp_path: Path) -> None:
    rows = [
        {"account_id": f"acc-{3 + i}", "stated_country": code}
        for i, code in enumerate(["UK", "zz", "XX", "EU", "gb", "XK"])
    ]
    disclosure = read_bundle(make_bundle(tmp_path / "b", tables=with_rows("accounts", *rows)))
    stated = {a.account_id: a.stated_country for a in disclosure.accounts}
    assert [stated[f"acc-{3 + i}"] for i in range(6)] == ["GB", None, None, None, "GB", "XK"]
    assert stated["acc-1"] == "NZ"
