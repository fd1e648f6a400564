"""A small operation worked through every stage, with two persons placed in two countries: shared by
the tests of the rules, of scope and of decisions."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from builders import actor, run_all, write_bundle
from mmdb_helpers import write_country_mmdb
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import get_operation
from tiaki.apps.operations.services.operations import SettingsChange, change_settings


@pytest.fixture
def two_countries(tmp_path: Path) -> Operation:
    """a1 and a2 (one person, by a shared e-mail) log in from NZ; a3 from the US. a1 uploaded p1.jpg,
    a3 uploaded p2.jpg. Nothing is known yet; every stage has run."""
    ingest(write_bundle(tmp_path / "bundle"), "op", actor=actor())
    operation = get_operation("op", actor())
    geo = tmp_path / "geo"
    geo.mkdir()
    built = int(datetime(2019, 2, 1, tzinfo=UTC).timestamp())
    write_country_mmdb(geo / "geo.mmdb", {"8.8.8.0/24": "NZ", "1.1.1.0/24": "US"}, built)
    change_settings(operation, SettingsChange(geo_dir=geo), actor())
    run_all(operation)
    return operation
