"""Every answer under ``/api/`` that is an error is JSON with one field, ``detail``, also those no
endpoint wrote: an address the API does not have (404), a method an address does not take (405), a body
larger than the server reads (413)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse

PREFIX = "/api/"


class JsonErrors:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path.startswith(PREFIX)
            or response.status_code < 400
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        status = response.status_code
        if status == 404:
            detail = f"the API has no address {request.path} (its addresses: /api/docs)"
        elif status == 405:
            detail = f"{request.method} is not taken here; this address takes {response.get('Allow', 'none')}"
        else:
            detail = response.reason_phrase
        answer = JsonResponse({"detail": detail}, status=status)
        if "Allow" in response:
            answer["Allow"] = response["Allow"]
        return answer

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if request.path.startswith(PREFIX) and isinstance(exc, RequestDataTooBig):
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            return JsonResponse({"detail": f"the request body is larger than {limit:,} bytes"}, status=413)
        return None
