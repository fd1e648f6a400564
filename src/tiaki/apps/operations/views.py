"""The operations app's pages: a background job's progress (polled by the dashboard)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tiaki.apps.core.actor import Actor
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import get_job


@require_GET
def job_status(request: HttpRequest, operation: Operation, actor: Actor, job_id: int) -> HttpResponse:
    """One job's status and progress; polled every second while it runs."""
    job = get_job(actor, operation, job_id)
    return render(request, "operations/_job.html", {"operation": operation, "job": job})
