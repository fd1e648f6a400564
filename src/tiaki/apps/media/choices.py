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


class AgeBand(models.TextChoices):
    """Mirrored from ``engines.grading.AGE_BANDS``."""

    INFANT = "infant", "infant or toddler"
    PREPUBESCENT = "prepubescent", "prepubescent"
    PUBESCENT = "pubescent", "pubescent"
    CANNOT_TELL = "cannot-tell", "cannot tell"


class Depiction(models.TextChoices):
    """Mirrored from ``engines.grading.DEPICTIONS``."""

    REAL = "real", "real"
    DRAWN = "drawn", "drawn"
    COMPUTER = "computer-generated", "computer-generated"
    SUSPECTED_AI = "suspected-ai", "suspected AI-generated"


class Conduct(models.TextChoices):
    """Mirrored from ``engines.grading.CONDUCTS``, most serious first."""

    PENETRATIVE = "penetrative", "penetrative sexual activity"
    ANIMAL_SADISM = "animal-sadism", "sexual activity with an animal, or sadism"
    NON_PENETRATIVE = "non-penetrative", "non-penetrative sexual activity"
    POSING = "posing", "sexualised posing or focus"
    OTHER = "other-indecent", "other indecent"
    NONE = "none", "nothing pertinent"


class SelfGenerated(models.TextChoices):
    """Mirrored from ``engines.grading.SELF_GENERATED``."""

    SELFIE = "selfie-framing", "held camera or mirror framing"
    WEBCAM = "webcam", "webcam or video-call capture"
    APP_OVERLAY = "app-overlay", "a messaging or streaming app's overlay"
    ALONE = "alone", "the child appears alone"


class Scheme(models.TextChoices):
    """Mirrored from ``engines.grading.SCHEMES``: the schemes a grade is derived in."""

    UK_CAID = "uk-caid", "UK / CAID A, B, C"
    VIC_US = "vic-us", "Project VIC (US) 0-4"
    DHS_LEGACY = "dhs-legacy", "legacy DHS numbering"
    INDUSTRY = "industry", "industry scale A1, A2, B1, B2"
    BASELINE = "baseline", "Interpol baseline"


class Setting(models.TextChoices):
    BEDROOM = "bedroom", "indoors: bedroom"
    BATHROOM = "bathroom", "indoors: bathroom"
    LIVING = "living-room", "indoors: living room"
    KITCHEN = "kitchen", "indoors: kitchen"
    OTHER_ROOM = "other-room", "indoors: other room"
    VEHICLE = "vehicle", "inside a vehicle"
    OUTDOOR = "outdoor", "outdoors"
    CANNOT_TELL = "cannot-tell", "cannot tell"


class DescriptionStatus(models.TextChoices):
    SUBMITTED = "submitted", "awaiting a second reviewer"
    APPROVED = "approved", "approved"
    RETURNED = "returned", "returned to its author"


class ClueKind(models.TextChoices):
    """Mirrored from ``engines.clues.KINDS``."""

    SOCKET = "socket", "electrical socket or plug type"
    PRODUCT = "product", "product or brand"
    LANGUAGE = "language", "language on a sign or in speech"
    UNIFORM = "uniform", "school uniform"
    PLATE = "plate", "vehicle plate format"
    OTHER = "other", "other identifying object"


class ExposureKind(models.TextChoices):
    VIEWED = "viewed", "viewed (blurred)"
    REVEALED = "revealed", "revealed"
