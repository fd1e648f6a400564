"""``tiaki review``: the media review from the command line: the queue (keys and counts, never an
image), suggested grades confirmed in bulk, the schemes countries read grades in, budgets and
exposure, clue cards and the countries they agree on."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole
from tiaki.cli.operation import OperationOpt

review_app = typer.Typer(help="Media review: queue, schemes, budgets, clues.", no_args_is_help=True)
console = SafeConsole()


@review_app.command("queue")
def queue(operation: OperationOpt, limit: Annotated[int, typer.Option(help="Rows to show.")] = 20) -> None:
    """The new media waiting for a person: one representative per near-duplicate group, in order."""
    actor = open_case()
    from tiaki.apps.media.queries import review_queue, summarise
    from tiaki.apps.operations.queries import get_operation

    op = get_operation(operation, actor)
    entries = review_queue(actor, op)
    table = Table(title=f"Review queue of '{op.name}': {len(entries)} group(s)", header_style="bold")
    for column in ("item", "kind", "group size", "possible production", "uploaders' triage", "expected"):
        table.add_column(column)
    for e in entries[:limit]:
        table.add_row(
            e.item.key[:16],
            e.item.kind,
            str(e.group_size),
            "yes" if e.possible_production else "",
            "" if e.triage_score is None else str(e.triage_score),
            "severe" if e.severe else "",
        )
    console.print(table)
    m = summarise(actor, op)
    console.print(
        f"{m.groups_to_review:,} of {m.items:,} media item(s) need a person ({m.needing_review:.1%}): "
        "one per near-duplicate group of new media; known material none"
    )


@review_app.command("confirm")
def confirm(
    operation: OperationOpt,
    items: Annotated[
        list[str], typer.Argument(help="Keys (or their starts) of items with suggested grades.")
    ],
) -> None:
    """Confirm suggested grades without opening the items."""
    actor = open_case()
    from tiaki.apps.media.services.review import confirm_suggested
    from tiaki.apps.operations.queries import get_operation

    count = confirm_suggested(get_operation(operation, actor), items, actor=actor)
    console.print(f"confirmed {count} grade(s)")


@review_app.command("scheme")
def scheme(
    country: Annotated[str | None, typer.Argument(help="ISO 3166-1 alpha-2 code.")] = None,
    set_to: Annotated[
        str | None, typer.Option("--set", help="uk-caid, vic-us, dhs-legacy or industry.")
    ] = None,
) -> None:
    """The scheme each country's agencies read grades in (packages carry grades in it); with --set,
    change a country's (audited)."""
    actor = open_case()
    from tiaki.apps.media.queries import country_schemes, scheme_for_country
    from tiaki.apps.media.services.wellbeing import set_country_scheme
    from tiaki.engines.grading import DEFAULT_COUNTRY_SCHEMES, DEFAULT_SCHEME

    if set_to is not None:
        if country is None:
            raise typer.BadParameter("give the country whose scheme to set")
        set_country_scheme(country, set_to, actor=actor)
    if country is not None:
        console.print(f"{country.upper()}: {scheme_for_country(country)}")
        return
    table = Table(title="Grading scheme per country", header_style="bold")
    table.add_column("country")
    table.add_column("scheme")
    table.add_column("from")
    edited = country_schemes()
    for code in sorted(set(edited) | set(DEFAULT_COUNTRY_SCHEMES)):
        table.add_row(code, scheme_for_country(code), "operator" if code in edited else "default")
    table.add_row("other", DEFAULT_SCHEME, "default")
    console.print(table)


@review_app.command("budget")
def budget(
    operation: OperationOpt,
    reviewer: Annotated[
        str, typer.Option(help="The reviewer's actor name, e.g. user:anna; empty: all.")
    ] = "",
    per_day: Annotated[int | None, typer.Option(help="Severe items per day; omit for no limit.")] = None,
    per_week: Annotated[int | None, typer.Option(help="Severe items per week; omit for no limit.")] = None,
) -> None:
    """Set a reviewer's (or everyone's) budget of severe items."""
    actor = open_case()
    from tiaki.apps.media.services.wellbeing import set_budget
    from tiaki.apps.operations.queries import get_operation

    set_budget(
        get_operation(operation, actor),
        reviewer,
        severe_per_day=per_day,
        severe_per_week=per_week,
        actor=actor,
    )
    console.print(f"budget of {reviewer or 'everyone'}: {per_day} a day, {per_week} a week")


@review_app.command("exposure")
def exposure(operation: OperationOpt) -> None:
    """Items viewed and revealed per reviewer, today and this week (counts only)."""
    actor = open_case()
    from django.utils import timezone

    from tiaki.apps.media.queries import exposure as exposure_rows
    from tiaki.apps.operations.queries import get_operation

    table = Table(title="Reviewers' exposure", header_style="bold")
    for column in ("reviewer", "period", "event", "type", "severity", "items"):
        table.add_column(column)
    for r in exposure_rows(actor, get_operation(operation, actor), timezone.now()):
        table.add_row(r.reviewer, r.period, r.event, r.kind, str(r.severity), str(r.items))
    console.print(table)


@review_app.command("clue")
def clue(
    operation: OperationOpt,
    kind: Annotated[str, typer.Option(help="socket, product, language, uniform, plate or other.")],
    value: Annotated[str, typer.Option(help="e.g. a plug type (I), a product, a language code (en).")],
    items: Annotated[list[str], typer.Argument(help="Keys (or their starts) of the items it was seen in.")],
    series: Annotated[str, typer.Option(help="The series it belongs to.")] = "",
) -> None:
    """Record a clue card (text only)."""
    actor = open_case()
    from tiaki.apps.media.services.clues import add_clue
    from tiaki.apps.operations.queries import get_operation

    card = add_clue(get_operation(operation, actor), kind, value, items, series=series, actor=actor)
    console.print(f"clue card {card.pk}: {card.get_kind_display()} {card.value}")


@review_app.command("candidates")
def candidates(operation: OperationOpt, series: Annotated[str, typer.Argument(help="Series name.")]) -> None:
    """The countries a series' clue cards agree on, most agreeing first."""
    actor = open_case()
    from tiaki.apps.media.queries import candidate_countries, series_list
    from tiaki.apps.operations.queries import get_operation
    from tiaki.errors import NotFound

    op = get_operation(operation, actor)
    found = next((s for s in series_list(actor, op) if s.name == series), None)
    if found is None:
        raise NotFound(f"there is no series '{series}' in '{op.name}'")
    for c in candidate_countries(actor, op, found.clues.all()):
        console.print(f"{c.country}: {c.agreeing} of {c.placed} clue(s)")
