"""The ``tiaki`` command. Thin: parse, open the case, call a service or a query, render.

Errors are handled once, by ``cli/errors.py``: a user's mistake is one line and exit status 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, TextIO

import typer

from tiaki.cli import dissemination
from tiaki.cli.agency import agency_app
from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole
from tiaki.cli.errors import Commands
from tiaki.cli.keys import keys_app
from tiaki.cli.operation import OperationOpt, operation_app
from tiaki.cli.outcome import outcome_app
from tiaki.cli.person import person_app
from tiaki.cli.progress import RichProgress
from tiaki.cli.results import report_app
from tiaki.cli.review import review_app
from tiaki.cli.serve import serve
from tiaki.cli.token import token_app
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
app.add_typer(keys_app, name="keys")
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")
app.add_typer(review_app, name="review")
app.add_typer(agency_app, name="agency")
app.add_typer(outcome_app, name="outcome")
app.add_typer(report_app, name="report")
operation_app.command("case")(dissemination.case)
package_app.command("seal")(dissemination.seal)
package_app.command("index")(dissemination.index)
package_app.command("send")(dissemination.send)
package_app.command("acknowledge")(dissemination.acknowledge)
package_app.command("log")(dissemination.log)
app.command("serve")(serve)

console = SafeConsole()
err = SafeConsole(stderr=True)


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
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="A disclosure bundle (folder or .zip), or CyberTipline report and fileDetails XML "
            "documents: files, folders, globs or zips of them, any number."
        ),
    ],
    operation: OperationOpt,
    timezone: Annotated[
        str | None,
        typer.Option(help="IANA zone of report times written without an offset (never guessed)."),
    ] = None,
    provider: Annotated[
        str | None, typer.Option(help="The provider's name, when reports do not say.")
    ] = None,
) -> None:
    """Ingest a disclosure into an operation (created if needed). All or nothing; repeats change nothing."""
    actor = open_case()
    from tiaki.apps.intake.services.ingest import ingest as ingest_service

    with RichProgress(console) as progress:
        result = ingest_service(
            inputs, operation, actor=actor, progress=progress, timezone=timezone, provider=provider
        )
    if result.created:
        console.print(
            f"ingested {result.disclosure_id} into '{operation}': "
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
    file: Annotated[
        Path,
        typer.Argument(
            help="A list in any format tiaki reads: VICS JSON, CSV (generic, ICSE), NCMEC XML, StopNCII, "
            "HMA/ThreatExchange signals, PDQ-hasher output, plain digests, vPDQ files (a folder or zip)."
        ),
    ],
    name: Annotated[str | None, typer.Option(help="Name of the list (default: the file name).")] = None,
    profile: Annotated[
        str | None, typer.Option(help="Category scheme: vic-us, dhs-legacy, uk-caid, generic.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Who published the list.")] = None,
    version: Annotated[str | None, typer.Option(help="The list's version or release.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    licence: Annotated[str | None, typer.Option(help="Terms under which the list may be used.")] = None,
    hash_type: Annotated[
        str | None, typer.Option(help="What a plain list of 64-character digests holds: sha256 or pdq.")
    ] = None,
) -> None:
    """Import a known-material hash list, with where it came from. The same list again (in any file or
    format) changes nothing."""
    when = _date("--published", published)
    actor = open_case()
    from tiaki.apps.media.services.hashlists import ListInfo, import_hashlist

    info = ListInfo(
        name=name,
        profile=profile,
        source=source,
        version=version,
        published=when,
        licence=licence,
        hash_type=hash_type,
    )
    with RichProgress(console) as progress:
        result = import_hashlist(file, actor=actor, info=info, progress=progress)
    verb = "imported" if result.created else "already imported (the same content), nothing changed:"
    console.print(f"{verb} list '{result.name}' ({result.entries} entries, profile {result.profile})")


@hashlist_app.command("list")
def hashlist_list() -> None:
    """Every imported list: name, format, profile, entries, source, version, publication, fingerprint."""
    actor = open_case(create=False)
    from rich.table import Table

    from tiaki.apps.media.queries import hash_lists

    table = Table(title="Known-material lists", header_style="bold")
    for column in ("name", "format", "profile", "entries", "source", "version", "published", "fingerprint"):
        table.add_column(column)
    for h in hash_lists(actor):
        table.add_row(
            h.name,
            h.file_format,
            h.profile,
            f"{h.entry_count:,}",
            h.source,
            h.version,
            str(h.published or ""),
            h.fingerprint[:16],
        )
    console.print(table)


@hashlist_app.command("export")
def hashlist_export(
    name: Annotated[str, typer.Argument(help="The list's name (see `tiaki hashlist list`).")],
    out: Annotated[Path, typer.Option(help="File to write (a folder for vpdq).")],
    format: Annotated[
        str, typer.Option("--format", help="vics, csv, ncmec-xml, signals, pdq-hasher, plain or vpdq.")
    ] = "vics",
    hash_type: Annotated[str | None, typer.Option(help="For plain lists: md5, sha1 or sha256.")] = None,
) -> None:
    """Write an imported list again in any format tiaki reads; reading it back gives the same list."""
    actor = open_case(create=False)
    from tiaki.apps.audit.services.log import record
    from tiaki.apps.media.queries import list_content
    from tiaki.formats.hashlist_any import WRITABLE, write_hashlist

    if format not in WRITABLE:
        raise Invalid(f"--format must be one of {', '.join(WRITABLE)}")
    content = list_content(actor, name)
    written = write_hashlist(out, content, format=format, hash_type=hash_type)
    record("media.hashlist-export", actor=actor, target=name, details={"format": format, "out": str(out)})
    console.print(
        f"wrote {len(content.entries):,} entries of '{name}' as {format}: {', '.join(map(str, written))}"
    )


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
    category: Annotated[
        str | None, typer.Option(help="A category in one scheme's terms, e.g. 1 or A (instead of facts).")
    ] = None,
    profile: Annotated[str, typer.Option(help="Category scheme: vic-us, dhs-legacy, uk-caid.")] = "vic-us",
    description: Annotated[str, typer.Option(help="A structured description, if any.")] = "",
    age_band: Annotated[
        list[str] | None, typer.Option(help="infant, prepubescent, pubescent or cannot-tell (repeatable).")
    ] = None,
    depiction: Annotated[
        str | None, typer.Option(help="real, drawn, computer-generated or suspected-ai.")
    ] = None,
    conduct: Annotated[
        str | None,
        typer.Option(help="penetrative, animal-sadism, non-penetrative, posing, other-indecent or none."),
    ] = None,
    self_generated: Annotated[list[str] | None, typer.Option(help="Self-generated indicators.")] = None,
) -> None:
    """Grade one item, by content facts (every scheme derived) or by a category in one scheme; the
    grade is offered to the rest of its near-duplicate group."""
    actor = open_case()
    from tiaki.apps.media.services.grading import grade_item
    from tiaki.apps.media.services.review import record_facts
    from tiaki.apps.operations.queries import get_operation
    from tiaki.engines.grading import Facts

    if depiction or conduct:
        if category is not None or not (depiction and conduct):
            raise Invalid("give facts (--depiction and --conduct, with --age-band) or --category, not both")
        try:
            facts = Facts.of(age_band or [], depiction, conduct, self_generated or [])
        except ValueError as exc:
            raise Invalid(str(exc)) from None
        offered = record_facts(get_operation(operation, actor), media, facts, actor=actor)
        console.print(f"graded; offered to {offered} near-duplicate(s)")
        return
    if category is None:
        raise Invalid("give facts (--depiction, --conduct, --age-band) or a --category")
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
    wait: Annotated[float, typer.Option(min=0, help="Seconds to wait for another run of it.")] = 0.0,
) -> None:
    """Run the stages (media, resolve, locate, triage, refer) in order; each can be re-run safely.
    One run of an operation at a time: another waits --wait seconds, then is refused."""
    actor = open_case()
    from tiaki.apps.operations.queries import get_operation
    from tiaki.apps.operations.services.operations import SettingsChange, change_settings
    from tiaki.apps.pipeline import run_stages

    op = get_operation(operation, actor)
    if resolution is not None or geo_dir is not None:
        change_settings(op, SettingsChange(resolution_method=resolution, geo_dir=geo_dir), actor)
    with RichProgress(console) as progress:
        run_stages(op, stage, actor=actor, progress=progress, wait=wait)
    from tiaki.cli.report import print_summary

    print_summary(console, actor, op)


@package_app.command("verify")
def package_verify(
    path: Annotated[Path, typer.Argument(help="A package folder or .zip.")],
    key: Annotated[
        Path | None,
        typer.Option(
            help="The sender's public key (.pub) or allowed_signers file; default: this unit's key."
        ),
    ] = None,
) -> None:
    """Check a package: every file against the manifest and SHA256SUMS, no media bytes, and the
    sender's signature (with --key, or this unit's own key when the data directory has one)."""
    from tiaki.formats.package import verify_package

    if not path.exists():
        raise NotFound(f"{path}: no such package folder or zip")
    public = key.read_text(encoding="utf-8", errors="replace") if key is not None else _own_public_key()
    problems = verify_package(path, public_key=public)
    if problems:
        for p in problems:
            err.print(f"✗ {p}", style="red", highlight=False)
        raise typer.Exit(1)
    signed = "signature good" if public else "not checked for a signature (no key)"
    console.print(f"✓ {path}: every file matches the manifest; no media bytes; {signed}", style="green")


def _own_public_key() -> str | None:
    from tiaki.cli.bootstrap import setup_django

    setup_django()
    from tiaki.apps.core import keys

    return keys.public_key()


@audit_app.command("verify")
def audit_verify() -> None:
    """Walk the hash chain; report edited, inserted or deleted events."""
    actor = open_case(create=False)
    from tiaki.apps.audit.queries import verify

    result = verify(actor)
    if not result.ok:
        for p in result.problems:
            err.print(f"✗ {p}", style="red", highlight=False)
        raise typer.Exit(1)
    console.print(f"✓ audit log intact: {result.events} events", style="green")


@audit_app.command("accept-head")
def audit_accept_head(
    reason: Annotated[str, typer.Option(help="Why: kept in the audit log.")],
) -> None:
    """After a crash between a commit and the head's update only: move the recorded head to the log's
    end, when the events past it follow it in an unbroken chain (audited, the events named)."""
    actor = open_case(create=False)
    from tiaki.apps.audit.services.log import accept_head

    old, new = accept_head(actor, reason)
    console.print(f"the recorded head moved from #{old} to #{new}")


@audit_app.command("timestamp-request")
def audit_timestamp_request() -> None:
    """Write an RFC 3161 time-stamp request for the latest signed checkpoint (tiaki sends nothing)."""
    actor = open_case(create=False)
    from tiaki.apps.audit.services.timestamps import request_timestamp

    path = request_timestamp(actor)
    console.print(f"wrote {path}. Send it to the time-stamp authority you trust, for example:")
    console.print(
        f"  curl -H 'Content-Type: application/timestamp-query' --data-binary @{path} URL > response.tsr",
        soft_wrap=True,
    )
    console.print("then: tiaki audit timestamp-response response.tsr")


@audit_app.command("timestamp-response")
def audit_timestamp_response(
    response: Annotated[Path, typer.Argument(help="The authority's DER response (.tsr).")],
) -> None:
    """Check an RFC 3161 response against the waiting request and keep it beside the checkpoint."""
    actor = open_case(create=False)
    from tiaki.apps.audit.services.timestamps import accept_timestamp

    stamp = accept_timestamp(response, actor)
    console.print(
        f"✓ time-stamped at {stamp.gen_time.isoformat()} (serial {stamp.serial_number})", style="green"
    )


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
    err.print(f"wrote {len(rows)} rows to {'standard output' if str(out) == '-' else out}")


@export_app.command("disclosure")
def export_disclosure(
    operation: OperationOpt,
    out: Annotated[Path, typer.Option(help="JSON Lines file to write; - for standard output.")],
) -> None:
    """Everything kept of what came in, one JSON object per record: disclosures, reports, safeguarding
    leads, accounts (with identifiers, devices, IP events), uploads (with every hash, name and flag)."""
    actor = open_case(create=False)
    from tiaki.apps.audit.services.log import record
    from tiaki.apps.intake.queries import disclosure_records
    from tiaki.apps.operations.queries import get_operation

    op = get_operation(operation, actor)
    count = 0
    with _output(out) as fh:
        for item in disclosure_records(actor, op):
            fh.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    record("export.disclosure", actor=actor, operation=op.name, target=str(out), details={"records": count})
    err.print(f"wrote {count} records to {'standard output' if str(out) == '-' else out}")


@export_app.command("media")
def export_media(
    operation: OperationOpt,
    out: Annotated[Path, typer.Option(help="CSV file to write; - for standard output.")],
) -> None:
    """One row per media item: key, digests, kind, known or new (and the list and entry it matched),
    who graded it and how, the provider's own grade."""
    actor = open_case(create=False)
    from tiaki.apps.audit.services.log import record
    from tiaki.apps.media.queries import MEDIA_COLUMNS, media_rows
    from tiaki.apps.operations.queries import get_operation
    from tiaki.formats.csvsafe import write_csv

    op = get_operation(operation, actor)
    with _output(out) as fh:
        count = write_csv(fh, MEDIA_COLUMNS, media_rows(actor, op))
    record("export.media", actor=actor, operation=op.name, target=str(out), details={"rows": count})
    err.print(f"wrote {count} rows to {'standard output' if str(out) == '-' else out}")


@contextmanager
def _output(out: Path) -> Iterator[TextIO]:
    """A text file to write, or standard output for ``-``."""
    if str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(out, "w", newline="", encoding="utf-8") as fh:
        yield fh


@app.command("hash")
def hash_files(paths: Annotated[list[Path], typer.Argument(help="Files (folders are walked).")]) -> None:
    """One JSON line per file: path, md5, sha1, sha256, pdq, quality; for a photo stored turned also
    pdq_stored (the hash of the stored pixels, as other tools compute it); for a video its vPDQ hash
    (``frame,quality,pdq_hex,timestamp`` lines, as Meta's vPDQ writes them)."""
    from tiaki.engines.digest import digest_file
    from tiaki.engines.media import examine
    from tiaki.engines.video import from_dict, vpdq_lines

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
            err.print(f"error: {f}: {exc.strerror}", style="bold red", highlight=False)
            status = 2
            continue
        examined = examine(f)
        line: dict[str, object] = {
            "path": str(f),
            "md5": d.md5,
            "sha1": d.sha1,
            "sha256": d.sha256,
            "pdq": examined.pdq,
            "quality": examined.quality,
        }
        if examined.pdq_stored:
            line["pdq_stored"] = examined.pdq_stored
        if examined.video:
            line["vpdq"] = vpdq_lines(from_dict(examined.video))
        if examined.error:
            line["error"] = examined.error
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
