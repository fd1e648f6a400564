"""Operations and the settings each is run with."""

from __future__ import annotations

from django.db import models

from tiaki.apps.operations.choices import GradingScheme, ResolutionMethod
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
