"""``tiaki token``: API tokens (create, list, revoke).

A token's secret is printed once, when it is created, and never again: only its SHA-256 is kept.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich.table import Table

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole

token_app = typer.Typer(help="API tokens: create, list, revoke.", no_args_is_help=True)
console = SafeConsole()


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "-"


@token_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="What the token is for, e.g. 'case-management sync'.")],
    user: Annotated[str, typer.Option(help="The user it acts as (their roles and scopes apply).")],
    expires_days: Annotated[
        int | None, typer.Option(help="Valid for this many days (default: until revoked).")
    ] = None,
) -> None:
    """Create an API token for a user and print its secret (shown this once only)."""
    actor = open_case()
    from tiaki.apps.access.services.tokens import create_token

    made = create_token(name, user, actor=actor, expires_days=expires_days)
    expires = f", expires {_when(made.token.expires_at)} UTC" if made.token.expires_at else ""
    console.print(f"token #{made.token.pk} '{made.token.name}' for {user}{expires}")
    console.print("secret (shown once; keep it safe):")
    print(made.secret)


@token_app.command("list")
def list_tokens(
    user: Annotated[str | None, typer.Option(help="Only this user's tokens.")] = None,
) -> None:
    """API tokens: their prefix (never the secret), owner, expiry, last use and whether revoked."""
    actor = open_case(create=False)
    from tiaki.apps.access.queries import tokens

    table = Table(header_style="bold")
    for column in ("id", "user", "name", "prefix", "created", "expires", "last used", "status"):
        table.add_column(column, no_wrap=column in ("id", "prefix"))
    for t in tokens(actor, user):
        status = f"revoked {_when(t.revoked_at)}" if t.revoked_at else "in force"
        table.add_row(
            str(t.pk),
            t.user.username,
            t.name,
            t.prefix + "…",
            _when(t.created_at),
            _when(t.expires_at),
            _when(t.last_used_at),
            status,
        )
    console.print(table)


@token_app.command("revoke")
def revoke(token_id: Annotated[int, typer.Argument(metavar="ID", help="The token's id (see list).")]) -> None:
    """Revoke an API token: every later request with it is refused."""
    actor = open_case()
    from tiaki.apps.access.services.tokens import revoke_token

    revoked = revoke_token(token_id, actor=actor)
    console.print(f"revoked token #{revoked.pk} '{revoked.name}' of {revoked.user.username}")
