"""``tiaki person``: look at a resolved person, and record investigators' decisions about them.

Django and the services are imported inside each command, after the case is open: the installed
command imports this module before Django is set up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole

if TYPE_CHECKING:
    from tiaki.apps.core.actor import Actor
    from tiaki.apps.operations.models import Operation
    from tiaki.apps.subjects.services.resolve import ResolveSummary

person_app = typer.Typer(
    help="Persons: why accounts belong together; confirm, reject, merge, split.", no_args_is_help=True
)
console = SafeConsole()
OperationOpt = Annotated[str, typer.Option("--operation", "-o", help="Operation name.")]
ReasonOpt = Annotated[str, typer.Option(help="Why: kept with the decision and in the audit log.")]


def _apply(operation: str, action: Callable[[Operation, Actor], ResolveSummary]) -> None:
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation

    summary = action(get_operation(operation, actor), actor)
    console.print(
        f"recorded; the {summary.accounts:,} accounts concerned now make {summary.persons:,} person(s) "
        f"({summary.persons_created} new, {summary.persons_removed} gone). "
        "Run `tiaki run --stage locate --stage triage --stage refer` to bring places, triage and "
        "packages up to date."
    )


@person_app.command("show")
def show(
    label: Annotated[str, typer.Argument(help="Person id, e.g. P-1a2b3c4d5e6f.")], operation: OperationOpt
) -> None:
    """The person's accounts, the evidence linking them, their country and triage."""
    actor = open_case(create=False)
    from tiaki.apps.audit.services.log import record
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.subjects.queries import person_record

    op = get_operation(operation, actor)
    r = person_record(actor, op, label)
    record("subjects.person-viewed", actor=actor, operation=op.name, target=label)
    p = r.person
    confidence = p.country_confidence if p.country_confidence is not None else "-"
    console.print(
        f"{p.label}  country {p.country or '?'} ({p.country_basis or 'no basis'}, confidence {confidence})"
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
    if r.leads:
        leads = Table(title="Safeguarding leads (children reported with these accounts)", header_style="bold")
        for column in ("lead", "report", "role", "what is known"):
            leads.add_column(column)
        for lead in r.leads:
            known = ", ".join(f"{k}: {v}" for k, v in lead.details.items() if isinstance(v, str | int))
            leads.add_row(lead.lead_id, lead.report_id, lead.role, known[:200])
        console.print(leads)
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
    _link(operation, "confirm-link", account_a, account_b, reason)


@person_app.command("reject-link")
def reject_link(account_a: str, account_b: str, operation: OperationOpt, reason: ReasonOpt) -> None:
    """These two accounts are not the same person."""
    _link(operation, "reject-link", account_a, account_b, reason)


def _link(operation: str, kind: str, a: str, b: str, reason: str) -> None:
    def action(op: Operation, actor: Actor) -> ResolveSummary:
        from tiaki.apps.subjects.choices import DecisionKind
        from tiaki.apps.subjects.services.decisions import link_decision

        return link_decision(op, DecisionKind(kind), a, b, reason=reason, actor=actor)

    _apply(operation, action)


@person_app.command("merge")
def merge(first: str, second: str, operation: OperationOpt, reason: ReasonOpt) -> None:
    """Two persons are one."""

    def action(op: Operation, actor: Actor) -> ResolveSummary:
        from tiaki.apps.subjects.services.decisions import merge_persons

        return merge_persons(op, first, second, reason=reason, actor=actor)

    _apply(operation, action)


@person_app.command("split")
def split(
    label: str,
    operation: OperationOpt,
    reason: ReasonOpt,
    accounts: Annotated[str, typer.Option(help="Comma-separated accounts to separate from the rest.")],
) -> None:
    """Some of a person's accounts belong to someone else."""
    refs = [a.strip() for a in accounts.split(",") if a.strip()]

    def action(op: Operation, actor: Actor) -> ResolveSummary:
        from tiaki.apps.subjects.services.decisions import split_person

        return split_person(op, label, refs, reason=reason, actor=actor)

    _apply(operation, action)
