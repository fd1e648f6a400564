"""Who may draw a threshold sample, and what a sample holds."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from builders import actor, write_bundle
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.queries import get_operation
from tiaki.apps.subjects.services.calibration import HEADER, read_sample, write_sample
from tiaki.errors import Forbidden, Invalid

pytestmark = pytest.mark.django_db


@pytest.fixture
def operation(tmp_path: Path):
    ingest(write_bundle(tmp_path / "b"), "op", actor=actor())
    return get_operation("op", actor())


def test_only_unscoped_users_who_run_stages_draw_a_sample(operation, tmp_path: Path) -> None:
    out = tmp_path / "sample.csv"
    with pytest.raises(Invalid, match="limited to some countries"):
        write_sample(operation, out, actor=actor("nz", role="investigator", countries={"NZ"}))
    with pytest.raises(Forbidden):
        write_sample(operation, out, actor=actor("rev", role="reviewer"))
    with pytest.raises(Forbidden):
        read_sample(operation, out, actor=actor("aud", role="auditor"))
    assert not out.exists()
    assert not AuditEvent.objects.filter(action__startswith="resolution.").exists()


def test_a_sample_is_written_and_audited(operation, tmp_path: Path) -> None:
    out = tmp_path / "sample.csv"
    sample = write_sample(operation, out, actor=actor("inv", role="investigator"), per_band=3)
    with out.open(newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == HEADER and len(rows) - 1 == sample.pairs <= sample.scored
    event = AuditEvent.objects.get(action="resolution.sample")
    assert event.actor == "inv" and event.details["pairs"] == sample.pairs
    with pytest.raises(Invalid, match="between 1 and 1000"):
        write_sample(operation, out, actor=actor(), per_band=0)
