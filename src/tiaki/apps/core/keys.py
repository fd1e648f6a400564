"""The unit's signing key, kept in ``<data>/keys/``: it signs the audit log's checkpoints (and, later,
referral packages). Created once with ``tiaki keys init``; the private key is readable by its owner
alone and never leaves the data directory; the public key and an ``allowed_signers`` line are for
anyone who checks a signature (``ssh-keygen -Y verify``)."""

from __future__ import annotations

from pathlib import Path

from tiaki.apps.core import datadir
from tiaki.engines import signing
from tiaki.errors import Conflict, Invalid


def folder() -> Path:
    return datadir.root() / "keys"


def exists() -> bool:
    return (folder() / "signing_key").is_file()


def init(unit: str) -> signing.KeyInfo:
    """Create the unit's key pair; :class:`Conflict` if there is one (it is never replaced silently)."""
    try:
        return signing.init_keys(datadir.private_dir(folder()), unit=unit)
    except signing.KeyExistsError:
        raise Conflict(f"the unit's signing key already exists in {folder()}; it is never replaced") from None
    except signing.SigningError as exc:
        raise Invalid(str(exc)) from None


def signer() -> signing.Signer | None:
    """The unit's signer, or None before ``tiaki keys init``."""
    if not exists():
        return None
    return signing.load_signer(folder())


def public_key() -> str | None:
    return signing.public_key_text(folder()) if exists() else None
