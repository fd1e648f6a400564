"""``tiaki review`` and ``tiaki media grade`` by facts, in process, over a small operation."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from builders import actor, run_all, write_bundle
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.media.models import Grade, MediaItem
from tiaki.apps.media.queries import grade_in_scheme
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import get_operation
from tiaki.cli.main import app

runner = CliRunner()
pytestmark = pytest.mark.django_db


def tiaki(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == code, result.output + repr(result.exception)
    return result.output


@pytest.fixture
def two_pictures(tmp_path: Path) -> Operation:
    """Two benign generated pictures, new to every list, through the media stage."""
    ingest(write_bundle(tmp_path / "bundle"), "op", actor=actor())
    operation = get_operation("op", actor())
    run_all(operation, "media")
    return operation


def test_grading_by_facts_and_the_review_commands(two_pictures: Operation):
    out = tiaki("review", "queue", "--operation", "op")
    assert "2 group(s)" in out and "2 of 2 media item(s) need a person (100.0%)" in out
    key = MediaItem.objects.filter(operation=two_pictures).order_by("key").first().key  # type: ignore[union-attr]
    tiaki(
        "media", "grade", key[:12], "--operation", "op",
        "--age-band", "pubescent", "--depiction", "real", "--conduct", "posing",
    )  # fmt: skip
    item = MediaItem.objects.get(key=key)
    assert Grade.objects.get(media=item).category == "1"  # the operation's scheme: vic-us
    assert grade_in_scheme(item, "uk-caid").code == "C"  # type: ignore[union-attr]
    assert grade_in_scheme(item, "industry").code == "B2"  # type: ignore[union-attr]
    assert "1 group(s)" in tiaki("review", "queue", "--operation", "op")
    out = tiaki("media", "grade", key[:12], "--operation", "op", "--depiction", "real", code=2)
    assert "facts" in out
    # The old path: a category in one scheme's terms.
    tiaki("media", "grade", key[:12], "--operation", "op", "--category", "A", "--profile", "uk-caid")
    assert Grade.objects.get(media=item).category == "A"
    tiaki("review", "scheme", "NZ", "--set", "uk-caid")
    assert "NZ: uk-caid" in tiaki("review", "scheme", "NZ")
    assert "operator" in tiaki("review", "scheme")
    tiaki("review", "budget", "--operation", "op", "--per-day", "5")
    tiaki(
        "review", "clue", "--operation", "op", "--kind", "socket", "--value", "I", "--series", "s1", key[:12]
    )
    assert "AU: 1 of 1" in tiaki("review", "candidates", "--operation", "op", "s1")
    tiaki("review", "exposure", "--operation", "op")
