"""Outcomes as recorded, for one send or an operation."""

from __future__ import annotations

from django.db.models import QuerySet

from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.models import Outcome
from tiaki.apps.referrals.models import Dissemination
from tiaki.apps.referrals.queries import for_actor


def outcomes(actor: Actor, operation: Operation) -> QuerySet[Outcome]:
    """Every outcome ``actor`` may see (a partner: its agency's), newest event first; withdrawn ones
    and the withdrawals themselves included (``current`` narrows)."""
    actor.require(Permission.READ_PACKAGES)
    found = Outcome.objects.filter(operation=operation).select_related("agency")
    return for_actor(actor, found).order_by("-occurred_on", "-pk")


def current(found: QuerySet[Outcome]) -> QuerySet[Outcome]:
    """Outcomes that stand: neither withdrawn nor a withdrawal."""
    return found.filter(withdrawn_by__isnull=True, withdraws__isnull=True)


def for_send(actor: Actor, sent: Dissemination) -> QuerySet[Outcome]:
    return outcomes(actor, sent.operation).filter(dissemination=sent)
