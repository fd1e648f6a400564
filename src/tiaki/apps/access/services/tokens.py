"""API tokens: creating one for a user, revoking one, and recognising one on a request.

A token is a random secret (256 bits) shown once, when it is created; only its SHA-256 is kept, with
its first characters (``prefix``) so that a list can tell tokens apart. A token acts as its user: with
their role and country scope in the operation a request names, and not at all once the user is
disabled. Tokens are created and revoked by their owner or an administrator; both are audited. When a
token was last used is recorded at most once a minute.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from tiaki.apps.access.models import ApiToken
from tiaki.apps.access.queries import token_digest, token_in_force, tokens
from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.core.typed import typed
from tiaki.errors import Conflict, Forbidden, Invalid, NotFound

SECRET_START = "tiaki_"
PREFIX_LENGTH = len(SECRET_START) + 8
MAX_EXPIRY_DAYS = 3650
TOUCH_SECONDS = 60


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once; not kept


def _owner_or_admin(actor: Actor, user: User) -> None:
    if actor.user_id != user.pk and not actor.may(Permission.MANAGE):
        raise Forbidden(f"{actor.name} may not manage another user's API tokens")


def create_token(name: str, user: str, *, actor: Actor, expires_days: int | None = None) -> NewToken:
    """A new token for ``user`` named ``name`` (what it is for), valid ``expires_days`` days (None:
    until revoked)."""
    name = typed("NAME", name)
    if not name or len(name) > 100:
        raise Invalid("NAME: a token's name is 1 to 100 characters (say what it is for)")
    if expires_days is not None and not 1 <= expires_days <= MAX_EXPIRY_DAYS:
        raise Invalid(f"--expires-days: from 1 to {MAX_EXPIRY_DAYS}")
    owner = User.objects.filter(username=user).first()
    if owner is None:
        raise NotFound(f"there is no user '{user}'")
    _owner_or_admin(actor, owner)
    if not owner.is_active:
        raise Invalid(f"user '{user}' is disabled: a token of theirs would never work")
    secret = SECRET_START + secrets.token_urlsafe(32)
    expires_at = timezone.now() + timedelta(days=expires_days) if expires_days is not None else None
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=owner,
            name=name,
            prefix=secret[:PREFIX_LENGTH],
            digest=token_digest(secret),
            created_by=actor.name,
            expires_at=expires_at,
        )
        record(
            "access.token-created",
            actor=actor,
            target=owner.username,
            details={
                "token": token.pk,
                "name": name,
                "prefix": token.prefix,
                "expires_at": expires_at.isoformat() if expires_at else None,
            },
        )
    return NewToken(token, secret)


def revoke_token(token_id: int, *, actor: Actor) -> ApiToken:
    """Revoke a token now: every later request with it is refused. Another user's token is not found
    unless the actor is an administrator."""
    with transaction.atomic():
        token = tokens(actor).select_for_update().filter(pk=token_id).first()
        if token is None:
            raise NotFound(f"there is no API token #{token_id}")
        if token.revoked_at is not None:
            raise Conflict(f"API token #{token_id} was revoked on {token.revoked_at:%Y-%m-%d}")
        token.revoked_at = timezone.now()
        token.revoked_by = actor.name
        token.save(update_fields=["revoked_at", "revoked_by"])
        record(
            "access.token-revoked",
            actor=actor,
            target=token.user.username,
            details={"token": token.pk, "name": token.name, "prefix": token.prefix},
        )
    return token


def authenticate(secret: str) -> User | None:
    """The user a request's token acts as, or None when it is not a token in force; records when the
    token was used (at most once a minute, so reading does not write each time)."""
    if not secret.startswith(SECRET_START) or len(secret) > 200:
        return None
    token = token_in_force(secret)
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > TOUCH_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
