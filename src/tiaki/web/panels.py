"""The dashboard's panels: the funnel, the world map and the charts, as SVG drawn on the server.

Each panel's numbers come from the apps' queries (narrowed to what the actor may see) and are drawn
by ``engines.charts`` and ``engines.worldmap``. Counting a large operation's accounts, persons, media
and IP events takes seconds, so the figures are kept (:func:`dashboard_figures`) in the ``figures``
cache, which every server process shares (files in the data directory), per operation and country
scope, with the version they were counted at (``pipeline.figures_version``: the newest stage run,
ingest or decision). When the version moves on, one request counts them again while the others are
answered with the figures kept, marked with the time they were counted. The stages' status and the
follow-ups are read on every request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.cache import caches

from tiaki.apps.core.actor import Actor
from tiaki.apps.intake.queries import events_per_month
from tiaki.apps.media.queries import MediaSummary
from tiaki.apps.operations.models import Operation
from tiaki.apps.pipeline import OperationSummary, figures_version, operation_summary
from tiaki.apps.subjects.queries import persons_per_country, score_counts
from tiaki.engines import charts, worldmap

SCORE_BIN = 10
COUNTING_SECONDS = 600  # a request counting the figures again holds the others off this long at most


@dataclass(frozen=True)
class Charts:
    world: str
    scores: str
    media: str
    events: str


def funnel(summary: OperationSummary) -> str:
    steps = [("Accounts", summary.accounts), ("Persons", summary.persons), ("Countries", summary.countries)]
    if summary.packages is not None:
        steps.append(("Packages", summary.packages))
    return charts.funnel(steps, title="From accounts to packages", width=560)


def _scores(counts: dict[int, int]) -> str:
    bins: dict[int, int] = {}
    for score, n in counts.items():
        bins[score // SCORE_BIN] = bins.get(score // SCORE_BIN, 0) + n
    top = max(bins, default=0)
    labels = [f"{b * SCORE_BIN}-{b * SCORE_BIN + SCORE_BIN - 1}" for b in range(top + 1)]
    return charts.bar_chart(
        labels,
        [bins.get(b, 0) for b in range(top + 1)],
        title="Triage scores",
        x_label="Persons",
        y_label="Score",
        width=560,
    )


def _media(media: MediaSummary) -> str:
    return charts.share_bar(
        [("Known (graded automatically)", media.known), ("New (needs a reviewer)", media.new)],
        title="Known and new media",
        width=560,
    )


def _events(actor: Actor, operation: Operation) -> str:
    points = events_per_month(actor, operation)
    if not points:
        return charts.bar_chart([], [], title="IP events per month", width=560)
    return charts.line_chart(
        {"IP events": [(month, float(n)) for month, n in points]},
        title="IP events per month",
        y_label="Events",
        width=560,
    )


@dataclass(frozen=True)
class Figures:
    """An operation's summary and charts as one scope sees them, counted at ``version``."""

    version: int
    counted_at: datetime
    summary: OperationSummary
    charts: Charts


def _count(actor: Actor, operation: Operation, version: int) -> Figures:
    summary = operation_summary(actor, operation, top=0)
    drawn = Charts(
        world=worldmap.choropleth(
            persons_per_country(actor, operation),
            title="Persons per country",
            legend="Persons",
            width=960,
        ),
        scores=_scores(score_counts(actor, operation)),
        media=_media(summary.media),
        events=_events(actor, operation),
    )
    return Figures(version, datetime.now(UTC), summary, drawn)


def dashboard_figures(actor: Actor, operation: Operation) -> tuple[Figures, bool]:
    """The operation's figures as ``actor`` may see them, and whether they are up to date (False:
    another request is counting them again; these are the ones counted before)."""
    store = caches["figures"]
    scope = ",".join(sorted(actor.countries)) if actor.countries is not None else "*"
    key = f"tiaki:figures:{operation.pk}:{operation.created_at.timestamp()}:{scope}"
    version = figures_version(actor, operation)
    kept = store.get(key)
    if isinstance(kept, Figures):
        if kept.version == version:
            return kept, True
        if not store.add(key + ":counting", 1, COUNTING_SECONDS):
            return kept, False
        try:
            figures = _count(actor, operation, version)
            store.set(key, figures, None)
        finally:
            store.delete(key + ":counting")
        return figures, True
    figures = _count(actor, operation, version)
    store.set(key, figures, None)
    return figures, True
