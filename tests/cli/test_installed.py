"""The installed ``tiaki`` command, run as a user runs it: a new process, its own data directory, and
the database of the run (SQLite, or a fresh PostgreSQL database when ``DATABASE_URL`` is set)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from builders import IP_EVENTS, write_bundle
from installed import TIAKI, label, tiaki

pytestmark = [pytest.mark.db, pytest.mark.slow]


def test_decisions_work_from_the_installed_command_and_use_the_stored_method(env, tmp_path: Path):
    tiaki(env, "ingest", write_bundle(tmp_path / "b"), "--operation", "op")
    tiaki(env, "run", "-o", "op", "--resolution", "hard", "--stage", "resolve")
    assert "hard" in tiaki(env, "operation", "settings", "-o", "op")
    first = label(env, "a1")
    assert first == label(env, "a2")
    out = tiaki(env, "person", "reject-link", "a1", "a2", "-o", "op", "--reason", "two siblings")
    assert "make 2 person(s)" in out
    assert label(env, "a1") != label(env, "a2")
    tiaki(env, "person", "confirm-link", "a1", "a2", "-o", "op", "--reason", "the same person after all")
    assert label(env, "a1") == label(env, "a2")
    tiaki(env, "person", "merge", label(env, "a1"), label(env, "a3"), "-o", "op", "--reason", "one phone")
    merged = label(env, "a3")
    assert merged == label(env, "a1")
    tiaki(env, "person", "split", merged, "-o", "op", "--reason", "a shared phone", "--accounts", "a3")
    assert label(env, "a3") != label(env, "a1")
    shown = tiaki(env, "person", "show", label(env, "a1"), "-o", "op")
    assert "reject-link" in shown and "confirm-link" in shown and "merge" in shown
    # The full run applies every decision again, still with the stored method.
    tiaki(env, "run", "-o", "op", "--stage", "resolve")
    assert label(env, "a1") == label(env, "a2") != label(env, "a3")
    assert "probabilistic" not in tiaki(env, "person", "show", label(env, "a1"), "-o", "op")
    assert "intact" in tiaki(env, "audit", "verify")


def test_bad_input_and_missing_cases_end_in_one_line_and_status_2(env, tmp_path: Path):
    missing = tmp_path / "nothing-here"
    assert "no case in" in tiaki(env, "audit", "verify", code=2)
    assert not Path(env["TIAKI_DATA_DIR"]).exists()  # a read-only command created nothing
    tiaki(env, "export", "persons", "-o", "op", "--out", tmp_path / "x.csv", code=2)
    assert "nothing-here" in tiaki(env, "package", "verify", missing, code=2)
    not_a_zip = tmp_path / "p.zip"
    not_a_zip.write_text("hello")
    assert "neither a package folder nor a zip" in tiaki(env, "package", "verify", not_a_zip, code=1)
    tiaki(env, "ingest", missing, "-o", "op", code=2)
    junk = tmp_path / "notes.zip"
    with zipfile.ZipFile(junk, "w") as handle:
        handle.writestr("notes.txt", "made-up text")
    assert "neither a disclosure bundle" in tiaki(env, "ingest", junk, "-o", "op", code=2)
    tiaki(env, "hashlist", "import", missing, code=2)
    tiaki(env, "ingest", write_bundle(tmp_path / "b"), "-o", "op")
    assert "no operation 'other'" in tiaki(env, "run", "-o", "other", code=2)
    assert "unknown stage" in tiaki(env, "run", "-o", "op", "--stage", "nope", code=2)
    assert "resolution method" in tiaki(env, "run", "-o", "op", "--resolution", "magic", code=2)
    tiaki(env, "person", "reject-link", "a1", "zz", "-o", "op", "--reason", "x", code=2)
    tiaki(env, "person", "show", "P-000000000000", "-o", "op", code=2)
    tiaki(env, "media", "grade", "abc", "-o", "op", "--category", "1", code=2)
    tiaki(env, "hashlist", "import", not_a_zip, code=2)
    tiaki(env, "hashlist", "import", not_a_zip, "--published", "yesterday", code=2)


def test_a_bundle_zipped_by_a_windows_tool_is_ingested(env, tmp_path: Path):
    """Member names written with backslashes (``bundle\\manifest.json``) are a bundle's all the same."""
    folder = write_bundle(tmp_path / "bundle")
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                handle.write(file, "\\".join(("bundle", *file.relative_to(folder).parts)))
    assert "ingested provider-2019-0001" in tiaki(env, "ingest", archive, "-o", "op")


def test_an_unreachable_database_is_a_message_not_a_traceback(env):
    env = {**env, "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none"}
    out = tiaki(env, "audit", "verify", code=2)
    assert "cannot open the case database" in out and "127.0.0.1:9" in out
    tiaki(env, "run", "-o", "op", code=2)


def test_every_command_answers_help_and_bad_arguments_without_a_traceback(env, tmp_path: Path):
    from typer.main import get_command

    from tiaki.cli.main import app

    def commands(group, prefix=()):  # type: ignore[no-untyped-def]
        for name, command in sorted(group.commands.items()):
            if hasattr(command, "commands"):
                yield from commands(command, (*prefix, name))
            else:
                yield (*prefix, name)

    for path in commands(get_command(app)):
        tiaki(env, *path, "--help")
        done = subprocess.run(
            [TIAKI, *path, str(tmp_path / "missing"), "--operation", "nope"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
        output = done.stdout + done.stderr
        assert done.returncode in (1, 2), (path, output)
        assert "Traceback" not in output, (path, output)


def test_the_case_is_private_to_its_user_and_keys_anchor_the_audit_log(env, tmp_path: Path):
    tiaki(env, "ingest", write_bundle(tmp_path / "b"), "-o", "op")
    data = Path(env["TIAKI_DATA_DIR"])
    assert data.stat().st_mode & 0o077 == 0
    for path in data.rglob("*"):
        assert path.stat().st_mode & 0o077 == 0, path
    assert "no signing key" in tiaki(env, "keys", "show", code=2)
    assert "SHA256:" in tiaki(env, "keys", "init", "--unit", "unit-1")
    assert "already exists" in tiaki(env, "keys", "init", "--unit", "unit-2", code=2)
    assert "allowed_signers" in tiaki(env, "keys", "show")
    assert (data / "audit-checkpoint.json").is_file()
    tiaki(env, "run", "-o", "op", "--stage", "resolve")
    assert "intact" in tiaki(env, "audit", "verify")
    (data / "audit-checkpoint.json").write_text("{}")
    assert "signed checkpoint is not valid" in tiaki(env, "audit", "verify", code=1)


def test_a_signed_package_is_checked_by_tiaki_and_by_standard_tools(env, tmp_path: Path):
    from requirements import tool

    ssh_keygen, sha256sum = tool("ssh-keygen"), tool("sha256sum")
    tiaki(env, "keys", "init", "--unit", "unit-1")
    tiaki(env, "ingest", write_bundle(tmp_path / "b"), "-o", "op")
    tiaki(env, "run", "-o", "op")
    data = Path(env["TIAKI_DATA_DIR"])
    folder = next(p for p in (data / "packages").glob("*/*") if p.is_dir())
    assert "signature good" in tiaki(env, "package", "verify", folder)
    readme = (folder / "README.md").read_text()
    assert "ssh-keygen -Y verify" in readme and "unit-1" in readme
    with (folder / "SHA256SUMS").open("rb") as sums:
        checked = subprocess.run(
            [ssh_keygen, "-Y", "verify", "-f", str(data / "keys" / "allowed_signers"), "-I", "unit-1",
             "-n", "tiaki", "-s", str(folder / "SHA256SUMS.sig")],
            stdin=sums, capture_output=True, text=True,
        )  # fmt: skip
    assert checked.returncode == 0 and "Good" in checked.stdout + checked.stderr
    assert subprocess.run([sha256sum, "-c", "SHA256SUMS"], cwd=folder, capture_output=True).returncode == 0
    other = tmp_path / "other.pub"
    other.write_text("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOsRd3tI7Um+6VGU8j3LUDvQDdoTK2WBzXkzj2q0boto x\n")
    assert "another key" in tiaki(env, "package", "verify", folder, "--key", other, code=1)
    (folder / "persons.csv").write_text("person_id,country\nP-someone-else,NZ\n")
    tiaki(env, "package", "verify", folder, code=1)


def test_what_came_in_can_be_seen_whole(env, tmp_path: Path):
    import csv
    import json

    from builders import scenes, write_clip
    from specimens import details_file, report_file

    folder = tmp_path / "reports"
    folder.mkdir()
    report_file(folder, "111")
    details_file(folder, "111", "f1")
    tiaki(env, "ingest", folder / "*.xml", "-o", "op", code=2)  # a local time and no --timezone
    tiaki(env, "ingest", folder / "*.xml", "-o", "op", "--timezone", "Europe/London")
    exported = tiaki(env, "export", "disclosure", "-o", "op", "--out", "-")  # stdout, then the stderr note
    records = [json.loads(line) for line in exported.splitlines() if line.startswith("{")]
    assert exported.count("\n") == len(records) + 1
    kinds = {r["record"] for r in records}
    assert {"disclosure", "report", "safeguarding_lead", "account", "upload"} <= kinds
    report = next(r for r in records if r["record"] == "report")
    assert report["report_id"] == "111" and report["escalation"]
    upload = next(r for r in records if r["record"] == "upload")
    assert (
        upload["industry_classification"] == "A1"
        and ["PhotoDNA", "opaque-photodna-value"] in upload["hashes"]
    )
    tiaki(env, "run", "-o", "op", "--stage", "media")
    out = tmp_path / "media.csv"
    tiaki(env, "export", "media", "-o", "op", "--out", out)
    rows = list(csv.DictReader(out.open()))
    assert rows and rows[0]["status"] == "new" and rows[0]["provider_classification"] == "A1"
    clip = write_clip(tmp_path / "clip.mp4", scenes(3))
    hashed = json.loads(tiaki(env, "hash", clip).splitlines()[0])
    assert hashed["vpdq"] and all(len(line.split(",")) == 4 for line in hashed["vpdq"])


def test_a_sealed_package_is_opened_with_age_and_checked_with_standard_tools(env, tmp_path: Path):
    from requirements import tool

    age, age_keygen = tool("age"), tool("age-keygen")
    ssh_keygen, sha256sum = tool("ssh-keygen"), tool("sha256sum")
    key, other = tmp_path / "key.txt", tmp_path / "other.txt"
    for path in (key, other):
        subprocess.run([age_keygen, "-o", path], capture_output=True, check=True)
    public = tmp_path / "agency.pub"
    public.write_text(subprocess.run([age_keygen, "-y", key], capture_output=True, text=True).stdout)
    tiaki(env, "keys", "init", "--unit", "unit-1")
    # a3 logs in from an Australian access network (Telstra), so its person is placed in AU; hosting
    # networks such as 1.1.1.1 are left out of the vote.
    events = [{**IP_EVENTS[0]}, {**IP_EVENTS[1], "ip": "1.128.0.1"}]
    tiaki(env, "ingest", write_bundle(tmp_path / "b", ip_events=events), "-o", "op")
    tiaki(env, "agency", "add", "--country", "AU", "--name", "AU Police", "--channel", "liaison",
          "--key", public)  # fmt: skip
    assert "not an age public key" in tiaki(
        env, "agency", "add", "--country", "AU", "--name", "X", "--channel", "direct", "--key", key, code=2
    )
    tiaki(env, "operation", "case", "-o", "op", "--reference", "OP-1", "--legal-basis", "Treaty, art. 5",
          "--tlp", "amber", "--handling", "H1", "--source", "A", "--information", "2")  # fmt: skip
    tiaki(env, "run", "-o", "op")
    assert "AU: sealed" in tiaki(env, "package", "seal", "-o", "op")
    data = Path(env["TIAKI_DATA_DIR"])
    sealed = next((data / "packages").glob("*/*-AU.zip.age"))
    opened = tmp_path / "opened.zip"
    done = subprocess.run([age, "-d", "-i", key, "-o", opened, sealed], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert opened.read_bytes() == sealed.with_suffix("").read_bytes()
    refused = subprocess.run([age, "-d", "-i", other, "-o", tmp_path / "x.zip", sealed], capture_output=True)
    assert refused.returncode != 0
    assert "signature good" in tiaki(env, "package", "verify", opened)
    unpacked = tmp_path / "unpacked"
    import zipfile

    with zipfile.ZipFile(opened) as archive:
        archive.extractall(unpacked)
    folder = next(unpacked.iterdir())
    assert {"dossier.pdf", "dossier.html", "context.json", "misp-event.json", "stix-bundle.json"} <= {
        p.name for p in folder.iterdir()
    }
    with (folder / "SHA256SUMS").open("rb") as sums:
        checked = subprocess.run(
            [ssh_keygen, "-Y", "verify", "-f", str(data / "keys" / "allowed_signers"), "-I", "unit-1",
             "-n", "tiaki", "-s", str(folder / "SHA256SUMS.sig")],
            stdin=sums, capture_output=True, text=True,
        )  # fmt: skip
    assert checked.returncode == 0 and "Good" in checked.stdout + checked.stderr
    assert subprocess.run([sha256sum, "-c", "SHA256SUMS"], cwd=folder, capture_output=True).returncode == 0
    # Forgeries: a changed dossier, a changed handling code, an added file.
    for name, change in (
        ("dossier.pdf", lambda b: b.replace(b"%%EOF", b"%%EOF\n%", 1)),
        ("manifest.json", lambda b: b.replace(b'"H1"', b'"H0"')),
        ("context.json", lambda b: b.replace(b"OP-1", b"OP-9")),
    ):
        original = (folder / name).read_bytes()
        (folder / name).write_bytes(change(original))
        assert change(original) != original, name
        tiaki(env, "package", "verify", folder, code=1)
        assert (
            subprocess.run([sha256sum, "-c", "SHA256SUMS"], cwd=folder, capture_output=True).returncode != 0
        )
        (folder / name).write_bytes(original)
    (folder / "extra.txt").write_text("added")
    assert "not listed" in tiaki(env, "package", "verify", folder, code=1)
    (folder / "extra.txt").unlink()
    assert "signature good" in tiaki(env, "package", "verify", folder)
    assert "send #1" in tiaki(env, "package", "send", "-o", "op", "AU", "--reference", "LO-1")
    assert "acknowledged" in tiaki(env, "package", "acknowledge", "-o", "op", "1", "--note", "received")
    index = tiaki(env, "package", "index", "-o", "op")
    assert "AU Police" in index and "AU" in index
    assert "AU Police" in tiaki(env, "agency", "list")
    assert "sent to it" in tiaki(env, "agency", "remove", "--country", "AU", "--name", "AU Police", code=2)
