"""Reading operations: the one way to find an operation by name, for any actor."""

from __future__ import annotations

from django.db.models import QuerySet

from tiaki.apps.core.actor import Actor
from tiaki.apps.operations.models import Operation, RunSettings
from tiaki.errors import NotFound


def restrict(actor: Actor, queryset: QuerySet[Operation] | None = None) -> QuerySet[Operation]:
    """Operations ``actor`` may open: a system principal all; a person those they are a member of."""
    queryset = Operation.objects.all() if queryset is None else queryset
    if actor.system or actor.user_id is None:
        return queryset
    return queryset.filter(memberships__user_id=actor.user_id, memberships__active=True)


def get_operation(name: str, actor: Actor) -> Operation:
    """The operation called ``name``; :class:`NotFound` when there is none or the actor is no member."""
    found = restrict(actor, Operation.objects.filter(name=name)).first()
    if found is None:
        raise NotFound(f"there is no operation '{name}' (ingest a disclosure into it first)")
    return found


def run_settings(operation: Operation) -> RunSettings:
    """The operation's run settings (the defaults until someone changes them)."""
    found = RunSettings.objects.filter(operation=operation).first()
    return found if found is not None else RunSettings(operation=operation)
