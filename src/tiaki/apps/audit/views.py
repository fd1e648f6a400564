"""The audit app's page: the log, filterable by actor, object and action, with the chain verified."""

from __future__ import annotations

from typing import Protocol

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tiaki.apps.audit.queries import events, verify
from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor

PAGE = 100


class Operation(Protocol):
    """The operation the page is opened in (the audit app sits below the operations app)."""

    pk: int
    name: str


@require_GET
def audit_log(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """Newest first. The chain is walked only when asked (``verify=1``): it reads every event."""
    g = request.GET
    filters = {
        "who": g.get("actor", "").strip(),
        "target": g.get("object", "").strip(),
        "action": g.get("action", "").strip(),
        "operation": operation.name,  # a page of one operation shows that operation's events only
    }
    found = events(actor, **filters)
    page = Paginator(found, PAGE).get_page(g.get("page"))
    verification = verify(actor) if g.get("verify") == "1" else None
    record(
        "audit.viewed",
        actor=actor,
        operation=operation.name,
        details={**filters, "verified": verification is not None},
    )
    params = g.copy()
    params.pop("page", None)
    context = {
        "operation": operation,
        "actor": actor,
        "page": page,
        "filters": filters,
        "verification": verification,
        "params": params.urlencode(),
    }
    return render(request, "audit/log.html", context)
