"""One run of an operation at a time: a second waits or is refused with a clear message."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import connection

from builders import actor, write_bundle
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.operations.queries import get_operation
from tiaki.apps.operations.services.locking import operation_lock
from tiaki.apps.pipeline import run_stages
from tiaki.errors import Conflict

pytestmark = pytest.mark.django_db(transaction=True)


def _hold(operation, holding: threading.Event, release: threading.Event) -> None:  # type: ignore[no-untyped-def]
    try:
        with operation_lock(operation, actor("someone-else")):
            holding.set()
            release.wait(30)
    finally:
        connection.close()


def test_a_second_run_is_refused_while_the_first_holds_the_operation(tmp_path: Path):
    ingest(write_bundle(tmp_path / "b"), "op", actor=actor())
    operation = get_operation("op", actor())
    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold, args=(operation, holding, release))
    holder.start()
    try:
        assert holding.wait(30)
        with pytest.raises(Conflict, match="is being run by"):
            run_stages(operation, ["resolve"], actor=actor(), wait=0.3)
    finally:
        release.set()
        holder.join(30)
    run_stages(operation, ["resolve"], actor=actor(), wait=5)  # free again once the holder is done


def test_a_waiting_run_goes_ahead_when_the_holder_finishes(tmp_path: Path):
    ingest(write_bundle(tmp_path / "b"), "op", actor=actor())
    operation = get_operation("op", actor())
    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold, args=(operation, holding, release))
    holder.start()
    assert holding.wait(30)
    threading.Timer(0.5, release.set).start()
    run_stages(operation, ["resolve"], actor=actor(), wait=20)
    holder.join(30)
    assert not holder.is_alive()
