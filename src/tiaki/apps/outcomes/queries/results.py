"""The operation's results: persons identified, packages written, sent and acknowledged, and what
the partner agencies reported, per country, month by month, with the overdue follow-ups.

Every figure is one aggregate query (``GROUP BY`` country, or month), so the cost does not grow with
the number of accounts or persons beyond what the database's count takes. A country-scoped actor
gets the figures of its countries only. Outcomes count while they stand (see
:func:`tiaki.apps.outcomes.queries.outcomes.current`). What each figure counts is said in
:mod:`tiaki.formats.results`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import Count, DateField, Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission, Role
from tiaki.apps.core.scope import placed
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.choices import OutcomeKind
from tiaki.apps.outcomes.models import Outcome
from tiaki.apps.outcomes.queries.outcomes import current
from tiaki.apps.referrals.models import Dissemination, Package
from tiaki.apps.subjects.models import Person
from tiaki.errors import Forbidden
from tiaki.formats.results import CountryResults, Counts, Month, Overdue, Results

# outcome kind -> (field of Counts, what is counted: distinct persons, reports or children)
_KIND_FIELDS: dict[str, tuple[str, str]] = {
    OutcomeKind.INVESTIGATION: ("investigations", "persons"),
    OutcomeKind.SEARCH: ("searches", "reports"),
    OutcomeKind.ARREST: ("arrests", "persons"),
    OutcomeKind.CHARGE: ("charged", "persons"),
    OutcomeKind.CONVICTION: ("convictions", "persons"),
    OutcomeKind.SAFEGUARDED: ("children_safeguarded", "children"),
    OutcomeKind.NO_FURTHER_ACTION: ("no_further_action", "persons"),
    OutcomeKind.PASSED_ON: ("passed_on", "persons"),
}
_MONTH_KINDS: dict[str, str] = {
    OutcomeKind.INVESTIGATION: "investigations",
    OutcomeKind.ARREST: "arrests",
    OutcomeKind.CONVICTION: "convictions",
    OutcomeKind.SAFEGUARDED: "children_safeguarded",
}


def _in_scope(actor: Actor, queryset: QuerySet[Any], field: str = "country") -> QuerySet[Any]:
    if actor.countries is None:
        return queryset
    return queryset.filter(**{f"{field}__in": sorted(actor.countries)})


def _standing(actor: Actor, operation: Operation) -> QuerySet[Outcome]:
    """Outcomes in scope that stand: neither withdrawn nor a withdrawal."""
    return _in_scope(actor, current(Outcome.objects.filter(operation=operation)))


def _per_country(actor: Actor, operation: Operation) -> dict[str, dict[str, int]]:
    figures: dict[str, dict[str, int]] = defaultdict(dict)
    persons = _in_scope(actor, Person.objects.filter(operation=operation).filter(placed()))
    for country, n in persons.values_list("country").annotate(n=Count("pk")).order_by():
        figures[country]["persons"] = n
    packages = _in_scope(actor, Package.objects.filter(operation=operation))
    for country, n in packages.values_list("country").annotate(n=Count("pk")).order_by():
        figures[country]["packages_written"] = n
    sends = _in_scope(actor, Dissemination.objects.filter(operation=operation))
    for country, sent, acknowledged in (
        sends.values_list("country")
        .annotate(sent=Count("pk"), acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)))
        .order_by()
    ):
        figures[country]["packages_sent"] = sent
        figures[country]["acknowledged"] = acknowledged
    outcomes = (
        _standing(actor, operation)
        .values_list("country", "kind")
        .annotate(persons=Count("person", distinct=True), reports=Count("pk"), children=Sum("children"))
        .order_by()
    )
    for country, kind, persons_n, reports, children in outcomes:
        name, counted = _KIND_FIELDS[kind]
        value = {"persons": persons_n, "reports": reports, "children": children or 0}[counted]
        figures[country][name] = figures[country].get(name, 0) + value
    return figures


def _months(actor: Actor, operation: Operation) -> tuple[Month, ...]:
    months: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sends = _in_scope(actor, Dissemination.objects.filter(operation=operation))
    tz = timezone.get_current_timezone()
    for month, n in (
        sends.annotate(month=TruncMonth("sent_at", output_field=DateField(), tzinfo=tz))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        months[month]["sends"] += n
    for month, n in (
        sends.filter(acknowledged_at__isnull=False)
        .annotate(month=TruncMonth("acknowledged_at", output_field=DateField(), tzinfo=tz))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        months[month]["acknowledgements"] += n
    for month, kind, _country, persons_n, children in (
        _standing(actor, operation)
        .filter(kind__in=list(_MONTH_KINDS))
        .annotate(month=TruncMonth("occurred_on"))
        .values_list("month", "kind", "country")
        .annotate(persons=Count("person", distinct=True), children=Sum("children"))
        .order_by()
    ):
        name = _MONTH_KINDS[kind]
        months[month][name] += (children or 0) if kind == OutcomeKind.SAFEGUARDED else persons_n
    return tuple(Month(month=m, **months[m]) for m in sorted(months))


def _overdue(actor: Actor, operation: Operation, today: date) -> tuple[Overdue, ...]:
    reported = _standing(actor, operation).filter(dissemination=OuterRef("pk"))
    late = (
        _in_scope(actor, Dissemination.objects.filter(operation=operation))
        .filter(follow_up_due__lt=today)
        .filter(Q(acknowledged_at__isnull=True) | ~Exists(reported))
        .select_related("agency")
        .order_by("follow_up_due", "pk")
    )
    return tuple(
        Overdue(
            send=d.pk,
            country=d.country,
            agency=d.agency.name,
            sent_on=timezone.localdate(d.sent_at),
            follow_up_due=d.follow_up_due,
            days_overdue=(today - d.follow_up_due).days,
            waiting_for="acknowledgement" if d.acknowledged_at is None else "an outcome",
        )
        for d in late
        if d.follow_up_due is not None
    )


def operation_results(actor: Actor, operation: Operation, today: date) -> Results:
    """The operation's figures as ``actor`` may see them, as of ``today`` (for the overdue
    follow-ups: a follow-up date before ``today`` has passed). The unit's own figures: a partner
    agency's user is refused (:class:`Forbidden`)."""
    actor.require(Permission.READ_PACKAGES)
    if actor.role == Role.PARTNER:
        raise Forbidden(f"{actor.name} ({actor.role.label}) may not read the operation's results")
    figures = _per_country(actor, operation)
    countries = tuple(CountryResults(c, Counts(**figures[c])) for c in sorted(figures))
    totals = sum((r.counts for r in countries), Counts())
    return Results(
        operation=operation.name,
        today=today,
        scope=None if actor.countries is None else tuple(sorted(actor.countries)),
        totals=totals,
        countries=countries,
        months=_months(actor, operation),
        overdue=_overdue(actor, operation, today),
    )
