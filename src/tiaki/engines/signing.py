"""The unit's signing key, SSHSIG signatures, signed audit checkpoints and RFC 3161 time-stamp requests.

Keys (``init_keys``): one Ed25519 key pair per unit, written to a folder as
- ``signing_key``: the private key in OpenSSH format, mode 0600 (optionally passphrase-protected,
  which needs the ``bcrypt`` package that ``cryptography`` uses for OpenSSH key encryption);
- ``signing_key.pub``: the public key, one line, ``ssh-ed25519 AAAA... <unit>``;
- ``allowed_signers``: one line, ``<unit> namespaces="tiaki" ssh-ed25519 AAAA...``, the file that
  ``ssh-keygen -Y verify -f allowed_signers -I <unit> -n tiaki -s file.sig < file`` reads.

Signatures (``sign``/``verify``) are SSHSIG, the format ``ssh-keygen -Y sign`` writes (OpenSSH's
PROTOCOL.sshsig): the armored blob holds the magic ``SSHSIG``, version 1, the signer's public key,
the namespace, an empty reserved field, the hash algorithm (``sha512``) and the Ed25519 signature
over ``SSHSIG || namespace || reserved || hash_algorithm || H(message)``, every field after the magic
an SSH ``string`` (uint32 length, then bytes). Only ``ssh-ed25519`` keys are accepted. The Ed25519
primitive is ``cryptography``'s; this module only frames it.

Checkpoints (``sign_checkpoint``/``read_checkpoint``): a signed statement "log L had N events and
its newest hash was H at time T, says unit U", a JSON document anyone can check with the unit's
public key, or with ``ssh-keygen`` over ``Checkpoint.canonical()``.

Time stamps (``timestamp_request``/``read_timestamp_response``): an RFC 3161 ``TimeStampReq`` for
a checkpoint, and the check of a ``TimeStampResp`` against it (status, message imprint, nonce). This
module never touches the network: the caller sends the request to the authority the operator names.
The authority's CMS signature and certificate are carried in the token but not verified here; check
them with the authority's certificate (``openssl ts -verify``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
import secrets
import struct
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat import asn1
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

NAMESPACE = "tiaki"
PRIVATE_KEY_FILE = "signing_key"
PUBLIC_KEY_FILE = "signing_key.pub"
ALLOWED_SIGNERS_FILE = "allowed_signers"
KEY_TYPE = "ssh-ed25519"
CHECKPOINT_FORMAT = "tiaki.audit.checkpoint/1"

_MAGIC = b"SSHSIG"
_SIG_VERSION = 1
_HASHES = {"sha512": hashlib.sha512, "sha256": hashlib.sha256}
_ARMOR_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_ARMOR_END = "-----END SSH SIGNATURE-----"
_ARMOR_WIDTH = 70  # as ssh-keygen wraps it
# A unit name is an allowed_signers principal and the public key's comment: no spaces, commas,
# quotes or pattern characters.
_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_SSH_KEY = re.compile(r"(?:^|\s)(ssh-[a-z0-9-]+)\s+([A-Za-z0-9+/]+={0,2})(?:\s|$)")


class SigningError(ValueError):
    """A key, signature or checkpoint that cannot be used; the message says why in one line."""


class KeyExistsError(SigningError):
    """``init_keys`` was asked to write a key where one already exists."""


class CheckpointError(SigningError):
    """A checkpoint that is missing, corrupt, forged or signed by another key."""


class CheckpointMissingError(CheckpointError):
    """No checkpoint where one was expected."""


class TimestampError(SigningError):
    """An RFC 3161 response that was refused, is corrupt or does not answer the request."""


# ---------------------------------------------------------------------------------------------
# SSH wire format


def _string(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


class _Reader:
    """Reads SSH wire fields; any short read raises ``SigningError`` (truncated)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def raw(self, n: int) -> bytes:
        if self._pos + n > len(self._data):
            raise SigningError("truncated")
        chunk = self._data[self._pos : self._pos + n]
        self._pos += n
        return chunk

    def uint32(self) -> int:
        value: int = struct.unpack(">I", self.raw(4))[0]
        return value

    def string(self) -> bytes:
        return self.raw(self.uint32())

    def done(self) -> bool:
        return self._pos == len(self._data)


def _public_blob(key: Ed25519PublicKey) -> bytes:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _string(KEY_TYPE.encode()) + _string(raw)


def _key_from_blob(blob: bytes) -> Ed25519PublicKey:
    reader = _Reader(blob)
    key_type = reader.string().decode("ascii", "replace")
    if key_type != KEY_TYPE:
        raise SigningError(f"key type {key_type} is not supported (only {KEY_TYPE})")
    raw = reader.string()
    if len(raw) != 32 or not reader.done():
        raise SigningError("malformed ssh-ed25519 public key")
    return Ed25519PublicKey.from_public_bytes(raw)


# ---------------------------------------------------------------------------------------------
# Keys


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What ``init_keys`` wrote: the three paths, the public key line and its fingerprint."""

    unit: str
    private_key_path: Path
    public_key_path: Path
    allowed_signers_path: Path
    public_key: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class Signer:
    """A loaded private key and the unit it belongs to."""

    unit: str
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> str:
        """The OpenSSH public key line, ``ssh-ed25519 AAAA... <unit>``."""
        return public_key_line(self.private_key.public_key(), self.unit)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.private_key.public_key())


def _check_unit(unit: str) -> str:
    if not _UNIT.fullmatch(unit):
        raise SigningError(
            f"unit name {unit!r} is not usable: 1-64 letters, digits, '.', '_', '@' or '-', "
            "starting with a letter or digit"
        )
    return unit


def public_key_line(key: Ed25519PublicKey, unit: str) -> str:
    """``ssh-ed25519 <base64> <unit>``, as ``ssh-keygen`` writes a ``.pub`` file."""
    return f"{KEY_TYPE} {base64.b64encode(_public_blob(key)).decode()} {unit}"


def allowed_signers_line(key: Ed25519PublicKey, unit: str, namespace: str = NAMESPACE) -> str:
    """``<unit> namespaces="<namespace>" ssh-ed25519 <base64>``, one line of an allowed_signers file."""
    encoded = base64.b64encode(_public_blob(key)).decode()
    return f'{_check_unit(unit)} namespaces="{namespace}" {KEY_TYPE} {encoded}'


def fingerprint(key: Ed25519PublicKey | str) -> str:
    """``SHA256:<base64, unpadded>`` of the key's wire form, as ``ssh-keygen -l`` prints it.

    ``key`` is a key object or a text holding one OpenSSH public key (a ``.pub`` line).
    """
    public = key if isinstance(key, Ed25519PublicKey) else parse_public_key(key)
    digest = hashlib.sha256(_public_blob(public)).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def parse_public_key(text: str) -> Ed25519PublicKey:
    """The Ed25519 key in one OpenSSH public key line (``ssh-ed25519 AAAA... [comment]``)."""
    match = _SSH_KEY.search(text.strip())
    if match is None:
        raise SigningError("not an OpenSSH public key (expected 'ssh-ed25519 AAAA...')")
    if match.group(1) != KEY_TYPE:
        raise SigningError(f"key type {match.group(1)} is not supported (only {KEY_TYPE})")
    try:
        blob = base64.b64decode(match.group(2), validate=True)
    except binascii.Error as exc:
        raise SigningError("public key is not valid base64") from exc
    return _key_from_blob(blob)


def init_keys(folder: Path, *, unit: str, passphrase: bytes | None = None) -> KeyInfo:
    """Create the unit's key pair in ``folder`` (created if needed) and return what was written.

    Refuses (``KeyExistsError``) when ``folder`` already holds a private key: a unit's key is never
    replaced silently. The private key file is created with mode 0600; with a passphrase it is
    encrypted the way ``ssh-keygen`` does (bcrypt KDF, needs the ``bcrypt`` package).
    """
    _check_unit(unit)
    folder.mkdir(parents=True, exist_ok=True)
    private_path = folder / PRIVATE_KEY_FILE
    if private_path.exists():
        raise KeyExistsError(f"a signing key already exists at {private_path}; refusing to overwrite it")
    key = Ed25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    try:
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, encryption)
    except UnsupportedAlgorithm as exc:
        raise SigningError("a passphrase-protected key needs the 'bcrypt' package, which is missing") from exc
    try:
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise KeyExistsError(
            f"a signing key already exists at {private_path}; refusing to overwrite it"
        ) from exc
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    os.chmod(private_path, 0o600)  # whatever the umask
    public = key.public_key()
    public_path = folder / PUBLIC_KEY_FILE
    public_path.write_text(public_key_line(public, unit) + "\n")
    signers_path = folder / ALLOWED_SIGNERS_FILE
    signers_path.write_text(allowed_signers_line(public, unit) + "\n")
    return KeyInfo(
        unit=unit,
        private_key_path=private_path,
        public_key_path=public_path,
        allowed_signers_path=signers_path,
        public_key=public_key_line(public, unit),
        fingerprint=fingerprint(public),
    )


def public_key_text(folder: Path) -> str:
    """The unit's public key line from ``folder``, checked to be an Ed25519 OpenSSH key."""
    path = folder / PUBLIC_KEY_FILE
    try:
        text = path.read_text().strip()
    except FileNotFoundError as exc:
        raise SigningError(f"no public key at {path}; create the unit's keys first") from exc
    parse_public_key(text)
    return text


def load_signer(folder: Path, passphrase: bytes | None = None) -> Signer:
    """The unit's private key from ``folder``, with the unit name from its public key's comment.

    Raises ``SigningError`` when the key is missing, protected and no (or a wrong) passphrase is
    given, not Ed25519, or does not belong with the public key beside it.
    """
    path = folder / PRIVATE_KEY_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SigningError(f"no signing key at {path}; create the unit's keys first") from exc
    try:
        key = serialization.load_ssh_private_key(data, passphrase)
    except UnsupportedAlgorithm as exc:
        raise SigningError(
            "the signing key is passphrase-protected and the 'bcrypt' package is missing"
        ) from exc
    except TypeError as exc:  # protected without a passphrase given, or the reverse
        if passphrase is None:
            raise SigningError(f"cannot open the signing key at {path}: missing passphrase") from exc
        raise SigningError(f"the signing key at {path} is not passphrase-protected; give none") from exc
    except ValueError as exc:
        if passphrase is not None:
            raise SigningError(
                f"cannot open the signing key at {path}: wrong passphrase (or corrupt)"
            ) from exc
        raise SigningError(f"the signing key at {path} is corrupt: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"the signing key at {path} is not an Ed25519 key")
    line = public_key_text(folder)
    parts = line.split()
    if len(parts) < 3:
        raise SigningError(f"the public key at {folder / PUBLIC_KEY_FILE} has no unit name")
    if _public_blob(parse_public_key(line)) != _public_blob(key.public_key()):
        raise SigningError(f"the public key beside {path} does not belong to it")
    return Signer(unit=_check_unit(parts[2]), private_key=key)


# ---------------------------------------------------------------------------------------------
# SSHSIG


def _signed_blob(namespace: str, hash_algorithm: str, data: bytes) -> bytes:
    digest = _HASHES[hash_algorithm](data).digest()
    return (
        _MAGIC
        + _string(namespace.encode())
        + _string(b"")
        + _string(hash_algorithm.encode())
        + _string(digest)
    )


def sign(data: bytes, signer: Signer, namespace: str = NAMESPACE) -> str:
    """An armored SSHSIG signature of ``data`` (``-----BEGIN SSH SIGNATURE-----``), as ssh-keygen's."""
    if not namespace:
        raise SigningError("a signature needs a namespace")
    hash_algorithm = "sha512"
    raw = signer.private_key.sign(_signed_blob(namespace, hash_algorithm, data))
    blob = (
        _MAGIC
        + struct.pack(">I", _SIG_VERSION)
        + _string(_public_blob(signer.private_key.public_key()))
        + _string(namespace.encode())
        + _string(b"")
        + _string(hash_algorithm.encode())
        + _string(_string(KEY_TYPE.encode()) + _string(raw))
    )
    text = base64.b64encode(blob).decode()
    lines = [text[i : i + _ARMOR_WIDTH] for i in range(0, len(text), _ARMOR_WIDTH)]
    return "\n".join([_ARMOR_BEGIN, *lines, _ARMOR_END]) + "\n"


@dataclass(frozen=True, slots=True)
class _SSHSig:
    public_key: Ed25519PublicKey
    namespace: str
    hash_algorithm: str
    signature: bytes


_CORRUPT = "not a valid SSH signature (truncated or corrupt)"


def _parse_signature(armored: str) -> _SSHSig:
    text = armored.strip()
    if not text.startswith(_ARMOR_BEGIN) or not text.endswith(_ARMOR_END):
        raise SigningError(_CORRUPT)
    body = "".join(text[len(_ARMOR_BEGIN) : -len(_ARMOR_END)].split())
    try:
        blob = base64.b64decode(body, validate=True)
    except binascii.Error as exc:
        raise SigningError(_CORRUPT) from exc
    try:
        reader = _Reader(blob)
        if reader.raw(6) != _MAGIC or reader.uint32() != _SIG_VERSION:
            raise SigningError(_CORRUPT)
        key_blob = reader.string()
        namespace = reader.string().decode()
        reader.string()  # reserved
        hash_algorithm = reader.string().decode()
        sig_reader = _Reader(reader.string())
        sig_type = sig_reader.string().decode("ascii", "replace")
        raw = sig_reader.string()
        if not (reader.done() and sig_reader.done()):
            raise SigningError(_CORRUPT)
    except (SigningError, UnicodeDecodeError) as exc:
        raise SigningError(_CORRUPT) from exc
    public = _key_from_blob(key_blob)  # names an unsupported key type plainly
    if sig_type != KEY_TYPE or len(raw) != 64 or hash_algorithm not in _HASHES:
        raise SigningError(_CORRUPT)
    return _SSHSig(public, namespace, hash_algorithm, raw)


@dataclass(frozen=True, slots=True)
class AllowedSigner:
    """One trusted key: the principals it may sign as and the namespaces it may sign in (None: any)."""

    principals: tuple[str, ...]
    key: Ed25519PublicKey
    namespaces: tuple[str, ...] | None


def _split_options(options: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in re.finditer(r'([A-Za-z-]+)(?:="([^"]*)")?(?:,|$)', options):
        if match.group(1):
            found[match.group(1).lower()] = match.group(2) or ""
    return found


def parse_trusted(text: str) -> list[AllowedSigner]:
    """The keys in ``text``: one OpenSSH public key line, or the lines of an allowed_signers file.

    A bare public key line trusts that key for any principal and namespace. Principals are matched
    exactly (OpenSSH's wildcard patterns are not expanded); ``namespaces=`` is honoured;
    ``cert-authority`` lines and other key types are skipped; ``valid-after``/``valid-before`` are
    not checked; blank lines and ``#`` comments are ignored.
    """
    signers: list[AllowedSigner] = []
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        match = _SSH_KEY.search(line)
        if match is None:
            raise SigningError(f"not a public key or allowed_signers line: {line[:60]!r}")
        if match.group(1) != KEY_TYPE:
            continue
        key = parse_public_key(line[match.start() :])
        prefix = line[: match.start()].strip()
        if not prefix:  # a .pub line
            signers.append(AllowedSigner((), key, None))
            continue
        principals, _, options = prefix.partition(" ")
        parsed = _split_options(options.strip())
        if "cert-authority" in parsed:  # such a key only vouches for certificates, never signs itself
            continue
        namespaces = parsed.get("namespaces")
        signers.append(
            AllowedSigner(
                tuple(p for p in principals.split(",") if p),
                key,
                None if namespaces is None else tuple(n.strip() for n in namespaces.split(",")),
            )
        )
    if not signers:
        raise SigningError("no ssh-ed25519 public key given to verify against")
    return signers


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """The outcome of ``verify``: ``ok``, a one-line ``reason``, and who signed when it is known.

    ``signer_fingerprint`` is the fingerprint of the key inside the signature (also when that key
    is not trusted); ``principal`` is the trusted principal it matched, if any.
    """

    ok: bool
    reason: str
    signer_fingerprint: str | None = None
    principal: str | None = None

    def __bool__(self) -> bool:
        return self.ok


def verify(
    data: bytes,
    signature: str,
    public_key: str,
    namespace: str = NAMESPACE,
    *,
    principal: str | None = None,
) -> VerifyResult:
    """Check an armored SSHSIG ``signature`` of ``data`` against trusted keys.

    ``public_key`` is one OpenSSH public key line or the text of an allowed_signers file
    (``parse_trusted``); with ``principal`` only the lines naming it count, as with
    ``ssh-keygen -Y verify -I``. Never raises for a bad signature; the reasons are:
    "not a valid SSH signature (truncated or corrupt)", "wrong namespace (...)",
    "signed by another key (fingerprint X, expected Y)" and "signature does not match the content".
    Raises ``SigningError`` only when ``public_key`` itself is unusable.
    """
    trusted = parse_trusted(public_key)
    if principal is not None:
        trusted = [s for s in trusted if principal in s.principals]
        if not trusted:
            raise SigningError(f"no trusted key for {principal!r}")
    try:
        sig = _parse_signature(signature)
    except SigningError as exc:
        return VerifyResult(False, str(exc))
    signer_print = fingerprint(sig.public_key)
    if sig.namespace != namespace:
        return VerifyResult(
            False, f"wrong namespace (signed for {sig.namespace!r}, expected {namespace!r})", signer_print
        )
    blob = _public_blob(sig.public_key)
    matching = [s for s in trusted if _public_blob(s.key) == blob]
    if not matching:
        expected = ", ".join(dict.fromkeys(fingerprint(s.key) for s in trusted))
        return VerifyResult(
            False, f"signed by another key (fingerprint {signer_print}, expected {expected})", signer_print
        )
    allowed = [s for s in matching if s.namespaces is None or namespace in s.namespaces]
    if not allowed:
        return VerifyResult(
            False, f"wrong namespace (the key is not allowed to sign for {namespace!r})", signer_print
        )
    try:
        sig.public_key.verify(sig.signature, _signed_blob(sig.namespace, sig.hash_algorithm, data))
    except InvalidSignature:
        return VerifyResult(False, "signature does not match the content", signer_print)
    names = allowed[0].principals
    who = principal if principal is not None else (names[0] if names else None)
    return VerifyResult(True, f"good signature by {signer_print}", signer_print, who)


# ---------------------------------------------------------------------------------------------
# Audit checkpoints


def utc_now() -> str:
    """The current time as the ISO UTC text a checkpoint carries (``2025-01-31T12:00:00.000000Z``)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A statement that audit log ``log_id`` had its event ``seq`` with hash ``head_hash`` at ``at``.

    ``at`` is ISO 8601 in UTC (``Z`` or ``+00:00``); ``head_hash`` is 64 lowercase hex digits.
    Fields are checked on construction (``CheckpointError``).
    """

    log_id: str
    seq: int
    head_hash: str
    at: str
    unit: str

    def __post_init__(self) -> None:
        if not isinstance(self.log_id, str) or not self.log_id:
            raise CheckpointError("checkpoint has no log id")
        if isinstance(self.seq, bool) or not isinstance(self.seq, int) or self.seq < 0:
            raise CheckpointError(f"checkpoint sequence number {self.seq!r} is not a whole number >= 0")
        if not isinstance(self.head_hash, str) or not _HEX64.fullmatch(self.head_hash):
            raise CheckpointError("checkpoint head hash is not 64 lowercase hex digits")
        try:
            when = datetime.fromisoformat(self.at)
        except (TypeError, ValueError) as exc:
            raise CheckpointError(f"checkpoint time {self.at!r} is not an ISO 8601 time") from exc
        if when.utcoffset() is None or when.utcoffset().total_seconds() != 0:  # type: ignore[union-attr]
            raise CheckpointError(f"checkpoint time {self.at!r} is not in UTC")
        if not isinstance(self.unit, str) or not _UNIT.fullmatch(self.unit):
            raise CheckpointError(f"checkpoint unit {self.unit!r} is not a unit name")

    def canonical(self) -> bytes:
        """The bytes that are signed: compact JSON, sorted keys, with the format name."""
        payload = {"format": CHECKPOINT_FORMAT, **asdict(self)}
        return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()

    def digest(self) -> bytes:
        """SHA-256 of ``canonical()``: what an RFC 3161 authority is asked to time-stamp."""
        return hashlib.sha256(self.canonical()).digest()


def sign_checkpoint(cp: Checkpoint, signer: Signer) -> str:
    """A JSON document holding ``cp``, the signer's public key and the SSHSIG of ``cp.canonical()``.

    The checkpoint's unit must be the signer's.
    """
    if cp.unit != signer.unit:
        raise CheckpointError(f"checkpoint names unit {cp.unit!r} but the key belongs to {signer.unit!r}")
    document = {
        "format": CHECKPOINT_FORMAT,
        "checkpoint": asdict(cp),
        "public_key": signer.public_key,
        "signature": sign(cp.canonical(), signer),
    }
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def read_checkpoint(text: str, public_key: str) -> Checkpoint:
    """The checkpoint in a ``sign_checkpoint`` document, once its signature checks out.

    ``public_key`` is the unit's public key line or allowed_signers text; the key copied into the
    document is never trusted. Raises ``CheckpointError`` saying whether the document is corrupt,
    forged (content changed after signing) or signed by another key.
    """
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, TypeError) as exc:
        raise CheckpointError("checkpoint is not valid JSON (corrupt or truncated)") from exc
    if not isinstance(document, dict) or document.get("format") != CHECKPOINT_FORMAT:
        raise CheckpointError(f"not a checkpoint document (expected format {CHECKPOINT_FORMAT})")
    fields = document.get("checkpoint")
    signature = document.get("signature")
    if not isinstance(fields, dict) or not isinstance(signature, str):
        raise CheckpointError("checkpoint document lacks its checkpoint or signature")
    expected = {"log_id", "seq", "head_hash", "at", "unit"}
    if set(fields) != expected:
        missing, extra = expected - set(fields), set(fields) - expected
        raise CheckpointError(
            f"checkpoint fields are wrong (missing: {sorted(missing)}, unexpected: {sorted(extra)})"
        )
    cp = Checkpoint(**fields)
    result = verify(cp.canonical(), signature, public_key)
    if not result.ok:
        if result.reason == "signature does not match the content":
            raise CheckpointError("checkpoint is forged or altered: its signature does not match its content")
        raise CheckpointError(f"checkpoint signature is not valid: {result.reason}")
    return cp


def load_checkpoint(path: Path, public_key: str) -> Checkpoint:
    """``read_checkpoint`` of a file; a missing file raises ``CheckpointMissingError``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CheckpointMissingError(f"no checkpoint at {path}") from exc
    except UnicodeDecodeError as exc:
        raise CheckpointError(f"checkpoint at {path} is not text (corrupt)") from exc
    return read_checkpoint(text, public_key)


# ---------------------------------------------------------------------------------------------
# RFC 3161 time stamps (request and response checking; no network)

_SHA256_OID = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.1")
_SIGNED_DATA_OID = x509.ObjectIdentifier("1.2.840.113549.1.7.2")
_TST_INFO_OID = x509.ObjectIdentifier("1.2.840.113549.1.9.16.1.4")
_PKI_STATUS = {
    0: "granted",
    1: "granted with modifications",
    2: "rejection",
    3: "waiting",
    4: "revocation warning",
    5: "revocation notification",
}


@asn1.sequence
class _AlgorithmIdentifier:
    algorithm: x509.ObjectIdentifier
    parameters: asn1.Null | None


@asn1.sequence
class _MessageImprint:
    hash_algorithm: _AlgorithmIdentifier
    hashed_message: bytes


@asn1.sequence
class _TimeStampReq:
    version: int
    message_imprint: _MessageImprint
    req_policy: x509.ObjectIdentifier | None
    nonce: int | None
    cert_req: Annotated[bool, asn1.Default(False)]


@asn1.sequence
class _PKIStatusInfo:
    status: int
    status_string: list[str] | None
    fail_info: asn1.BitString | None


@asn1.sequence
class _EncapsulatedContentInfo:
    e_content_type: x509.ObjectIdentifier
    e_content: Annotated[bytes | None, asn1.Explicit(0)]


@asn1.sequence
class _SignedData:
    version: int
    digest_algorithms: asn1.SetOf[_AlgorithmIdentifier]
    encap_content_info: _EncapsulatedContentInfo
    certificates: Annotated[asn1.SetOf[asn1.TLV] | None, asn1.Implicit(0)]
    crls: Annotated[asn1.SetOf[asn1.TLV] | None, asn1.Implicit(1)]
    signer_infos: asn1.SetOf[asn1.TLV]


@asn1.sequence
class _ContentInfo:
    content_type: x509.ObjectIdentifier
    content: Annotated[_SignedData, asn1.Explicit(0)]


@asn1.sequence
class _TimeStampResp:
    status: _PKIStatusInfo
    time_stamp_token: _ContentInfo | None


@asn1.sequence
class _Accuracy:
    seconds: int | None
    millis: Annotated[int | None, asn1.Implicit(0)]
    micros: Annotated[int | None, asn1.Implicit(1)]


# The GeneralName alternatives a time-stamp authority names itself with.
_GeneralName = (
    Annotated[asn1.Variant[asn1.IA5String, Literal["rfc822Name"]], asn1.Implicit(1)]
    | Annotated[asn1.Variant[asn1.IA5String, Literal["dNSName"]], asn1.Implicit(2)]
    | Annotated[asn1.Variant[asn1.TLV, Literal["directoryName"]], asn1.Explicit(4)]
    | Annotated[asn1.Variant[asn1.IA5String, Literal["uniformResourceIdentifier"]], asn1.Implicit(6)]
)


@asn1.sequence
class _TSTInfo:
    version: int
    policy: x509.ObjectIdentifier
    message_imprint: _MessageImprint
    serial_number: int
    gen_time: asn1.GeneralizedTime
    accuracy: _Accuracy | None
    ordering: Annotated[bool, asn1.Default(False)]
    nonce: int | None
    tsa: Annotated[_GeneralName | None, asn1.Explicit(0)]
    extensions: Annotated[list[asn1.TLV] | None, asn1.Implicit(1)]


@dataclass(frozen=True, slots=True)
class TimestampRequest:
    """A DER ``TimeStampReq`` (send it as ``application/timestamp-query``) and what it asked for."""

    der: bytes
    digest: bytes
    nonce: int


@dataclass(frozen=True, slots=True)
class Timestamp:
    """A granted time stamp: the authority's time, serial number and policy, and the response to keep.

    ``response_der`` is the whole ``TimeStampResp``; ``openssl ts -verify -in <file> -digest <hex>
    -CAfile <authority CA>`` checks the authority's signature on it.
    """

    gen_time: datetime
    serial_number: int
    policy: str
    response_der: bytes


def timestamp_request(cp: Checkpoint, *, nonce: int | None = None) -> TimestampRequest:
    """An RFC 3161 request for ``cp.digest()`` (SHA-256) with a random 63-bit nonce, certReq set."""
    nonce = secrets.randbits(63) | 1 if nonce is None else nonce
    digest = cp.digest()
    request = _TimeStampReq(
        version=1,
        message_imprint=_MessageImprint(
            hash_algorithm=_AlgorithmIdentifier(algorithm=_SHA256_OID, parameters=None), hashed_message=digest
        ),
        req_policy=None,
        nonce=nonce,
        cert_req=True,
    )
    return TimestampRequest(der=asn1.encode_der(request), digest=digest, nonce=nonce)


def read_timestamp_response(der: bytes, request: TimestampRequest) -> Timestamp:
    """Check a DER ``TimeStampResp`` against ``request`` and return the granted time stamp.

    Checks: the status is granted; the token is CMS SignedData over a TSTInfo; its message imprint
    is the SHA-256 digest that was requested; its nonce equals the request's. It does not check
    the authority's CMS signature or certificate (see ``Timestamp``). Raises ``TimestampError``
    naming the failed check.
    """
    try:
        response = asn1.decode_der(_TimeStampResp, der)
    except ValueError as exc:
        raise TimestampError("not an RFC 3161 time-stamp response (truncated or corrupt)") from exc
    status = response.status.status
    if status not in (0, 1):
        label = _PKI_STATUS.get(status, f"status {status}")
        texts = "; ".join(response.status.status_string or [])
        raise TimestampError(
            f"the time-stamp authority refused the request: {label}" + (f" ({texts})" if texts else "")
        )
    token = response.time_stamp_token
    if token is None or token.content_type != _SIGNED_DATA_OID:
        raise TimestampError("the time-stamp response carries no signed token")
    encap = token.content.encap_content_info
    if encap.e_content_type != _TST_INFO_OID or encap.e_content is None:
        raise TimestampError("the time-stamp token does not hold a TSTInfo")
    try:
        info = asn1.decode_der(_TSTInfo, encap.e_content)
    except ValueError as exc:
        raise TimestampError("the time-stamp token's TSTInfo is corrupt") from exc
    imprint = info.message_imprint
    if imprint.hash_algorithm.algorithm != _SHA256_OID or imprint.hashed_message != request.digest:
        raise TimestampError(
            "the time stamp is for other content (its message imprint differs from the request)"
        )
    if info.nonce != request.nonce:
        raise TimestampError("the time stamp answers another request (its nonce differs)")
    return Timestamp(
        gen_time=info.gen_time.as_datetime(),
        serial_number=info.serial_number,
        policy=info.policy.dotted_string,
        response_der=der,
    )
