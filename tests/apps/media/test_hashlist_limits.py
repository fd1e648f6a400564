"""Lists that a database could not hold are refused the same way on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import actor, known_list
from tiaki.apps.media.models import HashList
from tiaki.apps.media.services.hashlists import ListInfo, import_hashlist
from tiaki.errors import Invalid

pytestmark = pytest.mark.django_db


def test_an_over_long_series_is_refused_naming_the_field_and_nothing_is_kept(tmp_path: Path):
    rows = [{"md5": "0" * 31 + "1", "category": "1", "series": "s" * 300}]
    with pytest.raises(Invalid, match="series is longer than 200"):
        import_hashlist(known_list(tmp_path / "l.csv", rows), actor=actor(), info=ListInfo(profile="vic-us"))
    assert not HashList.objects.exists()
