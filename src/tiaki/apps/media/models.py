"""Media items, known-material hash lists, matches and grades; the review's records: content facts
(on the grade), descriptions with their four-eyes decisions, series and clue cards, reveals, exposure
and budgets, and the operator's table of each country's grading scheme."""

from __future__ import annotations

from django.db import models

from tiaki.apps.intake.models import StoredFile, Upload
from tiaki.apps.media.choices import (
    ClueKind,
    DescriptionStatus,
    ExposureKind,
    GradeSource,
    MatchMethod,
    MediaKind,
    Scheme,
    Setting,
)
from tiaki.apps.operations.models import Operation


class HashList(models.Model):
    name = models.CharField(max_length=200, unique=True)
    profile = models.CharField(max_length=20)
    source = models.CharField(max_length=300, blank=True, default="")
    version = models.CharField(max_length=100, blank=True, default="")
    published = models.DateField(null=True)
    licence = models.CharField(max_length=200, blank=True, default="")
    file_sha256 = models.CharField(max_length=64)
    file_format = models.CharField(max_length=40)
    # SHA-256 over the list's normalised entries: the same list in another file, format or order has
    # the same fingerprint, and is not imported twice.
    fingerprint = models.CharField(max_length=64, blank=True, default="", db_index=True)
    entry_count = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class HashEntry(models.Model):
    hash_list = models.ForeignKey(HashList, on_delete=models.CASCADE, related_name="entries")
    entry_id = models.CharField(max_length=100)
    md5 = models.CharField(max_length=32, blank=True, default="", db_index=True)
    sha1 = models.CharField(max_length=40, blank=True, default="", db_index=True)
    sha256 = models.CharField(max_length=64, blank=True, default="", db_index=True)
    pdq = models.CharField(max_length=64, blank=True, default="")
    photodna = models.TextField(blank=True, default="")
    category = models.CharField(max_length=20, blank=True, default="")
    series = models.CharField(max_length=200, blank=True, default="")
    victim_identified = models.BooleanField(null=True)
    is_distributed = models.BooleanField(null=True)
    comments = models.TextField(blank=True, default="")
    classification = models.CharField(max_length=2, blank=True, default="")  # industry A1, A2, B1, B2
    kind = models.CharField(max_length=10, blank=True, default="")  # image, video; empty: unknown
    video_frames = models.JSONField(
        null=True
    )  # a video's vPDQ frames: [[frame, pdq, quality, timestamp], ...]
    # "new": listed but not graded (another unit's new material): carried, never matched as known.
    status = models.CharField(max_length=10, blank=True, default="")


class MediaGroup(models.Model):
    """Near-duplicates among media not matched to any list: graded once, the grade offered to all.
    ``key`` is the smallest member key, so the same members always make the same group."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="media_groups")
    key = models.CharField(max_length=80)
    size = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["operation", "key"], name="mediagroup_unique_key")]

    def __str__(self) -> str:
        return self.key


class MediaItem(models.Model):
    """One distinct file in an operation, however many uploads shared it. ``key`` is its SHA-256, or
    ``md5:<hex>`` / ``sha1:<hex>`` when the provider gave only that digest."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="media")
    key = models.CharField(max_length=80)
    stored = models.ForeignKey(StoredFile, on_delete=models.PROTECT, null=True)
    md5 = models.CharField(max_length=32, blank=True, default="")
    sha1 = models.CharField(max_length=40, blank=True, default="")
    sha256 = models.CharField(max_length=64, blank=True, default="")
    size = models.BigIntegerField(null=True)
    kind = models.CharField(max_length=10, blank=True, default="", choices=MediaKind.choices)
    pdq = models.CharField(max_length=64, blank=True, default="")
    pdq_quality = models.PositiveSmallIntegerField(null=True)
    pdq_source = models.CharField(max_length=40, blank=True, default="")  # pipeline version or "provider"
    # A photo stored turned (EXIF orientation): its hash as stored, which other tools' lists hold.
    pdq_stored = models.CharField(max_length=64, blank=True, default="")
    video_hash = models.JSONField(null=True)  # sampled frames' PDQ, in the form of engines.video.to_dict
    error = models.TextField(blank=True, default="")
    group = models.ForeignKey(MediaGroup, on_delete=models.SET_NULL, null=True, related_name="members")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["operation", "key"], name="media_unique_key")]

    def __str__(self) -> str:
        return self.key


class MediaUpload(models.Model):
    upload = models.OneToOneField(Upload, on_delete=models.PROTECT, related_name="media_link")
    media = models.ForeignKey(MediaItem, on_delete=models.PROTECT, related_name="uploads")


class Match(models.Model):
    media = models.ForeignKey(MediaItem, on_delete=models.CASCADE, related_name="matches")
    entry = models.ForeignKey(HashEntry, on_delete=models.CASCADE, related_name="matches")
    method = models.CharField(max_length=10, choices=MatchMethod.choices)
    distance = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["media", "entry", "method"], name="match_unique"),
        ]


class Grade(models.Model):
    """The grade a media item carries. ``source`` is "hashlist" for known material (taken from the best
    match), "reviewer" for a person's decision, or "suggested" for a reviewer's grade of another
    member of the item's near-duplicate group, offered until someone confirms or changes it."""

    media = models.OneToOneField(MediaItem, on_delete=models.CASCADE, related_name="grade")
    source = models.CharField(max_length=20, choices=GradeSource.choices)
    profile = models.CharField(max_length=20)
    category = models.CharField(max_length=20)
    label = models.CharField(max_length=100)
    severity = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=200, blank=True, default="")
    basis = models.ForeignKey(Match, on_delete=models.SET_NULL, null=True)
    description = models.TextField(blank=True, default="")
    # The content facts a reviewer recorded (engines.grading.Facts); empty for a list's grade or a
    # grade given in one scheme's terms. Every scheme's category is derived from them on reading.
    age_bands = models.JSONField(default=list, blank=True)
    depiction = models.CharField(max_length=20, blank=True, default="")
    conduct = models.CharField(max_length=20, blank=True, default="")
    self_generated = models.JSONField(default=list, blank=True)
    graded_by = models.CharField(max_length=150, blank=True, default="")
    graded_at = models.DateTimeField(null=True)

    @property
    def has_facts(self) -> bool:
        return bool(self.depiction and self.conduct)


class CountryScheme(models.Model):
    """The operator's table: the scheme a country's agencies read grades in (engines.grading.scheme_for
    gives the default for a country not in it)."""

    country = models.CharField(max_length=2, unique=True)
    scheme = models.CharField(max_length=20, choices=Scheme.choices)
    changed_by = models.CharField(max_length=150)
    changed_at = models.DateTimeField(auto_now=True)


class Description(models.Model):
    """One version of an item's structured description, written so that a partner can act without
    viewing. Versions are never edited: a change is a new version. Four eyes: a second reviewer, not
    the author, approves or returns it; only the newest approved version goes into packages."""

    media = models.ForeignKey(MediaItem, on_delete=models.CASCADE, related_name="descriptions")
    version = models.PositiveIntegerField()
    setting = models.CharField(max_length=20, choices=Setting.choices)
    children = models.PositiveSmallIntegerField(default=0)
    adults = models.PositiveSmallIntegerField(default=0)
    child_age_bands = models.JSONField(default=list, blank=True)
    objects_seen = models.TextField(blank=True, default="")  # objects that could identify a place
    visible_text = models.TextField(blank=True, default="")
    sounds = models.TextField(blank=True, default="")
    summary = models.TextField(blank=True, default="")
    status = models.CharField(max_length=20, choices=DescriptionStatus.choices)
    author = models.CharField(max_length=150)
    written_at = models.DateTimeField(auto_now_add=True)
    reviewer = models.CharField(max_length=150, blank=True, default="")
    decided_at = models.DateTimeField(null=True)
    note = models.TextField(blank=True, default="")  # why it was returned

    class Meta:
        constraints = [models.UniqueConstraint(fields=["media", "version"], name="description_version")]


class Series(models.Model):
    """Material of the same child or the same set, and whether the child is identified and
    safeguarded."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="series")
    name = models.CharField(max_length=200)
    child_identified = models.BooleanField(null=True)
    safeguarded = models.BooleanField(null=True)
    notes = models.TextField(blank=True, default="")
    updated_by = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["operation", "name"], name="series_unique_name")]

    def __str__(self) -> str:
        return self.name


class ClueCard(models.Model):
    """An identifying object, as text only (never an image or a crop), linked to media and a series."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="clue_cards")
    kind = models.CharField(max_length=20, choices=ClueKind.choices)
    value = models.CharField(max_length=200)
    note = models.TextField(blank=True, default="")
    series = models.ForeignKey(Series, on_delete=models.SET_NULL, null=True, related_name="clues")
    media = models.ManyToManyField(MediaItem, related_name="clue_cards")
    created_by = models.CharField(max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)


class ProductMarket(models.Model):
    """A country a product or brand is sold in, as a reviewer recorded it (``product`` lower case)."""

    product = models.CharField(max_length=200)
    country = models.CharField(max_length=2)
    added_by = models.CharField(max_length=150)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["product", "country"], name="market_unique")]


class Reveal(models.Model):
    """A reviewer's deliberate reveal of one item, with the reason, for a short window."""

    media = models.ForeignKey(MediaItem, on_delete=models.CASCADE, related_name="reveals")
    reviewer = models.CharField(max_length=150)
    reason = models.TextField()
    started_at = models.DateTimeField()
    expires_at = models.DateTimeField()


class Exposure(models.Model):
    """One item served to (or revealed by) one reviewer: counts only, for their wellbeing. ``severity``
    is the item's, 0-3 (its grade once graded, else what the provider's classification suggests)."""

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="exposures")
    media = models.ForeignKey(MediaItem, on_delete=models.CASCADE, related_name="exposures")
    reviewer = models.CharField(max_length=150)
    event = models.CharField(max_length=10, choices=ExposureKind.choices)
    severity = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=10, blank=True, default="")
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["operation", "reviewer", "at"], name="exposure_reviewer_at")]


class ExposureBudget(models.Model):
    """How many severe items a reviewer may be served per day and per week (``reviewer`` empty: the
    operation's default for everyone). ``None``: no limit."""

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="exposure_budgets")
    reviewer = models.CharField(max_length=150, blank=True, default="")
    severe_per_day = models.PositiveIntegerField(null=True)
    severe_per_week = models.PositiveIntegerField(null=True)
    updated_by = models.CharField(max_length=150)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["operation", "reviewer"], name="budget_unique")]
