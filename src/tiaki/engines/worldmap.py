"""A world choropleth (e.g. persons per country) as a standalone SVG string, drawn offline.

Country shapes are Natural Earth's admin-0 countries at 1:110m (public domain), projected with
Equal Earth (equal-area, so a country's size on the map matches its land) and shipped with the
package as ``data/world_110m.json``; ``data/README.md`` gives the source and how the file was made
(``scripts/build_worldmap.py``). Countries are keyed by ISO 3166-1 alpha-2 codes, with ``XK`` for
Kosovo; Northern Cyprus is drawn as part of ``CY`` and Somaliland as part of ``SO``.

``choropleth`` returns an ``<svg>`` document with the same guarantees as ``tiaki.engines.charts``:
well-formed, no scripts, no images, no external references, escaped text, ``role="img"`` with a
``<title>`` and a ``<desc>`` that lists the values, and byte-identical output for the same input.

Nothing with a value is invisible: a country whose shape is smaller than a few pixels at the
chosen width gets a dot in its class colour on top of its shape, and every code with a value but
no shape at this scale (Singapore, Malta, Hong Kong, small islands, codes the map does not know)
is listed under the map with its value.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from tiaki.engines.charts import (
    CHAR_WIDTH,
    INK,
    MUTED,
    TEXT_SIZE,
    Svg,
    _describe,
    _num,
    _title,
    clean,
    esc,
    format_number,
    shorten,
    text_width,
)

__all__ = [
    "ABSENT_COLOUR",
    "PALETTE",
    "ZERO_COLOUR",
    "Classes",
    "choropleth",
    "classify",
    "country_codes",
    "country_name",
]

#: ColorBrewer YlGnBu, 6 of its 9 classes (Cynthia Brewer, colorbrewer2.org): a sequential scheme
#: marked colour-blind safe and print friendly; light (few) to dark (many).
PALETTE = ("#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84")
#: Countries given the value 0: white, apart from the lightest class and from "no data".
ZERO_COLOUR = "#ffffff"
#: Countries absent from ``values``.
ABSENT_COLOUR = "#e4e4e4"
BORDER = "#9a9a9a"
SEA = "#f5f9fc"
#: A drawn country with less land than a square this many pixels wide (at the chosen width), or
#: narrower than this in both directions, also gets a dot.
MIN_VISIBLE_PX = 3.0
DOT_RADIUS_PX = 3.5


@cache
def _data() -> dict[str, Any]:
    text = resources.files("tiaki.engines").joinpath("data/world_110m.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def country_codes() -> list[str]:
    """The ISO 3166-1 alpha-2 codes (and ``XK``) that have a shape on the map, sorted."""
    return sorted(_data()["countries"])


def country_name(code: str) -> str | None:
    """The English short name for an ISO 3166-1 alpha-2 code (any code, drawn or not), or None."""
    name = _data()["names"].get(code.strip().upper())
    return str(name) if name is not None else None


@dataclass(frozen=True)
class Classes:
    """Class breaks for positive values: class ``i`` holds ``uppers[i-1] < v <= uppers[i]``
    (``uppers[-1]`` is the largest value), drawn in ``colours[i]``; ``lows[i]`` and ``highs[i]``
    are the smallest and largest value actually in class ``i``, which the legend shows. Classes
    that no value falls in are left out."""

    uppers: tuple[float, ...]
    lows: tuple[float, ...]
    highs: tuple[float, ...]
    colours: tuple[str, ...]

    def colour(self, value: float) -> str:
        for upper, colour in zip(self.uppers, self.colours, strict=True):
            if value <= upper:
                return colour
        return self.colours[-1]


def classify(
    values: Sequence[float], colours: Sequence[str] = PALETTE, breaks: Sequence[float] | None = None
) -> Classes:
    """Class breaks for the positive ``values`` (zeros are their own class, drawn apart).

    Without ``breaks``: quantiles. With at most ``len(colours)`` distinct positive values each gets
    its own class; otherwise class ``i`` ends at the value of rank ``ceil(n * (i + 1) / k)`` among
    the ``n`` sorted values (equal values never straddle a break, so some classes may merge).
    With ``breaks``: the given increasing upper bounds (the largest value closes the last class).
    The colours are spread over the palette so that fewer classes still run light to dark.
    """
    positive = sorted(v for v in values if v > 0)
    if not positive:
        return Classes((), (), (), ())
    k = len(colours)
    if breaks is not None:
        ups = sorted({float(b) for b in breaks if 0 < b < positive[-1]})
        uppers = [*ups, positive[-1]]
    else:
        distinct = sorted(set(positive))
        if len(distinct) <= k:
            uppers = distinct
        else:
            n = len(positive)
            uppers = sorted({positive[math.ceil(n * (i + 1) / k) - 1] for i in range(k)})
    members: list[list[float]] = [[] for _ in uppers]
    for v in positive:
        for i, upper in enumerate(uppers):
            if v <= upper:
                members[i].append(v)
                break
    kept = [(u, m) for u, m in zip(uppers, members, strict=True) if m]
    if len(kept) > k:
        raise ValueError(f"{len(kept)} classes but only {k} colours")
    if len(kept) == 1:
        picks = [len(colours) // 2]
    else:
        picks = [round(i * (k - 1) / (len(kept) - 1)) for i in range(len(kept))]
    return Classes(
        uppers=tuple(u for u, _ in kept),
        lows=tuple(m[0] for _, m in kept),
        highs=tuple(m[-1] for _, m in kept),
        colours=tuple(colours[p] for p in picks),
    )


def _normalise(values: Mapping[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for raw, value in values.items():
        code = clean(raw).strip().upper()
        v = float(value)
        if not math.isfinite(v) or v < 0:
            raise ValueError(f"value for {code!r} must be a finite number >= 0, got {value!r}")
        if code in out:
            raise ValueError(f"country {code!r} given twice")
        out[code] = v
    return out


def choropleth(
    values: Mapping[str, float],
    *,
    title: str,
    legend: str,
    width: float = 960,
    colours: Sequence[str] = PALETTE,
    zero_colour: str = ZERO_COLOUR,
    unknown_colour: str = ABSENT_COLOUR,
    label: Callable[[float], str] | None = None,
    breaks: Sequence[float] | None = None,
    description: str | None = None,
) -> str:
    """A world map shading each country by its value; returns an SVG document.

    ``values`` maps ISO 3166-1 alpha-2 codes (any case; ``XK`` for Kosovo) to finite numbers >= 0.
    ``legend`` titles the legend (e.g. "Persons"); ``label`` formats a value for tooltips, the
    legend and the list below the map (default ``charts.format_number``). Classes come from
    ``classify(values, colours, breaks)``: 5 to 7 ``colours`` light to dark; 0 is drawn in
    ``zero_colour`` and countries not in ``values`` in ``unknown_colour``, each with its own legend
    entry. Every country is one ``<path data-iso="XX">`` with a tooltip (name and value or "no
    data"); tiny countries with a value also get a ``<circle class="dot" data-iso="XX">``; codes
    with a value but no shape are listed under the map, largest first ("Also: Singapore 3 · …").

    Raises ``ValueError`` on a negative or non-finite value, a code given twice (after upper-casing),
    a width outside 200 to 4000 px or fewer than 2 colours.
    """
    if not (200 <= width <= 4000):
        raise ValueError(f"width must be between 200 and 4000 px, got {width!r}")
    if len(colours) < 2:
        raise ValueError("at least 2 colours are needed")
    fmt = label or format_number
    data = _data()
    shapes: dict[str, dict[str, Any]] = data["countries"]
    names: dict[str, str] = data["names"]
    vals = _normalise(values)
    classes = classify(list(vals.values()), colours, breaks)

    def name_of(code: str) -> str:
        return names.get(code) or f"{code} (unknown code)"

    def fill(code: str) -> str:
        if code not in vals:
            return unknown_colour
        v = vals[code]
        return zero_colour if v == 0 else classes.colour(v)

    ranked = sorted(vals.items(), key=lambda kv: (-kv[1], kv[0]))
    desc = description or (
        f"World map of {clean(legend)} by country; {len(vals):,} countries with a value. "
        + _describe([(name_of(c), clean(fmt(v))) for c, v in ranked])
    )
    svg = Svg(width, 0, title, desc)
    top = _title(svg, title) + 4
    scale = width / float(data["width"])
    map_h = float(data["height"]) * scale
    stroke = 0.5 / scale

    svg.add(f'<g transform="translate(0 {_num(top)}) scale({scale:.6f})" stroke-linejoin="round">')
    svg.add(f'<path d="{data["outline"]}" fill="{SEA}" stroke="{BORDER}" stroke-width="{stroke:.4f}"/>')
    svg.add(f'<g stroke="#ffffff" stroke-width="{stroke:.4f}">')
    for code in sorted(shapes):
        value = f"{clean(fmt(vals[code]))}" if code in vals else "no data"
        # A white (zero) country would lose its outline against the white borders.
        outline = f' stroke="{BORDER}"' if fill(code).lower() in ("#ffffff", "#fff", "white") else ""
        svg.add(
            f'<path data-iso="{esc(code)}" d="{shapes[code]["d"]}" fill="{fill(code)}"{outline}>'
            f"<title>{esc(name_of(code))}: {esc(value)}</title></path>"
        )
    svg.add("</g>")

    def size_px(code: str) -> float:
        # The area catches countries cut by the antimeridian (Fiji), whose box spans the map.
        x0, y0, x1, y1 = shapes[code]["bbox"]
        return min(float(max(x1 - x0, y1 - y0)), math.sqrt(float(shapes[code]["area"]))) * scale

    tiny = [code for code in sorted(shapes) if code in vals and size_px(code) < MIN_VISIBLE_PX]
    radius = DOT_RADIUS_PX / scale
    for code in tiny:
        lx, ly = shapes[code]["label"]
        svg.add(
            f'<circle class="dot" data-iso="{esc(code)}" cx="{_num(lx)}" cy="{_num(ly)}" r="{radius:.3f}" '
            f'fill="{fill(code)}" stroke="{INK}" stroke-width="{stroke * 1.5:.4f}">'
            f"<title>{esc(name_of(code))}: {esc(clean(fmt(vals[code])))}</title></circle>"
        )
    svg.add("</g>")

    y = top + map_h + 22
    x0, max_x = 12.0, width - 12
    svg.text(x0, y, clean(legend), weight="bold")
    x = x0 + text_width(clean(legend)) + 14
    entries: list[tuple[str, str]] = []
    for low, high, colour in zip(classes.lows, classes.highs, classes.colours, strict=True):
        text = clean(fmt(low)) if low == high else f"{clean(fmt(low))}\u2013{clean(fmt(high))}"
        entries.append((colour, text))
    if any(v == 0 for v in vals.values()):
        entries.append((zero_colour, clean(fmt(0))))
    entries.append((unknown_colour, "no data"))
    for colour, text in entries:
        w = 16 + 5 + text_width(text) + 14
        if x + w > max_x:
            x, y = x0, y + 20
        svg.add(
            f'<rect class="key" x="{_num(x)}" y="{_num(y - 11)}" width="16" height="13" fill="{colour}" '
            f'stroke="{BORDER}" stroke-width="0.5"/>'
        )
        svg.text(x + 21, y, text)
        x += w

    unseen = [(c, v) for c, v in ranked if c not in shapes]
    if unseen:
        y += 22
        line = "Also (too small to draw or not on this map):"
        svg.text(x0, y, line, fill=MUTED)
        y += 18
        max_chars = int((max_x - x0) / (TEXT_SIZE * CHAR_WIDTH))
        current = ""
        for code, v in unseen:
            item = f"{shorten(name_of(code), 40)} {clean(fmt(v))}"
            candidate = f"{current} \u00b7 {item}" if current else item
            if current and len(candidate) > max_chars:
                svg.text(x0, y, current, fill=INK)
                y += 17
                candidate = item
            current = candidate
        svg.text(x0, y, current, fill=INK)
    svg.height = y + 14
    return svg.render()
