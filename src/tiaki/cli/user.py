"""``tiaki user``: the workspace's users, their roles and passwords.

Passwords are read from a hidden prompt or, with ``--password-stdin``, from the first line of
standard input, so they never appear in the shell's history or the process list.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole

user_app = typer.Typer(help="Workspace users: add, list, disable, set a password.", no_args_is_help=True)
console = SafeConsole()
StdinOpt = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from the first line of standard input.")
]


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@user_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The user name they sign in with.")],
    role: Annotated[str, typer.Option(help="admin, supervisor, investigator, reviewer, auditor or partner.")],
    operation: Annotated[
        list[str] | None,
        typer.Option("--operation", "-o", help="Operation to give the role in (repeatable; default: all)."),
    ] = None,
    country: Annotated[
        list[str] | None, typer.Option(help="Country scope, ISO code (repeatable); required for a partner.")
    ] = None,
    agency: Annotated[str, typer.Option(help="The user's agency (required for a partner).")] = "",
    password_stdin: StdinOpt = False,
    no_password: Annotated[
        bool, typer.Option("--no-password", help="Set the password later with `tiaki user password`.")
    ] = False,
) -> None:
    """Add a user with a role in one or more operations (every existing one when none is named). They
    set up their second factor at their first sign-in."""
    actor = open_case()
    from django.db import transaction

    from tiaki.apps.access.services.users import add_user, check_password, set_password
    from tiaki.apps.operations.models import Operation
    from tiaki.apps.operations.queries import get_operation

    operations = (
        [get_operation(o, actor) for o in operation]
        if operation
        else list(Operation.objects.order_by("name"))
    )
    if role == "partner" and agency.strip():
        from tiaki.apps.referrals.services.agencies import find_agency

        for code in country or []:  # a partner's agency is one of the directory's, named exactly
            find_agency(code, agency)
    password = None if no_password else _read_password(password_stdin)
    if password is not None:
        check_password(password, name)  # before anything is written: all or nothing
    with transaction.atomic():
        add_user(name, role, operations, countries=country or [], agency=agency, actor=actor)
        if password is not None:
            set_password(name, password, actor=actor)
    where = ", ".join(o.name for o in operations) or "no operation yet"
    console.print(f"added {name} ({role}) in {where}")


@user_app.command("password")
def password(
    name: Annotated[str, typer.Argument(help="User name.")], password_stdin: StdinOpt = False
) -> None:
    """Set a user's password (at least 12 characters, not a common one)."""
    actor = open_case()
    from tiaki.apps.access.services.users import set_password

    set_password(name, _read_password(password_stdin), actor=actor)
    console.print(f"password set for {name}")


@user_app.command("list")
def list_users() -> None:
    """Every user, their roles and whether they have set up their second factor."""
    actor = open_case(create=False)
    from tiaki.apps.access.queries import users

    table = Table(header_style="bold")
    for column in ("user", "active", "second factor", "roles"):
        table.add_column(column)
    for u in users(actor):
        table.add_row(
            u.name,
            "yes" if u.active else "disabled",
            "yes" if u.second_factor else "not yet",
            ", ".join(u.roles) or "-",
        )
    console.print(table)


@user_app.command("disable")
def disable(name: Annotated[str, typer.Argument(help="User name.")]) -> None:
    """Stop a user signing in (their sessions end at their next request); their record stays."""
    actor = open_case()
    from tiaki.apps.access.services.users import disable_user

    disable_user(name, actor=actor)
    console.print(f"disabled {name}")
