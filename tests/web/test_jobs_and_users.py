"""Stages started from the workspace run as background jobs; users are managed from the command line."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from typer.testing import CliRunner

from builders import actor
from tiaki.apps.operations.models import Operation, StageJob
from tiaki.apps.operations.services.jobs import abandon_running, run_job, start_job
from tiaki.cli.main import app
from tiaki.engines.progress import Progress
from tiaki.errors import Conflict


@pytest.mark.django_db(transaction=True)
def test_a_stage_started_from_the_dashboard_runs_in_the_background_and_reports_progress(
    operation: Operation, client_as: Callable[..., Client]
):
    client = client_as("investigator", name="ivy")
    response = client.post(f"/o/{operation.pk}/stages/", {"stage": "triage"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and b"triage" in response.content
    job = StageJob.objects.get()
    for thread in [t for t in threading.enumerate() if t.name == f"job-{job.pk}"]:
        thread.join(timeout=60)
    job.refresh_from_db()
    assert (job.status, job.started_by, job.message) == ("done", "user:ivy", "")
    assert job.phase == "triage" and job.done == job.total
    polled = client.get(f"/o/{operation.pk}/jobs/{job.pk}/").content.decode()
    assert "done" in polled and "hx-trigger" not in polled  # polling stops when the job ends


@pytest.mark.django_db
def test_one_job_per_operation_at_a_time_and_a_failing_stage_ends_its_job(operation: Operation):
    first = start_job(operation, "resolve", lambda p: None, actor=actor())
    with pytest.raises(Conflict, match="already running resolve"):
        start_job(operation, "triage", lambda p: None, actor=actor())

    def broken(progress: Progress) -> None:
        progress.start("counting", 3)
        raise RuntimeError("disk on fire")

    ended = run_job(first.pk, broken)
    assert ended.status == "failed" and "disk on fire" in ended.message and ended.finished_at is not None
    again = start_job(operation, "triage", lambda p: None, actor=actor())
    assert abandon_running(actor()) == 1
    again.refresh_from_db()
    assert again.status == "failed" and "server stopped" in again.message


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_users_are_added_listed_and_disabled_from_the_command_line(operation: Operation):
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["user", "add", "dana", "--role", "investigator", "--operation", "op", "--password-stdin"],
        input="correct horse battery staple\n",
    )
    assert result.exit_code == 0, result.output
    assert User.objects.get(username="dana").check_password("correct horse battery staple")
    short = runner.invoke(app, ["user", "password", "dana", "--password-stdin"], input="short\n")
    assert short.exit_code == 2 and "password:" in short.output
    partner = runner.invoke(app, ["user", "add", "pat", "--role", "partner", "--no-password"])
    assert partner.exit_code == 2 and "--country and --agency" in partner.output
    listed = runner.invoke(app, ["user", "list"])
    assert "dana" in listed.output and "investigator@op" in listed.output and "not yet" in listed.output
    assert runner.invoke(app, ["user", "disable", "dana"]).exit_code == 0
    assert not User.objects.get(username="dana").is_active
    assert runner.invoke(app, ["user", "disable", "nobody"]).exit_code == 2


def test_serve_refuses_a_public_address_without_a_secret_key(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("TIAKI_SECRET_KEY", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "TIAKI_SECRET_KEY" in result.output
