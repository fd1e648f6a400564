"""``tiaki report operation OP``: the operation's results as tables, and as CSV and PDF on request."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole
from tiaki.errors import Invalid

if TYPE_CHECKING:
    from tiaki.formats.results import Results

report_app = typer.Typer(help="Reports: an operation's results.", no_args_is_help=True)


def _tables(console: Console, results: Results) -> None:
    from tiaki.formats.results import COLUMNS

    scope = results.scope_text
    totals = Table(
        title=f"Results of '{results.operation}' ({scope}, as of {results.today})", header_style="bold"
    )
    totals.add_column("figure")
    totals.add_column("total", justify="right")
    for name, _, heading in COLUMNS:
        totals.add_row(heading, f"{getattr(results.totals, name):,}")
    console.print(totals)

    per_country = Table(title="Per country", header_style="bold")
    per_country.add_column("country")
    for _, _, heading in COLUMNS:
        per_country.add_column(heading, justify="right")
    for row in results.countries:
        per_country.add_row(row.country, *(f"{getattr(row.counts, name):,}" for name, _, _ in COLUMNS))
    if results.countries:
        per_country.add_row(
            "total", *(f"{getattr(results.totals, name):,}" for name, _, _ in COLUMNS), style="bold"
        )
    console.print(per_country)

    overdue = Table(title="Overdue follow-ups", header_style="bold")
    for column in ("send", "country", "agency", "sent", "follow-up due", "days overdue", "waiting for"):
        overdue.add_column(column, justify="right" if column in ("send", "days overdue") else "left")
    for o in results.overdue:
        overdue.add_row(
            f"#{o.send}",
            o.country,
            o.agency,
            o.sent_on.isoformat(),
            o.follow_up_due.isoformat(),
            str(o.days_overdue),
            o.waiting_for,
        )
    console.print(overdue if results.overdue else "No follow-up is overdue.")


@report_app.command("operation")
def operation(
    name: Annotated[str, typer.Argument(metavar="OPERATION", help="The operation's name.")],
    csv: Annotated[
        Path | None,
        typer.Option("--csv", help="Write the figures per country as CSV; - for standard output."),
    ] = None,
    pdf: Annotated[
        Path | None, typer.Option("--pdf", help="Write the results (tables, map, months) as PDF.")
    ] = None,
) -> None:
    """The operation's results: persons identified, packages sent and acknowledged, investigations,
    searches, arrests, charges, convictions, children safeguarded, per country and in total, and the
    follow-ups that are overdue. Withdrawn outcomes do not count."""
    if pdf is not None and str(pdf) == "-":
        raise Invalid("--pdf needs a file name")
    csv_to_stdout = csv is not None and str(csv) == "-"
    console = SafeConsole(stderr=csv_to_stdout)
    actor = open_case(create=False)
    from django.utils import timezone

    from tiaki.apps.audit.services.log import record
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.outcomes.queries.results import operation_results
    from tiaki.formats.results import render_pdf, results_csv

    op = get_operation(name, actor)
    results = operation_results(actor, op, timezone.localdate())
    _tables(console, results)
    written: dict[str, str] = {}
    if csv is not None:
        data = results_csv(results)
        if csv_to_stdout:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            csv.write_bytes(data)
        written["csv"] = str(csv)
    if pdf is not None:
        pdf.write_bytes(render_pdf(results))
        written["pdf"] = str(pdf)
    if written:
        record("export.results", actor=actor, operation=op.name, target=op.name, details=written)
        for kind, where in written.items():
            console.print(f"wrote the {kind.upper()} to {'standard output' if where == '-' else where}")
