"""The API's endpoints, each thin: parse, open the operation as the token's user, call a query or a
service, answer schema objects.

Every address under ``/operations/{operation_id}/`` acts as the caller's ``Actor`` in that operation
(``access.queries.open_operation``), so a role's permissions and a country scope apply exactly as in
the workspace. Whatever the caller may not see is answered 404, whether it exists or not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Header, Path, Query, Router, Status

from tiaki.api.auth import caller
from tiaki.api.schemas import (
    MAX_ID,
    MAX_PAGE,
    MAX_PER_PAGE,
    AccountOut,
    AcknowledgementIn,
    Error,
    OperationOut,
    OperationPage,
    OutcomeIn,
    OutcomeOut,
    OutcomePage,
    PackageOut,
    PackagePage,
    PersonDetailOut,
    PersonOut,
    PersonPage,
    ReasonOut,
    SendOut,
    SendPage,
    WithdrawalIn,
)
from tiaki.apps.access.models import Membership
from tiaki.apps.access.queries import memberships, open_operation
from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.models import Outcome
from tiaki.apps.outcomes.queries.outcomes import current, outcomes
from tiaki.apps.outcomes.queries.sent import send
from tiaki.apps.outcomes.services.outcomes import OutcomeFields, record_outcome, request_key, withdraw_outcome
from tiaki.apps.referrals.models import Dissemination, Package
from tiaki.apps.referrals.queries import disseminations, packages
from tiaki.apps.referrals.services.dissemination import acknowledge
from tiaki.apps.subjects.choices import CaseStatus
from tiaki.apps.subjects.models import Person
from tiaki.apps.subjects.queries import PersonFilter, person_record, triage_list
from tiaki.errors import NotFound

router = Router()

T = TypeVar("T")

# What any endpoint may answer besides its result: each with {"detail": "..."}.
ERRORS: dict[int, type[Error]] = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error, 503: Error}
WRITE_ERRORS = {**ERRORS, 409: Error}

OperationId = Path(..., ge=1, le=MAX_ID, description="The operation's id (see /operations).")
PageNumber = Query(1, ge=1, le=MAX_PAGE, description="Which page, from 1.")
PerPage = Query(50, ge=1, le=MAX_PER_PAGE, description="How many to a page.")


def _open(request: HttpRequest, operation_id: int) -> tuple[Operation, Actor]:
    user = caller(request)
    return open_operation(user.pk, user.username, operation_id)


def _paged(
    found: QuerySet[Any] | Sequence[Any], page: int, per_page: int, out: Callable[[Any], T]
) -> dict[str, object]:
    count = found.count() if isinstance(found, QuerySet) else len(found)
    start = (page - 1) * per_page
    items = list(found[start : start + per_page]) if start < count else []
    return {"count": count, "page": page, "per_page": per_page, "items": [out(x) for x in items]}


# -- operations


def _operation(m: Membership) -> OperationOut:
    return OperationOut(
        id=m.operation.pk,
        name=m.operation.name,
        description=m.operation.description,
        role=m.role,
        countries=sorted(str(c).upper() for c in m.countries) or None,
        agency=m.agency,
    )


@router.get("/operations", response={200: OperationPage, **ERRORS}, tags=["operations"])
def list_operations(request: HttpRequest, page: int = PageNumber, per_page: int = PerPage) -> Any:
    """The operations the caller works on, by name, with their role and country scope in each."""
    return _paged(memberships(caller(request).pk), page, per_page, _operation)


# -- persons


def _person(p: Person) -> PersonOut:
    return PersonOut(
        label=p.label,
        country=p.country,
        needs_review=p.needs_review,
        score=getattr(p, "score", None),
        rank=getattr(p, "rank", None),
        case_status=getattr(p, "case_status", None) or CaseStatus.NEW.value,
        assignee=getattr(p, "assignee_name", None),
    )


@router.get("/operations/{operation_id}/persons", response={200: PersonPage, **ERRORS}, tags=["persons"])
def list_persons(
    request: HttpRequest,
    operation_id: int = OperationId,
    country: str = Query("", pattern=r"^([A-Za-z]{2})?$", description="Only persons placed here."),
    page: int = PageNumber,
    per_page: int = PerPage,
) -> Any:
    """Persons in triage order (highest priority first; by id before triage has run)."""
    operation, actor = _open(request, operation_id)
    listed = _paged(triage_list(actor, operation, PersonFilter(country=country)), page, per_page, _person)
    shown = listed["items"]
    assert isinstance(shown, list)
    record(
        "subjects.persons-listed",
        actor=actor,
        operation=operation.name,
        target=f"page {page}",
        details={"persons": [p.label for p in shown], "country": country, "via": "api"},
    )
    return listed


@router.get(
    "/operations/{operation_id}/persons/{label}",
    response={200: PersonDetailOut, **ERRORS},
    tags=["persons"],
)
def get_person(
    request: HttpRequest,
    label: str = Path(..., pattern=r"^[A-Za-z0-9._-]{1,20}$"),
    operation_id: int = OperationId,
) -> Any:
    """One person: country, triage score and reasons, accounts."""
    operation, actor = _open(request, operation_id)
    r = person_record(actor, operation, label)
    record(
        "subjects.person-viewed", actor=actor, operation=operation.name, target=label, details={"via": "api"}
    )
    case = getattr(r.person, "case", None)
    return PersonDetailOut(
        label=r.person.label,
        country=r.person.country,
        needs_review=r.person.needs_review,
        score=r.assessment.score if r.assessment else None,
        rank=r.assessment.rank if r.assessment else None,
        case_status=case.status if case else CaseStatus.NEW.value,
        assignee=case.assignee.username if case and case.assignee else None,
        country_confidence=r.person.country_confidence,
        country_basis=r.person.country_basis,
        triage_model=r.assessment.model_version if r.assessment else None,
        reasons=[ReasonOut(**reason) for reason in (r.assessment.reasons if r.assessment else [])],
        accounts=[
            AccountOut(
                account_id=a.account_id,
                username=a.username,
                display_name=a.display_name,
                platform=a.platform,
                stated_country=a.stated_country,
                disclosure=a.disclosure.disclosure_id,
            )
            for a in r.accounts
        ],
    )


# -- packages


def _packages(actor: Actor, operation: Operation) -> QuerySet[Package]:
    """The packages the actor may read (a partner's: those addressed to its own agency)."""
    return packages(actor, operation).select_related("agency").order_by("country")


def _package(p: Package) -> PackageOut:
    return PackageOut(
        country=p.country,
        agency=p.agency.name if p.agency else None,
        persons=p.persons,
        accounts=p.accounts,
        media=p.media,
        left_out=p.left_out,
        top_score=p.top_score,
        zip_sha256=p.zip_sha256,
        manifest_sha256=p.manifest_sha256,
        sealed=bool(p.sealed_sha256),
        sealed_sha256=p.sealed_sha256,
        written_at=p.written_at,
    )


@router.get("/operations/{operation_id}/packages", response={200: PackagePage, **ERRORS}, tags=["packages"])
def list_packages(
    request: HttpRequest, operation_id: int = OperationId, page: int = PageNumber, per_page: int = PerPage
) -> Any:
    """Each country's referral package: who it is addressed to, what it holds, its digests."""
    operation, actor = _open(request, operation_id)
    return _paged(_packages(actor, operation), page, per_page, _package)


@router.get(
    "/operations/{operation_id}/packages/{country}",
    response={200: PackageOut, **ERRORS},
    tags=["packages"],
)
def get_package(
    request: HttpRequest,
    country: str = Path(..., pattern=r"^[A-Za-z]{2}$"),
    operation_id: int = OperationId,
) -> Any:
    """One country's package."""
    operation, actor = _open(request, operation_id)
    found = _packages(actor, operation).filter(country=country.upper()).first()
    if found is None:
        raise NotFound(f"no package for {country.upper()} for you in '{operation.name}'")
    return _package(found)


# -- sends


def _send(d: Dissemination) -> SendOut:
    return SendOut(
        id=d.pk,
        country=d.country,
        agency=d.agency.name,
        channel=d.channel,
        reference=d.reference,
        sent_sha256=d.sent_sha256,
        manifest_sha256=d.manifest_sha256,
        sent_by=d.sent_by,
        sent_at=d.sent_at,
        follow_up_due=d.follow_up_due,
        acknowledged_at=d.acknowledged_at,
        acknowledged_by=d.acknowledged_by,
        acknowledgement=d.acknowledgement,
    )


@router.get("/operations/{operation_id}/sends", response={200: SendPage, **ERRORS}, tags=["sends"])
def list_sends(
    request: HttpRequest, operation_id: int = OperationId, page: int = PageNumber, per_page: int = PerPage
) -> Any:
    """The packages sent (newest first) and whether each was acknowledged; a partner's: its own."""
    operation, actor = _open(request, operation_id)
    return _paged(disseminations(actor, operation), page, per_page, _send)


SendId = Path(..., ge=1, le=MAX_ID, description="The send's id (see /sends).")


@router.get("/operations/{operation_id}/sends/{send_id}", response={200: SendOut, **ERRORS}, tags=["sends"])
def get_send(request: HttpRequest, send_id: int = SendId, operation_id: int = OperationId) -> Any:
    """One send."""
    operation, actor = _open(request, operation_id)
    return _send(send(actor, operation, send_id))


@router.post(
    "/operations/{operation_id}/sends/{send_id}/acknowledge",
    response={200: SendOut, **WRITE_ERRORS},
    tags=["sends"],
)
def acknowledge_send(
    request: HttpRequest,
    body: AcknowledgementIn | None = None,
    send_id: int = SendId,
    operation_id: int = OperationId,
) -> Any:
    """Record that the agency received the package (once; 409 when already acknowledged)."""
    operation, actor = _open(request, operation_id)
    note = body.note if body is not None else None
    acknowledged = acknowledge(operation, send_id, actor, note=note or "")
    return _send(send(actor, operation, acknowledged.pk))


# -- outcomes


def _outcome(o: Outcome) -> OutcomeOut:
    return OutcomeOut(
        id=o.pk,
        send=o.dissemination_id,
        country=o.country,
        agency=o.agency.name,
        person=o.person,
        kind=o.kind,
        occurred_on=o.occurred_on,
        children=o.children,
        reason=o.reason,
        passed_to=o.passed_to,
        note=o.note,
        referred_score=o.referred_score,
        referred_priority=o.referred_priority,
        triage_model=o.triage_model,
        withdraws=o.withdraws_id,
        withdrawn=getattr(o, "withdrawn_by", None) is not None,
        recorded_by=o.recorded_by,
        recorded_at=o.recorded_at,
    )


@router.get("/operations/{operation_id}/outcomes", response={200: OutcomePage, **ERRORS}, tags=["outcomes"])
def list_outcomes(
    request: HttpRequest,
    operation_id: int = OperationId,
    send_id: int | None = Query(None, ge=1, le=MAX_ID, alias="send", description="One send's only."),
    standing: bool = Query(False, description="Leave out withdrawn outcomes and the withdrawals."),
    page: int = PageNumber,
    per_page: int = PerPage,
) -> Any:
    """Outcomes recorded on referred persons, newest event first; a partner's: its agency's."""
    operation, actor = _open(request, operation_id)
    found = outcomes(actor, operation).select_related("withdrawn_by")
    if send_id is not None:
        found = found.filter(dissemination_id=send_id)
    if standing:
        found = current(found)
    return _paged(found, page, per_page, _outcome)


@router.post(
    "/operations/{operation_id}/sends/{send_id}/outcomes",
    response={201: OutcomeOut, **WRITE_ERRORS},
    tags=["outcomes"],
)
def create_outcome(
    request: HttpRequest,
    response: HttpResponse,
    body: OutcomeIn,
    send_id: int = SendId,
    operation_id: int = OperationId,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        description="A key of the client's for this outcome (a UUID, say), 1 to 255 printable ASCII "
        "characters. Sent again with the same outcome (a retry after a timeout), it answers the outcome "
        "recorded the first time, with `Idempotent-Replayed: true`, and records nothing; with another "
        "outcome, 422.",
    ),
) -> Any:
    """Record what came of the referral of one person of a send's package."""
    operation, actor = _open(request, operation_id)
    fields = OutcomeFields(
        person=body.person,
        kind=body.kind,
        occurred_on=body.occurred_on,
        children=body.children,
        reason=body.reason,
        passed_to=body.passed_to,
        note=body.note,
    )
    outcome, replayed = record_outcome(operation, send_id, fields, actor, key=request_key(idempotency_key))
    if replayed:
        response["Idempotent-Replayed"] = "true"
    return Status(201, _outcome(outcome))


@router.post(
    "/operations/{operation_id}/outcomes/{outcome_id}/withdraw",
    response={201: OutcomeOut, **WRITE_ERRORS},
    tags=["outcomes"],
)
def withdraw(
    request: HttpRequest,
    body: WithdrawalIn,
    outcome_id: int = Path(..., ge=1, le=MAX_ID),
    operation_id: int = OperationId,
) -> Any:
    """Withdraw an outcome recorded in error: answers the withdrawal (the original stays on record)."""
    operation, actor = _open(request, operation_id)
    return Status(201, _outcome(withdraw_outcome(operation, outcome_id, actor, reason=body.reason)))
