"""Referral packages, one per country per operation; the agencies they go to, the operation's case
details (who sends, under which legal basis, with which handling) and the dissemination log."""

from __future__ import annotations

from django.db import models

from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.choices import Channel, RecipientScheme


class Agency(models.Model):
    """A recipient agency in the unit's directory (shared by every operation). ``recipient`` is the
    public key packages are encrypted to (``age1...`` or ``ssh-ed25519 ...``); empty: none yet. The
    ``primary`` agency of a country is the one its packages are addressed to."""

    country = models.CharField(max_length=2)
    name = models.CharField(max_length=200)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    contact = models.CharField(max_length=500, blank=True, default="")
    grading_scheme = models.CharField(
        max_length=20, choices=RecipientScheme.choices, default=RecipientScheme.VIC_US
    )
    language = models.CharField(max_length=8, default="en")
    recipient = models.TextField(blank=True, default="")
    primary = models.BooleanField(default=False)
    added_by = models.CharField(max_length=150)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="agency_unique"),
            models.UniqueConstraint(
                fields=["country"], condition=models.Q(primary=True), name="agency_one_primary"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"


class CaseDetails(models.Model):
    """What every package of an operation says about its sender and how it is to be handled: written
    by ``services/case.py``; an operation without a row sends the defaults (TLP:AMBER, H2, B2) and no
    case reference or legal basis, which the package then says plainly."""

    operation = models.OneToOneField(Operation, on_delete=models.CASCADE, related_name="case_details")
    unit = models.CharField(max_length=200, blank=True, default="")
    contact = models.CharField(max_length=500, blank=True, default="")
    reference = models.CharField(max_length=200, blank=True, default="")
    legal_basis = models.TextField(blank=True, default="")
    tlp = models.CharField(max_length=20, default="TLP:AMBER")
    handling_code = models.CharField(max_length=2, default="H2")
    source_reliability = models.CharField(max_length=1, default="B")
    information = models.CharField(max_length=1, default="2")
    handling_note = models.TextField(blank=True, default="")
    follow_up_days = models.PositiveIntegerField(default=30)
    updated_by = models.CharField(max_length=150, blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)


class Package(models.Model):
    """A written package. ``folder``, ``zip_path`` and ``sealed_path`` are relative to the data
    directory. ``left_out`` counts the country's placed persons not sent (score 0 and no reason)."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="packages")
    country = models.CharField(max_length=2)
    folder = models.CharField(max_length=500)
    zip_path = models.CharField(max_length=500)
    zip_sha256 = models.CharField(max_length=64)
    manifest_sha256 = models.CharField(max_length=64)
    persons = models.PositiveIntegerField()
    accounts = models.PositiveIntegerField()
    media = models.PositiveIntegerField()
    left_out = models.PositiveIntegerField(default=0)
    top_score = models.IntegerField(null=True)
    agency = models.ForeignKey(Agency, on_delete=models.SET_NULL, null=True, related_name="packages")
    sealed_path = models.CharField(max_length=500, blank=True, default="")
    sealed_sha256 = models.CharField(max_length=64, blank=True, default="")
    written_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["operation", "country"], name="package_unique")]

    def __str__(self) -> str:
        return f"{self.operation} {self.country}"


class Dissemination(models.Model):
    """A package sent to an agency: through which channel, by whom, when, and the digest of exactly
    what was sent (the sealed file's when sealed, else the zip's). ``sent_file`` and ``zip_file`` are
    copies kept when it was sent (read-only, under the operation's ``sent/<id>/`` folder), so that
    what went stays readable when a later run rewrites or drops the package. Acknowledgement and the
    follow-up date are recorded by hand."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="disseminations")
    package = models.ForeignKey(Package, on_delete=models.SET_NULL, null=True, related_name="disseminations")
    country = models.CharField(max_length=2)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="disseminations")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    reference = models.CharField(max_length=200, blank=True, default="")
    sent_file = models.CharField(max_length=500)
    sent_sha256 = models.CharField(max_length=64)
    manifest_sha256 = models.CharField(max_length=64)
    zip_file = models.CharField(max_length=500, blank=True, default="")  # "": sent before copies were kept
    zip_sha256 = models.CharField(max_length=64, blank=True, default="")
    sent_by = models.CharField(max_length=150)
    sent_at = models.DateTimeField(auto_now_add=True)
    follow_up_due = models.DateField(null=True)
    acknowledged_at = models.DateTimeField(null=True)
    acknowledged_by = models.CharField(max_length=150, blank=True, default="")
    acknowledgement = models.TextField(blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["operation", "follow_up_due"], name="dissemination_due")]
