"""The second, third and fourth independent generators write well-formed disclosure bundles,
deterministically per seed."""

from __future__ import annotations

import calendar
import csv
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import pytest

from tiaki.formats.bundle import read_bundle

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if getattr(sys.modules.get("bench"), "__file__", "") is None:  # tests/bench seen as a namespace package first
    del sys.modules["bench"]

from bench.independent2 import generator as independent2  # noqa: E402
from bench.independent3 import generator as independent3  # noqa: E402
from bench.independent4 import generator as independent4  # noqa: E402

GENERATORS = {
    "independent2": independent2.generate,
    "independent3": independent3.generate,
    "independent4": independent4.generate,
}

SPEC = ROOT.parent / "shared" / "spec" / "disclosure-bundle.md"
REQUIRED = {
    "accounts": ["account_id"],
    "identifiers": ["account_id", "kind", "value"],
    "ip_events": ["account_id", "ip", "timestamp"],
}
KINDS = {"email", "phone", "device", "payment", "name", "dob", "address", "other"}


def _required_from_spec() -> dict[str, list[str]]:
    """Required columns per table, read from the spec's tables (beside the repository)."""
    assert SPEC.exists(), f"the bundle spec is expected at {SPEC}"
    out: dict[str, list[str]] = {}
    table = None
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"## (\w+)", line)
        if m:
            table = m.group(1)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if table in REQUIRED and len(cells) >= 2 and cells[1] == "yes":
            out.setdefault(table, []).append(cells[0])
    return out or REQUIRED


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module", params=list(GENERATORS))
def runs(request, tmp_path_factory):
    generate = GENERATORS[request.param]
    base = tmp_path_factory.mktemp(request.param)
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        generate(base / name, 600, seed)
    return base


def test_headers_follow_the_spec(runs):
    bundle = runs / "a" / "bundle"
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "disclosure-bundle" and manifest["version"] == 1
    required = _required_from_spec()
    assert required["identifiers"] == ["account_id", "kind", "value"]
    for table, columns in required.items():
        path = bundle / manifest["files"][table]
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert set(columns) <= set(header), (table, header)
    kinds = {r["kind"] for r in _rows(bundle / "identifiers.csv")}
    assert kinds <= KINDS and {"email", "phone", "device"} <= kinds
    for row in _rows(bundle / "ip_events.csv")[:2000]:
        assert row["timestamp"].endswith("Z") and row["ip"]


def test_every_account_is_in_truth(runs):
    accounts = [r["account_id"] for r in _rows(runs / "a" / "bundle" / "accounts.csv")]
    assert len(accounts) == 600 and len(set(accounts)) == 600
    truth = {r["account_id"]: r for r in _rows(runs / "a" / "truth" / "accounts.csv")}
    assert set(accounts) == set(truth)
    assert all(r["person_id"] and len(r["country"]) == 2 for r in truth.values())
    assert len({r["person_id"] for r in truth.values()}) < 600
    for table in ("identifiers.csv", "ip_events.csv"):
        assert {r["account_id"] for r in _rows(runs / "a" / "bundle" / table)} <= set(truth)


def test_same_seed_same_bytes(runs):
    assert _digest(runs / "a") == _digest(runs / "b")


def test_other_seed_differs(runs):
    a, c = _digest(runs / "a"), _digest(runs / "c")
    assert a.keys() == c.keys()
    assert all(a[k] != c[k] for k in a if k.endswith(".csv"))


def test_bundle_reads_with_the_project_reader(runs):
    disclosure = read_bundle(runs / "a" / "bundle")
    assert len(disclosure.accounts) == 600
    assert {row.kind for row in disclosure.identifiers} >= {"email", "phone", "device"}
    assert any(":" in event.ip for event in disclosure.ip_events)  # some IPv6


def test_operator_databases_are_dated_and_place_most_events(runs):
    """Each generator hands over its operator's dated country databases (``OUT/geo``): MaxMind DB
    files whose build date is the date in their name, which the product's snapshot set loads and
    which answer for most of the operation's events."""
    import maxminddb
    import numpy as np

    from tiaki.engines.geo import SnapshotSet, locate_epochs

    geo = runs / "a" / "geo"
    files = sorted(geo.glob("geo-*.mmdb"))
    assert files, f"no operator databases in {geo}"
    for path in files:
        with maxminddb.open_database(str(path)) as reader:
            built = reader.metadata().build_epoch
        stamp = path.stem.removeprefix("geo-")
        assert time.strftime("%Y-%m-%d", time.gmtime(built)) == stamp, path.name
    events = _rows(runs / "a" / "bundle" / "ip_events.csv")
    stamps = [time.strptime(e["timestamp"][:19], "%Y-%m-%dT%H:%M:%S") for e in events]
    epochs = np.array([calendar.timegm(t) for t in stamps])
    with SnapshotSet(geo) as snapshots:
        located = locate_epochs([e["ip"] for e in events], epochs.astype(np.float64), snapshots)
        assert len(snapshots.sources) >= len(files)
    answered = np.asarray(located.countries) != ""
    assert answered.mean() > 0.9, answered.mean()
    assert (np.asarray(located.source_index)[answered] > 0).all()  # from the operator's files, not embedded
