"""A small operation worked through every stage, with two persons placed in two countries: shared by
the tests of the rules, of scope and of decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import actor, place_and_run, write_bundle
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import get_operation


@pytest.fixture
def two_countries(tmp_path: Path) -> Operation:
    """a1 and a2 (one person, by a shared e-mail) log in from NZ; a3 from the US. a1 uploaded p1.jpg,
    a3 uploaded p2.jpg. Nothing is known yet; every stage has run."""
    ingest(write_bundle(tmp_path / "bundle"), "op", actor=actor())
    operation = get_operation("op", actor())
    place_and_run(operation, tmp_path / "geo")
    return operation
