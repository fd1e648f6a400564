"""Turning a signed-in user into an :class:`Actor` for one operation."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from tiaki.apps.access.models import Membership
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission, Role
from tiaki.apps.operations.models import Operation
from tiaki.errors import Forbidden, NotFound


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


def open_operation(user_id: int, username: str, operation_id: int) -> tuple[Operation, Actor]:
    """The operation with id ``operation_id`` and the actor the user is in it: :class:`NotFound` when
    there is no such operation, :class:`Forbidden` when the user holds no role in it."""
    operation = Operation.objects.filter(pk=operation_id).first()
    if operation is None:
        raise NotFound(f"there is no operation #{operation_id}")
    return operation, actor_for(user_id, username, operation)


def workspace_memberships(user_id: int, username: str) -> QuerySet[Membership]:
    """The operations a user works on in the investigators' workspace, with their role in each.
    A partner agency's user has none (the partner portal is theirs): :class:`Forbidden`."""
    active = Membership.objects.filter(user_id=user_id, active=True).select_related("operation")
    working = active.exclude(role=Role.PARTNER)
    if active.exists() and not working.exists():
        raise Forbidden(f"user '{username}' is a partner user: the investigators' workspace is not theirs")
    return working.order_by("operation__name")


def assignable(operation: Operation) -> list[str]:
    """Usernames a person of ``operation`` can be assigned to: active users with a case role in it."""
    return list(
        Membership.objects.filter(operation=operation, active=True, user__is_active=True)
        .exclude(role__in=[Role.PARTNER, Role.AUDITOR])
        .order_by("user__username")
        .values_list("user__username", flat=True)
    )


@dataclass(frozen=True)
class UserRow:
    name: str
    active: bool
    second_factor: bool
    roles: list[str]  # "role@operation"


def users(actor: Actor) -> list[UserRow]:
    """Every user, with their roles and whether they have enrolled a second factor."""
    actor.require(Permission.MANAGE)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    enrolled = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    roles: dict[int, list[str]] = {}
    for user_id, role, op in Membership.objects.filter(active=True).values_list(
        "user_id", "role", "operation__name"
    ):
        roles.setdefault(user_id, []).append(f"{role}@{op}")
    return [
        UserRow(u.username, u.is_active, u.pk in enrolled, sorted(roles.get(u.pk, [])))
        for u in get_user_model().objects.order_by("username")
    ]
