"""Reading what providers disclosed, narrowed to what the actor may see.

An account, its identifiers, IP events, uploads and accesses belong to the person the account was
resolved to; a country-scoped actor sees them only when that person is placed in their scope
(``core/scope.py``). Disclosures and stored files are visible to those who read the whole case.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from tiaki.apps.core import scope
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import Account, Disclosure, Identifier, IPEvent, Upload
from tiaki.apps.operations.models import Operation

TO_PERSON = {
    Account: scope.ACCOUNT,
    Identifier: "account__" + scope.ACCOUNT,
    IPEvent: "account__" + scope.ACCOUNT,
    Upload: "account__" + scope.ACCOUNT,
}


def accounts(actor: Actor, operation: Operation) -> QuerySet[Account]:
    actor.require(Permission.READ_CASE)
    return scope.restrict(actor, Account.objects.filter(operation=operation), TO_PERSON[Account])


def identifiers(actor: Actor, operation: Operation) -> QuerySet[Identifier]:
    actor.require(Permission.READ_CASE)
    found = Identifier.objects.filter(account__operation=operation)
    return scope.restrict(actor, found, TO_PERSON[Identifier])


def ip_events(actor: Actor, operation: Operation) -> QuerySet[IPEvent]:
    actor.require(Permission.READ_CASE)
    return scope.restrict(actor, IPEvent.objects.filter(account__operation=operation), TO_PERSON[IPEvent])


def uploads(actor: Actor, operation: Operation) -> QuerySet[Upload]:
    actor.require(Permission.READ_CASE)
    found = Upload.objects.filter(disclosure__operation=operation)
    return scope.restrict(actor, found, TO_PERSON[Upload])


def disclosures(actor: Actor, operation: Operation) -> QuerySet[Disclosure]:
    """Disclosures as a whole hold every country's accounts: only unscoped readers see them."""
    actor.require(Permission.READ_CASE)
    found = Disclosure.objects.filter(operation=operation)
    return found if not actor.scoped else found.none()


def events_per_month(actor: Actor, operation: Operation) -> list[tuple[datetime, int]]:
    """IP events per calendar month (UTC), oldest first; events without a time are not counted."""
    rows = (
        ip_events(actor, operation)
        .exclude(timestamp=None)
        .annotate(month=TruncMonth("timestamp"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return [(month, n) for month, n in rows]
