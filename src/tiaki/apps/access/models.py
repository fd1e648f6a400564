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


class ApiToken(models.Model):
    """A key to the REST API, held by one user: a request carrying it acts as that user, with their
    role and country scope in the operation its address names. Only the SHA-256 of the secret is
    kept; ``prefix`` (the secret's first characters) tells a user's tokens apart in lists."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16)
    digest = models.CharField(max_length=64, unique=True)  # SHA-256 of the secret, hex
    created_by = models.CharField(max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.CharField(max_length=150, blank=True, default="")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"
