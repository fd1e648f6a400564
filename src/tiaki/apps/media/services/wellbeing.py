"""Reviewers' budgets of severe items, set by a supervisor; and the operator's table of schemes."""

from __future__ import annotations

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.choices import Scheme
from tiaki.apps.media.models import CountryScheme, ExposureBudget
from tiaki.apps.operations.models import Operation
from tiaki.errors import Invalid

#: Schemes a recipient can read grades in (the baseline is a flag carried beside every grade).
RECIPIENT_SCHEMES = ("uk-caid", "vic-us", "dhs-legacy", "industry")


def set_budget(
    operation: Operation,
    reviewer: str,
    *,
    severe_per_day: int | None,
    severe_per_week: int | None,
    actor: Actor,
) -> ExposureBudget:
    """A reviewer's budget of severe items (``reviewer`` empty: everyone's default); ``None`` lifts a
    limit."""
    actor.require(Permission.SUPERVISE)
    for name, value in (("severe_per_day", severe_per_day), ("severe_per_week", severe_per_week)):
        if value is not None and value < 0:
            raise Invalid(f"{name}: a budget cannot be negative")
    with transaction.atomic():
        found, _ = ExposureBudget.objects.update_or_create(
            operation=operation,
            reviewer=reviewer.strip(),
            defaults={
                "severe_per_day": severe_per_day,
                "severe_per_week": severe_per_week,
                "updated_by": actor.name,
            },
        )
        record(
            "media.budget-set",
            actor=actor,
            operation=operation.name,
            target=reviewer.strip() or "(everyone)",
            details={"severe_per_day": severe_per_day, "severe_per_week": severe_per_week},
        )
    return found


def set_country_scheme(country: str, scheme: str, *, actor: Actor) -> CountryScheme:
    """The scheme a country's agencies read grades in (packages carry grades in it)."""
    actor.require(Permission.RUN)
    code = country.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise Invalid(f"country: '{country}' is not a two-letter country code")
    if scheme not in RECIPIENT_SCHEMES:
        raise Invalid(f"scheme: '{scheme}' is not one of {', '.join(RECIPIENT_SCHEMES)}")
    assert scheme in Scheme.values
    with transaction.atomic():
        found, _ = CountryScheme.objects.update_or_create(
            country=code, defaults={"scheme": scheme, "changed_by": actor.name}
        )
        record("media.country-scheme", actor=actor, target=code, details={"scheme": scheme})
    return found
