"""Serving a demo operation for the browser tests: `tiaki demo` then `tiaki serve` on 127.0.0.1, once
per test session, with a supervisor 'sam' (no second factor yet)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from serving import ACCOUNTS, OPERATION, PASSWORD, ROOT, serve, tiaki_cli


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`tiaki serve` on 127.0.0.1 over a demo operation, with a supervisor 'sam' (no second factor yet)."""
    data = tmp_path_factory.mktemp("workspace-data")
    env = {**os.environ, "TIAKI_DATA_DIR": str(data), "PYTHONPATH": str(ROOT / "src")}
    env.pop("DATABASE_URL", None)  # the browser test works on its own SQLite case
    env.pop("TIAKI_SECRET_KEY", None)
    tiaki_cli(env, "demo", "--accounts", str(ACCOUNTS))
    tiaki_cli(
        env,
        "user",
        "add",
        "sam",
        "--role",
        "supervisor",
        "--operation",
        OPERATION,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    with serve(env, data) as url:
        yield url, data
