"""Media items, known-material hash lists, matches and grades."""

from __future__ import annotations

from django.db import models

from tiaki.apps.intake.models import StoredFile, Upload
from tiaki.apps.media.choices import GradeSource, MatchMethod, MediaKind
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
