"""Reading packages: a scoped actor sees only the packages of the countries in its scope."""

from __future__ import annotations

from pathlib import Path

from django.db.models import QuerySet
from django.utils.text import slugify

from tiaki.apps.core import datadir
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.models import Package


def packages(actor: Actor, operation: Operation) -> QuerySet[Package]:
    actor.require(Permission.READ_PACKAGES)
    found = Package.objects.filter(operation=operation)
    return found if actor.countries is None else found.filter(country__in=sorted(actor.countries))


def packages_root(operation: Operation) -> Path:
    """The operation's package folder, named by its identity (so two operations whose names read
    alike never share one) and its name (so a person can tell which it is)."""
    return datadir.root() / "packages" / f"{operation.pk}-{slugify(operation.name) or 'operation'}"
