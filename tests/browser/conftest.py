"""Serving a demo operation for the browser tests: `tiaki demo` then `tiaki serve` on 127.0.0.1, once
per test session, with a supervisor 'sam' (no second factor yet)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from serving import ACCOUNTS, OPERATION, PASSWORD, ROOT, free_port, tiaki_cli


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
    port = free_port()
    log = (data / "serve.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tiaki.cli.main",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--threads",
            "4",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("tiaki serve did not answer: " + (data / "serve.log").read_text())
        yield url, data
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
