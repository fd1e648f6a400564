"""The API object: token authentication on every endpoint, the error family mapped to statuses with
a ``{"detail": ...}`` body, the schema at ``/api/openapi.json`` and the docs at ``/api/docs``."""

from __future__ import annotations

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from tiaki.api.auth import TokenAuth
from tiaki.api.docs import OfflineDocs, serve_asset
from tiaki.api.endpoints import router
from tiaki.errors import TiakiError

api = NinjaAPI(
    title="tiaki",
    version="1",
    description=(
        "Read an operation's persons, packages, sends and outcomes, acknowledge sends and record "
        "outcomes. Every request carries an API token: `Authorization: Bearer tiaki_...`."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs=OfflineDocs(),
)
api.add_router("", router)
api.get("/docs/{name}", auth=None, include_in_schema=False, url_name="docs-asset")(serve_asset)


@api.exception_handler(TiakiError)
def tiaki_error(request: HttpRequest, exc: TiakiError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=exc.http_status)


@api.exception_handler(DatabaseError)
def database_error(request: HttpRequest, exc: DatabaseError) -> HttpResponse:
    detail = "The case database is busy or unavailable; try again shortly."
    return api.create_response(request, {"detail": detail}, status=503)


@api.exception_handler(ValidationError)
def invalid_request(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """The request's parameters or body, one line: ``where: what is wrong; ...``."""
    parts = []
    for error in exc.errors:
        where = ".".join(str(x) for x in error.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid")))
    return api.create_response(request, {"detail": "; ".join(parts) or "invalid request"}, status=422)
