"""The media review's pages: the queue, one item (blurred by default; revealed deliberately, for a
short time), suggested grades confirmed in bulk, descriptions awaiting a second reviewer, series with
their clue cards and candidate countries, and the supervisors' exposure page (counts only).

The browser never receives evidence bytes except from :func:`original`: authenticated, audited,
``Cache-Control: no-store``, only to a reviewer during their open reveal window."""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.choices import AgeBand, ClueKind, Conduct, Depiction, SelfGenerated, Setting
from tiaki.apps.media.derivatives import derivative_bytes
from tiaki.apps.media.queries import (
    active_reveal,
    allowance,
    budgets,
    candidate_countries,
    clue_cards,
    descriptions,
    descriptions_to_decide,
    exposure,
    facts_of,
    find_item,
    grade_in_scheme,
    review_queue,
    series_list,
    suggested,
    summarise,
)
from tiaki.apps.media.services.clues import add_clue, add_market, set_series_status
from tiaki.apps.media.services.describe import (
    STYLE_RULE,
    SUMMARY_LIMIT,
    DescriptionDraft,
    decide_description,
    submit_description,
)
from tiaki.apps.media.services.review import (
    confirm_suggested,
    record_facts,
    serve_next,
    view_item,
)
from tiaki.apps.media.services.review import (
    original as original_file,
)
from tiaki.apps.media.services.review import (
    reveal as reveal_item,
)
from tiaki.apps.media.services.wellbeing import set_budget
from tiaki.apps.operations.models import Operation
from tiaki.engines.grading import SCHEMES, Facts
from tiaki.engines.media import sniff
from tiaki.errors import Invalid

NO_STORE = "no-store, private, max-age=0"
R = TypeVar("R", bound=HttpResponseBase)
_MIME = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "mp4": "video/mp4",
}


class FactsForm(forms.Form):
    age_bands = forms.MultipleChoiceField(
        choices=AgeBand.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Apparent age band(s)",
    )
    depiction = forms.ChoiceField(choices=Depiction.choices, widget=forms.RadioSelect)
    conduct = forms.ChoiceField(choices=Conduct.choices, widget=forms.RadioSelect)
    self_generated = forms.MultipleChoiceField(
        choices=SelfGenerated.choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class RevealForm(forms.Form):
    reason = forms.CharField(max_length=2000, strip=True, error_messages={"required": "give a reason"})


class DescriptionForm(forms.Form):
    setting = forms.ChoiceField(choices=Setting.choices)
    children = forms.IntegerField(min_value=0, max_value=99, initial=0)
    adults = forms.IntegerField(min_value=0, max_value=99, initial=0)
    child_age_bands = forms.MultipleChoiceField(
        choices=AgeBand.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    objects_seen = forms.CharField(max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    visible_text = forms.CharField(max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    sounds = forms.CharField(max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    summary = forms.CharField(
        max_length=SUMMARY_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=STYLE_RULE,
    )


class ClueForm(forms.Form):
    kind = forms.ChoiceField(choices=ClueKind.choices)
    value = forms.CharField(
        max_length=200, help_text="a plug type (A-O), a product, a language code (en), ..."
    )
    note = forms.CharField(max_length=2000, required=False)
    series = forms.CharField(max_length=200, required=False)


class BudgetForm(forms.Form):
    reviewer = forms.CharField(max_length=150, required=False, help_text="empty: everyone's default")
    severe_per_day = forms.IntegerField(min_value=0, required=False)
    severe_per_week = forms.IntegerField(min_value=0, required=False)


def _no_store(response: R) -> R:
    response["Cache-Control"] = NO_STORE
    response["Pragma"] = "no-cache"
    return response


@require_GET
def queue(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """The reviewer's desk: how much waits, what they have seen today, and the button for the next."""
    now = timezone.now()
    waiting = review_queue(actor, operation)
    context = {
        "operation": operation,
        "actor": actor,
        "waiting": len(waiting),
        "severe_waiting": sum(1 for e in waiting if e.severe),
        "allowance": allowance(operation, actor.name, now),
        "mine": [r for r in exposure(actor, operation, now, reviewer=actor.name)],
        "summary": summarise(actor, operation),
        "suggested": suggested(actor, operation).count(),
        "to_decide": len(descriptions_to_decide(actor, operation)),
        "empty": request.GET.get("empty") == "1",
    }
    return _no_store(render(request, "media/queue.html", context))


@require_POST
def next_item(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    served = serve_next(operation, actor=actor)
    if served.entry is None:
        return redirect(reverse("media:queue", args=[operation.pk]) + "?empty=1")
    return redirect("media:item", operation_id=operation.pk, key=served.entry.item.key)


def _item_context(operation: Operation, actor: Actor, key: str, **forms_: Any) -> dict[str, Any]:
    item = find_item(actor, operation, key)
    now = timezone.now()
    revealed = active_reveal(actor, item, now)
    grade = getattr(item, "grade", None)
    facts = facts_of(grade)
    return {
        "operation": operation,
        "actor": actor,
        "item": item,
        "grade": grade,
        "derived": {name: grade_in_scheme(item, s) for s, name in SCHEMES.items()} if facts else None,
        "revealed": revealed,
        "reveal_left": int((revealed.expires_at - now).total_seconds()) + 1 if revealed else 0,
        "facts_form": forms_.get("facts_form")
        or FactsForm(initial=facts.as_dict() if facts else {"depiction": "real"}),
        "reveal_form": forms_.get("reveal_form") or RevealForm(),
        "description_form": forms_.get("description_form") or DescriptionForm(),
        "clue_form": forms_.get("clue_form") or ClueForm(),
        "descriptions": descriptions(item),
        "clues": clue_cards([item]),
    }


@require_GET
def item(request: HttpRequest, operation: Operation, actor: Actor, key: str) -> HttpResponse:
    """One new item, blurred unless the reviewer has it revealed now (then the page reloads, blurred
    again, when the window ends)."""
    view_item(operation, key, actor=actor)
    return _no_store(render(request, "media/item.html", _item_context(operation, actor, key)))


def _invalid(
    request: HttpRequest, operation: Operation, actor: Actor, key: str, **forms_: Any
) -> HttpResponse:
    response = render(request, "media/item.html", _item_context(operation, actor, key, **forms_), status=422)
    return _no_store(response)


@require_POST
def grade(request: HttpRequest, operation: Operation, actor: Actor, key: str) -> HttpResponse:
    """Record the content facts; on to the next item."""
    actor.require(Permission.GRADE)
    form = FactsForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            record_facts(
                operation,
                key,
                Facts.of(d["age_bands"], d["depiction"], d["conduct"], d["self_generated"]),
                actor=actor,
            )
        except (Invalid, ValueError) as exc:
            form.add_error(None, str(exc))
        else:
            if request.POST.get("then") == "stay":
                return redirect("media:item", operation_id=operation.pk, key=key)
            return next_item(request, operation, actor)
    return _invalid(request, operation, actor, key, facts_form=form)


@require_POST
def reveal(request: HttpRequest, operation: Operation, actor: Actor, key: str) -> HttpResponse:
    actor.require(Permission.GRADE)
    form = RevealForm(request.POST)
    if form.is_valid():
        try:
            reveal_item(operation, key, form.cleaned_data["reason"], actor=actor)
        except Invalid as exc:
            form.add_error("reason", str(exc))
        else:
            return redirect("media:item", operation_id=operation.pk, key=key)
    return _invalid(request, operation, actor, key, reveal_form=form)


@require_GET
def derivative(request: HttpRequest, operation: Operation, actor: Actor, key: str) -> HttpResponse:
    """The blurred greyscale derivative (PNG), made on the server."""
    response = HttpResponse(derivative_bytes(actor, operation, key), content_type="image/png")
    response["Content-Disposition"] = "inline"
    return _no_store(response)


@require_GET
def original(request: HttpRequest, operation: Operation, actor: Actor, key: str) -> HttpResponseBase:
    """The evidence bytes, during the actor's reveal window only; audited; never cached."""
    found = original_file(operation, key, actor=actor)
    with found.path.open("rb") as fh:
        head = fh.read(512)
    _, name = sniff(head)
    mime = _MIME.get(name, "application/octet-stream")
    response = FileResponse(found.path.open("rb"), content_type=mime)
    response["Content-Disposition"] = "inline"
    return _no_store(response)


@require_POST
def describe(request: HttpRequest, operation: Operation, actor: Actor, key: str) -> HttpResponse:
    actor.require(Permission.GRADE)
    form = DescriptionForm(request.POST)
    if form.is_valid():
        try:
            submit_description(operation, key, DescriptionDraft(**form.cleaned_data), actor=actor)
        except Invalid as exc:
            field, _, _ = str(exc).partition(":")
            form.add_error(field if field in form.fields else None, str(exc))
        else:
            return redirect(reverse("media:item", args=[operation.pk, key]) + "#descriptions")
    return _invalid(request, operation, actor, key, description_form=form)


@require_POST
def clue(request: HttpRequest, operation: Operation, actor: Actor, key: str) -> HttpResponse:
    actor.require(Permission.GRADE)
    form = ClueForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            add_clue(operation, d["kind"], d["value"], [key], note=d["note"], series=d["series"], actor=actor)
        except Invalid as exc:
            field, _, _ = str(exc).partition(":")
            form.add_error(field if field in form.fields else None, str(exc))
        else:
            return redirect(reverse("media:item", args=[operation.pk, key]) + "#clues")
    return _invalid(request, operation, actor, key, clue_form=form)


@require_GET
def suggested_list(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """Grades offered from a near-duplicate: confirmed in bulk, without opening the items."""
    context = {"operation": operation, "actor": actor, "grades": list(suggested(actor, operation)[:500])}
    return _no_store(render(request, "media/suggested.html", context))


@require_POST
def confirm(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    actor.require(Permission.GRADE)
    confirm_suggested(operation, request.POST.getlist("items"), actor=actor)
    return redirect("media:suggested", operation_id=operation.pk)


@require_GET
def description_list(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """Descriptions awaiting a second reviewer (never one's own)."""
    context = {"operation": operation, "actor": actor, "pending": descriptions_to_decide(actor, operation)}
    return _no_store(render(request, "media/descriptions.html", context))


@require_POST
def decide(request: HttpRequest, operation: Operation, actor: Actor, description_id: int) -> HttpResponse:
    actor.require(Permission.GRADE)
    approve = request.POST.get("decision") == "approve"
    decide_description(
        operation, description_id, approve=approve, note=request.POST.get("note", ""), actor=actor
    )
    return redirect("media:descriptions", operation_id=operation.pk)


@require_GET
def series(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """Series with their clue cards (text) and the countries the clues agree on."""
    rows = []
    for s in series_list(actor, operation):
        cards = list(s.clues.order_by("pk"))
        rows.append((s, cards, candidate_countries(actor, operation, cards, top=5)))
    context = {"operation": operation, "actor": actor, "rows": rows}
    return render(request, "media/series.html", context)


@require_POST
def series_status(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    def flag(name: str) -> bool | None:
        return {"yes": True, "no": False}.get(request.POST.get(name, ""))

    set_series_status(
        operation,
        request.POST.get("name", ""),
        child_identified=flag("child_identified"),
        safeguarded=flag("safeguarded"),
        actor=actor,
    )
    return redirect("media:series", operation_id=operation.pk)


@require_POST
def market(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    countries = request.POST.get("countries", "").replace(";", ",").split(",")
    add_market(request.POST.get("product", ""), countries, actor=actor, operation=operation)
    return redirect("media:series", operation_id=operation.pk)


@require_GET
def exposure_page(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """Exposure per reviewer (counts only, never content) and their budgets: supervisors only."""
    actor.require(Permission.SUPERVISE)
    context = {
        "operation": operation,
        "actor": actor,
        "rows": exposure(actor, operation, timezone.now()),
        "budgets": budgets(actor, operation),
        "form": BudgetForm(),
    }
    return render(request, "media/exposure.html", context)


@require_POST
def budget(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    actor.require(Permission.SUPERVISE)
    form = BudgetForm(request.POST)
    if not form.is_valid():
        raise Invalid("; ".join(f"{k}: {' '.join(str(e) for e in v)}" for k, v in form.errors.items()))
    d = form.cleaned_data
    set_budget(
        operation,
        d["reviewer"],
        severe_per_day=d["severe_per_day"],
        severe_per_week=d["severe_per_week"],
        actor=actor,
    )
    return redirect("media:exposure", operation_id=operation.pk)
