"""The stages of an operation, in order, and the operation's summary. Each stage reads what the ones
before it wrote and can be re-run; each takes its settings from the operation's run settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tiaki.apps.audit.queries import latest, newest_seq
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.bulk import refresh_statistics
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.queries import accounts
from tiaki.apps.media.queries import MediaSummary, summarise
from tiaki.apps.media.services.stage import run_media
from tiaki.apps.operations.choices import Stage
from tiaki.apps.operations.models import Operation, StageJob
from tiaki.apps.operations.queries import latest_jobs
from tiaki.apps.operations.services.locking import operation_lock
from tiaki.apps.referrals.queries import packages, packages_root
from tiaki.apps.referrals.services.packages import write_packages
from tiaki.apps.subjects.choices import DecisionKind
from tiaki.apps.subjects.queries import assessments, current, persons, placed
from tiaki.apps.subjects.services.locate import locate
from tiaki.apps.subjects.services.resolve import resolve
from tiaki.apps.subjects.services.triage import run_triage
from tiaki.engines.progress import Progress
from tiaki.errors import Invalid

STAGES: tuple[str, ...] = tuple(Stage.values)

_RUNNERS: dict[str, Callable[..., Any]] = {
    Stage.MEDIA: run_media,
    Stage.RESOLVE: resolve,
    Stage.LOCATE: locate,
    Stage.TRIAGE: run_triage,
    Stage.REFER: write_packages,
}


# The audit event each stage writes when it has run.
STAGE_EVENTS: dict[str, str] = {
    Stage.MEDIA: "stage.media",
    Stage.RESOLVE: "stage.resolve",
    Stage.LOCATE: "stage.locate",
    Stage.TRIAGE: "stage.triage",
    Stage.REFER: "referrals.packages-written",
}

FIGURE_EVENTS: list[str] = [
    *STAGE_EVENTS.values(),
    "intake.ingest",
    *(f"subjects.{kind}" for kind in DecisionKind.values),
]
"""The events after which an operation's figures (the summary, the dashboard's charts) may differ:
a stage ran, a disclosure came in, an investigator's decision changed persons."""


def figures_version(actor: Actor, operation: Operation) -> int:
    """Changes exactly when the operation's figures may have changed (``FIGURE_EVENTS``)."""
    return newest_seq(actor, operation.name, FIGURE_EVENTS)


def run_stage(stage: str, operation: Operation, *, actor: Actor, progress: Progress | None = None) -> Any:
    """Run one stage; the caller holds the operation (see :func:`run_stages`)."""
    if stage not in _RUNNERS:
        raise Invalid(f"unknown stage '{stage}'; the stages are {', '.join(STAGES)}")
    return _RUNNERS[stage](operation, actor=actor, progress=progress)


def run_stages(
    operation: Operation,
    stages: list[str] | None = None,
    *,
    actor: Actor,
    progress: Progress | None = None,
    wait: float = 0.0,
) -> None:
    """Run ``stages`` (all by default) in the flow's order, holding the operation so that no other run
    writes it meanwhile (a second run waits ``wait`` seconds, then is refused)."""
    wanted = list(STAGES) if stages is None else stages
    unknown = [s for s in wanted if s not in STAGES]
    if unknown:
        raise Invalid(f"unknown stage '{unknown[0]}'; the stages are {', '.join(STAGES)}")
    with operation_lock(operation, actor, wait=wait):
        for stage in (s for s in STAGES if s in wanted):
            run_stage(stage, operation, actor=actor, progress=progress)
        refresh_statistics()


@dataclass
class TriageRow:
    rank: int
    person: str
    country: str
    score: int
    reasons: list[dict[str, Any]]


@dataclass
class OperationSummary:
    operation: str
    accounts: int
    persons: int
    countries: int
    persons_to_review: int
    packages: int | None  # None: the actor's role does not read packages
    packages_root: str
    media: MediaSummary
    top: list[TriageRow] = field(default_factory=list)


def operation_summary(actor: Actor, operation: Operation, top: int = 10) -> OperationSummary:
    """Accounts → persons → countries → packages, media known and new, and the top of the triage
    queue, as far as ``actor`` may see."""
    people = persons(actor, operation)
    queue = current(assessments(actor, operation)).select_related("person").order_by("rank")[:top]
    return OperationSummary(
        operation=operation.name,
        accounts=accounts(actor, operation).count(),
        persons=people.count(),
        countries=placed(people).values("country").distinct().count(),
        persons_to_review=people.filter(needs_review=True).count(),
        packages=packages(actor, operation).count() if actor.may(Permission.READ_PACKAGES) else None,
        packages_root=str(packages_root(operation)),
        media=summarise(actor, operation),
        top=[TriageRow(a.rank, a.person.label, a.person.country, a.score, a.reasons) for a in queue],
    )


@dataclass
class StageStatus:
    stage: str
    label: str
    last_run: datetime | None  # when it last completed, from whichever front end
    last_by: str
    job: StageJob | None  # the newest background job, running or ended


def stage_status(actor: Actor, operation: Operation) -> list[StageStatus]:
    """Each stage in order: when it last completed and by whom, and its newest background job."""
    events = latest(actor, operation.name, list(STAGE_EVENTS.values()))
    jobs = latest_jobs(actor, operation)
    rows = []
    for stage in STAGES:
        event = events.get(STAGE_EVENTS[stage])
        rows.append(
            StageStatus(
                stage=stage,
                label=Stage(stage).label,
                last_run=event.at if event else None,
                last_by=event.actor if event else "",
                job=jobs.get(stage),
            )
        )
    return rows
