"""Rendering an operation's summary as tables."""

from __future__ import annotations

import re

from rich.console import Console
from rich.table import Table

from tiaki.apps.core.actor import Actor
from tiaki.apps.operations.models import Operation
from tiaki.apps.pipeline import operation_summary

_LONG_HEX = re.compile(r"\b([0-9a-f]{12})[0-9a-f]{20,}\b")


def _short(evidence: object) -> str:
    """Evidence as a person reads it: long digests cut to their first 12 characters."""
    return _LONG_HEX.sub(r"\1…", str(evidence))


def print_summary(console: Console, actor: Actor, operation: Operation) -> None:
    s = operation_summary(actor, operation)
    flow = Table(title=f"Operation {s.operation}", show_header=True, header_style="bold")
    for column in (
        "accounts",
        "→ persons",
        "→ countries",
        "→ packages",
        "persons to review (country uncertain)",
    ):
        flow.add_column(column, justify="right")
    flow.add_row(
        f"{s.accounts:,}",
        f"{s.persons:,}",
        f"{s.countries:,}",
        "-" if s.packages is None else f"{s.packages:,}",
        f"{s.persons_to_review:,}",
    )
    console.print(flow)

    m = s.media
    media = Table(title="Media", header_style="bold")
    for column in (
        "distinct files",
        "images",
        "videos",
        "known (matched)",
        "new",
        "unreadable",
        "groups of new media",
        "needing a person (one per new group)",
    ):
        media.add_column(column, justify="right")
    media.add_row(
        f"{m.items:,}",
        f"{m.images:,}",
        f"{m.videos:,}",
        f"{m.known:,}",
        f"{m.new:,}",
        f"{m.errors:,}",
        f"{m.groups_to_review:,}",
        f"{m.needing_review:.1%}",
    )
    console.print(media)

    top = Table(title="Triage queue: top 10", header_style="bold")
    top.add_column("rank", justify="right")
    top.add_column("person")
    top.add_column("country")
    top.add_column("score", justify="right")
    top.add_column("reasons")
    for row in s.top:
        reasons = "\n".join(
            f"+{r['points']} {r['factor']}: {', '.join(map(_short, r['evidence'][:2]))}" for r in row.reasons
        )
        top.add_row(str(row.rank), row.person, row.country or "?", str(row.score), reasons)
    console.print(top)
    console.print(f"Packages: {s.packages_root} ({s.packages} countries, a folder and a .zip each)")
