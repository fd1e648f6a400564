"""Who may work on which operation, and in what role."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tiaki.apps.intake.models import Operation


class OperationRole(models.Model):
    ROLES = (
        ("lead", "lead investigator"),
        ("analyst", "analyst"),
        ("reviewer", "media reviewer"),
        ("partner", "partner agency"),
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tiaki_roles")
    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=20, choices=ROLES)
    # A partner sees only the packages of the countries in its scope.
    country_scope = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "operation"], name="role_unique")]
