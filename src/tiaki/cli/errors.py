"""The command line's one error handler: a user's mistake or an unavailable resource is one line on
standard error and exit status 2, never a traceback. Anything else is a bug: one line saying so, the
traceback kept in a file for the report, and exit status 3."""

from __future__ import annotations

import sys
import tempfile
import traceback
from typing import Any

import typer
from rich.text import Text
from typer.core import TyperGroup

from tiaki.cli.console import SafeConsole
from tiaki.errors import TiakiError, Unavailable

err = SafeConsole(stderr=True)


def _database_error(exc: BaseException) -> bool:
    db = sys.modules.get("django.db")
    return db is not None and isinstance(exc, db.DatabaseError)


def explain(exc: BaseException) -> tuple[str, int]:
    """The line to print and the exit status for ``exc``."""
    from tiaki.cli.bootstrap import describe_database, first_line

    if isinstance(exc, TiakiError):
        return str(exc), 2
    if _database_error(exc):
        return str(Unavailable(f"the case database failed: {describe_database()}: {first_line(exc)}")), 2
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or first_line(exc)}", 2
    if isinstance(exc, MemoryError):
        return "out of memory", 2
    with tempfile.NamedTemporaryFile("w", prefix="tiaki-crash-", suffix=".txt", delete=False) as fh:
        traceback.print_exception(exc, file=fh)
    return f"internal error ({type(exc).__name__}: {first_line(exc)}); the details are in {fh.name}", 3


class Commands(TyperGroup):
    """The root command group: every command's errors end here."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):  # Typer's own: usage errors and exits
            raise
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None
        except Exception as exc:
            message, status = explain(exc)
            err.print(Text.assemble(("error:", "bold red"), " ", message), highlight=False, soft_wrap=True)
            raise typer.Exit(status) from None
