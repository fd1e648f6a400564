"""The environment of a fresh case for tests of the installed command."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of a fresh case: its own data directory and database."""
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    environ["TIAKI_DATA_DIR"] = str(tmp_path / "data")
    environ["COLUMNS"] = "240"  # wide enough for the widest table
    url = os.environ.get("DATABASE_URL")
    if not url:
        yield environ
        return
    import psycopg

    name = f"tiaki_cli_{uuid.uuid4().hex[:12]}"
    server = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    environ["DATABASE_URL"] = f"{server}/{name}"
    try:
        yield environ
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
