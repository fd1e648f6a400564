"""Turning a signed-in user into an :class:`Actor` for one operation."""

from __future__ import annotations

from tiaki.apps.access.models import Membership
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Role
from tiaki.apps.operations.models import Operation
from tiaki.errors import Forbidden


def actor_for(user_id: int, username: str, operation: Operation) -> Actor:
    """The actor a user is within ``operation``: their role there and their country scope.
    :class:`Forbidden` when they hold no active role in it."""
    membership = Membership.objects.filter(user_id=user_id, operation=operation, active=True).first()
    if membership is None:
        raise Forbidden(f"user '{username}' has no role in operation '{operation.name}'")
    role = Role(membership.role)
    countries = frozenset(str(c).upper() for c in membership.countries) or None
    if role == Role.PARTNER and countries is None:
        raise Forbidden(f"partner user '{username}' has no country: ask an administrator to set one")
    return Actor(
        name=f"user:{username}",
        role=role,
        countries=countries,
        agency=membership.agency,
        user_id=user_id,
    )
