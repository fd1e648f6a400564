"""What the browser tests share: the demo operation's name, the browser's flags, running the `tiaki`
command, serving a case with `tiaki serve`, and computing a second-factor code as an authenticator
app does."""

from __future__ import annotations

import base64
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"
ACCOUNTS = 300
OPERATION = f"demo-{ACCOUNTS}-7"
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def tiaki_cli(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tiaki.cli.main", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(env: dict[str, str], data: Path) -> Iterator[str]:
    """`tiaki serve` on a free port of 127.0.0.1 over the case in ``env`` (logging to
    ``data/serve.log``), once it answers ``/healthz``: its address. Stopped on leaving."""
    port = free_port()
    log = (data / "serve.log").open("w")
    command = [sys.executable, "-m", "tiaki.cli.main", "serve", "--host", "127.0.0.1", "--port", str(port),
               "--workers", "1", "--threads", "4"]  # fmt: skip
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
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
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def totp(secret: str, at: float) -> str:
    """RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as the user's authenticator app computes it."""
    from django_otp.oath import hotp

    return f"{hotp(base64.b32decode(secret), int(at // 30), digits=6):06d}"
