"""Vocabularies of operations and their run settings."""

from __future__ import annotations

from django.db import models


class ResolutionMethod(models.TextChoices):
    PROBABILISTIC = "probabilistic", "hard identifiers, then the probabilistic model"
    HARD = "hard", "hard identifiers only"


class Stage(models.TextChoices):
    MEDIA = "media", "media: link, hash, match, group"
    RESOLVE = "resolve", "resolve accounts to persons"
    LOCATE = "locate", "locate events and persons"
    TRIAGE = "triage", "triage persons"
    REFER = "refer", "write referral packages"


class GradingScheme(models.TextChoices):
    VIC_US = "vic-us", "Project VIC (US) 0-4"
    UK_CAID = "uk-caid", "UK / CAID A, B, C"
    DHS_LEGACY = "dhs-legacy", "legacy DHS numbering"


class JobStatus(models.TextChoices):
    RUNNING = "running", "running"
    DONE = "done", "done"
    FAILED = "failed", "failed"
