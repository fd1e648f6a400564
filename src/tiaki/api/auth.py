"""Token authentication: ``Authorization: Bearer tiaki_...``. A request carrying a token in force acts
as the token's user; anything else is refused with 401 before any endpoint runs. Sessions (the
workspace's sign-in) play no part, so the API needs no CSRF token either."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja.security import HttpBearer

from tiaki.apps.access.services.tokens import authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return authenticate(token.strip())


def caller(request: HttpRequest) -> User:
    """The user the request's token acts as (every endpoint but the schema and the docs has one)."""
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user
