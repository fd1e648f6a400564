"""Who may reach a page: signed in with both factors, and a role in the operation the page is about.

Domain apps' views are plain functions of ``(request, operation, actor, ...)``; the URL wiring wraps
them with :func:`operation_view`, which turns the signed-in user into the :class:`Actor` they are in
that operation (their role and country scope). What the role allows is then checked by the query or
service the view calls, from the one table in ``apps/core/roles.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse

from tiaki.apps.access.queries import open_operation
from tiaki.apps.core.roles import Role
from tiaki.errors import Forbidden

View = Callable[..., HttpResponseBase]


def _to_signin(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_authenticated:  # the password was right; the second factor is still to come
        return redirect(reverse("web:verify") + "?" + urlencode({"next": request.get_full_path()}))
    return redirect(reverse("web:signin") + "?" + urlencode({"next": request.get_full_path()}))


def user_id(request: HttpRequest) -> int:
    """The signed-in user's id (callers have checked that a user is signed in)."""
    pk = request.user.pk
    if pk is None:
        raise PermissionError("no user is signed in")
    return int(pk)


def verified(request: HttpRequest) -> bool:
    user: Any = request.user
    return bool(user.is_authenticated and user.is_active and user.is_verified())


def signed_in(view: View) -> View:
    """The page needs a user signed in with password and second factor."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not verified(request):
            return _to_signin(request)
        return view(request, *args, **kwargs)

    return wrapped


def operation_view(view: Callable[..., HttpResponseBase]) -> View:
    """``view(request, operation, actor, **kwargs)`` reached as ``/o/<operation_id>/...``: 404 for an
    operation that does not exist, 403 for one the user holds no role in, and 403 for a partner
    agency's user (the investigators' pages are not theirs; the partner portal is)."""

    @wraps(view)
    def wrapped(request: HttpRequest, operation_id: int, **kwargs: Any) -> HttpResponseBase:
        if not verified(request):
            return _to_signin(request)
        operation, actor = open_operation(user_id(request), request.user.get_username(), operation_id)
        if actor.role == Role.PARTNER:
            raise Forbidden(
                "the investigators' workspace is not open to partner agencies: use the partner portal"
            )
        return view(request, operation, actor, **kwargs)

    return wrapped


def partner_view(view: Callable[..., HttpResponseBase]) -> View:
    """``view(request, operation, actor, **kwargs)`` reached as ``/partner/o/<operation_id>/...``: only
    for a user holding the partner role in the operation (scoped to their agency and its country)."""

    @wraps(view)
    def wrapped(request: HttpRequest, operation_id: int, **kwargs: Any) -> HttpResponseBase:
        if not verified(request):
            return _to_signin(request)
        operation, actor = open_operation(user_id(request), request.user.get_username(), operation_id)
        if actor.role != Role.PARTNER:
            raise Forbidden("the partner portal is for partner agencies' officers: use the workspace")
        return view(request, operation, actor, **kwargs)

    return wrapped
