"""``tiaki agency``: the directory of recipient agencies."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole

agency_app = typer.Typer(help="Recipient agencies: add, list, remove.", no_args_is_help=True)
console = SafeConsole()


@agency_app.command("add")
def add(
    country: Annotated[str, typer.Option(help="The agency's country, ISO 3166-1 two letters.")],
    name: Annotated[str, typer.Option(help="The agency's name.")],
    channel: Annotated[str, typer.Option(help="interpol, europol, liaison or direct.")],
    contact: Annotated[str, typer.Option(help="How to reach the agency's desk.")] = "",
    grading_scheme: Annotated[
        str, typer.Option(help="The scheme it reads grades in: vic-us, uk-caid, dhs-legacy, industry.")
    ] = "vic-us",
    language: Annotated[str, typer.Option(help="Language code of the dossier, e.g. en, fr, es.")] = "en",
    key: Annotated[
        Path | None,
        typer.Option(help="File holding the agency's public key (age1... or ssh-ed25519 ...) to seal to."),
    ] = None,
    primary: Annotated[
        bool | None,
        typer.Option(
            "--primary/--not-primary", help="Address the country's packages to it (default: first)."
        ),
    ] = None,
) -> None:
    """Add an agency to the directory (audited). Its key is checked: packages can be sealed to it."""
    actor = open_case()
    from tiaki.apps.referrals.services.agencies import AgencyFields, add_agency

    recipient = key.read_text(encoding="utf-8").strip() if key is not None else ""
    agency = add_agency(
        AgencyFields(country, name, channel, contact, grading_scheme, language, recipient, primary), actor
    )
    state = "primary" if agency.primary else "not primary"
    console.print(f"added {agency} ({agency.channel}, {state}); key: {'yes' if agency.recipient else 'none'}")


@agency_app.command("list")
def list_agencies() -> None:
    """The directory, by country."""
    actor = open_case(create=False)
    from tiaki.apps.referrals.queries import agencies

    table = Table(title="Recipient agencies", header_style="bold")
    for column in ("country", "name", "channel", "contact", "scheme", "language", "key", "primary"):
        table.add_column(column)
    for a in agencies(actor):
        table.add_row(
            a.country,
            a.name,
            a.channel,
            a.contact,
            a.grading_scheme,
            a.language,
            a.recipient[:24] + "…" if a.recipient else "none",
            "yes" if a.primary else "",
        )
    console.print(table)


@agency_app.command("remove")
def remove(
    country: Annotated[str, typer.Option(help="The agency's country.")],
    name: Annotated[str, typer.Option(help="The agency's name.")],
) -> None:
    """Remove an agency nothing was sent to (audited)."""
    actor = open_case()
    from tiaki.apps.referrals.services.agencies import remove_agency

    remove_agency(country, name, actor)
    console.print(f"removed {name} ({country.upper()})")
