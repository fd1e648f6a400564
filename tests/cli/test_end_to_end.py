"""The command line end to end at small scale, on the real database, stages and files."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from typer.testing import CliRunner

from builders import actor
from tiaki.cli.main import app
from tiaki.engines.media import find_media_signature

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
runner = CliRunner()


def tiaki(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == code, result.output + repr(result.exception)
    return result.output


def _domain_state() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"intake", "media", "subjects", "referrals"}
    }


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_synthetic_operation_goes_from_disclosure_to_verified_packages(tmp_path: Path, settings):
    out = tmp_path / "synth"
    tiaki("synth", out, "--accounts", 300, "--seed", 5)
    tiaki("ingest", out / "bundle", "--operation", "op-e2e")
    tiaki("hashlist", "import", out / "known-material.vics.json")
    tiaki("records", "import", out / "records-checks.csv", "--operation", "op-e2e")
    summary = tiaki("run", "--operation", "op-e2e")
    assert "Triage queue" in summary

    (packages,) = (Path(settings.DATA_DIR) / "packages").glob("*-op-e2e")
    zips = sorted(packages.glob("*.zip"))
    assert len(zips) >= 10
    for z in zips:
        assert "every file matches" in tiaki("package", "verify", z)
        assert "every file matches" in tiaki("package", "verify", z.with_suffix(""))
    # No package file carries image or video bytes. Text files hold no signature; a PDF (its streams
    # are compressed, so any byte run can occur) is checked for image objects and embedded files;
    # zips are compressed copies of these folders, which `package verify` checked above.
    from tiaki.formats.documents import check_pdf

    for f in packages.rglob("*"):
        if not f.is_file() or f.suffix in (".zip", ".age"):
            continue
        if f.suffix == ".pdf":
            check_pdf(f.read_bytes())
        else:
            assert find_media_signature(f.read_bytes()) is None, f
    manifest = json.loads((zips[0].with_suffix("") / "manifest.json").read_text())
    assert {e["path"] for e in manifest["files"]} >= {
        "persons.csv",
        "accounts.csv",
        "ip_events.csv",
        "media.csv",
        "media.vics.json",
        "README.md",
    }

    export = tmp_path / "persons.csv"
    tiaki("export", "persons", "--operation", "op-e2e", "--out", export)
    rows = list(csv.reader(export.open()))
    assert rows[0] == ["account_id", "person_id", "country"]
    assert len(rows) == 301
    assert all(len(r[2]) in (0, 2) for r in rows[1:])

    detailed = tmp_path / "persons-detailed.csv"
    tiaki("export", "persons", "--operation", "op-e2e", "--out", detailed, "--detailed")
    rich = list(csv.DictReader(detailed.open()))
    assert len(rich) == 300 and [r["country"] for r in rich] == [r[2] for r in rows[1:]]
    assert {r["country_basis"] for r in rich} <= {"ip-vote", "phone", "stated", "none", ""}
    assert all(r["needs_review"] in ("true", "false") for r in rich)
    placed = [json.loads(r["country_evidence"]) for r in rich if r["country_basis"] == "ip-vote"]
    assert placed and all(isinstance(e, dict) and e for e in placed)

    # Re-ingest and re-run change nothing: same rows, same export, byte-identical packages.
    state, packaged = _domain_state(), _tree_digest(packages)
    tiaki("ingest", out / "bundle", "--operation", "op-e2e")
    tiaki("hashlist", "import", out / "known-material.vics.json")
    tiaki("run", "--operation", "op-e2e")
    export2 = tmp_path / "persons2.csv"
    tiaki("export", "persons", "--operation", "op-e2e", "--out", export2)
    assert _domain_state() == state
    assert _tree_digest(packages) == packaged
    assert export2.read_bytes() == export.read_bytes()

    # The audit log verifies, and tampering is caught.
    assert "intact" in tiaki("audit", "verify")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET actor = 'someone' WHERE seq = 3")
    assert "edited" in tiaki("audit", "verify", code=1)


def test_an_altered_package_fails_verification(tmp_path: Path, settings):
    out = tmp_path / "synth"
    tiaki("synth", out, "--accounts", 120, "--seed", 2)
    tiaki("ingest", out / "bundle", "--operation", "op-alter")
    tiaki("run", "--operation", "op-alter")
    root = next((Path(settings.DATA_DIR) / "packages").glob("*-op-alter"))
    folder = next(p for p in root.iterdir() if p.is_dir())
    (folder / "persons.csv").write_text("person_id\nP-someone-else\n")
    assert "altered" in tiaki("package", "verify", folder, code=1)


def test_bad_input_ends_with_a_clear_message_and_status_2(tmp_path: Path):
    bundle = tmp_path / "b"
    bundle.mkdir()
    (bundle / "manifest.json").write_text('{"format": "other", "version": 1}')
    output = tiaki("ingest", bundle, "--operation", "op-bad", code=2)
    assert "manifest.json" in output and "other" in output
    assert "no operation" in tiaki("run", "--operation", "op-missing", code=2)


def test_demo_completes_with_a_summary(settings):
    output = tiaki("demo", "--accounts", 200, "--seed", 3)
    for heading in ("Operation demo-200-3", "Media", "Triage queue: top 10", "Packages:"):
        assert heading in output
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.pipeline import operation_summary

    summary = operation_summary(actor(), get_operation("demo-200-3", actor()))
    assert summary.accounts == 200
    assert 0 < summary.persons < 200
    assert 0 < summary.packages <= summary.countries  # a country with nobody to send gets none
    assert summary.media.known > 0 and summary.media.new > 0
    assert len(summary.top) == 10 and summary.top[0].score >= summary.top[-1].score


def test_hash_prints_one_json_object_per_file(tmp_path: Path, reference_dir: Path):
    image = reference_dir / "pdq" / "images" / "bridge-mods" / "aaa-orig.jpg"
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    lines = [json.loads(line) for line in tiaki("hash", image, text).splitlines()]
    base = {"path", "md5", "sha1", "sha256", "pdq", "quality"}
    assert set(lines[0]) == base
    assert set(lines[1]) == base | {"error"} and "unrecognised content" in lines[1]["error"]
    assert lines[0]["sha256"] == hashlib.sha256(image.read_bytes()).hexdigest()
    assert len(lines[0]["pdq"]) == 64 and lines[0]["quality"] >= 80
    assert lines[1]["pdq"] is None and lines[1]["md5"] == hashlib.md5(b"hello").hexdigest()


def test_a_cybertipline_report_is_ingested_and_resolved(tmp_path: Path):
    report = Path(__file__).resolve().parents[1] / "formats" / "data" / "cybertip-sample.xml"
    output = tiaki("ingest", report, "--operation", "op-tip")
    assert "ingested" in output
    tiaki("run", "--operation", "op-tip", "--stage", "media", "--stage", "resolve", "--stage", "locate")
    export = tmp_path / "persons.csv"
    tiaki("export", "persons", "--operation", "op-tip", "--out", export)
    rows = list(csv.reader(export.open()))
    assert rows[0] == ["account_id", "person_id", "country"] and len(rows) >= 2
    assert "nothing changed" in tiaki("ingest", report, "--operation", "op-tip")


def test_person_show_and_an_investigators_decision_through_the_cli(tmp_path: Path):
    from builders import write_bundle

    tiaki("ingest", write_bundle(tmp_path / "b"), "--operation", "op-p")
    tiaki("run", "--operation", "op-p", "--stage", "resolve")
    from tiaki.apps.subjects.models import Person

    label = Person.objects.get(accounts__account__account_id="a1").label
    shown = tiaki("person", "show", label, "--operation", "op-p")
    assert "river.stone@example.com" in shown and "hard-identifier" in shown
    output = tiaki("person", "reject-link", "a1", "a2", "--operation", "op-p", "--reason", "two siblings")
    assert "make 2 person(s) (2 new, 1 gone)" in output
    assert "no account 'zz'" in tiaki(
        "person", "reject-link", "a1", "zz", "--operation", "op-p", "--reason", "x", code=2
    )
    label = Person.objects.get(accounts__account__account_id="a1").label
    assert "two siblings" in tiaki("person", "show", label, "--operation", "op-p")
