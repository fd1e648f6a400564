"""``tiaki keys``: the unit's signing key (signs the audit log's checkpoints and, later, packages)."""

from __future__ import annotations

from typing import Annotated

import typer

from tiaki.cli.bootstrap import open_case
from tiaki.cli.console import SafeConsole

keys_app = typer.Typer(help="The unit's signing key.", no_args_is_help=True)
console = SafeConsole()


@keys_app.command("init")
def init(
    unit: Annotated[str, typer.Option(help="The sending unit's name, as recipients will see it.")],
) -> None:
    """Create the unit's Ed25519 key pair in the data directory (once; never replaced)."""
    actor = open_case()
    from tiaki.apps.audit.services.log import checkpoint_now, record
    from tiaki.apps.core import keys
    from tiaki.apps.core.roles import Permission

    actor.require(Permission.MANAGE)
    info = keys.init(unit)
    record("keys.init", actor=actor, target=unit, details={"fingerprint": info.fingerprint})
    checkpoint_now()
    console.print(f"created the signing key of '{unit}': {info.fingerprint}")
    console.print(f"public key: {info.public_key}")
    console.print("the audit log is now anchored by signed checkpoints (`tiaki audit verify`)")


@keys_app.command("show")
def show() -> None:
    """The unit's public key, its fingerprint and an allowed_signers line for `ssh-keygen -Y verify`."""
    open_case(create=False)
    from tiaki.apps.core import keys
    from tiaki.engines import signing
    from tiaki.errors import NotFound

    public = keys.public_key()
    if public is None:
        raise NotFound("the unit has no signing key yet: create it with `tiaki keys init --unit NAME`")
    unit = public.split()[-1]
    key = signing.parse_public_key(public)
    console.print(f"fingerprint: {signing.fingerprint(key)}")
    console.print(f"public key: {public.strip()}")
    console.print(f"allowed_signers: {signing.allowed_signers_line(key, unit)}", soft_wrap=True)
