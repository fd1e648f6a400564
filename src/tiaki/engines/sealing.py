"""Encryption to recipients with age (through ``pyrage``), so that only the receiving agency can open it.

``encrypt_to`` writes the age v1 binary format (``age-encryption.org/v1``), which the standard
``age -d -i <identity file>`` command decrypts. Recipients are age X25519 public keys (``age1...``)
or OpenSSH public keys (``ssh-ed25519 AAAA...``; age also accepts ``ssh-rsa``). Identities are age
secret keys (``AGE-SECRET-KEY-1...``) or unencrypted OpenSSH private keys (PEM text).

The cryptography is age's (via ``pyrage``, Rust bindings of the ``rage`` implementation); this
module only validates inputs and turns ``pyrage``'s errors into ``SealingError`` with one-line
messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

import pyrage
from pyrage import ssh, x25519

_AGE_RECIPIENT = "age1"
_AGE_IDENTITY = "AGE-SECRET-KEY-1"
_SSH_RECIPIENTS = ("ssh-ed25519 ", "ssh-rsa ")
_AGE_HEADER = b"age-encryption.org/v1\n"

_Recipient: TypeAlias = x25519.Recipient | ssh.Recipient
_Identity: TypeAlias = x25519.Identity | ssh.Identity


class SealingError(ValueError):
    """A recipient, identity or ciphertext that cannot be used; the message says why in one line."""


class WrongKeyError(SealingError):
    """The ciphertext was not encrypted to the identity given."""


@dataclass(frozen=True, slots=True)
class AgeKeyPair:
    """An age identity (``AGE-SECRET-KEY-1...``) and its recipient (``age1...``)."""

    identity: str
    recipient: str


def generate_identity() -> AgeKeyPair:
    """A new age X25519 key pair (for an agency that has none, and for tests)."""
    identity = x25519.Identity.generate()
    return AgeKeyPair(identity=str(identity), recipient=str(identity.to_public()))


def parse_recipient(text: str) -> _Recipient:
    """The recipient in ``text``: ``age1...`` or an OpenSSH public key line; ``SealingError`` if neither.

    Surrounding whitespace is ignored; the comment of an OpenSSH key is allowed.
    """
    value = text.strip()
    try:
        if value.startswith(_AGE_RECIPIENT):
            return x25519.Recipient.from_str(value)
        if value.startswith(_SSH_RECIPIENTS):
            return ssh.Recipient.from_str(value)
    except pyrage.RecipientError as exc:
        raise SealingError(f"recipient {_shorten(value)} is not a valid key: {exc}") from exc
    raise SealingError(
        f"recipient {_shorten(value)} is not an age public key ('age1...') or an OpenSSH public key "
        "('ssh-ed25519 AAAA...')"
    )


def _parse_identity(text: str) -> _Identity:
    value = text.strip()
    try:
        if value.startswith(_AGE_IDENTITY):
            return x25519.Identity.from_str(value)
        if value.startswith("-----BEGIN OPENSSH PRIVATE KEY-----"):
            return ssh.Identity.from_buffer(value.encode() + b"\n")
    except pyrage.IdentityError as exc:
        raise SealingError(f"the identity is not a valid key: {exc}") from exc
    raise SealingError(
        "the identity is not an age secret key ('AGE-SECRET-KEY-1...') or an OpenSSH private key"
    )


def _shorten(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


def encrypt_to(data: bytes, recipients: list[str]) -> bytes:
    """``data`` encrypted with age to every one of ``recipients`` (binary age format).

    Each recipient can decrypt alone. Raises ``SealingError`` for an empty list or an invalid
    recipient, naming it.
    """
    if not recipients:
        raise SealingError("no recipients: the data would be encrypted to nobody")
    parsed = [parse_recipient(r) for r in recipients]
    try:
        return pyrage.encrypt(data, parsed)
    except pyrage.EncryptError as exc:
        raise SealingError(f"encryption failed: {exc}") from exc


def decrypt_with(data: bytes, identity: str) -> bytes:
    """The plaintext of age ciphertext ``data``, opened with ``identity``.

    Raises ``WrongKeyError`` when the data was not encrypted to this identity, and ``SealingError``
    when ``data`` is not age ciphertext or is truncated or corrupt (age authenticates every chunk).
    """
    key = _parse_identity(identity)
    if not data.startswith(_AGE_HEADER):
        raise SealingError("not age-encrypted data (no 'age-encryption.org/v1' header)")
    try:
        return pyrage.decrypt(data, [key])
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise WrongKeyError(
                "this key cannot open the data: it was encrypted to other recipients"
            ) from exc
        raise SealingError(f"the encrypted data is truncated or corrupt: {exc}") from exc
