#!/usr/bin/env python3
"""Derive ``src/tiaki/engines/data/world_110m.json`` from Natural Earth's admin-0 countries at 1:110m.

The product never runs this script: it reads the JSON this script writes, which is committed. The
script documents and reproduces how that file was made.

Source: the copy of Natural Earth ``ne_110m_admin_0_countries`` that GeoPandas 0.14.4 ships as
``geopandas/datasets/naturalearth_lowres`` (Natural Earth is public domain; GeoPandas replaced the
``-99`` ISO codes of sovereign countries such as France and Norway with their ``ADM0_A3`` codes and
drew Crimea with Ukraine). The wheel is only read as a zip file: GeoPandas is not installed.

Tools (in a throw-away virtual environment, not the project's)::

    python3 -m venv /tmp/mapvenv
    /tmp/mapvenv/bin/pip install pyshp pycountry
    /tmp/mapvenv/bin/python scripts/build_worldmap.py            # downloads the wheel with pip
    /tmp/mapvenv/bin/python scripts/build_worldmap.py --wheel geopandas-0.14.4-py3-none-any.whl

Steps:

1. Read the shapes (lon/lat, WGS 84) and attributes from the wheel.
2. Key each country by ISO 3166-1 alpha-2 (``pycountry``), with the explicit cases in ``SPECIAL``:
   Kosovo (``-99``) becomes ``XK``; Northern Cyprus joins ``CY`` and Somaliland joins ``SO`` (ISO
   3166-1 has no code for either and counts their land in those countries); Antarctica is dropped.
3. Project with Equal Earth (Šavrič, Patterson and Jenny 2018; an equal-area projection, so the
   size of a country on the map is proportional to its land area) onto a plane ``WIDTH`` units wide.
4. Simplify each ring with Douglas-Peucker at ``TOLERANCE`` units, drop rings smaller than
   ``MIN_RING_AREA`` square units (except a country's largest), round to 0.1 unit.
5. Write SVG path data (first point absolute, then relative moves in tenths, so rounding never
   accumulates), the bounding box, the projected area and a label point (area-weighted centroid of
   the largest ring) per country, and a name for every ISO 3166-1 code (for countries listed, not
   drawn) and the outline of the globe. Keys are sorted and the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import json
import math
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pycountry
import shapefile  # pyshp

GEOPANDAS_VERSION = "0.14.4"
WHEEL_SHA256 = "3bb6473cb59d51e1a7fe2dbc24a1a063fb0ebdeddf3ce08ddbf8c7ddc99689aa"  # the wheel on PyPI
SHP_PREFIX = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parent.parent / "src" / "tiaki" / "engines" / "data" / "world_110m.json"

WIDTH = 1000.0
TOLERANCE = 0.15
MIN_RING_AREA = 0.5

# Natural Earth rows whose ISO_A3 is missing or not an ISO 3166-1 code: name -> alpha-2, or None to drop.
SPECIAL: dict[str, str | None] = {
    "Kosovo": "XK",  # user-assigned code used by the EU, the IMF and most data sets
    "N. Cyprus": "CY",  # not recognised by ISO 3166-1; counted in Cyprus
    "Somaliland": "SO",  # not recognised by ISO 3166-1; counted in Somalia
    "Antarctica": None,  # takes a fifth of the map's height and holds no persons
    "France": "FR",  # ISO_A3 is -99 in some Natural Earth releases
    "Norway": "NO",  # as above
}

# Short, neutral English names where pycountry's formal name is long.
NAMES: dict[str, str] = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "KR": "South Korea",
    "KP": "North Korea",
    "MD": "Moldova",
    "PS": "Palestine",
    "RU": "Russia",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VA": "Vatican City",
    "XK": "Kosovo",
}

# Equal Earth constants.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth, unit sphere: returns (x, y) with y pointing north."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX, _ = equal_earth(180.0, 0.0)
_, Y_MAX = equal_earth(0.0, 90.0)
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = round(2 * Y_MAX * SCALE, 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth onto the plane: x in [0, WIDTH], y in [0, HEIGHT] growing southwards."""
    x, y = equal_earth(lon, lat)
    return (x + X_MAX) * SCALE, (Y_MAX - y) * SCALE


def country_name(code: str) -> str:
    if code in NAMES:
        return NAMES[code]
    c = pycountry.countries.get(alpha_2=code)
    assert c is not None, code
    return str(getattr(c, "common_name", None) or c.name)


def simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on a closed ring (first point == last point)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    # A closed ring: split at the point farthest from the start so both halves are open polylines.
    x0, y0 = points[0]
    far = max(range(len(points)), key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2)
    keep[far] = True
    stack = [(0, far), (far, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, best_i = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = math.hypot(px - ax, py - ay) if norm == 0 else abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, best_i = d, i
        if best > tol:
            keep[best_i] = True
            stack.append((a, best_i))
            stack.append((best_i, b))
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_area_centroid(ring: list[tuple[int, int]]) -> tuple[float, float, float]:
    """Signed-area-free: (area, cx, cy) of a ring in tenths, area always positive."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if a == 0:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """SVG path data from rings in integer tenths: absolute start, relative steps, closed."""

    def num(v: int) -> str:
        s = f"{v / 10:.1f}"
        s = s.removesuffix(".0")
        if s.startswith("0."):
            s = s[1:]
        elif s.startswith("-0."):
            s = "-" + s[2:]
        return s

    out = []
    for ring in rings:
        parts = [f"M{num(ring[0][0])} {num(ring[0][1])}l"]
        steps = []
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            dx, dy = x2 - x1, y2 - y1
            steps.append(f"{num(dx)}{' ' if dy >= 0 else ''}{num(dy)}")
        # Separate consecutive numbers with a space unless the next one starts with '-'.
        joined = ""
        for s in steps:
            if joined and not s.startswith("-"):
                joined += " "
            joined += s
        parts.append(joined + "z")
        out.append("".join(parts))
    return "".join(out)


def outline() -> str:
    """The edge of the map (the whole globe in Equal Earth) as SVG path data, in tenths rounded."""
    lats = [90 - i for i in range(181)]
    points = [project(180.0, lat) for lat in reversed(lats)] + [project(-180.0, lat) for lat in lats]
    tenths = [(round(x * 10), round(y * 10)) for x, y in points]
    deduped = [p for i, p in enumerate(tenths) if i == 0 or p != tenths[i - 1]]
    return path_data([deduped])


def obtain_wheel(path: str | None, tmp: Path) -> Path:
    if path:
        return Path(path)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "-d",
            str(tmp),
            f"geopandas=={GEOPANDAS_VERSION}",
        ],
        check=True,
    )
    (wheel,) = tmp.glob("geopandas-*.whl")
    return wheel


def read_countries(wheel: Path) -> list[tuple[str, str, list[list[tuple[float, float]]]]]:
    """(NE name, ISO_A3, rings in lon/lat) for each row of the shapefile."""
    with zipfile.ZipFile(wheel) as z:
        shp = io.BytesIO(z.read(SHP_PREFIX + ".shp"))
        shx = io.BytesIO(z.read(SHP_PREFIX + ".shx"))
        dbf = io.BytesIO(z.read(SHP_PREFIX + ".dbf"))
    reader = shapefile.Reader(shp=shp, shx=shx, dbf=dbf, encoding="latin-1")
    rows = []
    for sr in reader.iterShapeRecords():
        shape, rec = sr.shape, sr.record
        bounds = [*list(shape.parts), len(shape.points)]
        rings = [
            [(float(x), float(y)) for x, y in shape.points[bounds[i] : bounds[i + 1]]]
            for i in range(len(bounds) - 1)
        ]
        rows.append((str(rec["name"]), str(rec["iso_a3"]), rings))
    return rows


def alpha2(name: str, iso_a3: str) -> str | None:
    if name in SPECIAL:
        return SPECIAL[name]
    c = pycountry.countries.get(alpha_3=iso_a3)
    if c is None:
        raise SystemExit(f"no ISO 3166-1 code for {name!r} ({iso_a3}); add it to SPECIAL")
    return str(c.alpha_2)


def build(wheel: Path) -> dict[str, object]:
    rings_by_code: dict[str, list[list[tuple[int, int]]]] = {}
    for name, iso_a3, rings in read_countries(wheel):
        code = alpha2(name, iso_a3)
        if code is None:
            continue
        for ring in rings:
            projected = [project(lon, lat) for lon, lat in ring]
            simple = simplify(projected, TOLERANCE)
            tenths = [(round(x * 10), round(y * 10)) for x, y in simple]
            deduped = [p for i, p in enumerate(tenths) if i == 0 or p != tenths[i - 1]]
            if deduped and deduped[0] == deduped[-1]:
                deduped = deduped[:-1]
            if len(deduped) >= 3:
                rings_by_code.setdefault(code, []).append(deduped)

    countries: dict[str, dict[str, object]] = {}
    for code in sorted(rings_by_code):
        rings = rings_by_code[code]
        measured = [ring_area_centroid(r) for r in rings]
        largest = max(range(len(rings)), key=lambda i: measured[i][0])
        kept = [r for i, r in enumerate(rings) if i == largest or measured[i][0] >= MIN_RING_AREA * 100]
        xs = [x for r in kept for x, _ in r]
        ys = [y for r in kept for _, y in r]
        _, cx, cy = measured[largest]
        countries[code] = {
            "name": country_name(code),
            "d": path_data(kept),
            "bbox": [min(xs) / 10, min(ys) / 10, max(xs) / 10, max(ys) / 10],
            "area": round(sum(ring_area_centroid(r)[0] for r in kept) / 100, 1),
            "label": [round(cx / 10, 1), round(cy / 10, 1)],
        }

    names = {str(c.alpha_2): country_name(str(c.alpha_2)) for c in pycountry.countries}
    names["XK"] = NAMES["XK"]
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest} is not the expected {WHEEL_SHA256}")
    return {
        "source": {
            "data": "Natural Earth, Admin 0 - Countries, 1:110m (public domain)",
            "via": f"geopandas {GEOPANDAS_VERSION} wheel, {SHP_PREFIX}.shp",
            "wheel_sha256": digest,
            "projection": "Equal Earth",
            "derived_by": "scripts/build_worldmap.py",
        },
        "width": WIDTH,
        "height": HEIGHT,
        "countries": countries,
        "outline": outline(),
        "names": dict(sorted(names.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", help="a downloaded geopandas-0.14.4 wheel (else pip downloads it)")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = obtain_wheel(args.wheel, Path(tmp))
        data = build(wheel)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['countries'])} countries, {len(text.encode()):,} bytes")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
