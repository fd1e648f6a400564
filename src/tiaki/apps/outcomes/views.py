"""The partner portal's pages for one operation: a send (the package as sent, its persons and what
came of each), the dossier read online, the download, acknowledging receipt and recording outcomes.
Reached only by a partner agency's user, through ``web.guards.partner_view``; every read narrows to the
user's agency (``queries/sent.py``). Thin: parse, call a query or a service, render."""

from __future__ import annotations

import uuid

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.choices import OutcomeKind
from tiaki.apps.outcomes.queries.outcomes import for_send
from tiaki.apps.outcomes.queries.sent import referred_persons, send, sent_content
from tiaki.apps.outcomes.services.outcomes import OutcomeFields, record_outcome, request_key, withdraw_outcome
from tiaki.apps.outcomes.services.portal import download, read_dossier, view_send
from tiaki.apps.referrals.services.dissemination import acknowledge
from tiaki.errors import Conflict, Invalid

DOSSIER_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"
"""The dossier is the package's own document (checked to hold no script, image or outside reference
when written): shown in a sandbox that could run nothing even if it did."""


class OutcomeForm(forms.Form):
    person = forms.ChoiceField(choices=[])
    kind = forms.ChoiceField(choices=OutcomeKind.choices, label="outcome")
    occurred_on = forms.DateField(label="date (YYYY-MM-DD)", widget=forms.DateInput(attrs={"type": "date"}))
    children = forms.IntegerField(min_value=0, max_value=10000, required=False, label="children safeguarded")
    reason = forms.CharField(max_length=2000, required=False, label="reason (no further action)")
    passed_to = forms.CharField(max_length=200, required=False, label="passed to (agency)")
    note = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    # A key per form shown: the same form sent twice (a second click, a reload) records one outcome.
    request_key = forms.CharField(max_length=255, required=False, widget=forms.HiddenInput)

    def __init__(self, *args: object, persons: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["person"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(p, p) for p in persons]


class AcknowledgeForm(forms.Form):
    note = forms.CharField(max_length=2000, required=False)


class WithdrawForm(forms.Form):
    reason = forms.CharField(max_length=2000)


def _send_page(
    request: HttpRequest,
    operation: Operation,
    actor: Actor,
    send_id: int,
    *,
    form: OutcomeForm | None = None,
    problem: str = "",
    status: int = 200,
) -> HttpResponse:
    sent = send(actor, operation, send_id)
    persons = referred_persons(view_send(operation, send_id, actor))
    recorded = list(for_send(actor, sent).select_related("withdraws"))
    withdrawn = {o.withdraws_id for o in recorded if o.withdraws_id is not None}
    standing: dict[str, list[str]] = {}
    for o in reversed(recorded):
        if o.withdraws_id is None and o.pk not in withdrawn:
            label = o.get_kind_display() + (f" ({o.children})" if o.children else "")
            standing.setdefault(o.person, []).append(label)
    context = {
        "portal": True,
        "operation": operation,
        "actor": actor,
        "sent": sent,
        "persons": [(p, standing.get(p.person, [])) for p in persons],
        "outcomes": recorded,
        "withdrawn": withdrawn,
        "form": form
        or OutcomeForm(
            persons=[p.person for p in persons],
            initial={"occurred_on": timezone.now().date(), "request_key": uuid.uuid4().hex},
        ),
        "may_record": actor.may(Permission.OUTCOMES),
        "may_acknowledge": actor.may(Permission.ACKNOWLEDGE),
        "problem": problem,
    }
    return render(request, "outcomes/send.html", context, status=status)


@require_GET
def send_detail(request: HttpRequest, operation: Operation, actor: Actor, send_id: int) -> HttpResponse:
    return _send_page(request, operation, actor, send_id)


@require_GET
def dossier(request: HttpRequest, operation: Operation, actor: Actor, send_id: int) -> HttpResponse:
    content = read_dossier(operation, send_id, actor)
    response = HttpResponse(content.dossier_html, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = DOSSIER_POLICY
    response["X-Frame-Options"] = "DENY"
    return response


@require_GET
def package_file(request: HttpRequest, operation: Operation, actor: Actor, send_id: int) -> HttpResponse:
    name, data = download(operation, send_id, actor)
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _back(operation: Operation, send_id: int, anchor: str = "") -> HttpResponse:
    return redirect(reverse("portal:send", args=[operation.pk, send_id]) + anchor)


@require_POST
def acknowledge_send(request: HttpRequest, operation: Operation, actor: Actor, send_id: int) -> HttpResponse:
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():  # nothing recorded: the note would be lost
        problem = "note: " + " ".join(str(e) for e in form.errors.get("note", ["not accepted"]))
        return _send_page(request, operation, actor, send_id, problem=problem, status=422)
    try:
        acknowledge(operation, send_id, actor, note=form.cleaned_data["note"])
    except Conflict as exc:
        return _send_page(request, operation, actor, send_id, problem=str(exc), status=409)
    return _back(operation, send_id)


@require_POST
def add_outcome(request: HttpRequest, operation: Operation, actor: Actor, send_id: int) -> HttpResponse:
    actor.require(Permission.OUTCOMES)
    persons = [p.person for p in referred_persons(sent_content(send(actor, operation, send_id)))]
    form = OutcomeForm(request.POST, persons=persons)
    if not form.is_valid():
        return _send_page(
            request, operation, actor, send_id, form=form, problem="check the fields marked", status=422
        )
    data = form.cleaned_data
    fields = OutcomeFields(
        person=data["person"],
        kind=data["kind"],
        occurred_on=data["occurred_on"],
        children=data["children"] or 0,
        reason=data["reason"],
        passed_to=data["passed_to"],
        note=data["note"],
    )
    try:
        record_outcome(operation, send_id, fields, actor, key=request_key(data["request_key"] or None))
    except Invalid as exc:
        name, _, message = str(exc).partition(": ")
        if name in form.fields and message:
            form.add_error(name, message)
        return _send_page(request, operation, actor, send_id, form=form, problem=str(exc), status=422)
    return _back(operation, send_id, "#outcomes")


@require_POST
def withdraw(request: HttpRequest, operation: Operation, actor: Actor, outcome_id: int) -> HttpResponse:
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        raise Invalid("reason: " + " ".join(str(e) for e in form.errors.get("reason", ["not accepted"])))
    withdrawal = withdraw_outcome(operation, outcome_id, actor, reason=form.cleaned_data["reason"])
    return _back(operation, withdrawal.dissemination_id, "#outcomes")
