"""The media stage survives a worker that dies, and resumes where it stopped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builders import actor, write_bundle
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.media.models import MediaItem
from tiaki.apps.media.services import stage
from tiaki.apps.operations.queries import get_operation
from tiaki.engines.media import examine

pytestmark = pytest.mark.django_db

DOOMED = {"sha": ""}


def _dies_on_one_file(path: str):  # type: ignore[no-untyped-def]
    """Module-level, so that a forked worker finds it: kills its process on the doomed file."""
    if DOOMED["sha"] and path.endswith(DOOMED["sha"]):
        os._exit(9)
    return examine(path)


def test_a_dying_worker_costs_only_its_own_file(tmp_path: Path, monkeypatch):
    ingest(write_bundle(tmp_path / "b"), "op", actor=actor())
    operation = get_operation("op", actor())
    stage.run_media(operation, actor=actor())  # links and hashes everything
    first, second = MediaItem.objects.order_by("key")
    DOOMED["sha"] = first.sha256
    MediaItem.objects.update(kind="", pdq="", error="")  # as if never examined
    monkeypatch.setattr(stage, "examine", _dies_on_one_file)
    try:
        summary = stage.run_media(operation, actor=actor())
    finally:
        DOOMED["sha"] = ""
    first.refresh_from_db()
    second.refresh_from_db()
    assert "died" in first.error and first.kind == "image" and not first.pdq
    assert second.error == "" and len(second.pdq) == 64
    assert summary.errors == 1


def test_a_stopped_stage_resumes_after_the_last_written_chunk(tmp_path: Path, monkeypatch):
    ingest(write_bundle(tmp_path / "b"), "op", actor=actor())
    operation = get_operation("op", actor())
    monkeypatch.setattr(stage, "CHUNK", 1)
    calls = []
    real = stage.examine_in_workers

    def stops_on_the_second_chunk(paths, workers, progress):  # type: ignore[no-untyped-def]
        calls.append(paths)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(paths, workers, progress)

    monkeypatch.setattr(stage, "examine_in_workers", stops_on_the_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        stage.run_media(operation, actor=actor())
    assert MediaItem.objects.exclude(kind="").count() == 1  # the first chunk was kept
    monkeypatch.setattr(stage, "examine_in_workers", real)
    stage.run_media(operation, actor=actor())
    assert MediaItem.objects.filter(kind="").count() == 0
    assert all(len(pdq) == 64 for pdq in MediaItem.objects.values_list("pdq", flat=True))
