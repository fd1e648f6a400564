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
    """An identifier as disclosed, and its normalised form (``engines.identifiers.normalise_identifier``
    with the account's stated country as the hint; empty when it cannot be normalised), written at
    ingest and indexed, so that a person is found from an identifier written any way."""

    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="identifiers")
    kind = models.CharField(max_length=20, choices=IdentifierKind.choices)
    value = models.CharField(max_length=500)
    normalised = models.CharField(max_length=500, blank=True, default="")
    verified = models.BooleanField(null=True)
    observed_at = models.DateTimeField(null=True)

    class Meta:
        indexes = [models.Index(fields=["normalised"], name="identifier_normalised")]


class IPEvent(models.Model):
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="ip_events")
    ip = models.CharField(max_length=45)
    port = models.PositiveIntegerField(null=True)
    event = models.CharField(max_length=20, blank=True, default="", choices=IPEventKind.choices)
    timestamp = models.DateTimeField(null=True)  # unknown for some reports' events
    possible_proxy = models.BooleanField(null=True)

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

    class Meta:
        constraints = [models.UniqueConstraint(fields=["disclosure", "upload_id"], name="upload_unique_id")]


class Access(models.Model):
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="accesses")
    upload = models.ForeignKey(Upload, on_delete=models.PROTECT, null=True, related_name="accesses")
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, null=True, related_name="accesses")
    action = models.CharField(max_length=20, blank=True, default="", choices=AccessAction.choices)
    timestamp = models.DateTimeField(null=True)
