"""``tiaki person``: look at a resolved person, and record investigators' decisions about them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from tiaki.cli.bootstrap import actor, setup_django

if TYPE_CHECKING:
    from tiaki.apps.intake.models import Operation
    from tiaki.apps.subjects.services import ResolveSummary

person_app = typer.Typer(
    help="Persons: why accounts belong together; confirm, reject, merge, split.", no_args_is_help=True
)
console = Console()
err = Console(stderr=True)
OperationOpt = Annotated[str, typer.Option("--operation", "-o", help="Operation name.")]
ReasonOpt = Annotated[str, typer.Option(help="Why: kept with the decision and in the audit log.")]


@contextmanager
def _decision_errors() -> Iterator[None]:
    from tiaki.apps.subjects.services import DecisionError, UnknownOperation

    try:
        yield
    except (DecisionError, UnknownOperation) as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None


def _apply(operation: str, action: Callable[[Operation], ResolveSummary]) -> None:
    setup_django()
    from tiaki.apps.subjects.services import get_operation

    with _decision_errors():
        summary = action(get_operation(operation))
    console.print(
        f"recorded; persons now: {summary.persons:,} ({summary.persons_created} new, "
        f"{summary.persons_removed} gone). "
        "Run `tiaki run --stage locate --stage triage --stage refer` to bring the rest up to date."
    )


@person_app.command("show")
def show(
    label: Annotated[str, typer.Argument(help="Person id, e.g. P-1a2b3c4d5e6f.")], operation: OperationOpt
) -> None:
    """The person's accounts, the evidence linking them, their country and triage."""
    setup_django()
    from tiaki.apps.subjects.services import get_operation, person_record

    with _decision_errors():
        r = person_record(get_operation(operation), label)
    p = r.person
    console.print(
        f"[bold]{p.label}[/]  country {p.country or '?'} ({p.country_basis or 'no basis'}, "
        f"confidence {p.country_confidence if p.country_confidence is not None else '-'})"
    )
    accounts = Table(title="Accounts", header_style="bold")
    for column in ("account", "disclosure", "username", "stated country"):
        accounts.add_column(column)
    for a in r.accounts:
        accounts.add_row(a.account_id, a.disclosure.disclosure_id, a.username, a.stated_country)
    console.print(accounts)
    links = Table(title="Why these accounts belong together", header_style="bold")
    for column in ("account", "account", "method", "evidence", "weight"):
        links.add_column(column)
    for link in r.links:
        links.add_row(
            link.account_a.account_id,
            link.account_b.account_id,
            link.method,
            f"{link.kind}: {link.value}",
            "" if link.weight is None else f"{link.weight:.2f}",
        )
    console.print(links)
    if r.decisions:
        decisions = Table(title="Investigators' decisions", header_style="bold")
        for column in ("when", "who", "decision", "accounts", "reason"):
            decisions.add_column(column)
        for d in r.decisions:
            decisions.add_row(
                d.decided_at.isoformat(timespec="seconds"),
                d.actor,
                d.kind,
                f"{d.account_a.account_id} / {d.account_b.account_id}",
                d.reason,
            )
        console.print(decisions)
    if r.assessment:
        console.print(
            f"Triage ({r.assessment.model_version}): score {r.assessment.score}, rank {r.assessment.rank}"
        )
        for reason in r.assessment.reasons:
            console.print(
                f"  +{reason['points']} {reason['factor']}: {'; '.join(map(str, reason['evidence'][:3]))}"
            )


@person_app.command("confirm-link")
def confirm_link(account_a: str, account_b: str, operation: OperationOpt, reason: ReasonOpt) -> None:
    """These two accounts are the same person."""
    _pair(operation, "confirm-link", account_a, account_b, reason)


@person_app.command("reject-link")
def reject_link(account_a: str, account_b: str, operation: OperationOpt, reason: ReasonOpt) -> None:
    """These two accounts are not the same person."""
    _pair(operation, "reject-link", account_a, account_b, reason)


def _pair(operation: str, kind: str, a: str, b: str, reason: str) -> None:
    from tiaki.apps.subjects import services

    def action(op: Operation) -> ResolveSummary:
        pair = (services.find_account(op, a), services.find_account(op, b))
        return services.decide(op, kind, [pair], reason=reason, actor=actor())

    _apply(operation, action)


@person_app.command("merge")
def merge(first: str, second: str, operation: OperationOpt, reason: ReasonOpt) -> None:
    """Two persons are one."""
    from tiaki.apps.subjects import services

    _apply(operation, lambda op: services.merge_persons(op, first, second, reason=reason, actor=actor()))


@person_app.command("split")
def split(
    label: str,
    operation: OperationOpt,
    reason: ReasonOpt,
    accounts: Annotated[str, typer.Option(help="Comma-separated accounts to separate from the rest.")],
) -> None:
    """Some of a person's accounts belong to someone else."""
    from tiaki.apps.subjects import services

    refs = [a.strip() for a in accounts.split(",") if a.strip()]
    _apply(operation, lambda op: services.split_person(op, label, refs, reason=reason, actor=actor()))
