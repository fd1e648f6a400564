"""Who may work on which operation, in what role, and which countries they see."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tiaki.apps.core.roles import Role
from tiaki.apps.operations.models import Operation


class Membership(models.Model):
    """A user's role in one operation. ``countries`` (ISO 3166-1 alpha-2 codes) narrows every read to
    persons placed in those countries; empty means every country. A partner agency's officers are
    always scoped to their agency's country."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    countries = models.JSONField(default=list, blank=True)
    agency = models.CharField(max_length=200, blank=True, default="")
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "operation"], name="membership_unique")]
