"""Charts as standalone SVG strings, written by hand: no plotting library, no network, no imagery.

Every function here returns one complete ``<svg>`` document (UTF-8 text, no XML declaration) that:

* is well-formed XML and can be inlined in HTML or embedded in a PDF as vectors;
* holds no ``<script>``, no ``<image>``, no ``<foreignObject>``, no stylesheet and no external
  reference of any kind (no ``href``, no ``url(...)``, no web fonts): only shapes and text;
* is accessible: ``role="img"``, a ``<title>`` and a ``<desc>`` that states the data in words,
  tied to the root by ``aria-labelledby``;
* is deterministic: the same arguments give a byte-identical string (ids are derived from the
  content, numbers are formatted with fixed rules, nothing depends on the locale, the clock or
  hash seeds);
* treats every label as untrusted text (a username, a file name): it is escaped, stripped of
  characters XML cannot hold, and shortened for display with the full text kept in a tooltip.

Numbers use ``,`` as the thousands separator (``12,345``); axes use "nice" ticks (1, 2, 2.5 or 5
times a power of ten). Colours are colour-blind safe (Okabe-Ito for categories; see
``docs/charts.md``). Charts read well from 480 to 960 px wide; ``width`` sets the pixel width and
the height follows from the content unless given.

Functions: ``bar_chart`` (horizontal bars for categories), ``histogram``, ``stacked_bar`` and
``share_bar`` (parts of a whole, instead of pies), ``line_chart`` (series over time) and ``funnel``.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

__all__ = [
    "OKABE_ITO",
    "bar_chart",
    "format_number",
    "funnel",
    "histogram",
    "line_chart",
    "nice_ticks",
    "share_bar",
    "stacked_bar",
]

FONT_FAMILY = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
#: Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies; black last.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
#: Dash patterns that go with the colours, so series stay apart in greyscale print.
DASHES = ("", "6 3", "2 3", "8 3 2 3", "12 4", "4 2 1 2")
INK = "#222222"
MUTED = "#555555"
GRID = "#e3e3e3"
AXIS = "#888888"
BAR = OKABE_ITO[0]

TITLE_SIZE = 15
TEXT_SIZE = 12
CHAR_WIDTH = 0.6  # of the font size: a generous average for sans-serif, so estimated text fits
MAX_DESC_ITEMS = 40

# Characters XML 1.0 cannot hold, and the non-characters U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ---------------------------------------------------------------------------------------------
# Text and numbers


def clean(text: object) -> str:
    """``str(text)`` with characters XML cannot hold replaced by U+FFFD (not yet escaped)."""
    return _NOT_XML.sub("\ufffd", str(text))


def esc(text: object) -> str:
    """Escape untrusted text for element content or a double-quoted attribute."""
    return html.escape(clean(text), quote=True)


def shorten(text: str, max_chars: int) -> str:
    """``text`` cut to ``max_chars`` characters, ending in an ellipsis when cut."""
    if len(text) <= max_chars:
        return text
    return text[: max(1, max_chars - 1)] + "\u2026"


def text_width(text: str, size: float = TEXT_SIZE) -> float:
    """Estimated width in px of ``text`` at ``size`` (no font metrics offline; errs wide)."""
    return len(text) * size * CHAR_WIDTH


def format_number(value: float, decimals: int | None = None) -> str:
    """``12,345``; ``1,234.5``; at most ``decimals`` places (default: 0 for whole numbers, else up
    to 2 significant decimals below 1 and 1 above 100), trailing zeros dropped. No locale."""
    if not math.isfinite(value):
        return str(value)
    if decimals is None:
        if float(value).is_integer():
            decimals = 0
        elif abs(value) >= 100:
            decimals = 1
        elif abs(value) >= 1:
            decimals = 2
        else:
            decimals = 3
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


def _num(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros, never ``-0``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _nice(x: float, round_: bool) -> float:
    """Heckbert's nice number: 1, 2, 5 (or 2.5) times a power of ten near ``x``."""
    exp = math.floor(math.log10(x))
    f = x / 10**exp
    if round_:
        nf = 1.0 if f < 1.5 else 2.0 if f < 2.25 else 2.5 if f < 3 else 5.0 if f < 7 else 10.0
    else:
        nf = 1.0 if f <= 1 else 2.0 if f <= 2 else 2.5 if f <= 2.5 else 5.0 if f <= 5 else 10.0
    return nf * 10**exp


def nice_ticks(lo: float, hi: float, max_ticks: int = 6, integer: bool = False) -> list[float]:
    """Evenly spaced nice tick values covering ``[lo, hi]``, at most about ``max_ticks`` of them.

    The first tick is <= ``lo`` and the last >= ``hi``. With ``integer`` the step is at least 1
    (for counts). ``lo == hi`` is widened to a unit range.
    """
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise ValueError("tick range must be finite")
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        lo, hi = (lo - 1, hi + 1) if lo != 0 else (0.0, 1.0)
        if integer and lo < 0 <= hi - 1:
            lo = 0.0
    span = _nice(hi - lo, False)
    step = _nice(span / max(1, max_ticks - 1), True)
    if integer:
        if step == 2.5:  # 2.5 is nice but not whole: 2 if that stays within the count, else 5
            step = 2.0 if (hi - lo) / 2.0 <= max_ticks else 5.0
        step = max(1.0, math.ceil(step))
    start = math.floor(lo / step + 1e-9) * step
    stop = math.ceil(hi / step - 1e-9) * step
    decimals = max(0, -math.floor(math.log10(step)) + 1)
    count = round((stop - start) / step)
    return [round(start + i * step, decimals) + 0.0 for i in range(count + 1)]


def _check_finite(values: Sequence[float], what: str) -> list[float]:
    out = [float(v) for v in values]
    for v in out:
        if not math.isfinite(v):
            raise ValueError(f"{what} must be finite numbers, got {v!r}")
    return out


def _describe(items: Sequence[tuple[str, str]]) -> str:
    """``a: 1; b: 2; …`` for a ``<desc>``, at most ``MAX_DESC_ITEMS`` items."""
    parts = [f"{clean(k)}: {v}" for k, v in items[:MAX_DESC_ITEMS]]
    if len(items) > MAX_DESC_ITEMS:
        parts.append(f"and {len(items) - MAX_DESC_ITEMS:,} more")
    return "; ".join(parts) + "." if parts else "No data."


# ---------------------------------------------------------------------------------------------
# The document


@dataclass
class Svg:
    """An SVG being written: elements are appended as strings and ``render`` wraps them."""

    width: float
    height: float
    title: str
    desc: str
    parts: list[str] = field(default_factory=list)

    def add(self, element: str) -> None:
        self.parts.append(element)

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = TEXT_SIZE,
        anchor: str = "start",
        fill: str = INK,
        weight: str | None = None,
        tooltip: str | None = None,
        rotate: float | None = None,
    ) -> None:
        """A text element; ``content`` and ``tooltip`` are untrusted and escaped here."""
        attrs = f'x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" fill="{fill}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if weight:
            attrs += f' font-weight="{weight}"'
        if rotate is not None:
            attrs += f' transform="rotate({_num(rotate)} {_num(x)} {_num(y)})"'
        inner = esc(content)
        if tooltip is not None and tooltip != content:
            inner = f"<title>{esc(tooltip)}</title>{inner}"
        self.add(f"<text {attrs}>{inner}</text>")

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str,
        *,
        cls: str | None = None,
        tooltip: str | None = None,
        extra: str = "",
    ) -> None:
        """A rectangle; ``cls`` marks data marks (``bar``) so they can be counted."""
        attrs = f'x="{_num(x)}" y="{_num(y)}" width="{_num(max(0.0, w))}" height="{_num(max(0.0, h))}"'
        attrs += f' fill="{fill}"'
        if cls:
            attrs = f'class="{cls}" ' + attrs
        if extra:
            attrs += " " + extra
        if tooltip is None:
            self.add(f"<rect {attrs}/>")
        else:
            self.add(f"<rect {attrs}><title>{esc(tooltip)}</title></rect>")

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 1.0) -> None:
        self.add(
            f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
            f'stroke="{stroke}" stroke-width="{_num(width)}"/>'
        )

    def axis_titles(
        self,
        box: tuple[float, float, float, float],
        x_label: str | None,
        y_label: str | None,
        *,
        below: float,
    ) -> None:
        """The x axis title ``below`` the plot's bottom and the y axis title turned up its left side;
        ``box`` is the plot's (left, right, top, bottom)."""
        left, right, top, bottom = box
        if x_label:
            self.text((left + right) / 2, bottom + below, clean(x_label), anchor="middle", fill=MUTED)
        if y_label:
            self.text(20, (top + bottom) / 2, clean(y_label), anchor="middle", fill=MUTED, rotate=-90)

    def render(self) -> str:
        body = "".join(self.parts)
        uid = (
            "c"
            + hashlib.sha256(
                f"{self.width}|{self.height}|{self.title}|{self.desc}|{body}".encode()
            ).hexdigest()[:10]
        )
        w, h = _num(self.width), _num(math.ceil(self.height))
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            f'role="img" aria-labelledby="{uid}-t {uid}-d" font-family="{FONT_FAMILY}">'
            f'<title id="{uid}-t">{esc(self.title)}</title><desc id="{uid}-d">{esc(self.desc)}</desc>'
            f'<rect width="100%" height="100%" fill="#ffffff"/>{body}</svg>'
        )


def _title(svg: Svg, title: str, x: float = 12) -> float:
    """Draw the title at the top; returns the y below it."""
    if not title:
        return 10.0
    max_chars = int((svg.width - 2 * x) / (TITLE_SIZE * CHAR_WIDTH))
    svg.text(x, 22, shorten(clean(title), max_chars), size=TITLE_SIZE, weight="bold", tooltip=clean(title))
    return 36.0


def _check_width(width: float) -> float:
    if not (200 <= width <= 4000):
        raise ValueError(f"width must be between 200 and 4000 px, got {width!r}")
    return float(width)


# ---------------------------------------------------------------------------------------------
# Value axes


@dataclass(frozen=True)
class _Scale:
    """A linear scale from data ``lo..hi`` to pixels ``p0..p1``."""

    lo: float
    hi: float
    p0: float
    p1: float

    def __call__(self, v: float) -> float:
        if self.hi == self.lo:
            return self.p0
        return self.p0 + (v - self.lo) / (self.hi - self.lo) * (self.p1 - self.p0)


def _value_ticks(values: Sequence[float], pixels: float, integer: bool) -> list[float]:
    """Ticks for a value axis that starts at zero (bars must), about one per 70-90 px."""
    lo = min([0.0, *values])
    hi = max([0.0, *values])
    if hi == lo:
        hi = lo + 1
    max_ticks = max(3, min(8, int(pixels // 80) + 1))
    return nice_ticks(lo, hi, max_ticks, integer=integer)


def _is_integer_data(values: Sequence[float]) -> bool:
    return all(float(v).is_integer() for v in values)


# ---------------------------------------------------------------------------------------------
# Bar chart (horizontal)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    x_label: str = "",
    y_label: str = "",
    width: float = 640,
    colour: str = BAR,
    description: str | None = None,
) -> str:
    """Horizontal bars, one per label, in the order given; returns an SVG document.

    Categories run down the left (the vertical axis, titled ``y_label``); values run along the
    bottom from zero (the horizontal axis, titled ``x_label``), with nice ticks and the value
    printed at the end of each bar. Labels longer than fits are shortened with ``…``; the full
    label is in the bar's tooltip. Negative values draw leftwards from zero. Each bar is a
    ``<rect class="bar">`` (so there are exactly ``len(labels)`` of them).

    Raises ``ValueError`` when ``labels`` and ``values`` differ in length or a value is not finite.
    """
    width = _check_width(width)
    labels = [clean(label) for label in labels]
    vals = _check_finite(values, "values")
    if len(labels) != len(vals):
        raise ValueError(f"{len(labels)} labels but {len(vals)} values")
    items = [(lab, format_number(v)) for lab, v in zip(labels, vals, strict=True)]
    desc = description or f"Bar chart. {_describe(items)}"
    row, bar_h = 24.0, 16.0
    top_pad = 8.0
    svg = Svg(width, 0, title, desc)
    top = _title(svg, title) + top_pad
    max_label_chars = max(4, int(width * 0.3 / (TEXT_SIZE * CHAR_WIDTH)))
    shown = [shorten(label, max_label_chars) for label in labels]
    label_w = max([text_width(s) for s in shown] + [text_width("0")])
    label_right = 12 + (18 if y_label else 0) + label_w
    # Room for values printed beyond the bars' ends: right of positive bars, left of negative ones.
    left = label_right + 8 + max([text_width(format_number(v)) + 8 for v in vals if v < 0] + [0])
    value_pad = max([text_width(format_number(v)) for v in vals] + [0]) + 8
    right = width - 12 - value_pad
    plot_h = max(row, row * len(vals))
    ticks = _value_ticks(vals, right - left, _is_integer_data(vals))
    x = _Scale(ticks[0], ticks[-1], left, right)
    bottom = top + plot_h
    for t in ticks:
        svg.line(x(t), top, x(t), bottom, GRID)
        svg.text(x(t), bottom + 16, format_number(t), anchor="middle", fill=MUTED)
    for i, (label, short, v) in enumerate(zip(labels, shown, vals, strict=True)):
        y = top + i * row + (row - bar_h) / 2
        x0, x1 = sorted((x(0), x(v)))
        svg.rect(x0, y, x1 - x0, bar_h, colour, cls="bar", tooltip=f"{label}: {format_number(v)}")
        svg.text(label_right, y + bar_h / 2 + 4, short, anchor="end", tooltip=label)
        vx = x1 + 4 if v >= 0 else x0 - 4
        svg.text(vx, y + bar_h / 2 + 4, format_number(v), anchor="start" if v >= 0 else "end", fill=MUTED)
    svg.line(x(0), top, x(0), bottom, AXIS)
    svg.axis_titles((left, right, top, bottom), x_label, y_label, below=36)
    svg.height = bottom + (46 if x_label else 24)
    return svg.render()


# ---------------------------------------------------------------------------------------------
# Histogram


def _bin_edges(
    vals: Sequence[float], bins: int | Sequence[float], range_: tuple[float, float] | None
) -> list[float]:
    if isinstance(bins, int):
        if bins < 1:
            raise ValueError("bins must be at least 1")
        if range_ is not None:
            lo, hi = float(range_[0]), float(range_[1])
        elif vals:
            lo, hi = min(vals), max(vals)
        else:
            lo, hi = 0.0, 1.0
        if hi < lo:
            raise ValueError("range must be (low, high)")
        if hi == lo:
            lo, hi = lo - 0.5, hi + 0.5
        step = (hi - lo) / bins
        return [lo + i * step for i in range(bins)] + [hi]
    edges = _check_finite(bins, "bin edges")
    if len(edges) < 2 or any(b <= a for a, b in itertools.pairwise(edges)):
        raise ValueError("bin edges must be at least two strictly increasing numbers")
    return edges


def histogram(
    values: Sequence[float],
    bins: int | Sequence[float] = 10,
    *,
    title: str,
    x_label: str = "",
    y_label: str = "Count",
    range: tuple[float, float] | None = None,  # the name numpy uses
    width: float = 640,
    height: float = 300,
    colour: str = BAR,
    description: str | None = None,
) -> str:
    """A histogram of ``values``; returns an SVG document.

    ``bins`` is a number of equal-width bins over ``range`` (default: the values' min to max) or a
    sequence of increasing bin edges. Bins are half-open ``[a, b)`` except the last, which
    includes its upper edge (numpy's rule). Values outside the edges are not counted; the ``<desc>``
    says how many. Each bin is one ``<rect class="bar">``, empty bins included.
    """
    width = _check_width(width)
    vals = _check_finite(values, "values")
    edges = _bin_edges(vals, bins, range)
    counts = [0] * (len(edges) - 1)
    outside = 0
    for v in vals:
        if v < edges[0] or v > edges[-1]:
            outside += 1
            continue
        lo_i, hi_i = 0, len(edges) - 1
        while hi_i - lo_i > 1:  # bisect for the bin whose [a, b) holds v
            mid = (lo_i + hi_i) // 2
            if v >= edges[mid]:
                lo_i = mid
            else:
                hi_i = mid
        counts[lo_i] += 1
    items = [
        (f"{format_number(a)} to {format_number(b)}", format_number(c))
        for a, b, c in zip(edges, edges[1:], counts, strict=False)
    ]
    desc = description or (
        f"Histogram of {len(vals):,} values in {len(counts):,} bins. {_describe(items)}"
        + (f" {outside:,} values fall outside the bins." if outside else "")
    )
    svg = Svg(width, height, title, desc)
    top = _title(svg, title) + 8
    y_ticks = _value_ticks([float(c) for c in counts], height, integer=True)
    tick_w = max(text_width(format_number(t)) for t in y_ticks)
    left = 12 + (18 if y_label else 0) + tick_w + 8
    right = width - 16
    bottom = height - (46 if x_label else 28)
    y = _Scale(y_ticks[0], y_ticks[-1], bottom, top)
    x_ticks = nice_ticks(edges[0], edges[-1], max(3, min(10, int((right - left) // 70) + 1)))
    x_ticks = [t for t in x_ticks if edges[0] - 1e-9 <= t <= edges[-1] + 1e-9]
    x = _Scale(edges[0], edges[-1], left, right)
    for t in y_ticks:
        svg.line(left, y(t), right, y(t), GRID)
        svg.text(left - 6, y(t) + 4, format_number(t), anchor="end", fill=MUTED)
    for a, b, c in zip(edges, edges[1:], counts, strict=False):
        x0, x1 = x(a), x(b)
        gap = 1.0 if x1 - x0 > 4 else 0.0
        tip = f"{format_number(a)} to {format_number(b)}: {format_number(c)}"
        svg.rect(x0 + gap / 2, y(c), x1 - x0 - gap, y(0) - y(c), colour, cls="bar", tooltip=tip)
    svg.line(left, y(0), right, y(0), AXIS)
    for t in x_ticks:
        svg.line(x(t), bottom, x(t), bottom + 4, AXIS)
        svg.text(x(t), bottom + 17, format_number(t), anchor="middle", fill=MUTED)
    svg.axis_titles((left, right, top, bottom), x_label, y_label, below=38)
    return svg.render()


# ---------------------------------------------------------------------------------------------
# Parts of a whole


def _legend_row(svg: Svg, items: Sequence[tuple[str, str]], x0: float, y: float, max_x: float) -> float:
    """Swatch + text items laid left to right, wrapping; returns the y below the last row."""
    x = x0
    for colour, text in items:
        w = 14 + 6 + text_width(text) + 16
        if x > x0 and x + w > max_x:
            x = x0
            y += 20
        svg.rect(x, y - 10, 12, 12, colour)
        svg.text(x + 18, y, text)
        x += w
    return y + 12


def stacked_bar(
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    title: str,
    x_label: str = "",
    y_label: str = "",
    width: float = 640,
    colours: Sequence[str] = OKABE_ITO,
    description: str | None = None,
) -> str:
    """Horizontal stacked bars: one row per label, one segment per series; returns an SVG document.

    ``series`` maps a series name (e.g. ``"known"``, ``"new"``) to one non-negative value per label,
    stacked left to right in the mapping's order with a legend above the bars. Axes as in
    ``bar_chart``; each row's total is printed at its end. Each non-zero segment is one
    ``<rect class="bar">`` whose tooltip gives the label, series, value and share of the row.

    Raises ``ValueError`` on a length mismatch, a negative or non-finite value, or more series than
    colours.
    """
    width = _check_width(width)
    labels = [clean(label) for label in labels]
    names = [clean(n) for n in series]
    data = [_check_finite(v, "values") for v in series.values()]
    if len(names) > len(colours):
        raise ValueError(f"{len(names)} series but only {len(colours)} colours")
    for name, vals in zip(names, data, strict=True):
        if len(vals) != len(labels):
            raise ValueError(f"series {name!r} has {len(vals)} values for {len(labels)} labels")
        if any(v < 0 for v in vals):
            raise ValueError(f"series {name!r} has a negative value")
    totals = [sum(col) for col in zip(*data, strict=True)] if data else [0.0] * len(labels)
    items = [
        (lab, ", ".join(f"{n} {format_number(d[i])}" for n, d in zip(names, data, strict=True)))
        for i, lab in enumerate(labels)
    ]
    desc = description or f"Stacked bar chart of {', '.join(names) or 'nothing'}. {_describe(items)}"
    svg = Svg(width, 0, title, desc)
    top = _title(svg, title) + 6
    legend = [(colours[i], n) for i, n in enumerate(names)]
    top = _legend_row(svg, legend, 12, top + 12, width - 12) + 10
    row, bar_h = 24.0, 16.0
    max_label_chars = max(4, int(width * 0.3 / (TEXT_SIZE * CHAR_WIDTH)))
    shown = [shorten(label, max_label_chars) for label in labels]
    label_w = max([text_width(s) for s in shown] + [text_width("0")])
    left = 12 + (18 if y_label else 0) + label_w + 8
    right = width - 12 - (max([text_width(format_number(t)) for t in totals] + [0]) + 8)
    bottom = top + max(row, row * len(labels))
    ticks = _value_ticks(totals, right - left, all(_is_integer_data(d) for d in data))
    x = _Scale(ticks[0], ticks[-1], left, right)
    for t in ticks:
        svg.line(x(t), top, x(t), bottom, GRID)
        svg.text(x(t), bottom + 16, format_number(t), anchor="middle", fill=MUTED)
    for i, (label, short) in enumerate(zip(labels, shown, strict=True)):
        y = top + i * row + (row - bar_h) / 2
        acc = 0.0
        for s, (name, vals) in enumerate(zip(names, data, strict=True)):
            v = vals[i]
            if v > 0:
                share = f" ({v / totals[i]:.0%})" if totals[i] else ""
                svg.rect(
                    x(acc),
                    y,
                    x(acc + v) - x(acc),
                    bar_h,
                    colours[s],
                    cls="bar",
                    tooltip=f"{label}, {name}: {format_number(v)}{share}",
                    extra='stroke="#ffffff" stroke-width="0.5"',
                )
            acc += v
        svg.text(left - 6, y + bar_h / 2 + 4, short, anchor="end", tooltip=label)
        svg.text(x(acc) + 4, y + bar_h / 2 + 4, format_number(totals[i]), fill=MUTED)
    svg.line(x(0), top, x(0), bottom, AXIS)
    svg.axis_titles((left, right, top, bottom), x_label, y_label, below=36)
    svg.height = bottom + (46 if x_label else 24)
    return svg.render()


def share_bar(
    parts: Sequence[tuple[str, float]],
    *,
    title: str,
    width: float = 640,
    colours: Sequence[str] = OKABE_ITO,
    description: str | None = None,
) -> str:
    """One bar split into ``parts`` (e.g. known versus new media), in place of a pie chart.

    Segments run left to right in the order given, each as wide as its share of the total, labelled
    inside when there is room; a legend below gives every part's count and percentage (so a part too
    thin to see is still read). Each non-zero part is one ``<rect class="bar">``. A zero total draws
    an empty outline. Raises ``ValueError`` on a negative or non-finite value or too few colours.
    """
    width = _check_width(width)
    names = [clean(n) for n, _ in parts]
    vals = _check_finite([v for _, v in parts], "values")
    if any(v < 0 for v in vals):
        raise ValueError("parts must be non-negative")
    if len(names) > len(colours):
        raise ValueError(f"{len(names)} parts but only {len(colours)} colours")
    total = sum(vals)

    def pct(v: float) -> str:
        return f"{v / total:.1%}" if total else "0%"

    texts = [f"{n}: {format_number(v)} ({pct(v)})" for n, v in zip(names, vals, strict=True)]
    desc = description or f"Shares of {format_number(total)} in all. " + _describe(
        [(n, f"{format_number(v)} ({pct(v)})") for n, v in zip(names, vals, strict=True)]
    )
    svg = Svg(width, 0, title, desc)
    top = _title(svg, title) + 8
    left, right, bar_h = 12.0, width - 12, 32.0
    svg.rect(left, top, right - left, bar_h, "#f4f4f4", extra=f'stroke="{AXIS}" stroke-width="0.5"')
    acc = 0.0
    for i, v in enumerate(vals):
        if v <= 0:
            continue
        x0 = left + (right - left) * acc / total
        x1 = left + (right - left) * (acc + v) / total
        acc += v
        svg.rect(
            x0,
            top,
            x1 - x0,
            bar_h,
            colours[i],
            cls="bar",
            tooltip=texts[i],
            extra='stroke="#ffffff" stroke-width="1"',
        )
        inside = pct(v)
        if text_width(inside) + 8 < x1 - x0:
            fill = "#000000" if colours[i].upper() in ("#F0E442", "#E69F00", "#56B4E9") else "#ffffff"
            svg.text((x0 + x1) / 2, top + bar_h / 2 + 4, inside, anchor="middle", fill=fill, weight="bold")
    y = _legend_row(svg, list(zip(colours, texts, strict=False)), left, top + bar_h + 22, right)
    svg.height = y + 10
    return svg.render()


# ---------------------------------------------------------------------------------------------
# Line chart over time


def _as_utc_naive(t: date | datetime) -> datetime:
    """Dates become midnight; aware datetimes are converted to UTC; naive ones are taken as UTC."""
    if isinstance(t, datetime):
        return t.astimezone(UTC).replace(tzinfo=None) if t.tzinfo else t
    if isinstance(t, date):
        return datetime(t.year, t.month, t.day)
    raise TypeError(f"expected a date or datetime, got {type(t).__name__}")


def _epoch(t: datetime) -> float:
    return calendar.timegm(t.timetuple()) + t.microsecond / 1e6


_SECOND_STEPS = (
    1,
    2,
    5,
    10,
    15,
    30,
    60,
    120,
    300,
    600,
    900,
    1800,
    3600,
    7200,
    10800,
    21600,
    43200,
    86400,
    2 * 86400,
    7 * 86400,
    14 * 86400,
)
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200)


def _add_months(t: datetime, months: int) -> datetime:
    m = t.year * 12 + (t.month - 1) + months
    return datetime(m // 12, m % 12 + 1, 1)


def time_ticks(t0: datetime, t1: datetime, max_ticks: int) -> tuple[list[datetime], str]:
    """Calendar-aligned ticks within ``[t0, t1]`` (naive UTC) and the unit they step by.

    Steps are whole seconds, minutes, hours, days, weeks (from Monday), months or years, the
    smallest that gives at most ``max_ticks`` ticks. The unit is one of ``"second"``, ``"minute"``,
    ``"hour"``, ``"day"``, ``"month"``, ``"year"``, which sets how ticks are labelled.
    """
    span = max(_epoch(t1) - _epoch(t0), 1.0)
    for step in _SECOND_STEPS:
        if span / step <= max_ticks:
            base = _epoch(t0)
            if step == 7 * 86400 or step == 14 * 86400:
                monday = datetime(t0.year, t0.month, t0.day) - timedelta(days=t0.weekday())
                first = _epoch(monday)
            else:
                first = math.floor(base / step) * step
            ticks = []
            s = first
            while s <= _epoch(t1) + 1e-6:
                if s >= base - 1e-6:
                    ticks.append(datetime(1970, 1, 1) + timedelta(seconds=s))
                s += step
            unit = "second" if step < 60 else "minute" if step < 3600 else "hour" if step < 86400 else "day"
            return ticks, unit
    for months in _MONTH_STEPS:
        if span / (months * 30.44 * 86400) <= max_ticks:
            index = t0.year * 12 + t0.month - 1
            index = -(-index // months) * months  # round up to a multiple of the step
            ticks = []
            t = datetime(index // 12, index % 12 + 1, 1)
            while t <= t1:
                if t >= t0:
                    ticks.append(t)
                t = _add_months(t, months)
            return ticks, "month" if months < 12 else "year"
    return [t0, t1], "year"


def _tick_label(t: datetime, unit: str, previous: datetime | None) -> str:
    """Short labels; the date or year is repeated only where it changes."""
    new_day = previous is None or previous.date() != t.date()
    new_year = previous is None or previous.year != t.year
    if unit == "year":
        return f"{t.year}"
    if unit == "month":
        return f"{_MONTHS[t.month - 1]} {t.year}" if new_year else _MONTHS[t.month - 1]
    if unit == "day":
        text = f"{t.day} {_MONTHS[t.month - 1]}"
        return f"{text} {t.year}" if new_year else text
    clock = f"{t.hour:02d}:{t.minute:02d}" + (f":{t.second:02d}" if unit == "second" else "")
    return f"{t.day} {_MONTHS[t.month - 1]} {clock}" if new_day else clock


def line_chart(
    series: Mapping[str, Sequence[tuple[date | datetime, float]]],
    *,
    title: str,
    x_label: str = "",
    y_label: str = "",
    width: float = 640,
    height: float = 320,
    colours: Sequence[str] = OKABE_ITO,
    description: str | None = None,
) -> str:
    """Lines over time, one per series; returns an SVG document.

    ``series`` maps a name to ``(time, value)`` points; points are sorted by time. Dates count as
    midnight, aware datetimes are shown in UTC, naive ones are taken as UTC. The value axis starts
    at zero unless a value is negative. Each series is one ``<path class="line">`` in its own
    colour and dash pattern (told apart in greyscale too) with a ``<circle class="point">`` per
    point carrying a tooltip; a legend above names the series. Time ticks fall on calendar units
    (hours, days, Mondays, months, years).

    Raises ``ValueError`` on a non-finite value or more series than colours.
    """
    width = _check_width(width)
    names = [clean(n) for n in series]
    if len(names) > len(colours):
        raise ValueError(f"{len(names)} series but only {len(colours)} colours")
    data: list[list[tuple[datetime, float]]] = []
    for pts in series.values():
        converted = [(_as_utc_naive(t), float(v)) for t, v in pts]
        _check_finite([v for _, v in converted], "values")
        data.append(sorted(converted, key=lambda p: p[0]))
    all_t = [t for pts in data for t, _ in pts]
    all_v = [v for pts in data for _, v in pts]
    items = []
    for name, pts in zip(names, data, strict=True):
        if pts:
            total = format_number(sum(v for _, v in pts))
            items.append(
                (
                    name,
                    f"{len(pts):,} points from {pts[0][0].isoformat(sep=' ')} to "
                    f"{pts[-1][0].isoformat(sep=' ')}, total {total}, "
                    f"peak {format_number(max(v for _, v in pts))}",
                )
            )
        else:
            items.append((name, "no points"))
    desc = description or f"Line chart over time. {_describe(items)}"
    svg = Svg(width, height, title, desc)
    top = _title(svg, title) + 6
    if len(names) > 1 or (names and names[0]):
        top = _legend_row(svg, [(colours[i], n) for i, n in enumerate(names)], 12, top + 12, width - 12) + 10
    y_ticks = _value_ticks(all_v or [1.0], height, _is_integer_data(all_v))
    tick_w = max(text_width(format_number(t)) for t in y_ticks)
    left = 12 + (18 if y_label else 0) + tick_w + 8
    right = width - 24
    bottom = height - (46 if x_label else 28)
    y = _Scale(y_ticks[0], y_ticks[-1], bottom, top)
    for tv in y_ticks:
        svg.line(left, y(tv), right, y(tv), GRID)
        svg.text(left - 6, y(tv) + 4, format_number(tv), anchor="end", fill=MUTED)
    svg.line(left, y(max(0.0, y_ticks[0])), right, y(max(0.0, y_ticks[0])), AXIS)
    if all_t:
        t0, t1 = min(all_t), max(all_t)
        if t0 == t1:
            t0, t1 = t0 - timedelta(days=1), t1 + timedelta(days=1)
        x = _Scale(_epoch(t0), _epoch(t1), left, right)
        # Room for a label like "30 Sep 2025" and a gap; the date is only repeated where it changes.
        per_tick = text_width("30 Sep 2025") + 16
        ticks, unit = time_ticks(t0, t1, max(2, int((right - left) // per_tick)))
        previous = None
        for t in ticks:
            svg.line(x(_epoch(t)), bottom, x(_epoch(t)), bottom + 4, AXIS)
            svg.text(x(_epoch(t)), bottom + 17, _tick_label(t, unit, previous), anchor="middle", fill=MUTED)
            previous = t
        for s, (name, pts) in enumerate(zip(names, data, strict=True)):
            if not pts:
                continue
            d = "M" + "L".join(f"{_num(x(_epoch(t)))} {_num(y(v))}" for t, v in pts)
            dash = DASHES[s % len(DASHES)]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            svg.add(
                f'<path class="line" d="{d}" fill="none" stroke="{colours[s]}" stroke-width="2" '
                f'stroke-linejoin="round"{dash_attr}><title>{esc(name)}</title></path>'
            )
            radius = 2.5 if len(pts) <= (right - left) / 6 else 1.2
            for t, v in pts:
                tip = f"{name}: {t.isoformat(sep=' ')}: {format_number(v)}"
                svg.add(
                    f'<circle class="point" cx="{_num(x(_epoch(t)))}" cy="{_num(y(v))}" '
                    f'r="{_num(radius)}" fill="{colours[s]}"><title>{esc(tip)}</title></circle>'
                )
    svg.axis_titles((left, right, top, bottom), x_label, y_label, below=38)
    return svg.render()


# ---------------------------------------------------------------------------------------------
# Funnel


def funnel(
    steps: Sequence[tuple[str, int]],
    *,
    title: str,
    width: float = 640,
    colour: str = BAR,
    description: str | None = None,
) -> str:
    """Steps such as accounts → persons → countries → packages, top to bottom; an SVG document.

    Each step is a bar centred on the chart, as wide as its count relative to the largest step
    (at least a sliver, so a step of 1 is seen), with the step's name and count beside it. The
    steps need not decrease. Each step is one ``<rect class="bar">``. Raises ``ValueError`` on a
    negative count.
    """
    width = _check_width(width)
    names = [clean(n) for n, _ in steps]
    counts = [int(c) for _, c in steps]
    if any(c < 0 for c in counts):
        raise ValueError("counts must be non-negative")
    items = [(n, format_number(c)) for n, c in zip(names, counts, strict=True)]
    desc = description or "Funnel. " + _describe(items)
    svg = Svg(width, 0, title, desc)
    top = _title(svg, title) + 8
    max_chars = max(6, int(width * 0.32 / (TEXT_SIZE * CHAR_WIDTH)))
    label_w = max([text_width(shorten(n, max_chars)) for n in names] + [0.0])
    left = 12 + label_w + 10
    right = width - 12 - max([text_width(format_number(c)) for c in counts] + [0]) - 10
    centre = (left + right) / 2
    biggest = max(counts, default=0)
    row, bar_h = 40.0, 30.0
    for i, (name, c) in enumerate(zip(names, counts, strict=True)):
        y = top + i * row
        w = (right - left) * (c / biggest) if biggest else 0.0
        if c > 0:
            w = max(w, 3.0)
        svg.rect(centre - w / 2, y, w, bar_h, colour, cls="bar", tooltip=f"{name}: {format_number(c)}")
        svg.text(
            left - 10,
            y + bar_h / 2 + 5,
            shorten(name, max_chars),
            anchor="end",
            size=TEXT_SIZE + 1,
            tooltip=name,
        )
        svg.text(centre + w / 2 + 6, y + bar_h / 2 + 5, format_number(c), size=TEXT_SIZE + 1, weight="bold")
        if i + 1 < len(names):
            svg.add(f'<path d="M{_num(centre - 5)} {_num(y + bar_h + 2)}h10l-5 6z" fill="{AXIS}"/>')
    svg.height = top + row * max(1, len(names)) + 4
    return svg.render()
