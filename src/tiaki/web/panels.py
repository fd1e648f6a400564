"""The dashboard's panels: the funnel, the world map and the charts, as SVG drawn on the server.

Each panel's numbers come from the apps' queries (narrowed to what the actor may see) and are drawn
by ``engines.charts`` and ``engines.worldmap``. The charts that read every IP event or assessment are
kept for a minute per operation, scope and process (``CHART_SECONDS``); the funnel and the stages'
status are read on every request.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache

from tiaki.apps.core.actor import Actor
from tiaki.apps.intake.queries import events_per_month
from tiaki.apps.media.queries import MediaSummary
from tiaki.apps.operations.models import Operation
from tiaki.apps.pipeline import OperationSummary
from tiaki.apps.subjects.queries import persons_per_country, score_counts
from tiaki.engines import charts, worldmap

CHART_SECONDS = 60
SCORE_BIN = 10


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


def dashboard_charts(actor: Actor, operation: Operation, media: MediaSummary) -> Charts:
    """The map and charts of ``operation`` as ``actor`` may see them (cached for a minute)."""
    scope = ",".join(sorted(actor.countries)) if actor.countries is not None else "*"
    version = cache.get(f"tiaki:charts-version:{operation.pk}", 0)
    key = f"tiaki:charts:{operation.pk}:{version}:{scope}"
    found = cache.get(key)
    if isinstance(found, Charts):
        return found
    drawn = Charts(
        world=worldmap.choropleth(
            persons_per_country(actor, operation),
            title="Persons per country",
            legend="Persons",
            width=960,
        ),
        scores=_scores(score_counts(actor, operation)),
        media=_media(media),
        events=_events(actor, operation),
    )
    cache.set(key, drawn, CHART_SECONDS)
    return drawn


def forget_charts(operation: Operation) -> None:
    """Draw the operation's charts afresh on the next request in this process (a stage started from
    here has run)."""
    key = f"tiaki:charts-version:{operation.pk}"
    cache.set(key, cache.get(key, 0) + 1, None)
