"""The hostile-input corpus of ``bench/hostile.py``: every case must end as the threat model says."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "hostile.py"


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_every_hostile_case_ends_as_the_threat_model_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("hostile_corpus", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    cases = module.run(tmp_path)
    unexpected = [(c.area, c.case, c.expected, c.outcome, c.message) for c in cases if not c.ok]
    assert unexpected == []
    assert len(cases) >= 38 and not any(c.outcome == "crashed" for c in cases)
