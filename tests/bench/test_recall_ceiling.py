"""The recall ceiling's oracle links only accounts of one true person, step by step of evidence."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if getattr(sys.modules.get("bench"), "__file__", "") is None:  # tests/bench seen as a namespace package first
    del sys.modules["bench"]

from bench.recall_ceiling import ceiling  # noqa: E402


def test_each_step_adds_only_same_person_links(tmp_path):
    # Person A: accounts 0, 1, 2, 3. Person B: accounts 4, 5. Person C: account 6.
    persons = ["A", "A", "A", "A", "B", "B", "C"]
    pq.write_table(
        pa.table({
            "username": ["kiwi", "x1", "x2", "jo", "jo", "y", "z"],
            "display_name": ["", "", "", "Jo Bloggs", "", "", "Jo  BLOGGS"],
            "stated_country": ["NZ"] * 7,
        }),
        tmp_path / "accounts.parquet",
    )  # fmt: skip
    # 0 and 1 share a phone; B's accounts and C share a device (a household): only 4-5 may link.
    pq.write_table(
        pa.table({
            "account": pa.array([0, 1, 4, 5, 6], pa.int64()),
            "kind": ["phone", "phone", "device", "device", "device"],
            "value": ["+6421", "+6421", "d1", "d1", "d1"],
        }),
        tmp_path / "identifiers.parquet",
    )  # fmt: skip
    # 1 and 2 share a rare address; 2 and 3 share one used by 7 accounts.
    ips = [(1, "10.0.0.1"), (2, "10.0.0.1")] + [(a, "10.9.9.9") for a in (2, 3, 4, 5, 6)]
    ips += [(a, "10.9.9.9") for a in (0, 1)]
    pq.write_table(
        pa.table({
            "account": pa.array([a for a, _ in ips], pa.int64()),
            "ip": [ip for _, ip in ips],
            "timestamp": pa.array([0] * len(ips), pa.int64()),
        }),
        tmp_path / "ip_events.parquet",
    )  # fmt: skip
    pq.write_table(pa.table({"person": persons}), tmp_path / "persons.parquet")
    result = ceiling(tmp_path)
    assert result["true_pairs"] == 6 + 1
    recall = result["recall"]
    assert recall["identifiers"] == pytest.approx(2 / 7, abs=1e-4)  # 0-1 and 4-5; never B with C
    assert recall["+ rare addresses"] == pytest.approx(4 / 7, abs=1e-4)  # 0-1-2: three pairs, and 4-5
    assert recall["+ any address"] == pytest.approx(1.0)  # the busy address joins 3 to A, not C to B
    assert result["f1_at_precision_1"]["identifiers"] == pytest.approx(2 * (2 / 7) / (1 + 2 / 7), abs=1e-4)


def test_equal_names_step(tmp_path):
    persons = ["A", "A", "B"]
    pq.write_table(
        pa.table({"username": ["p", "q", "r"], "display_name": ["Jo Bloggs", "jo  bloggs", "Jo Bloggs"],
                  "stated_country": ["NZ"] * 3}),
        tmp_path / "accounts.parquet",
    )  # fmt: skip
    empty = pa.array([], pa.int64())
    pq.write_table(
        pa.table({"account": empty, "kind": pa.array([], pa.string()), "value": pa.array([], pa.string())}),
        tmp_path / "identifiers.parquet",
    )
    pq.write_table(
        pa.table({"account": empty, "ip": pa.array([], pa.string()), "timestamp": empty}),
        tmp_path / "ip_events.parquet",
    )
    pq.write_table(pa.table({"person": persons}), tmp_path / "persons.parquet")
    recall = ceiling(tmp_path)["recall"]
    assert recall["+ any address"] == 0.0
    assert recall["+ equal names"] == 1.0  # the two A accounts; B's namesake stays apart
