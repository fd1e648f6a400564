"""Operations and the settings each is run with."""

from __future__ import annotations

from django.db import models

from tiaki.apps.operations.choices import GradingScheme, JobStatus, ResolutionMethod, Stage
from tiaki.engines.resolution import DEFAULT_THRESHOLD
from tiaki.engines.triage import MODEL_VERSION


class Operation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class RunSettings(models.Model):
    """How an operation's stages run. Stored, so that every run and every decision (from the command
    line, the workspace or a job) uses the same method, not whatever a command defaults to."""

    operation = models.OneToOneField(Operation, on_delete=models.CASCADE, related_name="run_settings")
    resolution_method = models.CharField(
        max_length=20, choices=ResolutionMethod.choices, default=ResolutionMethod.PROBABILISTIC
    )
    resolution_threshold = models.FloatField(default=DEFAULT_THRESHOLD)
    # Folder of dated MMDB snapshots; empty: TIAKI_GEO_DIR, else <data>/geo, else the embedded data.
    geo_dir = models.CharField(max_length=1000, blank=True, default="")
    triage_model = models.CharField(max_length=40, default=MODEL_VERSION)
    grading_scheme = models.CharField(
        max_length=20, choices=GradingScheme.choices, default=GradingScheme.VIC_US
    )
    updated_at = models.DateTimeField(auto_now=True)


class StageJob(models.Model):
    """A stage run in the background (started from the workspace), with its progress: the phase the
    stage reported last and how far into it it is. Written only by ``services/jobs.py``."""

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="jobs")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    status = models.CharField(max_length=20, choices=JobStatus.choices, default=JobStatus.RUNNING)
    phase = models.CharField(max_length=200, blank=True, default="")
    done = models.PositiveBigIntegerField(default=0)
    total = models.PositiveBigIntegerField(null=True)
    message = models.TextField(blank=True, default="")
    started_by = models.CharField(max_length=150)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True)

    class Meta:
        indexes = [models.Index(fields=["operation", "stage", "-started_at"], name="job_latest")]
        constraints = [
            models.UniqueConstraint(
                fields=["operation"], condition=models.Q(status="running"), name="job_one_running"
            )
        ]
