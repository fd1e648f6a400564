"""Referral packages, one per country per operation."""

from __future__ import annotations

from django.db import models

from tiaki.apps.operations.models import Operation


class Package(models.Model):
    """A written package. ``folder`` and ``zip_path`` are relative to the data directory."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="packages")
    country = models.CharField(max_length=2)
    folder = models.CharField(max_length=500)
    zip_path = models.CharField(max_length=500)
    zip_sha256 = models.CharField(max_length=64)
    manifest_sha256 = models.CharField(max_length=64)
    persons = models.PositiveIntegerField()
    accounts = models.PositiveIntegerField()
    media = models.PositiveIntegerField()
    written_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["operation", "country"], name="package_unique")]

    def __str__(self) -> str:
        return f"{self.operation} {self.country}"
