"""What some tests need from the machine. Missing, such a test is skipped on a developer's machine and
fails under CI (``CI`` set), so that a CI run can never pass without checking."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"


def unavailable(message: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{message}; the CI run must provide it")
    pytest.skip(message)


def tool(*names: str) -> str:
    """The path of the first of ``names`` installed."""
    for name in names:
        path = shutil.which(name)
        if path is not None:
            return path
    unavailable(f"{' or '.join(names)} is not installed")
    raise AssertionError("unreachable")


def reference_root() -> Path:
    if not REFERENCE.is_dir():
        unavailable(f"reference data not found at {REFERENCE}")
    return REFERENCE
