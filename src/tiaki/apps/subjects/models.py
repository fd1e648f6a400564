"""Persons behind accounts, how they were resolved, where they are, records checks and triage."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tiaki.apps.intake.models import Account, IPEvent
from tiaki.apps.operations.models import Operation
from tiaki.apps.subjects.choices import CaseStatus, CountryBasis, DecisionKind, LinkMethod, RecordsFactKind


class Person(models.Model):
    """An account holder. ``key`` is derived from the member accounts, so that the same accounts always
    make the same person and a re-run keeps the row."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="persons")
    key = models.CharField(max_length=64)
    label = models.CharField(max_length=20)
    country = models.CharField(max_length=2, blank=True, default="")
    country_confidence = models.FloatField(null=True)
    country_basis = models.CharField(max_length=20, blank=True, default="", choices=CountryBasis.choices)
    country_evidence = models.JSONField(default=dict)
    # Where the person is stays uncertain: listed for review, not put into a package.
    needs_review = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["operation", "key"], name="person_unique_key")]
        indexes = [models.Index(fields=["operation", "label"], name="person_op_label")]  # found by its id

    def __str__(self) -> str:
        return self.label


class PersonAccount(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="accounts")
    account = models.OneToOneField(Account, on_delete=models.PROTECT, related_name="person_link")


class ResolutionLink(models.Model):
    """Why two accounts belong to one person: the identifier they share ("hard-identifier"), the
    features that agreed and the match weight ("probabilistic"), or an investigator's decision."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="links")
    account_a = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+")
    account_b = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+")
    method = models.CharField(max_length=20, choices=LinkMethod.choices)
    kind = models.CharField(max_length=20)
    value = models.CharField(max_length=500)
    weight = models.FloatField(null=True)


class HeldBackLink(models.Model):
    """Evidence that two accounts are one person which the household guard held back (different given
    names and different personal mailboxes on the two sides): offered to an investigator, who confirms
    or rejects it. Written afresh by every resolve; pairs decided since are not offered again."""

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="held_back_links")
    account_a = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="+")
    account_b = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="+")
    method = models.CharField(max_length=20, choices=LinkMethod.choices)
    kind = models.CharField(max_length=20)
    value = models.CharField(max_length=500)
    weight = models.FloatField(null=True)


class ResolutionDecision(models.Model):
    """An investigator's decision about two accounts. It is kept apart from the computed links and
    applied on every run of the resolve stage; for any pair of accounts the latest decision counts."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(max_length=20, choices=DecisionKind.choices)
    account_a = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+")
    account_b = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    actor = models.CharField(max_length=150)
    decided_at = models.DateTimeField(auto_now_add=True)


class GeoSource(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20)
    version = models.CharField(max_length=100)  # package version, or SHA-256 of the database file
    build_date = models.DateField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "version"], name="geosource_unique")]

    def __str__(self) -> str:
        return f"{self.name} {self.version[:12]}"


class GeoResult(models.Model):
    ip_event = models.OneToOneField(IPEvent, on_delete=models.CASCADE, related_name="geo")
    country = models.CharField(max_length=2, blank=True, default="")
    source = models.ForeignKey(GeoSource, on_delete=models.PROTECT)
    # The chosen source and another available one (the embedded data, the previous snapshot) disagree.
    disagrees = models.BooleanField(default=False)
    # Every snapshot was built after the event: the oldest one answered.
    snapshot_after_event = models.BooleanField(default=False)
    # The registries' delegation data names another country (where the block was registered).
    registry_differs = models.BooleanField(default=False)
    # The network's owner: who legal process is served on. ASN null and organisation "" when unknown.
    asn = models.PositiveBigIntegerField(null=True)
    organisation = models.CharField(max_length=200, blank=True, default="")
    owner_source = models.ForeignKey(GeoSource, on_delete=models.PROTECT, null=True, related_name="+")
    # The owner is a hosting, cloud or VPN operator: the address is a server, nobody's home.
    hosting = models.BooleanField(default=False)


class RecordsImport(models.Model):
    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="records_imports")
    file_sha256 = models.CharField(max_length=64)
    file_name = models.CharField(max_length=300)
    rows = models.PositiveIntegerField()
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["operation", "file_sha256"], name="records_import_unique")
        ]


class RecordsFact(models.Model):
    records_import = models.ForeignKey(RecordsImport, on_delete=models.PROTECT, related_name="facts")
    kind = models.CharField(max_length=20)
    value = models.CharField(max_length=500)
    normalised = models.CharField(max_length=500, db_index=True)
    fact = models.CharField(max_length=30, choices=RecordsFactKind.choices)
    detail = models.CharField(max_length=500, blank=True, default="")
    source = models.CharField(max_length=200, blank=True, default="")
    checked_at = models.DateTimeField(null=True)


class TriageAssessment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessments")
    model_version = models.CharField(max_length=40)
    score = models.IntegerField()
    rank = models.PositiveIntegerField()
    reasons = models.JSONField(default=list)
    # The assessment by the model the operation is run with now; one per person (see queries.current).
    current = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["current", "rank"], name="assessment_current_rank")]
        constraints = [
            models.UniqueConstraint(fields=["person", "model_version"], name="assessment_unique"),
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(current=True), name="assessment_one_current"
            ),
        ]


class PersonCase(models.Model):
    """How the investigators' work on a person stands: who has it and its status. A person with no row
    is new and unassigned. Written only by ``services/casework.py``."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="case")
    status = models.CharField(max_length=20, choices=CaseStatus.choices, default=CaseStatus.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_by = models.CharField(max_length=150)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["status"], name="case_status")]
