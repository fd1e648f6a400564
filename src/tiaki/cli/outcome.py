"""``tiaki outcome add | list | withdraw``: what came of a referral, when it arrives by another channel
than the partner portal or the API (a liaison officer's message, a call). Audited like the portal's."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole
from tiaki.cli.operation import OperationOpt
from tiaki.errors import Invalid

outcome_app = typer.Typer(help="Outcomes partners report on referred persons.", no_args_is_help=True)
console = SafeConsole()


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"--date '{value}' is not a date (YYYY-MM-DD)") from None


@outcome_app.command("add")
def add(
    operation: OperationOpt,
    send: Annotated[int, typer.Argument(help="The send's number (tiaki package log).")],
    person: Annotated[str, typer.Argument(help="The person's id as in the package sent.")],
    kind: Annotated[
        str,
        typer.Option(
            help="investigation-opened, search-executed, arrested, charged, convicted, "
            "children-safeguarded, no-further-action or passed-to-another-agency."
        ),
    ],
    when: Annotated[str, typer.Option("--date", help="When it happened, YYYY-MM-DD.")],
    children: Annotated[int, typer.Option(min=0, help="Children safeguarded (with that kind).")] = 0,
    reason: Annotated[str, typer.Option(help="Why no further action.")] = "",
    passed_to: Annotated[str, typer.Option(help="The agency the case was passed to.")] = "",
    note: Annotated[str, typer.Option(help="Anything else the partner said.")] = "",
    key: Annotated[
        str | None,
        typer.Option(
            help="A key for this outcome (the partner's message id, say): the same outcome again "
            "under the same key records nothing."
        ),
    ] = None,
) -> None:
    """Record an outcome on a person of a package that was sent (audited)."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.outcomes.services.outcomes import OutcomeFields, record_outcome, request_key

    fields = OutcomeFields(person, kind, _date(when), children, reason, passed_to, note)
    outcome, replayed = record_outcome(
        get_operation(operation, actor), send, fields, actor, key=request_key(key)
    )
    again = " (recorded before under this key; nothing new)" if replayed else ""
    console.print(f"outcome #{outcome.pk}: {outcome.person} {outcome.kind} on {outcome.occurred_on}{again}")


@outcome_app.command("list")
def list_outcomes(
    operation: OperationOpt,
    country: Annotated[str | None, typer.Option(help="Only this country (ISO code).")] = None,
) -> None:
    """Every outcome recorded, newest first (withdrawn ones marked)."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.outcomes.queries.outcomes import outcomes

    found = outcomes(actor, get_operation(operation, actor)).select_related("withdraws")
    if country:
        found = found.filter(country=country.strip().upper())
    withdrawn = set(found.filter(withdraws__isnull=False).values_list("withdraws_id", flat=True))
    table = Table(title="Outcomes", header_style="bold")
    for column in ("#", "send", "country", "agency", "person", "outcome", "date", "details", "recorded by"):
        table.add_column(column)
    for o in found:
        what = f"withdraws #{o.withdraws_id}" if o.withdraws_id else o.kind
        if o.pk in withdrawn:
            what += " (withdrawn)"
        details = " ".join(
            part
            for part in (f"{o.children} children" if o.children else "", o.reason, o.passed_to, o.note)
            if part
        )
        table.add_row(
            str(o.pk),
            str(o.dissemination_id),
            o.country,
            o.agency.name,
            o.person,
            what,
            o.occurred_on.isoformat(),
            details,
            o.recorded_by,
        )
    console.print(table)


@outcome_app.command("withdraw")
def withdraw(
    operation: OperationOpt,
    outcome: Annotated[int, typer.Argument(help="The outcome's number (tiaki outcome list).")],
    reason: Annotated[str, typer.Option(help="Why it is withdrawn.")],
) -> None:
    """Withdraw an outcome recorded in error (it stays on record, marked withdrawn; audited)."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.outcomes.services.outcomes import withdraw_outcome

    withdrawal = withdraw_outcome(get_operation(operation, actor), outcome, actor, reason=reason)
    console.print(f"outcome #{outcome} withdrawn (#{withdrawal.pk})")
