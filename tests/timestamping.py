"""A throwaway RFC 3161 time-stamp authority (openssl ts), for tests of time-stamped checkpoints."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def make_tsa(folder: Path) -> Path:
    """A throwaway time-stamp authority for ``openssl ts -reply``: EC P-256, self-signed."""
    folder.mkdir()
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test TSA")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    (folder / "tsa.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "tsa.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    (folder / "serial").write_text("01\n")
    (folder / "tsa.cnf").write_text(
        f"""[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = {folder / "serial"}
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1, millisecs:500
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""
    )
    return folder


def reply(openssl: str, tsa: Path, query: bytes) -> bytes:
    """The authority's DER response to ``query``."""
    (tsa / "query.tsq").write_bytes(query)
    done = subprocess.run(
        [openssl, "ts", "-reply", "-config", tsa / "tsa.cnf", "-queryfile", tsa / "query.tsq",
        "-signer", tsa / "tsa.crt", "-inkey", tsa / "tsa.key", "-out", tsa / "reply.tsr"],
        capture_output=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return (tsa / "reply.tsr").read_bytes()
