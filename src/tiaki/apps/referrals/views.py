"""The referrals app's pages: the directory of agencies (kept by a supervisor), and the packages with
the dissemination log (send, acknowledge). Thin: parse, call a query or a service, render."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.choices import Channel, RecipientScheme
from tiaki.apps.referrals.queries import agencies, dispatch_index, disseminations
from tiaki.apps.referrals.services.agencies import AgencyFields, add_agency, remove_agency
from tiaki.apps.referrals.services.dissemination import acknowledge, send_package
from tiaki.errors import Conflict, Invalid, NotFound


class AgencyForm(forms.Form):
    country = forms.CharField(max_length=2)
    name = forms.CharField(max_length=200)
    channel = forms.ChoiceField(choices=Channel.choices)
    contact = forms.CharField(max_length=500, required=False)
    grading_scheme = forms.ChoiceField(choices=RecipientScheme.choices)
    language = forms.CharField(max_length=8, initial="en")
    recipient = forms.CharField(
        max_length=2000, required=False, label="public key (age1... or ssh-ed25519 ...)"
    )


class SendForm(forms.Form):
    country = forms.CharField(max_length=2)
    channel = forms.ChoiceField(choices=[("", "the agency's"), *Channel.choices], required=False)
    reference = forms.CharField(max_length=200, required=False)


class AcknowledgeForm(forms.Form):
    note = forms.CharField(max_length=2000, required=False)


def _agencies_page(
    request: HttpRequest, operation: Operation, actor: Actor, form: AgencyForm, problem: str = ""
) -> HttpResponse:
    context = {
        "operation": operation,
        "actor": actor,
        "agencies": agencies(actor),
        "form": form,
        "problem": problem,
        "may_edit": actor.may(Permission.AGENCIES),
    }
    return render(request, "referrals/agencies.html", context, status=422 if problem else 200)


@require_GET
def agency_list(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    return _agencies_page(request, operation, actor, AgencyForm())


@require_POST
def agency_add(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    actor.require(Permission.AGENCIES)
    form = AgencyForm(request.POST)
    if not form.is_valid():
        return _agencies_page(request, operation, actor, form, "check the fields marked")
    try:
        add_agency(AgencyFields(**form.cleaned_data), actor)
    except (Invalid, Conflict) as exc:
        return _agencies_page(request, operation, actor, form, str(exc))
    return redirect(reverse("referrals:agencies", args=[operation.pk]))


@require_POST
def agency_remove(request: HttpRequest, operation: Operation, actor: Actor, agency_id: int) -> HttpResponse:
    actor.require(Permission.AGENCIES)
    found = agencies(actor).filter(pk=agency_id).first()
    if found is None:
        raise NotFound(f"no agency #{agency_id}")
    try:
        remove_agency(found.country, found.name, actor)
    except Conflict as exc:
        return _agencies_page(request, operation, actor, AgencyForm(), str(exc))
    return redirect(reverse("referrals:agencies", args=[operation.pk]))


def _packages_page(
    request: HttpRequest, operation: Operation, actor: Actor, problem: str = ""
) -> HttpResponse:
    context = {
        "operation": operation,
        "actor": actor,
        "index": dispatch_index(actor, operation),
        "sends": disseminations(actor, operation),
        "today": timezone.now().date(),
        "may_send": actor.may(Permission.EXPORT),
        "send_form": SendForm(),
        "problem": problem,
    }
    return render(request, "referrals/packages.html", context, status=422 if problem else 200)


@require_GET
def package_list(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """The dispatching officer's index and the dissemination log."""
    return _packages_page(request, operation, actor)


@require_POST
def package_send(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    actor.require(Permission.EXPORT)
    form = SendForm(request.POST)
    if not form.is_valid():
        return _packages_page(request, operation, actor, "check the send's fields")
    try:
        send_package(
            operation,
            form.cleaned_data["country"],
            actor,
            channel=form.cleaned_data["channel"] or None,
            reference=form.cleaned_data["reference"],
        )
    except (Invalid, NotFound) as exc:
        return _packages_page(request, operation, actor, str(exc))
    return redirect(reverse("referrals:packages", args=[operation.pk]))


@require_POST
def package_acknowledge(
    request: HttpRequest, operation: Operation, actor: Actor, send_id: int
) -> HttpResponse:
    actor.require(Permission.ACKNOWLEDGE)
    form = AcknowledgeForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        acknowledge(operation, send_id, actor, note=note)
    except Conflict as exc:
        return _packages_page(request, operation, actor, str(exc))
    return redirect(reverse("referrals:packages", args=[operation.pk]) + "#log")
