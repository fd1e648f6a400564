"""The ``tiaki`` command. Thin: parse, open the case, call a service or a query, render.

Errors are handled once, by ``cli/errors.py``: a user's mistake is one line and exit status 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tiaki.cli.bootstrap import open_case
from tiaki.cli.errors import Commands
from tiaki.cli.operation import OperationOpt, operation_app
from tiaki.cli.person import person_app
from tiaki.cli.progress import RichProgress
from tiaki.cli.serve import serve
from tiaki.cli.user import user_app
from tiaki.errors import Invalid, NotFound

app = typer.Typer(
    cls=Commands,
    help="tiaki: offline-first investigation of online child-exploitation operations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
hashlist_app = typer.Typer(help="Known-material hash lists.", no_args_is_help=True)
records_app = typer.Typer(
    help="Records checks (prior convictions, access to children, ...).", no_args_is_help=True
)
package_app = typer.Typer(help="Referral packages.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
export_app = typer.Typer(help="Exports for analysts and other tools.", no_args_is_help=True)
media_app = typer.Typer(help="Media items: grading by a reviewer.", no_args_is_help=True)
app.add_typer(hashlist_app, name="hashlist")
app.add_typer(records_app, name="records")
app.add_typer(package_app, name="package")
app.add_typer(audit_app, name="audit")
app.add_typer(export_app, name="export")
app.add_typer(media_app, name="media")
app.add_typer(person_app, name="person")
app.add_typer(operation_app, name="operation")
app.add_typer(user_app, name="user")
app.command("serve")(serve)

console = Console()
err = Console(stderr=True)


@app.command()
def synth(
    out: Annotated[Path, typer.Argument(help="Folder to write the synthetic operation into.")],
    accounts: Annotated[int, typer.Option(min=1, help="Number of accounts.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same files.")] = 1,
) -> None:
    """Write a synthetic operation: a disclosure bundle, a known-material list, records checks, truth."""
    from tiaki.synth.generator import generate

    with RichProgress(console) as progress:
        summary = generate(out, accounts=accounts, seed=seed, progress=progress)
    console.print(f"wrote {out}: {summary}")


@app.command()
def ingest(
    bundle: Annotated[Path, typer.Argument(help="Disclosure bundle (folder or .zip) or CyberTipline .xml.")],
    operation: OperationOpt,
) -> None:
    """Ingest a disclosure into an operation (created if needed). All or nothing; repeats change nothing."""
    actor = open_case()
    from tiaki.apps.intake.services.ingest import ingest as ingest_service

    with RichProgress(console) as progress:
        result = ingest_service(bundle, operation, actor=actor, progress=progress)
    if result.created:
        console.print(
            f"ingested [bold]{result.disclosure_id}[/] into '{operation}': "
            + ", ".join(f"{n} {k}" for k, n in result.counts.items())
        )
    else:
        console.print(
            f"{result.disclosure_id} is already in '{operation}' with the same content: nothing changed"
        )


def _date(option: str, text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise Invalid(f"{option} '{text}' is not a date (YYYY-MM-DD)") from None


@hashlist_app.command("import")
def hashlist_import(
    file: Annotated[Path, typer.Argument(help="VICS JSON (1.3, 2.0) or hash-list CSV.")],
    name: Annotated[str | None, typer.Option(help="Name of the list (default: the file name).")] = None,
    profile: Annotated[
        str | None, typer.Option(help="Category scheme: vic-us, dhs-legacy, uk-caid, generic.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Who published the list.")] = None,
    version: Annotated[str | None, typer.Option(help="The list's version or release.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    licence: Annotated[str | None, typer.Option(help="Terms under which the list may be used.")] = None,
) -> None:
    """Import a known-material hash list, with where it came from."""
    when = _date("--published", published)
    actor = open_case()
    from tiaki.apps.media.services.hashlists import ListInfo, import_hashlist

    info = ListInfo(
        name=name, profile=profile, source=source, version=version, published=when, licence=licence
    )
    with RichProgress(console) as progress:
        result = import_hashlist(file, actor=actor, info=info, progress=progress)
    verb = "imported" if result.created else "already imported, nothing changed:"
    console.print(f"{verb} list '{result.name}' ({result.entries} entries, profile {result.profile})")


@records_app.command("import")
def records_import(
    file: Annotated[Path, typer.Argument(help="Records-check CSV.")],
    operation: OperationOpt,
    country: Annotated[
        str | None, typer.Option(help="Country of the records system (reads its national phone numbers).")
    ] = None,
) -> None:
    """Import records-check facts into an operation."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.subjects.services.records import import_records

    rows, created = import_records(file, get_operation(operation, actor), actor=actor, country=country)
    console.print(f"imported {rows} facts" if created else "already imported, nothing changed")


@media_app.command("grade")
def media_grade(
    media: Annotated[str, typer.Argument(help="The item's key (its SHA-256), or enough of its start.")],
    operation: OperationOpt,
    category: Annotated[str, typer.Option(help="The category code in the profile, e.g. 1 or A.")],
    profile: Annotated[str, typer.Option(help="Category scheme: vic-us, dhs-legacy, uk-caid.")] = "vic-us",
    description: Annotated[str, typer.Option(help="A structured description, if any.")] = "",
) -> None:
    """Grade one item; the grade is offered to the rest of its near-duplicate group."""
    actor = open_case()
    from tiaki.apps.media.services.grading import grade_item
    from tiaki.apps.operations.queries import get_operation

    offered = grade_item(
        get_operation(operation, actor),
        media,
        profile=profile,
        category=category,
        actor=actor,
        description=description,
    )
    console.print(f"graded; offered to {offered} near-duplicate(s)")


@app.command()
def run(
    operation: OperationOpt,
    stage: Annotated[list[str] | None, typer.Option(help="Run only these stages (repeatable).")] = None,
    geo_dir: Annotated[
        Path | None, typer.Option(help="Folder of dated MMDB country databases (kept for the operation).")
    ] = None,
    resolution: Annotated[
        str | None,
        typer.Option(
            help="probabilistic (hard identifiers, then the model) or hard (identifiers only); kept as the "
            "operation's setting, so later runs and decisions use it too."
        ),
    ] = None,
) -> None:
    """Run the stages (media, resolve, locate, triage, refer) in order; each can be re-run safely."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.operations.services.operations import SettingsChange, change_settings
    from tiaki.apps.pipeline import STAGES, run_stage
    from tiaki.cli.report import print_summary

    stages = stage or list(STAGES)
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        raise Invalid(f"unknown stage '{unknown[0]}'; the stages are {', '.join(STAGES)}")
    op = get_operation(operation, actor)
    if resolution is not None or geo_dir is not None:
        change_settings(op, SettingsChange(resolution_method=resolution, geo_dir=geo_dir), actor)
    with RichProgress(console) as progress:
        for s in [s for s in STAGES if s in stages]:
            run_stage(s, op, actor=actor, progress=progress)
    print_summary(console, actor, op)


@package_app.command("verify")
def package_verify(path: Annotated[Path, typer.Argument(help="A package folder or .zip.")]) -> None:
    """Check a package against its manifest (and that it carries no media bytes)."""
    from tiaki.formats.package import verify_package

    if not path.exists():
        raise NotFound(f"{path}: no such package folder or zip")
    problems = verify_package(path)
    if problems:
        for p in problems:
            err.print(f"[red]✗[/] {p}", highlight=False)
        raise typer.Exit(1)
    console.print(f"[green]✓[/] {path}: every file matches the manifest; no media bytes")


@audit_app.command("verify")
def audit_verify() -> None:
    """Walk the hash chain; report edited, inserted or deleted events."""
    actor = open_case(create=False)
    from tiaki.apps.audit.queries import verify

    result = verify(actor)
    if not result.ok:
        for p in result.problems:
            err.print(f"[red]✗[/] {p}", highlight=False)
        raise typer.Exit(1)
    console.print(f"[green]✓[/] audit log intact: {result.events} events")


@export_app.command("persons")
def export_persons(
    operation: OperationOpt,
    out: Annotated[Path, typer.Option(help="CSV file to write; - for standard output.")],
    detailed: Annotated[
        bool, typer.Option(help="Add country_confidence, country_basis, needs_review and country_evidence.")
    ] = False,
) -> None:
    """account_id,person_id,country: one row per account."""
    actor = open_case(create=False)
    from tiaki.apps.audit.services.log import record
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.subjects.queries import persons_export_rows
    from tiaki.formats.csvsafe import write_csv

    op = get_operation(operation, actor)
    rows = persons_export_rows(actor, op, detailed=detailed)
    header = ["account_id", "person_id", "country"]
    if detailed:
        header += ["country_confidence", "country_basis", "needs_review", "country_evidence"]
    to_stdout = str(out) == "-"
    with open(
        sys.stdout.fileno() if to_stdout else out, "w", newline="", encoding="utf-8", closefd=not to_stdout
    ) as fh:
        write_csv(fh, header, rows)
    record(
        "export.persons",
        actor=actor,
        operation=operation,
        target=str(out),
        details={"rows": len(rows), "detailed": detailed},
    )
    err.print(f"wrote {len(rows)} rows to {'standard output' if to_stdout else out}")


@app.command("hash")
def hash_files(paths: Annotated[list[Path], typer.Argument(help="Files (folders are walked).")]) -> None:
    """One JSON line per file: path, md5, sha1, sha256, pdq, quality."""
    from tiaki.engines.digest import digest_file
    from tiaki.engines.media import examine

    def files() -> Iterator[Path]:
        for p in paths:
            if p.is_dir():
                yield from sorted(q for q in p.rglob("*") if q.is_file())
            else:
                yield p

    status = 0
    for f in files():
        try:
            d = digest_file(f)
        except OSError as exc:
            err.print(f"[bold red]error:[/] {f}: {exc.strerror}", highlight=False)
            status = 2
            continue
        examined = examine(f)
        line = {
            "path": str(f),
            "md5": d.md5,
            "sha1": d.sha1,
            "sha256": d.sha256,
            "pdq": examined.pdq,
            "quality": examined.quality,
        }
        sys.stdout.write(json.dumps(line) + "\n")
    raise typer.Exit(status)


@app.command()
def demo(
    accounts: Annotated[int, typer.Option(min=1, help="Accounts in the synthetic operation.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 7,
) -> None:
    """A synthetic operation, end to end: generate, ingest, match, resolve, locate, triage, refer."""
    actor = open_case()
    from tiaki.cli.demo import run_demo

    run_demo(console, actor, accounts=accounts, seed=seed)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
