"""The signing and sealing engines: unit keys, SSHSIG, audit checkpoints, RFC 3161 and age.

Interoperability with the standard tools (``ssh-keygen``, ``age``, ``openssl``) is tested when
they are installed; when one is missing its tests fail if ``CI`` is set and are skipped otherwise.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from requirements import tool
from tiaki.engines import sealing, signing
from tiaki.engines.sealing import SealingError, WrongKeyError, decrypt_with, encrypt_to, generate_identity
from tiaki.engines.signing import (
    Checkpoint,
    CheckpointError,
    CheckpointMissingError,
    KeyExistsError,
    SigningError,
    TimestampError,
    fingerprint,
    init_keys,
    load_checkpoint,
    load_signer,
    public_key_text,
    read_checkpoint,
    read_timestamp_response,
    sign,
    sign_checkpoint,
    timestamp_request,
    verify,
)
from timestamping import make_tsa, reply

MANIFEST = b'{"files": {"persons.csv": "5f2b..."}, "country": "NZ"}\n'
HEAD = "ab" * 32
CORRUPT = "not a valid SSH signature (truncated or corrupt)"
MISMATCH = "signature does not match the content"


def run(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(a) for a in args], input=stdin, capture_output=True, check=False, timeout=60)


@pytest.fixture
def unit(tmp_path: Path) -> signing.KeyInfo:
    return init_keys(tmp_path / "keys", unit="nz-dia")


@pytest.fixture
def other(tmp_path: Path) -> signing.KeyInfo:
    return init_keys(tmp_path / "other-keys", unit="nz-dia")


def _checkpoint(unit: str = "nz-dia", seq: int = 41) -> Checkpoint:
    return Checkpoint(log_id="log-7f3a", seq=seq, head_hash=HEAD, at="2025-03-01T09:30:00.000000Z", unit=unit)


# --- keys ------------------------------------------------------------------------------------


def test_init_keys_writes_private_public_and_allowed_signers(unit: signing.KeyInfo) -> None:
    mode = stat.S_IMODE(unit.private_key_path.stat().st_mode)
    assert mode == 0o600
    assert unit.private_key_path.read_text().startswith("-----BEGIN OPENSSH PRIVATE KEY-----")
    kind, blob, comment = unit.public_key_path.read_text().split()
    assert (kind, comment) == ("ssh-ed25519", "nz-dia")
    assert blob.startswith("AAAAC3NzaC1lZDI1NTE5")
    assert unit.public_key == f"ssh-ed25519 {blob} nz-dia"
    assert unit.allowed_signers_path.read_text() == f'nz-dia namespaces="tiaki" ssh-ed25519 {blob}\n'
    assert unit.fingerprint.startswith("SHA256:") and not unit.fingerprint.endswith("=")
    assert unit.fingerprint == fingerprint(unit.public_key)


def test_init_keys_refuses_to_overwrite(unit: signing.KeyInfo) -> None:
    before = unit.private_key_path.read_bytes()
    with pytest.raises(KeyExistsError, match="already exists"):
        init_keys(unit.private_key_path.parent, unit="nz-dia")
    assert unit.private_key_path.read_bytes() == before


@pytest.mark.parametrize("name", ["", "nz dia", "a,b", 'x"y', "*", "-lead"])
def test_init_keys_rejects_unusable_unit_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(SigningError, match="unit name"):
        init_keys(tmp_path, unit=name)
    assert not (tmp_path / signing.PRIVATE_KEY_FILE).exists()


def test_load_signer_and_public_key_text(unit: signing.KeyInfo) -> None:
    signer = load_signer(unit.private_key_path.parent)
    assert signer.unit == "nz-dia"
    assert signer.public_key == unit.public_key == public_key_text(unit.private_key_path.parent)
    assert signer.fingerprint == unit.fingerprint


def test_load_signer_errors(tmp_path: Path, unit: signing.KeyInfo, other: signing.KeyInfo) -> None:
    with pytest.raises(SigningError, match="no signing key"):
        load_signer(tmp_path / "nowhere")
    # A public key that belongs to another private key is refused.
    shutil.copy(other.public_key_path, unit.public_key_path)
    with pytest.raises(SigningError, match="does not belong"):
        load_signer(unit.private_key_path.parent)
    unit.private_key_path.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\ngarbage\n")
    with pytest.raises(SigningError, match="corrupt"):
        load_signer(unit.private_key_path.parent)


# A throwaway Ed25519 key, written by `ssh-keygen -t ed25519 -N pw -C nz-dia` for this test only.
PROTECTED_KEY = """-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABBO3KAWGH
r1XHCuUH7mFGnUAAAAEAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIOfizGAt34+rLllO
D9d9Qh9XNmaP8BYwuUV60fVhJr4cAAAAkBEzWaIjKRzH//pQXOaRcwJho0tnOsYipO4fyk
56hrjrH6DebIotlJ/iZv69B6hRzOpir8zBfCUYDK2t/UyTIGCv6DO9zTRRxO4HN8/OhqGT
BEBRCtMRtDkYnUusJ+0ZHBtMt/vbCdJ0uVyndkC36QIBB8zVCTyQ/FdiIBExgPbEAv5l9v
sTkKfpVyTPeIHlAA==
-----END OPENSSH PRIVATE KEY-----
"""
PROTECTED_PUB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOfizGAt34+rLllOD9d9Qh9XNmaP8BYwuUV60fVhJr4c nz-dia\n"


def _has_bcrypt() -> bool:
    try:
        import bcrypt  # noqa: F401  (cryptography's OpenSSH key encryption needs it)
    except ImportError:
        return False
    return True


def test_passphrase_protected_key(tmp_path: Path, unit: signing.KeyInfo) -> None:
    (tmp_path / signing.PRIVATE_KEY_FILE).write_text(PROTECTED_KEY)
    (tmp_path / signing.PUBLIC_KEY_FILE).write_text(PROTECTED_PUB)
    with pytest.raises(SigningError, match="missing passphrase"):
        load_signer(tmp_path)
    with pytest.raises(SigningError, match="not passphrase-protected"):
        load_signer(unit.private_key_path.parent, b"pw")
    if not _has_bcrypt():
        with pytest.raises(SigningError, match="'bcrypt' package is missing"):
            load_signer(tmp_path, b"pw")
        with pytest.raises(SigningError, match="'bcrypt' package"):
            init_keys(tmp_path / "new", unit="nz-dia", passphrase=b"correct horse")
        assert not (tmp_path / "new" / signing.PRIVATE_KEY_FILE).exists()
        return
    assert load_signer(tmp_path, b"pw").public_key == PROTECTED_PUB.strip()
    with pytest.raises(SigningError, match="wrong passphrase"):
        load_signer(tmp_path, b"wrong")
    init_keys(tmp_path / "new", unit="nz-dia", passphrase=b"correct horse")
    assert load_signer(tmp_path / "new", b"correct horse").unit == "nz-dia"


# --- SSHSIG ----------------------------------------------------------------------------------


def test_sign_writes_armored_sshsig(unit: signing.KeyInfo) -> None:
    text = sign(MANIFEST, load_signer(unit.private_key_path.parent))
    lines = text.splitlines()
    assert lines[0] == "-----BEGIN SSH SIGNATURE-----" and lines[-1] == "-----END SSH SIGNATURE-----"
    assert all(len(line) <= 70 for line in lines[1:-1])
    blob = base64.b64decode("".join(lines[1:-1]))
    assert blob.startswith(b"SSHSIG\x00\x00\x00\x01")
    assert b"\x00\x00\x00\x05tiaki" in blob and b"\x00\x00\x00\x06sha512" in blob


def test_verify_accepts_a_good_signature(unit: signing.KeyInfo, other: signing.KeyInfo) -> None:
    signature = sign(MANIFEST, load_signer(unit.private_key_path.parent))
    result = verify(MANIFEST, signature, unit.public_key)
    assert result.ok and bool(result)
    assert result.signer_fingerprint == unit.fingerprint
    by_signers = verify(MANIFEST, signature, unit.allowed_signers_path.read_text(), principal="nz-dia")
    assert by_signers.ok and by_signers.principal == "nz-dia"
    # Among other lines: comments, another unit's key, an RSA key (skipped).
    blob = unit.public_key.split()[1]
    several = (
        "# partner units\n"
        f"au-afp {other.public_key.rsplit(' ', 1)[0]}\n"
        "uk-nca ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ==\n"
        f'nz-dia,nz-police namespaces="tiaki,file" ssh-ed25519 {blob}\n'
    )
    assert verify(MANIFEST, signature, several, principal="nz-police").ok
    assert not verify(MANIFEST, signature, several, principal="au-afp").ok
    # A certificate authority's key does not sign by itself.
    with pytest.raises(SigningError, match="no ssh-ed25519 public key"):
        verify(MANIFEST, signature, f"nz-dia cert-authority ssh-ed25519 {blob}\n")


def test_forged_content_fails(unit: signing.KeyInfo) -> None:
    """Contents and manifest rewritten consistently, the old signature kept."""
    signature = sign(MANIFEST, load_signer(unit.private_key_path.parent))
    forged = MANIFEST.replace(b"NZ", b"AU")
    result = verify(forged, signature, unit.public_key)
    assert not result.ok
    assert result.reason == MISMATCH


def test_another_key_fails_naming_both_fingerprints(unit: signing.KeyInfo, other: signing.KeyInfo) -> None:
    """Re-signed with another key (even one claiming the same unit name)."""
    signature = sign(MANIFEST, load_signer(other.private_key_path.parent))
    result = verify(MANIFEST, signature, unit.public_key)
    assert not result.ok
    assert result.reason == (
        f"signed by another key (fingerprint {other.fingerprint}, expected {unit.fingerprint})"
    )
    assert result.signer_fingerprint == other.fingerprint


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda s: s[: len(s) // 2], id="cut-in-half"),
        pytest.param(lambda s: s.replace("-----END SSH SIGNATURE-----", ""), id="no-end-line"),
        pytest.param(lambda s: "\n".join(s.splitlines()[:2] + s.splitlines()[-1:]), id="body-truncated"),
        pytest.param(lambda s: s.replace(s.splitlines()[1], s.splitlines()[1][:-4]), id="bytes-missing"),
        pytest.param(lambda s: s.replace(s.splitlines()[1][5:9], "!!!!"), id="not-base64"),
        pytest.param(lambda s: "", id="empty"),
    ],
)
def test_truncated_or_corrupt_signature_fails(unit: signing.KeyInfo, damage: Callable[[str], str]) -> None:
    signature = sign(MANIFEST, load_signer(unit.private_key_path.parent))
    result = verify(MANIFEST, damage(signature), unit.public_key)
    assert not result.ok
    assert result.reason == CORRUPT


def test_damaged_signature_bytes_do_not_match(unit: signing.KeyInfo) -> None:
    signature = sign(MANIFEST, load_signer(unit.private_key_path.parent))
    lines = signature.splitlines()
    blob = bytearray(base64.b64decode("".join(lines[1:-1])))
    blob[-1] ^= 0x01  # last byte of the Ed25519 signature
    damaged = "\n".join([lines[0], base64.b64encode(bytes(blob)).decode(), lines[-1]])
    assert verify(MANIFEST, damaged, unit.public_key).reason == MISMATCH


def test_wrong_namespace_fails(unit: signing.KeyInfo, tmp_path: Path) -> None:
    signer = load_signer(unit.private_key_path.parent)
    result = verify(MANIFEST, sign(MANIFEST, signer, namespace="file"), unit.public_key)
    assert not result.ok and result.reason.startswith("wrong namespace")
    # An allowed_signers line restricted to another namespace refuses the key for "tiaki".
    restricted = unit.allowed_signers_path.read_text().replace('namespaces="tiaki"', 'namespaces="git"')
    result = verify(MANIFEST, sign(MANIFEST, signer), restricted)
    assert not result.ok and result.reason.startswith("wrong namespace")


def test_verify_refuses_unusable_trusted_keys(unit: signing.KeyInfo) -> None:
    signature = sign(MANIFEST, load_signer(unit.private_key_path.parent))
    with pytest.raises(SigningError, match="public key"):
        verify(MANIFEST, signature, "not a key")
    with pytest.raises(SigningError, match="no trusted key"):
        verify(MANIFEST, signature, unit.allowed_signers_path.read_text(), principal="au-afp")


def test_ssh_keygen_accepts_our_signature_and_key(unit: signing.KeyInfo, tmp_path: Path) -> None:
    keygen = tool("ssh-keygen")
    message, sig = tmp_path / "manifest.json", tmp_path / "manifest.json.sig"
    message.write_bytes(MANIFEST)
    sig.write_text(sign(MANIFEST, load_signer(unit.private_key_path.parent)))
    args = (keygen, "-Y", "verify", "-f", unit.allowed_signers_path, "-I", "nz-dia", "-n", "tiaki", "-s", sig)
    done = run(*args, stdin=MANIFEST)
    assert done.returncode == 0, done.stderr
    assert unit.fingerprint.encode() in done.stdout
    assert run(*args, stdin=MANIFEST + b" ").returncode != 0  # and it does reject altered content
    # ssh-keygen reads our private key and prints our fingerprint.
    derived = run(keygen, "-y", "-f", unit.private_key_path)
    assert derived.stdout.decode().split()[:2] == unit.public_key.split()[:2]
    listed = run(keygen, "-l", "-f", unit.public_key_path)
    assert listed.stdout.decode().split()[1] == unit.fingerprint


def test_we_accept_an_ssh_keygen_signature(unit: signing.KeyInfo, tmp_path: Path) -> None:
    keygen = tool("ssh-keygen")
    message = tmp_path / "manifest.json"
    message.write_bytes(MANIFEST)
    done = run(keygen, "-Y", "sign", "-f", unit.private_key_path, "-n", "tiaki", message)
    assert done.returncode == 0, done.stderr
    signature = (tmp_path / "manifest.json.sig").read_text()
    assert verify(MANIFEST, signature, unit.allowed_signers_path.read_text(), principal="nz-dia").ok
    assert verify(MANIFEST + b" ", signature, unit.public_key).reason == MISMATCH


# --- audit checkpoints -----------------------------------------------------------------------


def test_checkpoint_round_trip(unit: signing.KeyInfo) -> None:
    cp = _checkpoint()
    document = sign_checkpoint(cp, load_signer(unit.private_key_path.parent))
    assert read_checkpoint(document, unit.public_key) == cp
    assert read_checkpoint(document, unit.allowed_signers_path.read_text()) == cp
    assert json.loads(document)["checkpoint"]["head_hash"] == HEAD


def test_utc_now_makes_a_valid_checkpoint_time() -> None:
    at = signing.utc_now()
    assert at.endswith("Z")
    assert Checkpoint(log_id="l", seq=0, head_hash=HEAD, at=at, unit="nz-dia").at == at


def test_checkpoint_canonical_form_is_stable() -> None:
    assert _checkpoint().canonical() == (
        b'{"at":"2025-03-01T09:30:00.000000Z","format":"tiaki.audit.checkpoint/1","head_hash":"'
        + HEAD.encode()
        + b'","log_id":"log-7f3a","seq":41,"unit":"nz-dia"}'
    )


def test_forged_checkpoint_fails(unit: signing.KeyInfo) -> None:
    document = json.loads(sign_checkpoint(_checkpoint(), load_signer(unit.private_key_path.parent)))
    document["checkpoint"]["seq"] = 40  # events cut from the end, the anchor moved back
    with pytest.raises(CheckpointError, match="forged or altered"):
        read_checkpoint(json.dumps(document), unit.public_key)


def test_checkpoint_signed_by_another_key_fails(unit: signing.KeyInfo, other: signing.KeyInfo) -> None:
    document = sign_checkpoint(_checkpoint(), load_signer(other.private_key_path.parent))
    expected = f"signed by another key (fingerprint {other.fingerprint}, expected {unit.fingerprint})"
    with pytest.raises(CheckpointError, match=re.escape(expected)):
        read_checkpoint(document, unit.public_key)


def test_corrupt_and_missing_checkpoints(unit: signing.KeyInfo, tmp_path: Path) -> None:
    document = sign_checkpoint(_checkpoint(), load_signer(unit.private_key_path.parent))
    with pytest.raises(CheckpointError, match="corrupt or truncated"):
        read_checkpoint(document[: len(document) // 2], unit.public_key)
    with pytest.raises(CheckpointError, match="not a checkpoint document"):
        read_checkpoint("{}", unit.public_key)
    damaged = json.loads(document)
    del damaged["checkpoint"]["head_hash"]
    with pytest.raises(CheckpointError, match="missing: \\['head_hash'\\]"):
        read_checkpoint(json.dumps(damaged), unit.public_key)
    with pytest.raises(CheckpointMissingError, match="no checkpoint"):
        load_checkpoint(tmp_path / "checkpoint.json", unit.public_key)
    (tmp_path / "checkpoint.json").write_text(document)
    assert load_checkpoint(tmp_path / "checkpoint.json", unit.public_key) == _checkpoint()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("head_hash", "AB" * 32, "64 lowercase hex"),
        ("head_hash", "ab" * 31, "64 lowercase hex"),
        ("seq", -1, "whole number"),
        ("seq", True, "whole number"),
        ("at", "2025-03-01T09:30:00+02:00", "not in UTC"),
        ("at", "2025-03-01T09:30:00", "not in UTC"),
        ("at", "yesterday", "not an ISO 8601"),
        ("log_id", "", "no log id"),
        ("unit", "nz dia", "not a unit name"),
    ],
)
def test_checkpoint_fields_are_checked(field: str, value: object, message: str) -> None:
    fields: dict[str, object] = {
        "log_id": "log-7f3a",
        "seq": 1,
        "head_hash": HEAD,
        "at": "2025-03-01T09:30:00Z",
        "unit": "nz-dia",
    }
    fields[field] = value
    with pytest.raises(CheckpointError, match=message):
        Checkpoint(**fields)  # type: ignore[arg-type]


def test_checkpoint_for_another_unit_is_not_signed(unit: signing.KeyInfo) -> None:
    with pytest.raises(CheckpointError, match="belongs to 'nz-dia'"):
        sign_checkpoint(_checkpoint(unit="au-afp"), load_signer(unit.private_key_path.parent))


def test_ssh_keygen_verifies_a_checkpoint(unit: signing.KeyInfo, tmp_path: Path) -> None:
    keygen = tool("ssh-keygen")
    cp = _checkpoint()
    document = json.loads(sign_checkpoint(cp, load_signer(unit.private_key_path.parent)))
    sig = tmp_path / "checkpoint.sig"
    sig.write_text(document["signature"])
    done = run(
        keygen, "-Y", "verify", "-f", unit.allowed_signers_path, "-I", "nz-dia", "-n", "tiaki", "-s", sig,
        stdin=Checkpoint(**document["checkpoint"]).canonical(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


# --- RFC 3161 --------------------------------------------------------------------------------


@pytest.fixture
def tsa(tmp_path: Path) -> Path:
    return make_tsa(tmp_path / "tsa")


def test_timestamp_request_is_understood_by_openssl(tmp_path: Path) -> None:
    openssl = tool("openssl")
    request = timestamp_request(_checkpoint(), nonce=0x1234ABCD)
    (tmp_path / "q.tsq").write_bytes(request.der)
    done = run(openssl, "ts", "-query", "-in", tmp_path / "q.tsq", "-text")
    text = done.stdout.decode()
    assert done.returncode == 0, done.stderr
    assert (
        "Hash Algorithm: sha256" in text
        and "Nonce: 0x1234ABCD" in text
        and "Certificate required: yes" in text
    )
    assert request.digest == _checkpoint().digest()


def test_timestamp_response_is_checked_against_the_request(tsa: Path) -> None:
    openssl = tool("openssl")
    request = timestamp_request(_checkpoint())
    response = reply(openssl, tsa, request.der)
    stamp = read_timestamp_response(response, request)
    assert abs(stamp.gen_time - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert stamp.serial_number == int((tsa / "serial").read_text(), 16)  # the last serial openssl issued
    assert stamp.policy == "1.2.3.4.1"
    # The response kept is what openssl verifies against the authority's certificate.
    (tsa / "kept.tsr").write_bytes(stamp.response_der)
    done = run(
        openssl, "ts", "-verify", "-in", tsa / "kept.tsr", "-digest", request.digest.hex(),
        "-CAfile", tsa / "tsa.crt",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    # The same response does not answer another request.
    with pytest.raises(TimestampError, match="nonce differs"):
        read_timestamp_response(response, timestamp_request(_checkpoint()))
    with pytest.raises(TimestampError, match="message imprint differs"):
        read_timestamp_response(response, timestamp_request(_checkpoint(seq=42), nonce=request.nonce))
    with pytest.raises(TimestampError, match="truncated or corrupt"):
        read_timestamp_response(response[:-10], request)


def test_refused_timestamp_is_reported(tsa: Path) -> None:
    openssl = tool("openssl")
    # The authority accepts SHA-256 only; a SHA-512 query is refused.
    done = run(openssl, "ts", "-query", "-digest", "00" * 64, "-sha512", "-out", tsa / "q512.tsq")
    assert done.returncode == 0, done.stderr
    response = reply(openssl, tsa, (tsa / "q512.tsq").read_bytes())
    with pytest.raises(TimestampError, match="refused the request: rejection"):
        read_timestamp_response(response, timestamp_request(_checkpoint()))


# --- age encryption --------------------------------------------------------------------------

PACKAGE = b"PK\x03\x04 referral package bytes " * 100


def test_encrypt_and_decrypt() -> None:
    first, second = generate_identity(), generate_identity()
    assert first.recipient.startswith("age1") and first.identity.startswith("AGE-SECRET-KEY-1")
    sealed = encrypt_to(PACKAGE, [first.recipient, second.recipient])
    assert sealed.startswith(b"age-encryption.org/v1\n") and PACKAGE not in sealed
    assert decrypt_with(sealed, first.identity) == PACKAGE
    assert decrypt_with(sealed, second.identity) == PACKAGE


def test_ssh_ed25519_recipient(unit: signing.KeyInfo) -> None:
    sealed = encrypt_to(PACKAGE, [unit.public_key])
    assert decrypt_with(sealed, unit.private_key_path.read_text()) == PACKAGE


def test_a_wrong_key_cannot_decrypt() -> None:
    sealed = encrypt_to(PACKAGE, [generate_identity().recipient])
    with pytest.raises(WrongKeyError, match="this key cannot open the data"):
        decrypt_with(sealed, generate_identity().identity)


def test_truncated_or_foreign_ciphertext() -> None:
    pair = generate_identity()
    sealed = encrypt_to(PACKAGE, [pair.recipient])
    with pytest.raises(SealingError, match="truncated or corrupt"):
        decrypt_with(sealed[:-20], pair.identity)
    with pytest.raises(SealingError, match="not age-encrypted"):
        decrypt_with(PACKAGE, pair.identity)
    with pytest.raises(SealingError, match="identity is not"):
        decrypt_with(sealed, "age1notanidentity")


@pytest.mark.parametrize(
    ("recipient", "message"),
    [
        ("age1qqqq", "is not a valid key"),
        ("ssh-ed25519 AAAAC3Nza", "is not a valid key"),
        ("agency@example.org", "is not an age public key"),
        ("", "is not an age public key"),
    ],
)
def test_recipient_validation(recipient: str, message: str) -> None:
    with pytest.raises(SealingError, match=message):
        sealing.parse_recipient(recipient)
    with pytest.raises(SealingError, match=message):
        encrypt_to(PACKAGE, [generate_identity().recipient, recipient])


def test_no_recipients() -> None:
    with pytest.raises(SealingError, match="no recipients"):
        encrypt_to(PACKAGE, [])


def test_age_command_decrypts_our_output_and_we_decrypt_its(tmp_path: Path) -> None:
    age = tool("age")
    pair = generate_identity()
    identity_file = tmp_path / "agency.key"
    identity_file.write_text(pair.identity + "\n")
    done = run(age, "-d", "-i", identity_file, stdin=encrypt_to(PACKAGE, [pair.recipient]))
    assert done.returncode == 0, done.stderr
    assert done.stdout == PACKAGE
    produced = run(age, "-r", pair.recipient, stdin=PACKAGE)
    assert produced.returncode == 0, produced.stderr
    assert decrypt_with(produced.stdout, pair.identity) == PACKAGE
    # And age itself refuses a wrong key.
    wrong = tmp_path / "wrong.key"
    wrong.write_text(generate_identity().identity + "\n")
    assert run(age, "-d", "-i", wrong, stdin=encrypt_to(PACKAGE, [pair.recipient])).returncode != 0
