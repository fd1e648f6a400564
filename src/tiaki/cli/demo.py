"""``tiaki demo``: a synthetic operation from generation to packages, on the local data directory."""

from __future__ import annotations

import time

from django.conf import settings
from rich.console import Console

from tiaki.apps.core.actor import Actor
from tiaki.apps.intake.services.ingest import ingest
from tiaki.apps.media.services.hashlists import ListInfo, import_hashlist
from tiaki.apps.operations.queries import get_operation
from tiaki.apps.pipeline import run_stages
from tiaki.apps.subjects.services.records import import_records
from tiaki.cli.progress import RichProgress
from tiaki.cli.report import print_summary
from tiaki.synth.generator import generate


def run_demo(console: Console, who: Actor, *, accounts: int, seed: int) -> None:
    started = time.monotonic()
    out = settings.DATA_DIR / "demo" / f"synth-{accounts}-{seed}"
    name = f"demo-{accounts}-{seed}"
    console.rule(f"tiaki demo: {accounts:,} synthetic accounts (seed {seed})")
    with RichProgress(console) as progress:
        if not (out / "truth" / "summary.json").exists():
            generate(out, accounts=accounts, seed=seed, progress=progress)
        ingest(out / "bundle", name, actor=who, progress=progress)
        import_hashlist(
            out / "known-material.vics.json",
            actor=who,
            info=ListInfo(name=f"{name}-known"),
            progress=progress,
        )
        operation = get_operation(name, who)
        import_records(out / "records-checks.csv", operation, actor=who)
        run_stages(operation, actor=who, progress=progress)
    print_summary(console, who, operation)
    console.print(f"Synthetic input and its ground truth: {out}")
    console.print(f"Finished in {time.monotonic() - started:.0f} s. Data directory: {settings.DATA_DIR}")
    console.print(
        "Open the workspace on this operation (from the project's folder):\n"
        "  . .venv/bin/activate\n"
        f"  tiaki user add alice --role investigator --operation {name}\n"
        "  tiaki serve\n"
        "then open http://127.0.0.1:8000/, sign in as alice with the password you chose and set up "
        "the second factor with an authenticator app.",
        highlight=False,
        soft_wrap=True,
    )
