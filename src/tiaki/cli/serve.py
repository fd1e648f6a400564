"""``tiaki serve``: the investigators' workspace under gunicorn, static assets served by the
application itself (whitenoise). Loopback by default; behind a TLS reverse proxy see
``docs/deployment.md``."""

from __future__ import annotations

import ipaddress
import os
import secrets
import sys
from typing import Annotated

import typer

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole
from tiaki.errors import Invalid

console = SafeConsole()
LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def ensure_secret_key() -> None:
    """Without ``TIAKI_SECRET_KEY``, a random key kept in the data directory (private to the user)
    signs sessions, so that sessions survive a restart and no two cases share a key."""
    from django.conf import settings

    path = settings.SECRET_KEY_FILE
    if os.environ.get("TIAKI_SECRET_KEY") or path.exists():
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_urlsafe(50))


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (loopback unless behind a proxy).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=32, help="Worker processes.")] = 2,
    threads: Annotated[int, typer.Option(min=1, max=64, help="Threads per worker.")] = 8,
) -> None:
    """Serve the workspace. Sign in with a user made by `tiaki user add`."""
    if not is_loopback(host) and not os.environ.get("TIAKI_SECRET_KEY"):
        raise Invalid(
            f"--host {host} is not loopback: set TIAKI_SECRET_KEY, TIAKI_ALLOWED_HOSTS and run behind a TLS "
            "reverse proxy (docs/deployment.md)"
        )
    actor = open_case()
    ensure_secret_key()
    from tiaki.apps.operations.services.jobs import abandon_running

    stale = abandon_running(actor)
    if stale:
        console.print(f"{stale} job(s) left running by a previous server marked as failed")
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    shown = f"[{host}]" if ":" in host else host
    console.print(f"tiaki workspace on http://{shown}:{port}/ (Ctrl-C stops it)")
    sys.stdout.flush()
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "tiaki.config.wsgi:application",
        "--bind",
        bind,
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "120",
        "--access-logfile",
        "-",
    ]
    os.execv(sys.executable, args)
