import itertools
import math
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from defusedxml import ElementTree as DET

from requirements import unavailable
from tiaki.engines.charts import (
    bar_chart,
    format_number,
    funnel,
    histogram,
    line_chart,
    nice_ticks,
    share_bar,
    stacked_bar,
    time_ticks,
)

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = ["<script>alert(1)</script>", "\"&'", "a\x00b\x1bc"]


def parse(svg: str):
    """Well-formed XML or the test fails; returns the root element."""
    root = DET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def assert_safe(svg: str) -> None:
    lowered = svg.lower()
    for bad in (
        "<image",
        "<script",
        "<foreignobject",
        "<style",
        "<iframe",
        "<use",
        "href=",
        "url(",
        "@import",
        "javascript:",
        "data:",
        "on" + "load=",
    ):
        assert bad not in lowered, bad
    assert not re.search(r"\son[a-z]+=", lowered), "event handler attribute"


def assert_accessible(root) -> None:
    assert root.get("role") == "img"
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title is not None and title.text
    assert desc is not None and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def marks(root, cls: str, tag: str = "rect") -> list:
    return [e for e in root.iter(f"{NS}{tag}") if e.get("class") == cls]


def all_text(root) -> str:
    return "\n".join(t for t in root.itertext())


# --- numbers and ticks ---------------------------------------------------------------------


def test_format_number_separates_thousands_without_locale():
    assert format_number(1234567) == "1,234,567"
    assert format_number(1234.5) == "1,234.5"
    assert format_number(0.125) == "0.125"
    assert format_number(-0.0) == "0"
    assert format_number(2.50) == "2.5"
    assert format_number(3.14159, decimals=2) == "3.14"


@pytest.mark.parametrize(
    ("lo", "hi", "n"), [(0, 1, 6), (0, 97, 6), (0, 12345, 5), (-3.2, 7.9, 6), (0.001, 0.0042, 5), (5, 5, 4)]
)
def test_nice_ticks_cover_the_range_with_nice_even_steps(lo, hi, n):
    ticks = nice_ticks(lo, hi, n)
    assert ticks[0] <= lo and ticks[-1] >= hi
    assert 2 <= len(ticks) <= n + 2
    steps = {round(b - a, 12) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1
    step = steps.pop()
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 9) in (1, 2, 2.5, 5)


def test_integer_ticks_never_step_below_one():
    assert nice_ticks(0, 3, 8, integer=True) == [0, 1, 2, 3]
    assert nice_ticks(0, 7, 6, integer=True) == [0, 2, 4, 6, 8]  # not 2.5, nor 3


def test_time_ticks_fall_on_calendar_units():
    ticks, unit = time_ticks(datetime(2024, 11, 17), datetime(2025, 6, 3), 8)
    assert unit == "month"
    assert all(t.day == 1 and t.hour == 0 for t in ticks)
    assert ticks[0] == datetime(2024, 12, 1)
    ticks, unit = time_ticks(datetime(2025, 3, 1, 10, 17), datetime(2025, 3, 1, 15, 2), 6)
    assert unit == "hour" and ticks[0] == datetime(2025, 3, 1, 11)
    ticks, unit = time_ticks(datetime(2001, 1, 1), datetime(2025, 1, 1), 6)
    assert unit == "year" and [t.year for t in ticks] == [2005, 2010, 2015, 2020, 2025]


# --- each chart --------------------------------------------------------------------------------


def all_charts(labels: list[str]) -> dict[str, str]:
    d0 = datetime(2025, 1, 1)
    return {
        "bar": bar_chart(labels, [1200, 30, 4], title=labels[0], x_label=labels[1], y_label=labels[2]),
        "histogram": histogram([1, 2, 2, 3, 9], 4, title=labels[0], x_label=labels[1]),
        "stacked": stacked_bar(labels, {labels[0]: [1, 2, 3], "new": [3, 0, 1]}, title=labels[0]),
        "share": share_bar([(labels[0], 10), (labels[1], 3)], title=labels[2]),
        "line": line_chart({labels[0]: [(d0, 1), (d0 + timedelta(days=1), 4)]}, title=labels[1]),
        "funnel": funnel([(labels[0], 100), (labels[1], 40), (labels[2], 3)], title=labels[0]),
    }


@pytest.mark.parametrize("kind", ["bar", "histogram", "stacked", "share", "line", "funnel"])
def test_every_chart_is_safe_accessible_xml_and_escapes_hostile_labels(kind):
    svg = all_charts(HOSTILE)[kind]
    root = parse(svg)
    assert_safe(svg)
    assert_accessible(root)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    # The text survives escaping intact (NUL and ESC, which XML cannot hold, become U+FFFD).
    text = all_text(root)
    assert "\"&'" in text and "<script>alert(1)</script>" in text
    assert "\x00" not in svg and "\x1b" not in svg


@pytest.mark.parametrize("kind", ["bar", "histogram", "stacked", "share", "line", "funnel"])
def test_every_chart_is_byte_identical_for_the_same_input(kind):
    labels = ["alice", "bob", "carol"]
    assert all_charts(labels)[kind] == all_charts(list(labels))[kind]
    assert all_charts(labels)[kind] != all_charts(["alicia", "bob", "carol"])[kind]


def test_bar_chart_has_one_bar_per_label_scaled_to_its_value():
    root = parse(bar_chart(["a", "b", "c", "d"], [100, 50, 0, 25], title="t"))
    bars = marks(root, "bar")
    assert len(bars) == 4
    widths = [float(b.get("width")) for b in bars]
    assert widths[1] == pytest.approx(widths[0] / 2, abs=0.02)
    assert widths[2] == 0
    assert widths[3] == pytest.approx(widths[0] / 4, abs=0.02)
    assert [b.find(f"{NS}title").text for b in bars] == ["a: 100", "b: 50", "c: 0", "d: 25"]


def test_bar_chart_prints_thousands_separators_and_shortens_long_labels_keeping_them_in_tooltips():
    long = "x" * 300
    root = parse(bar_chart([long, "b"], [1234567, 2], title="t", width=480))
    text = all_text(root)
    assert "1,234,567" in text
    label = next(t for t in root.iter(f"{NS}text") if t.find(f"{NS}title") is not None)
    assert label.find(f"{NS}title").text == long
    shown = label.find(f"{NS}title").tail
    assert shown.endswith("\u2026") and len(shown) < 60


def test_negative_bars_grow_left_with_their_values_clear_of_the_category_labels():
    root = parse(bar_chart(["loss", "gain"], [-5000, 3000], title="t", width=480))
    bars = marks(root, "bar")
    assert float(bars[0].get("x")) + float(bars[0].get("width")) == pytest.approx(float(bars[1].get("x")))
    texts = {"".join(t.itertext()): t for t in root.iter(f"{NS}text")}
    category_right = float(texts["loss"].get("x"))  # anchored at its end
    value_right = float(texts["-5,000"].get("x"))  # also anchored at its end
    assert value_right - len("-5,000") * 12 * 0.6 > category_right


def test_bar_chart_rejects_mismatched_or_non_finite_input():
    with pytest.raises(ValueError):
        bar_chart(["a"], [1, 2], title="t")
    with pytest.raises(ValueError):
        bar_chart(["a"], [math.nan], title="t")


def test_histogram_counts_values_into_bins_with_the_last_edge_included():
    root = parse(histogram([0, 1, 1.5, 2, 2, 3, 4, 10], [0, 1, 2, 4], title="t"))
    bars = marks(root, "bar")
    assert [b.find(f"{NS}title").text.rsplit(": ", 1)[1] for b in bars] == ["1", "2", "4"]
    desc = root.find(f"{NS}desc").text
    assert "1 values fall outside" in desc


def test_histogram_with_a_bin_count_draws_that_many_bars_even_if_empty():
    root = parse(histogram([5, 5, 5, 95], 10, title="Triage scores", range=(0, 100)))
    assert len(marks(root, "bar")) == 10
    heights = [float(b.get("height")) for b in marks(root, "bar")]
    assert heights[0] > heights[9] > 0 and heights[4] == 0


def test_stacked_bar_draws_one_segment_per_non_zero_value_and_row_totals():
    root = parse(stacked_bar(["p1", "p2"], {"known": [120, 0], "new": [30, 7]}, title="t"))
    segs = marks(root, "bar")
    assert len(segs) == 3
    assert "p1, known: 120 (80%)" in [s.find(f"{NS}title").text for s in segs]
    assert "150" in all_text(root)
    with pytest.raises(ValueError):
        stacked_bar(["p1"], {"known": [-1]}, title="t")
    with pytest.raises(ValueError):
        stacked_bar(["p1", "p2"], {"known": [1]}, title="t")


def test_share_bar_splits_one_bar_by_share_and_lists_every_part():
    root = parse(share_bar([("known", 990), ("new", 10), ("unsure", 0)], title="Known versus new", width=500))
    segs = marks(root, "bar")
    assert len(segs) == 2
    w = [float(s.get("width")) for s in segs]
    assert w[0] / (w[0] + w[1]) == pytest.approx(0.99, abs=0.001)
    text = all_text(root)
    assert "known: 990 (99.0%)" in text and "new: 10 (1.0%)" in text and "unsure: 0 (0.0%)" in text


def test_share_bar_with_nothing_draws_no_segments():
    root = parse(share_bar([("known", 0), ("new", 0)], title="t"))
    assert marks(root, "bar") == []


def test_line_chart_draws_a_path_per_series_and_a_point_per_value():
    d0 = date(2025, 1, 1)
    series = {
        "IPv4": [(d0 + timedelta(days=i), i * 10) for i in range(30)],
        "IPv6": [(datetime(2025, 1, 5, 12, tzinfo=UTC), 3), (datetime(2025, 1, 9, tzinfo=UTC), 0)],
        "empty": [],
    }
    root = parse(line_chart(series, title="IP events", y_label="Events"))
    assert len(marks(root, "line", "path")) == 2
    assert len(marks(root, "point", "circle")) == 32
    assert "Jan 2025" in all_text(root) or "1 Jan 2025" in all_text(root)


def test_line_chart_sorts_points_and_shows_aware_times_in_utc():
    nz = timezone(timedelta(hours=13))
    points = [(datetime(2025, 1, 2, 1, tzinfo=nz), 2), (date(2024, 12, 31), 1)]
    root = parse(line_chart({"s": points}, title="t"))
    tips = [c.find(f"{NS}title").text for c in marks(root, "point", "circle")]
    assert tips == ["s: 2024-12-31 00:00:00: 1", "s: 2025-01-01 12:00:00: 2"]
    xs = [float(c.get("cx")) for c in marks(root, "point", "circle")]
    assert xs[0] < xs[1]


def test_funnel_has_one_bar_per_step_widths_relative_to_the_largest():
    steps = [("Accounts", 12873), ("Persons", 4210), ("Countries", 37), ("Packages", 0)]
    root = parse(funnel(steps, title="Operation"))
    bars = marks(root, "bar")
    assert len(bars) == 4
    w = [float(b.get("width")) for b in bars]
    assert w[1] / w[0] == pytest.approx(4210 / 12873, abs=0.002)
    assert w[2] >= 3 and w[3] == 0  # a small step is still seen; an empty one is empty
    assert "12,873" in all_text(root)
    with pytest.raises(ValueError):
        funnel([("a", -1)], title="t")


@pytest.mark.parametrize("width", [480, 960])
def test_charts_fit_their_width(width):
    svg = bar_chart(["alice", "b" * 80], [5, 1_000_000], title="Widths", width=width)
    root = parse(svg)
    assert root.get("width") == str(width)
    for e in root.iter():
        for attr in ("x", "x1", "x2", "cx"):
            if e.get(attr) is not None:
                assert 0 <= float(e.get(attr)) <= width


# --- a look by eye -------------------------------------------------------------------------------


def render_png(svg: str, path: Path, width: int, height: int) -> bool:
    """Screenshot ``svg`` with headless Chromium; False if there is no Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return False
    src = path.with_suffix(".svg")
    src.write_text(svg, encoding="utf-8")
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--window-size={width},{height}",
            f"--screenshot={path}",
            src.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return path.exists()


@pytest.mark.slow
def test_a_chart_renders_to_pixels_in_its_colours(tmp_path):
    svg = funnel([("Accounts", 100), ("Persons", 50)], title="Funnel", width=480)
    png = tmp_path / "funnel.png"
    if not render_png(svg, png, 480, 160):
        unavailable("no Chromium to render with")
    from PIL import Image

    with Image.open(png) as img:
        colours = img.convert("RGB").getcolors(maxcolors=1 << 20) or []
    blue = sum(n for n, rgb in colours if rgb == (0x00, 0x72, 0xB2))
    assert blue > 480 * 30 * 0.5  # at least the "Accounts" bar, about 430 x 30 px, is drawn
