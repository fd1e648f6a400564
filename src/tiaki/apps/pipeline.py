"""The stages of an operation, in order. Each reads what the ones before it wrote and can be re-run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tiaki.apps.intake.models import Account, Operation
from tiaki.apps.media.services import MediaSummary, run_media, summarise
from tiaki.apps.referrals.models import Package
from tiaki.apps.referrals.services import packages_root, write_packages
from tiaki.apps.subjects.models import Person, TriageAssessment
from tiaki.apps.subjects.services import locate, resolve, run_triage
from tiaki.engines import triage
from tiaki.engines.progress import Progress

STAGES = ("media", "resolve", "locate", "triage", "refer")


def run_stage(
    stage: str,
    operation: Operation,
    *,
    actor: str,
    progress: Progress | None = None,
    geo_dir: Path | None = None,
    resolution: str = "probabilistic",
) -> Any:
    runners: dict[str, Callable[[], Any]] = {
        "media": lambda: run_media(operation, actor=actor, progress=progress),
        "resolve": lambda: resolve(operation, actor=actor, progress=progress, method=resolution),
        "locate": lambda: locate(operation, actor=actor, geo_dir=geo_dir, progress=progress),
        "triage": lambda: run_triage(operation, actor=actor, progress=progress),
        "refer": lambda: write_packages(operation, actor=actor, progress=progress),
    }
    if stage not in runners:
        raise ValueError(f"unknown stage '{stage}'; the stages are {', '.join(STAGES)}")
    return runners[stage]()


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
    packages: int
    packages_root: str
    media: MediaSummary
    top: list[TriageRow] = field(default_factory=list)


def operation_summary(operation: Operation, top: int = 10) -> OperationSummary:
    persons = Person.objects.filter(operation=operation)
    assessments = (
        TriageAssessment.objects.filter(person__operation=operation, model_version=triage.MODEL_VERSION)
        .select_related("person")
        .order_by("rank")[:top]
    )
    return OperationSummary(
        operation=operation.name,
        accounts=Account.objects.filter(operation=operation).count(),
        persons=persons.count(),
        countries=persons.filter(needs_review=False).exclude(country="").values("country").distinct().count(),
        persons_to_review=persons.filter(needs_review=True).count(),
        packages=Package.objects.filter(operation=operation).count(),
        packages_root=str(packages_root(operation)),
        media=summarise(operation),
        top=[TriageRow(a.rank, a.person.label, a.person.country, a.score, a.reasons) for a in assessments],
    )
