"""``tiaki operation``: an operation's run settings, shown and changed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole

operation_app = typer.Typer(help="Operations and how they run.", no_args_is_help=True)
console = SafeConsole()
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


@operation_app.command("sample-pairs")
def sample_pairs(
    operation: OperationOpt,
    out: Annotated[Path, typer.Option(help="CSV file to write, for an investigator to label.")],
    per_band: Annotated[int, typer.Option(help="Pairs drawn from each band of weights.")] = 15,
    seed: Annotated[int, typer.Option(help="Seed of the draw.")] = 1,
) -> None:
    """Draw a sample of the model's scored pairs, the same number from every band of weights, to
    label: write yes, no or unsure in its same_person column, then run `tiaki operation calibrate`."""
    actor = open_case(create=False)
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.subjects.services.calibration import write_sample

    op = get_operation(operation, actor)
    with console.status("scoring the operation's candidate pairs"):
        sample = write_sample(op, out, actor=actor, per_band=per_band, seed=seed)
    console.print(
        f"wrote {sample.pairs} of {sample.scored} scored pairs to {out}; label same_person "
        f"(yes / no / unsure), then: tiaki operation calibrate -o {op.name} {out}"
    )


@operation_app.command("calibrate")
def calibrate(
    operation: OperationOpt,
    sample: Annotated[Path, typer.Argument(help="A sample from `sample-pairs`, labelled.")],
    apply: Annotated[bool, typer.Option(help="Set the suggested threshold (audited).")] = False,
) -> None:
    """Estimate precision and recall at each threshold from a labelled sample, suggest a threshold
    and, with --apply, set it."""
    actor = open_case(create=False)
    from tiaki.apps.operations.queries import get_operation, run_settings
    from tiaki.apps.operations.services.operations import SettingsChange, change_settings
    from tiaki.apps.subjects.services.calibration import read_sample

    op = get_operation(operation, actor)
    with console.status("scoring the operation's candidate pairs"):
        result = read_sample(op, sample, actor=actor)
    bands = Table(title="Matches by band of weights", header_style="bold")
    for name in ("band (bits)", "pairs", "labelled", "yes", "share (95% interval)", "model says"):
        bands.add_column(name, justify="left" if name.startswith("band") else "right")
    for band in result.bands:
        if not band.pairs:
            continue
        share = (
            f"{band.share:.2f} ({band.low:.2f}-{band.high:.2f})"
            if band.share is not None and band.low is not None and band.high is not None
            else "not labelled"
        )
        bands.add_row(
            band.name, f"{band.pairs:,}", str(band.labelled), str(band.yes), share, f"{band.model:.2f}"
        )
    console.print(bands)
    table = Table(title="Estimated among the scored pairs", header_style="bold")
    for name in ("threshold (bits)", "links", "precision", "recall", "F1"):
        table.add_column(name, justify="right")
    for row in result.thresholds:
        table.add_row(
            f"{row.threshold:g}",
            f"{row.links:,}",
            f"{row.precision:.3f}",
            f"{row.recall:.3f}",
            f"{row.f1:.3f}",
        )
    console.print(table)
    if result.model_only:
        console.print("no pair is labelled: the estimates are the model's own probabilities")
    unlabelled = [band.name for band in result.bands if band.pairs and not band.from_labels]
    if unlabelled and not result.model_only:
        console.print(f"bands without labels use the model's probability: {', '.join(unlabelled)}")
    if result.suggested is None:
        console.print("nothing was scored: the operation has no candidate pairs")
        return
    console.print(
        f"suggested threshold: {result.suggested:g} bits (best estimated F1); "
        f"now {run_settings(op).resolution_threshold:g} bits"
    )
    if apply:
        settings = change_settings(op, SettingsChange(resolution_threshold=result.suggested), actor)
        console.print(f"threshold set to {settings.resolution_threshold:g} bits; run `tiaki run` to apply it")
    else:
        console.print(f"set it with: tiaki operation settings -o {op.name} --threshold {result.suggested:g}")
