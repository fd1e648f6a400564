from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tiaki.formats.package import PackageError, verify_package, write_package

FILES = {"persons.csv": b"person_id,country\nP-1,NZ\n", "README.md": b"# hello\n"}


def test_written_package_verifies_as_folder_and_zip(tmp_path: Path):
    zip_path, zip_sha, manifest_sha = write_package(tmp_path / "op-NZ", FILES, {"country": "NZ"})
    assert verify_package(tmp_path / "op-NZ") == []
    assert verify_package(zip_path) == []
    with zipfile.ZipFile(zip_path) as archive:
        assert sorted(archive.namelist()) == ["op-NZ/README.md", "op-NZ/manifest.json", "op-NZ/persons.csv"]
    assert len(zip_sha) == len(manifest_sha) == 64


def test_writing_twice_gives_identical_bytes(tmp_path: Path):
    first = write_package(tmp_path / "a" / "op-NZ", FILES, {"country": "NZ"})
    second = write_package(tmp_path / "b" / "op-NZ", FILES, {"country": "NZ"})
    assert first[1:] == second[1:]


def test_altered_missing_and_extra_files_are_reported(tmp_path: Path):
    folder = tmp_path / "op-NZ"
    write_package(folder, FILES, {})
    (folder / "persons.csv").write_bytes(b"person_id,country\nP-2,AU\n")
    (folder / "README.md").unlink()
    (folder / "extra.txt").write_text("x")
    problems = verify_package(folder)
    assert any("persons.csv" in p and "altered" in p for p in problems)
    assert any("README.md" in p and "missing" in p for p in problems)
    assert any("extra.txt" in p and "not listed" in p for p in problems)


@pytest.mark.parametrize(
    "payload",
    [
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"\x89PNG\r\n\x1a\n\x00",
        b"GIF89a\x01\x00",
        b"RIFF\x10\x00\x00\x00WEBPVP8 ",
        b"\x00\x00\x00\x18ftypisom\x00",
    ],
)
def test_media_bytes_are_refused_by_the_writer_and_caught_by_the_verifier(tmp_path: Path, payload: bytes):
    with pytest.raises(PackageError, match="never carry media"):
        write_package(tmp_path / "p", {"notes.csv": b"a,b\n" + payload}, {})
    folder = tmp_path / "q"
    write_package(folder, FILES, {})
    (folder / "persons.csv").write_bytes(b"x" + payload)
    assert any("bytes" in p for p in verify_package(folder))


def test_something_that_is_not_a_package_is_refused(tmp_path: Path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a zip")
    with pytest.raises(PackageError):
        verify_package(junk)
    (tmp_path / "empty").mkdir()
    assert verify_package(tmp_path / "empty") == [f"{tmp_path / 'empty'}: no manifest.json"]
