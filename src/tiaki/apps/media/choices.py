"""Vocabularies of media records."""

from __future__ import annotations

from django.db import models


class MediaKind(models.TextChoices):
    IMAGE = "image", "picture"
    VIDEO = "video", "video"
    OTHER = "other", "other file"


class MatchMethod(models.TextChoices):
    MD5 = "md5", "exact MD5"
    SHA1 = "sha1", "exact SHA-1"
    SHA256 = "sha256", "exact SHA-256"
    PDQ = "pdq", "PDQ distance"
    VPDQ = "vpdq", "video frames (vPDQ)"
    PDQ_TURNED = "pdq-turned", "PDQ distance, turned or mirrored"


class GradeSource(models.TextChoices):
    """Who graded an item: a separate fact from whether it is known (see ``queries.known``)."""

    HASHLIST = "hashlist", "from a known-material list"
    REVIEWER = "reviewer", "by a reviewer"
    SUGGESTED = "suggested", "offered from a near-duplicate, not yet confirmed"


class PdqSource(models.TextChoices):
    PROVIDER = "provider", "given by the provider"
