"""Managing the workspace's users: adding one with a role, setting a password, disabling one.

A user's role is held per operation (``Membership``); a partner agency's officers are scoped to their
agency's country. Every change is audited. Passwords are hashed with argon2 (settings) and checked
against the password validators; they are never logged.
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from tiaki.apps.access.models import Membership
from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission, Role
from tiaki.apps.operations.models import Operation
from tiaki.errors import Conflict, Invalid, NotFound


def _clean_countries(countries: list[str]) -> list[str]:
    cleaned = sorted({c.strip().upper() for c in countries if c.strip()})
    for c in cleaned:
        if len(c) != 2 or not c.isalpha():
            raise Invalid(f"--country: '{c}' is not an ISO 3166-1 alpha-2 code (e.g. NZ)")
    return cleaned


def add_user(
    name: str,
    role: str,
    operations: list[Operation],
    *,
    countries: list[str],
    agency: str,
    actor: Actor,
) -> User:
    """Create user ``name`` (without a usable password until one is set) holding ``role`` in each of
    ``operations``. A partner needs a country and an agency."""
    actor.require(Permission.MANAGE)
    name = name.strip()
    if not name or len(name) > 150 or any(ch.isspace() for ch in name):
        raise Invalid("NAME: a user name is 1 to 150 characters without spaces")
    if role not in Role.values:
        raise Invalid(f"--role: '{role}' is not one of {', '.join(Role.values)}")
    scope = _clean_countries(countries)
    if role == Role.PARTNER and (not scope or not agency.strip()):
        raise Invalid("--country and --agency: a partner user needs their agency's country and name")
    users = User
    with transaction.atomic():
        if users.objects.filter(username=name).exists():
            raise Conflict(f"user '{name}' already exists")
        user = users.objects.create_user(username=name)
        user.set_unusable_password()
        user.save()
        for operation in operations:
            Membership.objects.create(
                user=user, operation=operation, role=role, countries=scope, agency=agency.strip()
            )
        record(
            "access.user-added",
            actor=actor,
            target=name,
            details={
                "role": role,
                "operations": [o.name for o in operations],
                "countries": scope,
                "agency": agency.strip(),
            },
        )
    return user


def _user(name: str) -> User:
    user = User.objects.filter(username=name).first()
    if user is None:
        raise NotFound(f"there is no user '{name}'")
    return user


def check_password(password: str, name: str = "") -> None:
    """:class:`Invalid` naming what the password validators refuse (for a user not created yet too)."""
    try:
        password_validation.validate_password(password, User(username=name))
    except ValidationError as exc:
        raise Invalid("password: " + " ".join(exc.messages)) from None


def set_password(name: str, password: str, *, actor: Actor) -> None:
    """Set the user's password, after the validators accept it (Invalid names what they refused)."""
    actor.require(Permission.MANAGE)
    user = _user(name)
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise Invalid("password: " + " ".join(exc.messages)) from None
    with transaction.atomic():
        user.set_password(password)
        user.save()
        record("access.password-set", actor=actor, target=name)


def disable_user(name: str, *, actor: Actor) -> None:
    """Stop the user signing in; their memberships and past actions stay on record."""
    actor.require(Permission.MANAGE)
    user = _user(name)
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(is_active=False)
        record("access.user-disabled", actor=actor, target=name)
