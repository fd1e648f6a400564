"""A value that must not leave stops its own country's package, named, and no other."""

from __future__ import annotations

import base64
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from builders import ACCOUNTS, actor, run_all, write_bundle
from mmdb_helpers import write_country_mmdb
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.queries import get_operation
from tiaki.apps.operations.services.operations import SettingsChange, change_settings
from tiaki.apps.referrals.models import Package
from tiaki.apps.referrals.services.packages import PackagesRefused

pytestmark = pytest.mark.django_db


def _png_uri() -> str:
    out = io.BytesIO()
    Image.new("RGB", (2, 2), (200, 30, 30)).save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def test_a_picture_in_a_suspects_field_stops_only_that_countrys_package(tmp_path: Path):
    accounts = [dict(a) for a in ACCOUNTS]
    accounts[2]["username"] = _png_uri()  # a3, placed in the US
    accounts[0]["username"] = "GIF89a"  # a1, NZ: text that merely looks like a signature is fine
    ingest(write_bundle(tmp_path / "b", accounts=accounts), "op", actor=actor())
    operation = get_operation("op", actor())
    geo = tmp_path / "geo"
    geo.mkdir()
    built = int(datetime(2019, 2, 1, tzinfo=UTC).timestamp())
    write_country_mmdb(geo / "geo.mmdb", {"8.8.8.0/24": "NZ", "1.1.1.0/24": "US"}, built)
    change_settings(operation, SettingsChange(geo_dir=geo), actor())
    with pytest.raises(PackagesRefused) as refused:
        run_all(operation)
    assert list(refused.value.refused) == ["US"]
    message = str(refused.value)
    assert "US" in message and "accounts.csv" in message and "username" in message
    assert list(Package.objects.values_list("country", flat=True)) == ["NZ"]
    event = AuditEvent.objects.get(action="referrals.packages-written")
    assert "US" in event.details["refused"] and "NZ" in event.details["packages"]
