"""The shell's pages: health, the operations a user works on, and each operation's dashboard, which
composes the apps' panels and starts stages as background jobs."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tiaki.apps.access.queries import partner_only, workspace_memberships
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import running_job
from tiaki.apps.operations.services.jobs import start_job
from tiaki.apps.outcomes.queries.sent import partner_inbox
from tiaki.apps.pipeline import STAGES, run_stages, stage_status
from tiaki.apps.referrals.queries import follow_ups_due
from tiaki.engines.progress import Progress
from tiaki.errors import Invalid
from tiaki.web import panels
from tiaki.web.guards import signed_in, user_id


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Answers without sign-in: the process serves and the case database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@signed_in
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The operations the user works on, with their role in each; a partner agency's user goes to
    the partner portal."""
    if partner_only(user_id(request)):
        return redirect("portal:home")
    memberships = workspace_memberships(user_id(request), request.user.get_username())
    return render(request, "web/home.html", {"memberships": memberships})


@signed_in
@require_GET
def portal_home(request: HttpRequest) -> HttpResponse:
    """The partner portal's first page: the packages sent to the user's agency, per operation."""
    inbox = partner_inbox(user_id(request), request.user.get_username())
    return render(request, "web/portal.html", {"inbox": inbox, "portal": True})


@require_GET
def dashboard(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """The operation at a glance: the funnel, the map, the charts and each stage's status."""
    figures, up_to_date = panels.dashboard_figures(actor, operation)
    context = {
        "operation": operation,
        "actor": actor,
        "summary": figures.summary,
        "funnel": panels.funnel(figures.summary),
        "charts": figures.charts,
        "counted_at": figures.counted_at,
        "up_to_date": up_to_date,
        "stages": stage_status(actor, operation),
        "running": running_job(actor, operation),
        "may_run": actor.may(Permission.RUN),
        "may_audit": actor.may(Permission.READ_AUDIT),
        "follow_ups": (
            list(follow_ups_due(actor, operation, timezone.now().date()))
            if actor.may(Permission.READ_PACKAGES)
            else []
        ),
    }
    return render(request, "web/dashboard.html", context)


@require_POST
def start_stage(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """Start a stage as a background job; the page then polls the job."""
    stage = request.POST.get("stage", "")
    if stage not in STAGES:
        raise Invalid(f"stage: '{stage}' is not one of {', '.join(STAGES)}")

    def runner(progress: Progress) -> None:
        run_stages(operation, [stage], actor=actor, progress=progress)  # holds the operation, like the CLI
        panels.dashboard_figures(actor, operation)  # counted here, not by the next page view

    job = start_job(operation, stage, runner, actor=actor)
    if request.headers.get("HX-Request"):
        return render(request, "operations/_job.html", {"operation": operation, "job": job})
    return redirect("web:dashboard", operation_id=operation.pk)
