"""An operation's results as figures: persons identified, packages written and sent, and what the
partner agencies reported (investigations, searches, arrests, charges, convictions, children
safeguarded), per country and in total, month by month, with the follow-ups that are overdue.

The figures are plain data (:class:`Results`, built by ``apps/outcomes/queries/results.py``); this
module writes them as CSV (one row per country and a total row, every cell through
:mod:`tiaki.formats.csvsafe`), as a self-contained HTML document (the tables, a world map of
investigations opened per country and a chart of the months) and as PDF, drawn by WeasyPrint with
nothing fetched (:func:`tiaki.formats.dossier.render_pdf`). The document holds no script, no image
and no outside reference: its only pictures are the SVG of ``engines/charts.py`` and
``engines/worldmap.py``, shapes and text.

What counts: persons identified are persons placed in a country (the ones packages carry); sends
are counted each (a package sent again counts again); an outcome counts only while it stands (not
withdrawn). Investigations, arrests, charges, convictions, "no further action" and "passed on" count
distinct persons; searches count the searches reported; children safeguarded is the sum of the
counts reported.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

from tiaki.engines import charts, worldmap
from tiaki.formats import dossier
from tiaki.formats.csvsafe import csv_bytes

CSV_NAME = "results.csv"
PDF_NAME = "results.pdf"


@dataclass(frozen=True)
class Counts:
    """The figures of one country, or of all of them."""

    persons: int = 0  # placed persons: identified and given a country
    packages_written: int = 0
    packages_sent: int = 0  # sends
    acknowledged: int = 0  # sends acknowledged
    investigations: int = 0  # distinct persons
    searches: int = 0  # searches reported
    arrests: int = 0  # distinct persons
    charged: int = 0  # distinct persons
    convictions: int = 0  # distinct persons
    children_safeguarded: int = 0  # the sum of the counts reported
    no_further_action: int = 0  # distinct persons
    passed_on: int = 0  # distinct persons

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Counts)))


#: (field of :class:`Counts`, column of the CSV, heading in tables)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("persons", "persons_identified", "persons identified"),
    ("packages_written", "packages_written", "packages written"),
    ("packages_sent", "packages_sent", "packages sent"),
    ("acknowledged", "acknowledged", "acknowledged"),
    ("investigations", "investigations_opened", "investigations opened"),
    ("searches", "searches", "searches"),
    ("arrests", "arrests", "persons arrested"),
    ("charged", "charged", "persons charged"),
    ("convictions", "convictions", "persons convicted"),
    ("children_safeguarded", "children_safeguarded", "children safeguarded"),
    ("no_further_action", "no_further_action", "no further action"),
    ("passed_on", "passed_on", "passed to another agency"),
)


@dataclass(frozen=True)
class CountryResults:
    country: str
    counts: Counts


@dataclass(frozen=True)
class Month:
    """What happened in one calendar month (``month`` is its first day)."""

    month: date
    sends: int = 0
    acknowledgements: int = 0
    investigations: int = 0
    arrests: int = 0
    convictions: int = 0
    children_safeguarded: int = 0


MONTH_SERIES: tuple[tuple[str, str], ...] = (
    ("sends", "packages sent"),
    ("acknowledgements", "acknowledged"),
    ("investigations", "investigations opened"),
    ("arrests", "persons arrested"),
    ("convictions", "persons convicted"),
    ("children_safeguarded", "children safeguarded"),
)


@dataclass(frozen=True)
class Overdue:
    """A send whose follow-up date has passed: not acknowledged, or acknowledged with no outcome."""

    send: int
    country: str
    agency: str
    sent_on: date
    follow_up_due: date
    days_overdue: int
    waiting_for: str  # "acknowledgement" or "an outcome"


@dataclass(frozen=True)
class Results:
    operation: str
    today: date
    scope: tuple[str, ...] | None  # the countries the figures cover; None: every country
    totals: Counts
    countries: tuple[CountryResults, ...]
    months: tuple[Month, ...]
    overdue: tuple[Overdue, ...]

    @property
    def scope_text(self) -> str:
        return "every country" if self.scope is None else ", ".join(self.scope)


def results_csv(results: Results) -> bytes:
    """One row per country, then a row ``total``: the columns of :data:`COLUMNS`."""
    header = ["country", *(column for _, column, _ in COLUMNS)]
    rows = [[r.country, *(getattr(r.counts, name) for name, _, _ in COLUMNS)] for r in results.countries]
    rows.append(["total", *(getattr(results.totals, name) for name, _, _ in COLUMNS)])
    return csv_bytes(header, rows)


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], empty: str, numeric_from: int) -> str:
    if not rows:
        return f'<p class="muted">{_e(empty)}</p>'

    def cell(i: int, value: object, tag: str) -> str:
        cls = ' class="n"' if i >= numeric_from else ""
        text = f"{value:,}" if isinstance(value, int) else _e(value)
        return f"<{tag}{cls}>{text}</{tag}>"

    head = "".join(cell(i, h, "th") for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell(i, c, "td") for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def totals_table(results: Results) -> str:
    """The totals as a two-column table (HTML)."""
    rows = [[heading, getattr(results.totals, name)] for name, _, heading in COLUMNS]
    return _table(["figure", "total"], rows, "Nothing yet.", numeric_from=1)


def countries_table(results: Results) -> str:
    headers = ["country", *(heading for _, _, heading in COLUMNS)]
    rows: list[list[object]] = [
        [r.country, *(getattr(r.counts, name) for name, _, _ in COLUMNS)] for r in results.countries
    ]
    if rows:
        rows.append(["total", *(getattr(results.totals, name) for name, _, _ in COLUMNS)])
    return _table(headers, rows, "No country yet: no person placed and no package written.", numeric_from=1)


def months_table(results: Results) -> str:
    headers = ["month", *(heading for _, heading in MONTH_SERIES)]
    rows = [[f"{m.month:%Y-%m}", *(getattr(m, name) for name, _ in MONTH_SERIES)] for m in results.months]
    return _table(headers, rows, "Nothing sent yet.", numeric_from=1)


def overdue_table(results: Results) -> str:
    headers = ["send", "country", "agency", "sent", "follow-up due", "days overdue", "waiting for"]
    rows = [
        [f"#{o.send}", o.country, o.agency, o.sent_on.isoformat(), o.follow_up_due.isoformat(),
         o.days_overdue, o.waiting_for]
        for o in results.overdue
    ]  # fmt: skip
    return _table(headers, rows, "No follow-up is overdue.", numeric_from=5)


def world_map(results: Results, width: float = 960) -> str:
    """Investigations opened per country (every country with figures, zero included), as SVG."""
    return worldmap.choropleth(
        {r.country: r.counts.investigations for r in results.countries if len(r.country) == 2},
        title="Investigations opened per country",
        legend="Investigations",
        width=width,
    )


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _every_month(months: Sequence[Month]) -> list[Month]:
    """``months`` with the months between them that saw nothing as zeros (a line does not jump a
    gap), and the month before the first when there is only one (a line needs two points)."""
    if not months:
        return []
    found = {m.month: m for m in months}
    first, last = min(found), max(found)
    if first == last:
        first = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    out = []
    day = first
    while day <= last:
        out.append(found.get(day, Month(day)))
        day = _next_month(day)
    return out


def months_chart(results: Results, width: float = 960) -> str:
    """The months as lines, one per figure of :data:`MONTH_SERIES`, as SVG."""
    months = _every_month(results.months)
    return charts.line_chart(
        {label: [(m.month, getattr(m, name)) for m in months] for name, label in MONTH_SERIES},
        title="Month by month",
        x_label="month",
        y_label="count",
        width=width,
    )


_STYLE = """
@page { size: A4 landscape; margin: 14mm 12mm 14mm 12mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt DejaVu Sans, sans-serif; } }
body { font: 10pt/1.4 DejaVu Sans, Liberation Sans, Arial, sans-serif; color: #222; }
h1 { font-size: 18pt; margin: 8px 0; } h2 { font-size: 14pt; border-bottom: 1px solid #999; }
table { border-collapse: collapse; margin: 4px 0 8px; font-size: 8pt; }
th, td { border: 1px solid #bbb; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #eee; } .n { text-align: right; }
.muted { color: #555; } .chart { margin: 8px 0; break-inside: avoid; }
.chart svg { max-width: 100%; height: auto; }
"""


def render_html(results: Results) -> str:
    """The results as one self-contained HTML document (UTF-8 text)."""
    title = f"Results of operation {results.operation}"
    return "".join(
        [
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
            f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
            f"<h1>{_e(title)}</h1>",
            f'<p class="muted">As of {results.today.isoformat()}; {_e(results.scope_text)}. Outcomes count '
            "while they stand (a withdrawn outcome does not count); investigations, arrests, charges and "
            "convictions count persons.</p>",
            "<h2>Totals</h2>",
            totals_table(results),
            "<h2>Per country</h2>",
            countries_table(results),
            f'<div class="chart">{world_map(results, width=900)}</div>',
            "<h2>Month by month</h2>",
            months_table(results),
            f'<div class="chart">{months_chart(results, width=900)}</div>',
            "<h2>Overdue follow-ups</h2>",
            overdue_table(results),
            "</body></html>\n",
        ]
    )


def render_pdf(results: Results) -> bytes:
    """The document of :func:`render_html` as PDF (nothing fetched; the same figures give the same
    bytes)."""
    return dossier.render_pdf(render_html(results))
