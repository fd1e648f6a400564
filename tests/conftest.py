from __future__ import annotations

import os
from pathlib import Path

import pytest

from requirements import reference_root


def pytest_configure(config: pytest.Config) -> None:
    # The test database lives in the data directory, which the command line creates on first use.
    Path(os.environ.get("TIAKI_DATA_DIR") or "tiaki-data").mkdir(parents=True, exist_ok=True)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # pytest-xdist sets COLUMNS=80 in its workers, and a console made at import keeps the width it
        # found then; without it the in-process command tests print as wide as each asks (CliRunner's
        # env), as they do in one process.
        os.environ.pop("COLUMNS", None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test that touches the case database also runs on PostgreSQL (`pytest -m db`).
    for item in items:
        if item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.db)


@pytest.fixture(autouse=True)
def _data_dir(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Each database test gets its own data directory (evidence store, packages, audit head)."""
    if request.node.get_closest_marker("django_db"):
        settings = request.getfixturevalue("settings")
        settings.DATA_DIR = tmp_path / "data"
        settings.DATA_DIR.mkdir()


@pytest.fixture
def reference_dir() -> Path:
    return reference_root()
