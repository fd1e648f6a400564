"""``tiaki operation case`` and ``tiaki package seal | index | send | acknowledge | log``: the case
details every package carries, and what became of the packages."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole
from tiaki.cli.operation import OperationOpt
from tiaki.errors import Invalid

console = SafeConsole()


def case(
    operation: OperationOpt,
    unit: Annotated[str | None, typer.Option(help="The sending unit's name.")] = None,
    contact: Annotated[str | None, typer.Option(help="How to reach the sending unit.")] = None,
    reference: Annotated[str | None, typer.Option(help="The case reference.")] = None,
    legal_basis: Annotated[str | None, typer.Option(help="The legal basis of the referral.")] = None,
    tlp: Annotated[str | None, typer.Option(help="TLP 2.0: clear, green, amber, amber+strict, red.")] = None,
    handling: Annotated[str | None, typer.Option(help="Europol handling code: H0, H1, H2, H3.")] = None,
    source: Annotated[str | None, typer.Option(help="Source reliability: A, B, C or X.")] = None,
    information: Annotated[str | None, typer.Option(help="Information evaluation: 1 to 4.")] = None,
    note: Annotated[str | None, typer.Option(help="The restriction an H3 code stands for.")] = None,
    follow_up_days: Annotated[int | None, typer.Option(help="Days from a send to its follow-up.")] = None,
) -> None:
    """Show the operation's case details; with options, change them (audited). Packages written
    afterwards carry them."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.referrals.queries import case_details, case_marking
    from tiaki.apps.referrals.services.case import CaseChange, change_case

    op = get_operation(operation, actor)
    change = CaseChange(
        unit, contact, reference, legal_basis, tlp, handling, source, information, note, follow_up_days
    )
    current = change_case(op, change, actor) if change != CaseChange() else case_details(op)
    table = Table(title=f"Case details of '{op.name}'", header_style="bold")
    table.add_column("detail")
    table.add_column("value")
    for label, value in (
        ("unit", current.unit),
        ("contact", current.contact),
        ("case reference", current.reference),
        ("legal basis", current.legal_basis),
        ("handling", case_marking(current).statement()),
        ("follow-up (days)", str(current.follow_up_days)),
    ):
        table.add_row(label, value or "(not set)")
    console.print(table)


def seal(
    operation: OperationOpt,
    country: Annotated[list[str] | None, typer.Option(help="Only these countries (repeatable).")] = None,
) -> None:
    """Encrypt each package to its agency's public key with age: <package>.zip.age beside the zip."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.referrals.services.dissemination import seal_packages

    for result in seal_packages(get_operation(operation, actor), actor, country):
        if result.sealed_path:
            console.print(f"{result.country}: sealed {result.sealed_path}")
        else:
            console.print(f"{result.country}: not sealed: {result.reason}")


def index(operation: OperationOpt) -> None:
    """The dispatching officer's index: every country's package, its agency, persons, top score,
    digest and whether it went."""
    actor = open_case(create=False)
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.referrals.queries import dispatch_index

    table = Table(title=f"Packages of '{operation}'", header_style="bold")
    for column in ("country", "agency", "channel", "persons", "left out", "top score", "zip SHA-256",
                   "sealed", "sent", "acknowledged"):  # fmt: skip
        table.add_column(column)
    for r in dispatch_index(actor, get_operation(operation, actor)):
        table.add_row(
            r.country,
            r.agency or "(none)",
            r.channel,
            str(r.persons),
            str(r.left_out),
            "" if r.top_score is None else str(r.top_score),
            r.zip_sha256,
            "yes" if r.sealed else "",
            r.sent_at,
            "yes" if r.acknowledged else "",
        )
    console.print(table)


def send(
    operation: OperationOpt,
    country: Annotated[str, typer.Argument(help="The package's country (ISO code).")],
    agency: Annotated[str | None, typer.Option(help="The agency's name (default: the addressee).")] = None,
    channel: Annotated[str | None, typer.Option(help="interpol, europol, liaison or direct.")] = None,
    reference: Annotated[str, typer.Option(help="The channel's message reference.")] = "",
    follow_up: Annotated[str | None, typer.Option(help="Follow-up due date, YYYY-MM-DD.")] = None,
) -> None:
    """Record that a country's package was sent: channel, by whom, when and its digest (audited)."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.referrals.services.dissemination import send_package

    try:
        due = date.fromisoformat(follow_up) if follow_up else None
    except ValueError:
        raise Invalid(f"--follow-up '{follow_up}' is not a date (YYYY-MM-DD)") from None
    sent = send_package(
        get_operation(operation, actor),
        country,
        actor,
        agency=agency,
        channel=channel,
        reference=reference,
        follow_up_due=due,
    )
    console.print(
        f"send #{sent.pk}: {sent.country} to {sent.agency.name} by {sent.channel}, "
        f"SHA-256 {sent.sent_sha256}; follow up by {sent.follow_up_due}"
    )


def acknowledge(
    operation: OperationOpt,
    send_id: Annotated[int, typer.Argument(help="The send's number (tiaki package log).")],
    note: Annotated[str, typer.Option(help="What the agency said.")] = "",
) -> None:
    """Record that the agency acknowledged a send (audited)."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.referrals.services.dissemination import acknowledge as acknowledge_send

    sent = acknowledge_send(get_operation(operation, actor), send_id, actor, note=note)
    console.print(f"send #{sent.pk} ({sent.country}, {sent.agency.name}) acknowledged")


def log(operation: OperationOpt) -> None:
    """The dissemination log, newest first."""
    actor = open_case(create=False)
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.referrals.queries import disseminations

    table = Table(title=f"Sends of '{operation}'", header_style="bold")
    for column in ("#", "country", "agency", "channel", "sent by", "sent at", "SHA-256", "follow up",
                   "acknowledged"):  # fmt: skip
        table.add_column(column)
    for d in disseminations(actor, get_operation(operation, actor)):
        table.add_row(
            str(d.pk),
            d.country,
            d.agency.name,
            d.channel,
            d.sent_by,
            d.sent_at.isoformat(timespec="seconds"),
            d.sent_sha256,
            str(d.follow_up_due or ""),
            d.acknowledged_at.isoformat(timespec="seconds") if d.acknowledged_at else "",
        )
    console.print(table)
