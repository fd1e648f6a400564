"""What the browser tests share: the demo operation's name, the browser's flags, running the `tiaki`
command, and computing a second-factor code as an authenticator app does."""

from __future__ import annotations

import base64
import socket
import subprocess
import sys
from pathlib import Path

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


def totp(secret: str, at: float) -> str:
    """RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as the user's authenticator app computes it."""
    from django_otp.oath import hotp

    return f"{hotp(base64.b32decode(secret), int(at // 30), digits=6):06d}"
