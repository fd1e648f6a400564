"""Creating operations and changing how they run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.choices import GradingScheme, ResolutionMethod
from tiaki.apps.operations.models import Operation, RunSettings
from tiaki.apps.operations.queries import run_settings
from tiaki.engines.triage import MODEL_VERSION
from tiaki.errors import Invalid


def ensure_operation(name: str, actor: Actor) -> Operation:
    """The operation called ``name``, created (with default run settings) when it does not exist."""
    actor.require(Permission.INGEST)
    name = name.strip()
    if not name or len(name) > 200 or "\x00" in name:
        raise Invalid("an operation needs a name of 1 to 200 characters")
    with transaction.atomic():
        operation, created = Operation.objects.get_or_create(name=name)
        if created:
            RunSettings.objects.create(operation=operation)
            record("operation.created", actor=actor, operation=operation.name)
    return operation


@dataclass(frozen=True)
class SettingsChange:
    resolution_method: str | None = None
    resolution_threshold: float | None = None
    geo_dir: Path | None = None
    triage_model: str | None = None
    grading_scheme: str | None = None


def change_settings(operation: Operation, change: SettingsChange, actor: Actor) -> RunSettings:
    """Apply ``change`` to the operation's run settings; unchanged values are not written or audited."""
    actor.require(Permission.RUN)
    current = run_settings(operation)
    wanted: dict[str, object] = {}
    if change.resolution_method is not None:
        if change.resolution_method not in ResolutionMethod.values:
            raise Invalid(f"resolution method must be one of {', '.join(ResolutionMethod.values)}")
        wanted["resolution_method"] = change.resolution_method
    if change.resolution_threshold is not None:
        if not -30.0 <= change.resolution_threshold <= 30.0:
            raise Invalid("the resolution threshold is in bits, between -30 and 30")
        wanted["resolution_threshold"] = float(change.resolution_threshold)
    if change.geo_dir is not None:
        folder = change.geo_dir.expanduser().resolve()
        if not folder.is_dir():
            raise Invalid(f"--geo-dir {change.geo_dir}: not a folder")
        wanted["geo_dir"] = str(folder)
    if change.triage_model is not None:
        if change.triage_model != MODEL_VERSION:
            raise Invalid(
                f"triage model '{change.triage_model}' is not known; this version has {MODEL_VERSION}"
            )
        wanted["triage_model"] = change.triage_model
    if change.grading_scheme is not None:
        if change.grading_scheme not in GradingScheme.values:
            raise Invalid(f"grading scheme must be one of {', '.join(GradingScheme.values)}")
        wanted["grading_scheme"] = change.grading_scheme
    changed = {k: v for k, v in wanted.items() if getattr(current, k) != v}
    if not changed and current.pk is not None:
        return current
    with transaction.atomic():
        for k, v in changed.items():
            setattr(current, k, v)
        current.save()
        record("operation.settings", actor=actor, operation=operation.name, details=changed)
    return current
