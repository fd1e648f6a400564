"""The API's documentation page, offline: Swagger UI from the files django-ninja ships, served by the
API itself (nothing is fetched from elsewhere), with no inline script, so that it works under the
workspace's Content Security Policy."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ninja
from django.http import Http404, HttpRequest, HttpResponse
from django.template import Context, Template
from django.urls import reverse
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI

ASSETS = Path(ninja.__file__).parent / "static" / "ninja"
# The files the page loads, with their types: the only ones served.
SERVED = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-init.js": "text/javascript",  # reads the settings from the page's JSON block
}
PAGE = Path(__file__).with_name("docs.html")


@cache
def asset(name: str) -> bytes:
    return (ASSETS / name).read_bytes()


def serve_asset(request: HttpRequest, name: str) -> HttpResponse:
    if name not in SERVED:
        raise Http404(name)
    response = HttpResponse(asset(name), content_type=SERVED[name])
    response["Cache-Control"] = "public, max-age=86400"
    return response


class OfflineDocs(DocsBase):
    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        def url(name: str) -> str:
            return reverse(f"{api.urls_namespace}:docs-asset", kwargs={"name": name})

        settings = {
            "url": self.get_openapi_url(api, kwargs),
            "layout": "BaseLayout",
            "deepLinking": True,
        }
        context = {
            "title": api.title,
            "settings": settings,
            "css": url("swagger-ui.css"),
            "bundle": url("swagger-ui-bundle.js"),
            "init": url("swagger-ui-init.js"),
        }
        return HttpResponse(Template(PAGE.read_text()).render(Context(context)))
