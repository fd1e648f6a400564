"""``tiaki operation``: an operation's run settings, shown and changed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tiaki.cli.bootstrap import open_case

operation_app = typer.Typer(help="Operations and how they run.", no_args_is_help=True)
console = Console(markup=False)
OperationOpt = Annotated[str, typer.Option("--operation", "-o", help="Operation name.")]


@operation_app.command("settings")
def settings(
    operation: OperationOpt,
    resolution: Annotated[str | None, typer.Option(help="probabilistic or hard.")] = None,
    threshold: Annotated[float | None, typer.Option(help="The model's link threshold, in bits.")] = None,
    geo_dir: Annotated[Path | None, typer.Option(help="Folder of dated MMDB country databases.")] = None,
    grading_scheme: Annotated[str | None, typer.Option(help="vic-us, uk-caid or dhs-legacy.")] = None,
) -> None:
    """Show the operation's run settings; with options, change them (audited)."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation, run_settings
    from tiaki.apps.operations.services.operations import SettingsChange, change_settings

    op = get_operation(operation, actor)
    change = SettingsChange(
        resolution_method=resolution,
        resolution_threshold=threshold,
        geo_dir=geo_dir,
        grading_scheme=grading_scheme,
    )
    current = change_settings(op, change, actor) if change != SettingsChange() else run_settings(op)
    table = Table(title=f"Run settings of '{op.name}'", header_style="bold")
    table.add_column("setting")
    table.add_column("value")
    table.add_row("resolution method", current.resolution_method)
    table.add_row("resolution threshold (bits)", f"{current.resolution_threshold:g}")
    table.add_row("geolocation folder", current.geo_dir or "(TIAKI_GEO_DIR, else <data>/geo)")
    table.add_row("triage model", current.triage_model)
    table.add_row("grading scheme", current.grading_scheme)
    console.print(table)
