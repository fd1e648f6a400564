"""Vocabularies of referrals."""

from __future__ import annotations

from django.db import models


class MediaStatus(models.TextChoices):
    """A media row's status in a package: the rule is ``media.queries.known``."""

    KNOWN = "known", "matched a known-material list"
    NEW = "new", "no list knows it"
