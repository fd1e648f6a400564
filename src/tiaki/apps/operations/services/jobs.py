"""Stages run in the background, started from the workspace, with their progress kept in a row.

``start_job`` records the job (one running job per operation at a time: a stage's writes take the
case database's write lock) and runs the stage in a thread of the serving process; the page polls
the row. Progress is written when the stage reports it outside a transaction, at most twice a second;
inside a stage's closing transaction the row shows the phase it reached before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from django.db import IntegrityError, close_old_connections, connection, transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.choices import JobStatus, Stage
from tiaki.apps.operations.models import Operation, StageJob
from tiaki.engines.progress import Progress
from tiaki.errors import Conflict, Invalid, TiakiError

Runner = Callable[[Progress], object]


class JobProgress:
    """Reports a stage's progress into its job row (throttled; never inside a transaction)."""

    def __init__(self, job_id: int, interval: float = 0.5) -> None:
        self.job_id = job_id
        self.interval = interval
        self.phase = ""
        self.done = 0
        self.total: int | None = None
        self._written = 0.0

    def start(self, phase: str, total: int | None) -> None:
        self.phase, self.total, self.done = phase[:200], total, 0
        self._write(force=True)

    def advance(self, n: int = 1) -> None:
        self.done += n
        self._write()

    def _write(self, force: bool = False) -> None:
        now = time.monotonic()
        if connection.in_atomic_block or (not force and now - self._written < self.interval):
            return
        self._written = now
        StageJob.objects.filter(pk=self.job_id).update(phase=self.phase, done=self.done, total=self.total)


def start_job(operation: Operation, stage: str, runner: Runner, *, actor: Actor) -> StageJob:
    """Record a job for ``stage`` and run ``runner`` (the stage, given a :class:`Progress`) in a
    background thread. :class:`Conflict` when a job of the operation is still running."""
    actor.require(Permission.RUN)
    if stage not in Stage.values:
        raise Invalid(f"stage: '{stage}' is not one of {', '.join(Stage.values)}")
    try:
        with transaction.atomic():
            job = StageJob.objects.create(operation=operation, stage=stage, started_by=actor.name)
            record("operation.job-started", actor=actor, operation=operation.name, target=stage)
    except IntegrityError:
        running = StageJob.objects.filter(operation=operation, status=JobStatus.RUNNING).first()
        what = running.stage if running else "another stage"
        raise Conflict(f"'{operation.name}' is already running {what}: wait for it to finish") from None
    transaction.on_commit(
        lambda: threading.Thread(
            target=run_job, args=(job.pk, runner), daemon=True, name=f"job-{job.pk}"
        ).start()
    )
    return job


def run_job(job_id: int, runner: Runner) -> StageJob:
    """Run ``runner`` for the job and record how it ended: done, or failed with the error's message."""
    progress = JobProgress(job_id)
    try:
        runner(progress)
        status, message = JobStatus.DONE, ""
    except TiakiError as exc:
        status, message = JobStatus.FAILED, str(exc)
    except Exception as exc:  # a bug in a stage must still end the job, not leave it running
        status, message = JobStatus.FAILED, f"internal error ({type(exc).__name__}: {exc})"
    try:
        StageJob.objects.filter(pk=job_id).update(
            status=status,
            message=message[:2000],
            finished_at=datetime.now(UTC),
            phase=progress.phase,
            done=progress.done,
            total=progress.total,
        )
        return StageJob.objects.get(pk=job_id)
    finally:
        if threading.current_thread() is not threading.main_thread():
            close_old_connections()
            connection.close()


def abandon_running(actor: Actor) -> int:
    """Mark jobs still recorded as running as failed: called when the server starts, since no job
    survives the process that ran it. Returns how many there were."""
    actor.require(Permission.RUN)
    stale = list(StageJob.objects.filter(status=JobStatus.RUNNING).select_related("operation"))
    for job in stale:
        with transaction.atomic():
            StageJob.objects.filter(pk=job.pk).update(
                status=JobStatus.FAILED,
                message="the server stopped while this job ran; start it again",
                finished_at=datetime.now(UTC),
            )
            record("operation.job-abandoned", actor=actor, operation=job.operation.name, target=job.stage)
    return len(stale)
