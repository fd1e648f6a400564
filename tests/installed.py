"""Running the installed ``tiaki`` command as a user runs it: a new process, output checked for
tracebacks. The ``env`` fixture (a fresh case's environment) is in ``tests/cli/conftest.py``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TIAKI = str(Path(sys.executable).with_name("tiaki"))


def tiaki(env: dict[str, str], *args: object, code: int = 0) -> str:
    done = subprocess.run(
        [TIAKI, *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    output = done.stdout + done.stderr
    assert done.returncode == code, output
    assert "Traceback" not in output, output
    return output


def label(env: dict[str, str], account: str) -> str:
    out = tiaki(env, "export", "persons", "-o", "op", "--out", "-")
    return next(line.split(",")[1] for line in out.splitlines() if line.startswith(account + ","))
