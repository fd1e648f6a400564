"""Turning a signed-in user into an :class:`Actor` for one operation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from tiaki.apps.access.models import ApiToken, Membership
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
    """The operation with id ``operation_id`` and the actor the user is in it. One :class:`NotFound`,
    naming nothing, whether the operation does not exist or the user holds no active role in it: an
    id never tells anyone more than that there is nothing for them there (not even its name)."""
    held = (
        Membership.objects.filter(user_id=user_id, operation_id=operation_id, active=True)
        .select_related("operation")
        .first()
    )
    if held is None:
        raise NotFound(f"there is no operation #{operation_id} for you")
    return held.operation, actor_for(user_id, username, held.operation)


def workspace_memberships(user_id: int, username: str) -> QuerySet[Membership]:
    """The operations a user works on in the investigators' workspace, with their role in each.
    A partner agency's user has none (the partner portal is theirs): :class:`Forbidden`."""
    active = Membership.objects.filter(user_id=user_id, active=True).select_related("operation")
    working = active.exclude(role=Role.PARTNER)
    if active.exists() and not working.exists():
        raise Forbidden(f"user '{username}' is a partner user: the investigators' workspace is not theirs")
    return working.order_by("operation__name")


def partner_only(user_id: int) -> bool:
    """Whether every active role the user holds is a partner agency's (their place is the portal)."""
    active = Membership.objects.filter(user_id=user_id, active=True)
    return active.exists() and not active.exclude(role=Role.PARTNER).exists()


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


def own_account(user_id: int, username: str) -> Actor:
    """The actor a signed-in user is when they look after their own account (their API tokens): no
    operation, no country, and none of any role's permissions beyond acting on what is theirs."""
    return Actor(name=f"user:{username}", role=Role.PARTNER, countries=frozenset(), user_id=user_id)


def memberships(user_id: int) -> QuerySet[Membership]:
    """The operations a user works on (through the API too: partners included), with their role."""
    return (
        Membership.objects.filter(user_id=user_id, active=True)
        .select_related("operation")
        .order_by("operation__name", "pk")
    )


def token_digest(secret: str) -> str:
    """What is kept of an API token's secret: its SHA-256, hex."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def token_in_force(secret: str) -> ApiToken | None:
    """The token ``secret`` is, with its user, when it is in force: not revoked, not expired, and its
    user not disabled. None for anything else, whatever the reason."""
    found = ApiToken.objects.select_related("user").filter(digest=token_digest(secret)).first()
    if found is None or found.revoked_at is not None or not found.user.is_active:
        return None
    if found.expires_at is not None and found.expires_at <= timezone.now():
        return None
    return found


def tokens(actor: Actor, user: str | None = None) -> QuerySet[ApiToken]:
    """API tokens, newest first: an administrator's view is every user's (or ``user``'s); anyone
    else's is their own."""
    found = ApiToken.objects.select_related("user").order_by("-created_at", "-pk")
    if not actor.may(Permission.MANAGE):
        if actor.user_id is None:
            return found.none()
        found = found.filter(user_id=actor.user_id)
    if user is not None:
        if not get_user_model().objects.filter(username=user).exists():
            raise NotFound(f"there is no user '{user}'")
        found = found.filter(user__username=user)
    return found
