"""What a provider disclosed: operations, disclosures, accounts and everything tied to them.

Rows here are evidence: written once by ingest and never edited. Corrections are new disclosures.
"""

from __future__ import annotations

from django.db import models

from tiaki.apps.intake.choices import (
    AccessAction,
    AccountStatus,
    FileRole,
    IdentifierKind,
    IPEventKind,
    MembershipRole,
    VenueKind,
)
from tiaki.apps.operations.models import Operation


class StoredFile(models.Model):
    """A file kept in the content-addressed evidence store (``<data>/evidence/ab/cd/<sha256>``),
    digested in the single read that stored it."""

    sha256 = models.CharField(max_length=64, unique=True)
    sha1 = models.CharField(max_length=40)
    md5 = models.CharField(max_length=32)
    size = models.BigIntegerField()
    stored_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.sha256


class Disclosure(models.Model):
    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="disclosures")
    disclosure_id = models.CharField(max_length=200)
    source_format = models.CharField(max_length=40)
    provider_name = models.CharField(max_length=200)
    provider_country = models.CharField(max_length=2, blank=True, default="")
    provider_contact = models.CharField(max_length=200, blank=True, default="")
    received_at = models.DateTimeField(null=True)
    legal_reference = models.CharField(max_length=300, blank=True, default="")
    description = models.TextField(blank=True, default="")
    # SHA-256 over the names and SHA-256s of every file read: the identity of this input.
    fingerprint = models.CharField(max_length=64)
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["operation", "disclosure_id"], name="disclosure_unique_id"),
        ]

    def __str__(self) -> str:
        return self.disclosure_id


class DisclosureFile(models.Model):
    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="files")
    stored = models.ForeignKey(StoredFile, on_delete=models.PROTECT)
    name = models.CharField(max_length=500)
    role = models.CharField(max_length=20, choices=FileRole.choices)


class Account(models.Model):
    """An account as the provider disclosed it. Indexed by its id and username, which investigators
    type into the workspace's search."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="accounts")
    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="accounts")
    account_id = models.CharField(max_length=200)
    platform = models.CharField(max_length=200, blank=True, default="")
    username = models.CharField(max_length=300, blank=True, default="")
    display_name = models.CharField(max_length=300, blank=True, default="")
    created_at = models.DateTimeField(null=True)
    profile_url = models.CharField(max_length=500, blank=True, default="")
    stated_country = models.CharField(max_length=2, blank=True, default="")
    status = models.CharField(max_length=20, blank=True, default="", choices=AccountStatus.choices)
    # CyberTipline: the reports naming the account, and the reporter's estimate of its country
    # (placement evidence, never a stated country); everything else reported about it is in details.
    report_ids = models.JSONField(default=list, blank=True)
    estimated_country = models.CharField(max_length=2, blank=True, default="")
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["disclosure", "account_id"], name="account_unique_id"),
        ]
        indexes = [
            models.Index(fields=["operation", "account_id"], name="account_op_id"),
            models.Index(fields=["operation", "username"], name="account_op_username"),
        ]

    def __str__(self) -> str:
        return self.account_id


class Identifier(models.Model):
    """An identifier as disclosed, and its normalised form (``engines.identifiers.comparable_identifier``
    with the account's stated country as the hint: a name in the order spoken; empty when it cannot be
    normalised), written at ingest and indexed, so that a person is found from an identifier written
    any way."""

    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="identifiers")
    kind = models.CharField(max_length=20, choices=IdentifierKind.choices)
    value = models.CharField(max_length=500)
    normalised = models.CharField(max_length=500, blank=True, default="")
    verified = models.BooleanField(null=True)
    observed_at = models.DateTimeField(null=True)
    subtype = models.CharField(max_length=100, blank=True, default="")  # a device id's or phone's type

    class Meta:
        indexes = [models.Index(fields=["normalised"], name="identifier_normalised")]


class IPEvent(models.Model):
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="ip_events")
    ip = models.CharField(max_length=45)
    port = models.PositiveIntegerField(null=True)
    event = models.CharField(max_length=20, blank=True, default="", choices=IPEventKind.choices)
    timestamp = models.DateTimeField(null=True)  # unknown for some reports' events
    possible_proxy = models.BooleanField(null=True)
    upload_id = models.CharField(max_length=200, blank=True, default="")  # captured for one file
    report_id = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["ip"], name="ipevent_ip")]


class Venue(models.Model):
    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="venues")
    venue_id = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, blank=True, default="", choices=VenueKind.choices)
    name = models.CharField(max_length=300, blank=True, default="")
    url = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["disclosure", "venue_id"], name="venue_unique_id")]


class VenueMembership(models.Model):
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="memberships")
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, blank=True, default="", choices=MembershipRole.choices)
    joined_at = models.DateTimeField(null=True)


class Upload(models.Model):
    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="uploads")
    upload_id = models.CharField(max_length=200)
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="uploads")
    file_name = models.CharField(max_length=500, blank=True, default="")
    stored = models.ForeignKey(StoredFile, on_delete=models.PROTECT, null=True)
    md5 = models.CharField(max_length=32, blank=True, default="")
    sha1 = models.CharField(max_length=40, blank=True, default="")
    sha256 = models.CharField(max_length=64, blank=True, default="")
    pdq = models.CharField(max_length=64, blank=True, default="")
    uploaded_at = models.DateTimeField(null=True)
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, null=True, related_name="uploads")
    viewed_by_provider = models.BooleanField(null=True)
    publicly_available = models.BooleanField(null=True)
    original_name = models.CharField(max_length=500, blank=True, default="")
    report_id = models.CharField(max_length=200, blank=True, default="")
    # The provider's grade of the file (industry scale A1, A2, B1, B2) and its annotations.
    industry_classification = models.CharField(max_length=2, blank=True, default="")
    annotations = models.JSONField(default=list, blank=True)
    hashes = models.JSONField(default=list, blank=True)  # every [type, value] given, in order
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["disclosure", "upload_id"], name="upload_unique_id")]


class Access(models.Model):
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="accesses")
    upload = models.ForeignKey(Upload, on_delete=models.PROTECT, null=True, related_name="accesses")
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, null=True, related_name="accesses")
    action = models.CharField(max_length=20, blank=True, default="", choices=AccessAction.choices)
    timestamp = models.DateTimeField(null=True)


class Report(models.Model):
    """A CyberTipline report: the number an officer quotes, whether the provider escalated it, and
    everything else it says (reporter, contact, internet details, law enforcement) in ``details``."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="reports")
    report_id = models.CharField(max_length=200)
    incident_type = models.CharField(max_length=200, blank=True, default="")
    incident_at = models.DateTimeField(null=True)
    escalation = models.TextField(blank=True, default="")  # the provider's reason; empty: not escalated
    annotations = models.JSONField(default=list, blank=True)
    provider_name = models.CharField(max_length=200, blank=True, default="")
    account_ids = models.JSONField(default=list, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["disclosure", "report_id"], name="report_unique_id")]


class Device(models.Model):
    """A device id reported for an account, or for one of its files (``upload_id``)."""

    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="devices")
    id_type = models.CharField(max_length=100, blank=True, default="")
    value = models.CharField(max_length=500)
    event = models.CharField(max_length=20, blank=True, default="")
    observed_at = models.DateTimeField(null=True)
    upload_id = models.CharField(max_length=200, blank=True, default="")
    report_id = models.CharField(max_length=200, blank=True, default="")


class SafeguardingLead(models.Model):
    """A child who may be at risk (a reported victim, or the intended recipient of material): a lead
    to safeguard, never an account or a suspect. Tied to the accounts reported with it."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="safeguarding_leads")
    lead_id = models.CharField(max_length=300)
    report_id = models.CharField(max_length=200)
    role = models.CharField(max_length=30)
    subject_account_ids = models.JSONField(default=list, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["disclosure", "lead_id"], name="lead_unique_id")]
