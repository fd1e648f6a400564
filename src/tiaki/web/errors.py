"""Django's own 403 and 404 (a CSRF failure, an unknown address) as the workspace's error page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from tiaki.web.middleware import error_page


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 403, "You may not do this.")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 404, "There is nothing at this address.")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_page(request, 403, "The form had expired or did not come from this site: reload the page.")
