"""Reading operations: the one way to find an operation by name, for any actor."""

from __future__ import annotations

from django.db.models import QuerySet

from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.choices import JobStatus
from tiaki.apps.operations.models import Operation, RunSettings, StageJob
from tiaki.errors import NotFound


def restrict(actor: Actor, queryset: QuerySet[Operation] | None = None) -> QuerySet[Operation]:
    """Operations ``actor`` may open: a system principal all; a person those they are a member of."""
    queryset = Operation.objects.all() if queryset is None else queryset
    if actor.system or actor.user_id is None:
        return queryset
    return queryset.filter(memberships__user_id=actor.user_id, memberships__active=True)


def get_operation(name: str, actor: Actor) -> Operation:
    """The operation called ``name``; :class:`NotFound` when there is none or the actor is no member."""
    found = restrict(actor, Operation.objects.filter(name=name)).first()
    if found is None:
        raise NotFound(f"there is no operation '{name}' (ingest a disclosure into it first)")
    return found


def run_settings(operation: Operation) -> RunSettings:
    """The operation's run settings (the defaults until someone changes them)."""
    found = RunSettings.objects.filter(operation=operation).first()
    return found if found is not None else RunSettings(operation=operation)


def latest_jobs(actor: Actor, operation: Operation) -> dict[str, StageJob]:
    """The newest background job of each stage of the operation."""
    actor.require(Permission.READ_CASE)
    found: dict[str, StageJob] = {}
    for job in StageJob.objects.filter(operation=operation).order_by("-started_at", "-pk")[:50]:
        found.setdefault(job.stage, job)
    return found


def running_job(actor: Actor, operation: Operation) -> StageJob | None:
    actor.require(Permission.READ_CASE)
    return StageJob.objects.filter(operation=operation, status=JobStatus.RUNNING).first()


def get_job(actor: Actor, operation: Operation, job_id: int) -> StageJob:
    actor.require(Permission.READ_CASE)
    found = StageJob.objects.filter(operation=operation, pk=job_id).first()
    if found is None:
        raise NotFound(f"there is no job #{job_id} in '{operation.name}'")
    return found
