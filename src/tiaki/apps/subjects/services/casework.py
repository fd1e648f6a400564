"""Investigators' work on a person: who has it, and how it stands (new, in progress, referred, closed).

Kept apart from the computed person; a person whose accounts do not change keeps its row through every
re-run of resolve, and with it its case."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from tiaki.apps.access.models import Membership
from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.subjects.choices import CaseStatus
from tiaki.apps.subjects.models import PersonCase
from tiaki.apps.subjects.queries import find_person
from tiaki.errors import Invalid


def set_case(operation: Operation, label: str, *, status: str, assignee: str, actor: Actor) -> PersonCase:
    """Set the person's case status and assignee (a username with a role in the operation, or empty
    for nobody). :class:`Invalid` names the field that cannot be accepted; unchanged values are not
    written or audited."""
    actor.require(Permission.CASEWORK)
    if status not in CaseStatus.values:
        raise Invalid(f"status: '{status}' is not one of {', '.join(CaseStatus.values)}")
    person = find_person(actor, operation, label)
    assignee_id: int | None = None
    if assignee:
        user = get_user_model().objects.filter(username=assignee, is_active=True).first()
        member = (
            user is not None
            and Membership.objects.filter(user=user, operation=operation, active=True)
            .exclude(role="partner")
            .exists()
        )
        if user is None or not member:
            raise Invalid(f"assignee: '{assignee}' has no role in '{operation.name}'")
        assignee_id = user.pk
    with transaction.atomic():
        case = PersonCase.objects.filter(person=person).first()
        if case is not None and case.status == status and case.assignee_id == assignee_id:
            return case
        if case is None:
            case = PersonCase(person=person)
        case.status, case.assignee_id, case.updated_by = status, assignee_id, actor.name
        case.save()
        record(
            "subjects.case",
            actor=actor,
            operation=operation.name,
            target=label,
            details={"status": status, "assignee": assignee},
        )
    return case
