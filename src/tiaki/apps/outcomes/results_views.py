"""The operation's results page, and its CSV and PDF downloads. Thin: the figures come from
``queries/results.py``, drawn and written by ``formats/results.py``."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.queries.results import operation_results
from tiaki.formats import results as figures


def _results(operation: Operation, actor: Actor) -> figures.Results:
    return operation_results(actor, operation, timezone.localdate())


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _file_name(operation: Operation, suffix: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in operation.name)[:80] or "operation"
    return f"{safe}-results.{suffix}"


@require_GET
def results(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """The figures as tables, the map of investigations and the months."""
    found = _results(operation, actor)
    context = {
        "operation": operation,
        "actor": actor,
        "results": found,
        "totals": figures.totals_table(found),
        "countries": figures.countries_table(found),
        "months": figures.months_table(found),
        "overdue": figures.overdue_table(found),
        "world": figures.world_map(found),
        "chart": figures.months_chart(found),
    }
    return render(request, "outcomes/results.html", context)


@require_GET
def results_csv(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    found = _results(operation, actor)
    data = figures.results_csv(found)
    record(
        "export.results", actor=actor, operation=operation.name, target=operation.name, details={"csv": "web"}
    )
    return _download(data, "text/csv; charset=utf-8", _file_name(operation, "csv"))


@require_GET
def results_pdf(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    found = _results(operation, actor)
    data = figures.render_pdf(found)
    record(
        "export.results", actor=actor, operation=operation.name, target=operation.name, details={"pdf": "web"}
    )
    return _download(data, "application/pdf", _file_name(operation, "pdf"))
