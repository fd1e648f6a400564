"""Vocabularies of referrals."""

from __future__ import annotations

from django.db import models


class MediaStatus(models.TextChoices):
    """A media row's status in a package: the rule is ``media.queries.known``."""

    KNOWN = "known", "matched a known-material list"
    NEW = "new", "no list knows it"


class Channel(models.TextChoices):
    """How a package reaches an agency."""

    INTERPOL = "interpol", "Interpol (I-24/7)"
    EUROPOL = "europol", "Europol (SIENA)"
    LIAISON = "liaison", "liaison officer"
    DIRECT = "direct", "direct to the agency"


class RecipientScheme(models.TextChoices):
    """The grading scheme an agency reads media grades in (``formats/dossier.SCHEMES``)."""

    VIC_US = "vic-us", "Project VIC (US) 0-4"
    UK_CAID = "uk-caid", "UK / CAID A, B, C"
    DHS_LEGACY = "dhs-legacy", "legacy DHS numbering"
    INDUSTRY = "industry", "industry classification (A1, A2, B1, B2)"
