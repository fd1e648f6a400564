"""Outcomes reported back on referred persons.

An :class:`Outcome` answers one send (``Dissemination``) for one person of the package that was sent,
named by the person id the package gave them (persons are re-clustered by later runs; the id in the
package is what the partner holds). Outcomes are appended, never edited: a correction is a new outcome
that withdraws an earlier one (``withdraws``). An outcome may carry the key its client sent with it
(``request_key``, the ``Idempotency-Key`` of an API request, the portal form's own) and a digest of what
it said (``request_digest``): the same request sent again answers the outcome it recorded instead of
recording it twice. Each outcome keeps the person's triage score, priority
and the triage model as they were in the package, so the triage model can later be calibrated
against what partners found.
"""

from __future__ import annotations

from django.db import models

from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.choices import OutcomeKind
from tiaki.apps.referrals.models import Agency, Dissemination


class Outcome(models.Model):
    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="outcomes")
    dissemination = models.ForeignKey(Dissemination, on_delete=models.PROTECT, related_name="outcomes")
    country = models.CharField(max_length=2)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="outcomes")
    person = models.CharField(max_length=64)  # the package's person_id
    kind = models.CharField(max_length=32, choices=OutcomeKind.choices)
    occurred_on = models.DateField()
    children = models.PositiveIntegerField(default=0)  # children safeguarded
    reason = models.TextField(blank=True, default="")  # no further action: why
    passed_to = models.CharField(max_length=200, blank=True, default="")  # passed on: to whom
    note = models.TextField(blank=True, default="")
    referred_score = models.IntegerField(null=True)  # as in the package sent
    referred_priority = models.CharField(max_length=20, blank=True, default="")
    triage_model = models.CharField(max_length=40, blank=True, default="")
    withdraws = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="withdrawn_by"
    )
    recorded_by = models.CharField(max_length=150)
    request_key = models.CharField(max_length=255, blank=True, default="")  # the client's, per recorder
    request_digest = models.CharField(max_length=64, blank=True, default="")  # SHA-256 of what it said
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["operation", "country", "kind"], name="outcome_country_kind"),
            models.Index(fields=["dissemination", "person"], name="outcome_person"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(children__lte=10000), name="outcome_children_bounded"),
            models.UniqueConstraint(
                fields=["operation", "recorded_by", "request_key"],
                condition=~models.Q(request_key=""),
                name="outcome_request_key_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.kind} {self.occurred_on}"
