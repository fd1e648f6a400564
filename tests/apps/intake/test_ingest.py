from __future__ import annotations

from pathlib import Path

import pytest
from django.apps import apps

from builders import actor, write_bundle
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.core import evidence
from tiaki.apps.intake.models import Account, Disclosure, Identifier, IPEvent, Upload
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.models import Operation
from tiaki.errors import Conflict
from tiaki.formats.errors import InputError

pytestmark = pytest.mark.django_db


def _domain_counts() -> dict[str, int]:
    """Row counts of every table except the audit log."""
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"intake", "media", "subjects", "referrals"}
    }


def test_ingest_writes_every_row_and_keeps_the_files_content_addressed(tmp_path: Path):
    bundle = write_bundle(tmp_path / "b")
    result = ingest(bundle, "op-test", actor=actor("tester"))
    assert result.created
    assert result.counts["accounts"] == 3
    assert Account.objects.count() == 3
    assert Identifier.objects.count() == 3
    assert IPEvent.objects.get(account__account_id="a1").timestamp.isoformat() == "2019-02-28T21:00:00+00:00"
    upload = Upload.objects.get(upload_id="u1")
    stored = evidence.path_for(upload.stored.sha256)
    assert stored.read_bytes() == (bundle / "media" / "p1.jpg").read_bytes()
    assert not stored.stat().st_mode & 0o222  # read-only
    assert AuditEvent.objects.filter(action="intake.ingest", operation="op-test").count() == 1


def test_ingesting_the_same_bundle_twice_changes_nothing(tmp_path: Path):
    bundle = write_bundle(tmp_path / "b")
    ingest(bundle, "op-test", actor=actor("tester"))
    before = _domain_counts()
    again = ingest(bundle, "op-test", actor=actor("tester"))
    assert not again.created
    assert _domain_counts() == before


def test_the_same_disclosure_id_with_other_content_is_refused(tmp_path: Path):
    ingest(write_bundle(tmp_path / "b1"), "op-test", actor=actor("tester"))
    changed = write_bundle(
        tmp_path / "b2", accounts=[{"account_id": "a1"}, {"account_id": "a2"}, {"account_id": "a3"}]
    )
    before = _domain_counts()
    with pytest.raises(Conflict, match="different content"):
        ingest(changed, "op-test", actor=actor("tester"))
    assert _domain_counts() == before


@pytest.mark.parametrize(
    ("change", "file", "row", "field"),
    [
        (
            {"ip_events": [{"account_id": "a1", "ip": "8.8.8.8", "timestamp": "2019-03-01T10:00:00"}]},
            "ip_events.csv",
            2,
            "timestamp",
        ),
        ({"uploads": [{"upload_id": "u1", "account_id": "a1"}]}, "uploads.csv", 2, "file"),
        (
            {"accounts": [{"account_id": "a1"}, {"account_id": ""}, {"account_id": "a3"}]},
            "accounts.csv",
            3,
            "account_id",
        ),
    ],
)
def test_a_malformed_bundle_is_refused_precisely_and_nothing_is_written(
    tmp_path: Path, change, file, row, field
):
    bundle = write_bundle(tmp_path / "b", **change)
    with pytest.raises(InputError) as caught:
        ingest(bundle, "op-new", actor=actor("tester"))
    assert (caught.value.file, caught.value.row, caught.value.field) == (file, row, field)
    assert _domain_counts() == {label: 0 for label in _domain_counts()}
    assert not Operation.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_manifest_of_another_format_is_refused(tmp_path: Path):
    bundle = write_bundle(tmp_path / "b")
    (bundle / "manifest.json").write_text('{"format": "something-else", "version": 1}')
    with pytest.raises(InputError, match="something-else") as caught:
        ingest(bundle, "op-new", actor=actor("tester"))
    assert caught.value.file == "manifest.json"
    assert not Disclosure.objects.exists()
