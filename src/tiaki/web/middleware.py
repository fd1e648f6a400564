"""The workspace's request plumbing: the error family mapped to pages, and the session idle timeout."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tiaki.errors import TiakiError

TITLES = {
    403: "Not allowed",
    404: "Not found",
    409: "Conflict",
    422: "Cannot accept that",
    503: "Unavailable",
}


def error_page(request: HttpRequest, status: int, message: str) -> HttpResponse:
    """The page (or, for an htmx request, the fragment) that tells the user what went wrong."""
    template = "web/_error.html" if request.headers.get("HX-Request") else "web/error.html"
    context = {"status": status, "title": TITLES.get(status, "Error"), "message": message}
    return render(request, template, context, status=status)


class ErrorPages:
    """Every :class:`TiakiError` a view raises becomes its status (404, 409, 422, 403, 503) and a page
    saying what is wrong. Services write inside transactions, so nothing is left half-written."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, TiakiError):
            return error_page(request, exc.http_status, str(exc))
        if isinstance(exc, DatabaseError):  # a stage holding SQLite's write lock, a database gone away
            return error_page(request, 503, "The case database is busy or unavailable; try again shortly.")
        return None


class IdleTimeout:
    """A signed-in session ends after ``SESSION_IDLE_SECONDS`` without a request. The time of the last
    request is written at most once a minute, so reading pages does not write the session each time."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            seen = request.session.get("seen")
            if seen is not None and now - float(seen) > settings.SESSION_IDLE_SECONDS:
                logout(request)
            elif seen is None or now - float(seen) > 60:
                request.session["seen"] = now
        return self.get_response(request)
