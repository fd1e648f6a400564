"""The subjects app's pages: the persons list and search, a person's file with the investigators'
actions on it, and the review queues. Every page that shows a person writes an audit event."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from tiaki.apps.access.queries import assignable
from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.subjects.choices import CaseStatus, DecisionKind
from tiaki.apps.subjects.models import Person
from tiaki.apps.subjects.queries import (
    SCORE_BANDS,
    PersonFilter,
    RankedPersons,
    held_back_link,
    held_back_links,
    holder,
    person_file,
    person_link,
    review_queue,
    search,
    triage_list,
    workload,
)
from tiaki.apps.subjects.services.casework import set_case
from tiaki.apps.subjects.services.decisions import decide, merge_persons, split_person
from tiaki.errors import Invalid, NotFound

PAGE = 50


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=2000, strip=True, error_messages={"required": "give a reason"})


class LinkDecisionForm(ReasonForm):
    decision = forms.ChoiceField(choices=[("confirm", "confirm"), ("reject", "reject")])


class MergeForm(ReasonForm):
    other = forms.CharField(max_length=20, label="the other person's id")


class SplitForm(ReasonForm):
    accounts = forms.MultipleChoiceField(
        choices=[], error_messages={"required": "tick the accounts to split"}
    )

    def __init__(self, *args: Any, account_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["accounts"].choices = account_choices  # type: ignore[attr-defined]


class CaseForm(forms.Form):
    status = forms.ChoiceField(choices=CaseStatus.choices)
    assignee = forms.CharField(max_length=150, required=False)


def _filter(request: HttpRequest) -> PersonFilter:
    g = request.GET
    return PersonFilter(
        country=g.get("country", "").strip().upper(),
        band=g.get("band", ""),
        review=g.get("review", ""),
        status=g.get("status", ""),
        assignee=g.get("assignee", "").strip(),
    )


@require_GET
def person_list(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """Persons in triage order, filtered, paginated; or the persons a search finds."""
    query = request.GET.get("q", "").strip()
    where = _filter(request)
    found: RankedPersons | QuerySet[Person]
    if query:
        found = search(actor, operation, query)
        record("subjects.searched", actor=actor, operation=operation.name, target=query[:300])
    else:
        found = triage_list(actor, operation, where)
    page = Paginator(found, PAGE).get_page(request.GET.get("page"))
    labels = [p.label for p in page.object_list]
    record(
        "subjects.persons-listed",
        actor=actor,
        operation=operation.name,
        target=f"page {page.number}",
        details={"persons": labels, "q": query, "filter": where.__dict__},
    )
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "operation": operation,
        "actor": actor,
        "page": page,
        "query": query,
        "where": where,
        "bands": list(SCORE_BANDS),
        "statuses": CaseStatus.choices,
        "assignees": assignable(operation),
        "params": params.urlencode(),
    }
    return render(request, "subjects/person_list.html", context)


def _file_context(operation: Operation, actor: Actor, label: str, **forms_: Any) -> dict[str, Any]:
    pf = person_file(actor, operation, label)
    choices = [(str(a.pk), a.account_id) for a in pf.record.accounts]
    case = pf.case
    return {
        "operation": operation,
        "actor": actor,
        "file": pf,
        "person": pf.record.person,
        "may_decide": actor.may(Permission.DECIDE),
        "may_casework": actor.may(Permission.CASEWORK),
        "statuses": CaseStatus.choices,
        "assignees": assignable(operation),
        "merge_form": forms_.get("merge_form") or MergeForm(),
        "split_form": forms_.get("split_form") or SplitForm(account_choices=choices),
        "case_form": forms_.get("case_form")
        or CaseForm(
            initial={
                "status": case.status if case else CaseStatus.NEW,
                "assignee": case.assignee.get_username() if case and case.assignee else "",
            }
        ),
        "link_errors": forms_.get("link_errors", {}),
    }


@require_GET
def person_detail(request: HttpRequest, operation: Operation, actor: Actor, label: str) -> HttpResponse:
    """A person's file: accounts, identifiers, links with their evidence, IP events, country, triage,
    records-check facts, decisions and case."""
    context = _file_context(operation, actor, label)
    record("subjects.person-viewed", actor=actor, operation=operation.name, target=label)
    return render(request, "subjects/person_file.html", context)


def _invalid(
    request: HttpRequest, operation: Operation, actor: Actor, label: str, **forms_: Any
) -> HttpResponse:
    context = _file_context(operation, actor, label, **forms_)
    record("subjects.person-viewed", actor=actor, operation=operation.name, target=label)
    return render(request, "subjects/person_file.html", context, status=422)


def _after(operation: Operation, actor: Actor, account_pk: int, label: str) -> HttpResponse:
    """Back to the person's file; after a decision, the file of whoever holds the account now."""
    person = holder(actor, operation, account_pk)
    target = person.label if person is not None else label
    return redirect(reverse("subjects:person", args=[operation.pk, target]) + "#decisions")


@require_POST
def decide_link(
    request: HttpRequest, operation: Operation, actor: Actor, label: str, link_id: int
) -> HttpResponse:
    """Confirm or reject one link of the person's, with a reason."""
    actor.require(Permission.DECIDE)
    link = person_link(actor, operation, label, link_id)
    form = LinkDecisionForm(request.POST)
    if not _decide_pair(form, operation, actor, link):
        return _invalid(request, operation, actor, label, link_errors={link_id: form.errors})
    return _after(operation, actor, link.account_a_id, label)


@require_POST
def decide_held_back(request: HttpRequest, operation: Operation, actor: Actor, link_id: int) -> HttpResponse:
    """Confirm or reject a link the household guard held back, with a reason."""
    actor.require(Permission.DECIDE)
    link = held_back_link(actor, operation, link_id)
    form = LinkDecisionForm(request.POST)
    if _decide_pair(form, operation, actor, link):
        return redirect(reverse("subjects:review", args=[operation.pk]) + "#held-back")
    raise Invalid("; ".join(f"{k}: {' '.join(map(str, v))}" for k, v in form.errors.items()))


def _decide_pair(form: LinkDecisionForm, operation: Operation, actor: Actor, link: Any) -> bool:
    """Confirm or reject the link's two accounts as the form says; False (with the reason on the
    form) when the form or the decision is refused."""
    if not form.is_valid():
        return False
    kind = DecisionKind.CONFIRM if form.cleaned_data["decision"] == "confirm" else DecisionKind.REJECT
    try:
        decide(
            operation,
            kind,
            [(link.account_a, link.account_b)],
            reason=form.cleaned_data["reason"],
            actor=actor,
        )
    except Invalid as exc:
        form.add_error(None, str(exc))
        return False
    return True


@require_POST
def merge(request: HttpRequest, operation: Operation, actor: Actor, label: str) -> HttpResponse:
    """This person and another are one."""
    actor.require(Permission.DECIDE)
    form = MergeForm(request.POST)
    accounts = person_file(actor, operation, label).record.accounts
    if form.is_valid():
        try:
            merge_persons(
                operation, label, form.cleaned_data["other"], reason=form.cleaned_data["reason"], actor=actor
            )
        except (Invalid, NotFound) as exc:
            form.add_error("other", str(exc))
        else:
            return _after(operation, actor, accounts[0].pk if accounts else 0, label)
    return _invalid(request, operation, actor, label, merge_form=form)


@require_POST
def split(request: HttpRequest, operation: Operation, actor: Actor, label: str) -> HttpResponse:
    """Some of this person's accounts belong to someone else."""
    actor.require(Permission.DECIDE)
    accounts = person_file(actor, operation, label).record.accounts
    form = SplitForm(request.POST, account_choices=[(str(a.pk), a.account_id) for a in accounts])
    if form.is_valid():
        chosen = {int(pk) for pk in form.cleaned_data["accounts"]}
        refs = [f"{a.disclosure.disclosure_id}/{a.account_id}" for a in accounts if a.pk in chosen]
        try:
            split_person(operation, label, refs, reason=form.cleaned_data["reason"], actor=actor)
        except Invalid as exc:
            form.add_error("accounts", str(exc))
        else:
            staying = [a for a in accounts if a.pk not in chosen]
            return _after(operation, actor, staying[0].pk, label)
    return _invalid(request, operation, actor, label, split_form=form)


@require_POST
def case(request: HttpRequest, operation: Operation, actor: Actor, label: str) -> HttpResponse:
    """Assign the person and set their case status."""
    actor.require(Permission.CASEWORK)
    form = CaseForm(request.POST)
    if form.is_valid():
        try:
            set_case(
                operation,
                label,
                status=form.cleaned_data["status"],
                assignee=form.cleaned_data["assignee"].strip(),
                actor=actor,
            )
        except Invalid as exc:
            field, _, _ = str(exc).partition(":")
            form.add_error(field if field in form.fields else None, str(exc))
        else:
            return redirect(reverse("subjects:person", args=[operation.pk, label]) + "#case")
    return _invalid(request, operation, actor, label, case_form=form)


@require_GET
def review(request: HttpRequest, operation: Operation, actor: Actor) -> HttpResponse:
    """The review queues: persons whose country is uncertain, links the household guard held back,
    and the triage queue by assignee."""
    uncertain = Paginator(review_queue(actor, operation), PAGE).get_page(request.GET.get("page"))
    record(
        "subjects.review-listed",
        actor=actor,
        operation=operation.name,
        target=f"page {uncertain.number}",
        details={"persons": [p.label for p in uncertain.object_list]},
    )
    context = {
        "operation": operation,
        "actor": actor,
        "uncertain": uncertain,
        "held_back": Paginator(held_back_links(actor, operation), PAGE).get_page(request.GET.get("held")),
        "workload": workload(actor, operation),
    }
    return render(request, "subjects/review.html", context)
