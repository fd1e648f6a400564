import json
import re
import subprocess
from importlib import resources
from pathlib import Path

import pytest
from defusedxml import ElementTree as DET

from requirements import tool
from tiaki.engines.worldmap import (
    ABSENT_COLOUR,
    PALETTE,
    ZERO_COLOUR,
    choropleth,
    classify,
    country_codes,
    country_name,
)

NS = "{http://www.w3.org/2000/svg}"
VALUES = {"NZ": 412, "AU": 233, "US": 1203, "GB": 310, "FR": 95, "NO": 12, "IN": 57, "BR": 40, "DE": 120}


def parse(svg: str):
    root = DET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def paths_by_code(root) -> dict[str, object]:
    return {p.get("data-iso"): p for p in root.iter(f"{NS}path") if p.get("data-iso")}


def test_the_shipped_shapes_cover_the_world_keyed_by_alpha_2():
    codes = country_codes()
    assert len(codes) >= 170
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in codes)
    for code in ("NZ", "AU", "US", "GB", "FR", "NO", "IN", "BR", "XK", "CY", "SO", "EH", "TW", "UA"):
        assert code in codes, code
    assert "AQ" not in codes  # Antarctica is left off the map
    size = resources.files("tiaki.engines").joinpath("data/world_110m.json").read_bytes()
    assert len(size) < 400_000


def test_disputed_shapes_are_folded_into_their_iso_country():
    data = json.loads(resources.files("tiaki.engines").joinpath("data/world_110m.json").read_text())
    # Northern Cyprus and Somaliland have no ISO code: their rings are drawn with Cyprus and Somalia,
    # so each of those countries has more than one ring.
    assert data["countries"]["CY"]["d"].count("M") >= 2
    assert data["countries"]["SO"]["d"].count("M") >= 2
    assert country_name("XK") == "Kosovo"
    assert country_name("sg") == "Singapore"  # named though too small to draw
    assert country_name("ZZ") is None


def test_map_is_safe_accessible_xml_with_a_path_per_country():
    svg = choropleth(VALUES, title="Persons per country", legend="Persons")
    root = parse(svg)
    lowered = svg.lower()
    for bad in ("<image", "<script", "<foreignobject", "<style", "href=", "url(", "javascript:", "data:"):
        assert bad not in lowered, bad
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text == "Persons per country"
    assert "United States: 1,203" in root.find(f"{NS}desc").text
    paths = paths_by_code(root)
    assert set(paths) == set(country_codes())
    for code in ("NZ", "AU", "US", "GB", "FR", "NO", "IN", "BR"):
        assert paths[code].get("fill") in PALETTE, code
    assert paths["CN"].get("fill") == ABSENT_COLOUR
    assert paths["NZ"].find(f"{NS}title").text == "New Zealand: 412"
    assert paths["CN"].find(f"{NS}title").text == "China: no data"


def test_map_is_byte_identical_for_the_same_input_in_any_order():
    a = choropleth(VALUES, title="t", legend="Persons")
    b = choropleth(dict(reversed(list(VALUES.items()))), title="t", legend="Persons")
    assert a == b
    assert a != choropleth({**VALUES, "NZ": 411}, title="t", legend="Persons")


def test_more_is_darker_and_zero_and_absent_differ():
    values = {"US": 1000, "CA": 0, "NZ": 1, "AU": 10, "GB": 100}
    root = parse(choropleth(values, title="t", legend="Persons"))
    paths = paths_by_code(root)
    order = [PALETTE.index(paths[c].get("fill")) for c in ("NZ", "AU", "GB", "US")]
    assert order == sorted(order) and len(set(order)) == 4
    assert paths["CA"].get("fill") == ZERO_COLOUR
    assert paths["MX"].get("fill") == ABSENT_COLOUR != ZERO_COLOUR
    keys = [r.get("fill") for r in root.iter(f"{NS}rect") if r.get("class") == "key"]
    assert ZERO_COLOUR in keys and ABSENT_COLOUR in keys


def test_classes_are_quantiles_and_the_legend_shows_the_real_ranges():
    values = list(range(1, 101))
    classes = classify(values, PALETTE)
    assert len(classes.uppers) == 6
    assert classes.uppers[-1] == 100 and classes.lows[0] == 1
    for low, up in zip(classes.lows[1:], classes.uppers, strict=False):
        assert low == up + 1
    few = classify([3, 3, 7], PALETTE)
    assert few.uppers == (3, 7) and few.colours == (PALETTE[0], PALETTE[-1])
    given = classify([1, 5, 50, 500], PALETTE, breaks=[10, 100])
    assert given.uppers == (10, 100, 500)
    root = parse(choropleth({"US": 1, "FR": 5, "DE": 50, "JP": 500}, title="t", legend="n", breaks=[10, 100]))
    text = "".join(root.itertext())
    assert "1\u20135" in text and "50" in text and "500" in text


def test_values_too_small_to_draw_are_still_shown():
    values = {"SG": 7, "MT": 1, "LU": 2, "ZZ": 4, "US": 3}
    root = parse(choropleth(values, title="t", legend="Persons", width=480))
    dots = {c.get("data-iso") for c in root.iter(f"{NS}circle") if c.get("class") == "dot"}
    assert "LU" in dots and "US" not in dots  # Luxembourg is drawn, but only a pixel or two wide
    text = " ".join(root.itertext())
    for shown in ("Singapore 7", "Malta 1", "ZZ (unknown code) 4"):
        assert shown in text


def test_hostile_codes_titles_and_labels_are_escaped():
    hostile = "<script>alert(1)</script>\"&'"

    def label(v: float) -> str:
        return f"{v:.0f} {hostile}"

    svg = choropleth({hostile: 1, "NZ": 2}, title=hostile, legend=hostile, label=label)
    root = parse(svg)
    assert "<script>" not in svg
    assert root.find(f"{NS}title").text == hostile
    assert hostile.upper() in "".join(root.itertext())


def test_bad_values_are_refused():
    with pytest.raises(ValueError):
        choropleth({"NZ": -1}, title="t", legend="l")
    with pytest.raises(ValueError):
        choropleth({"NZ": float("nan")}, title="t", legend="l")
    with pytest.raises(ValueError):
        choropleth({"NZ": 1, "nz": 2}, title="t", legend="l")


@pytest.mark.parametrize("width", [480, 960])
def test_map_scales_to_its_width_keeping_the_shape(width):
    root = parse(choropleth(VALUES, title="t", legend="Persons", width=width))
    assert root.get("width") == str(width)
    group = next(root.iter(f"{NS}g"))
    scale = float(re.search(r"scale\(([\d.]+)\)", group.get("transform")).group(1))
    assert scale == pytest.approx(width / 1000)


@pytest.mark.slow
def test_the_map_renders_to_pixels_with_its_classes(tmp_path):
    chromium = tool("chromium", "chromium-browser")
    svg = choropleth({"US": 100, "BR": 1}, title="Persons per country", legend="Persons", width=960)
    src = tmp_path / "map.svg"
    src.write_text(svg, encoding="utf-8")
    png = tmp_path / "map.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=960,600",
            f"--screenshot={png}",
            src.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    from PIL import Image

    with Image.open(png) as img:
        rgb = img.convert("RGB")
        counts = {c: n for n, c in rgb.getcolors(maxcolors=1 << 20) or []}

        def hexrgb(h: str) -> tuple[int, int, int]:
            return int(h[1:3], 16), int(h[3:5], 16), int(h[5:7], 16)

        darkest, lightest = counts.get(hexrgb(PALETTE[-1]), 0), counts.get(hexrgb(PALETTE[0]), 0)
        # The US and Brazil at 960 px are thousands of pixels each, and the US is in the top half.
        assert darkest > 3000 and lightest > 3000
        us_y = [y for y in range(0, 300, 4) if rgb.getpixel((220, y)) == hexrgb(PALETTE[-1])]
        assert us_y and max(us_y) < 300
    Path(png).unlink()
