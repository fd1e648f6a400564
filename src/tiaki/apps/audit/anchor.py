"""The audit chain's anchors outside the database.

``<data>/audit-head.json`` records the log's id and its newest event (sequence number and hash), and is
only ever moved forward: a log shorter than its head, or one whose events go past it, was changed
outside tiaki, and tiaki refuses to append to it (``tiaki audit verify`` says what is wrong). Once
the unit has a signing key (``tiaki keys init``), ``<data>/audit-checkpoint.json`` holds the same
head signed with it, so that someone who can write both the database and the head file still cannot
rewrite history without the key.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tiaki.apps.core import datadir, keys
from tiaki.engines import signing


@dataclass(frozen=True)
class Head:
    log_id: str
    seq: int
    hash: str


def head_path() -> Path:
    return datadir.root() / "audit-head.json"


def checkpoint_path() -> Path:
    return datadir.root() / "audit-checkpoint.json"


class AnchorError(ValueError):
    """The head file exists but cannot be read as one."""


def read_head() -> Head | None:
    path = head_path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text())
        return Head(str(data["log_id"]), int(data["seq"]), str(data["hash"]))
    except (ValueError, KeyError, TypeError, OSError) as exc:
        raise AnchorError(f"{path}: not a readable audit head ({exc})") from None


@contextmanager
def _locked() -> Iterator[None]:
    datadir.private_dir(datadir.root())
    fd = os.open(datadir.root() / ".audit-head.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def advance(head: Head, *, resign: bool = False) -> None:
    """Move the recorded head forward to ``head`` (never back: concurrent writers commit in any order),
    and sign it when the unit has a key (``resign``: sign it even if it is the head already)."""
    with _locked():
        try:
            current = read_head()
        except AnchorError:
            current = None
        if current is not None and current.log_id == head.log_id and current.seq >= head.seq and not resign:
            return
        _write(head_path(), json.dumps({"log_id": head.log_id, "seq": head.seq, "hash": head.hash}))
        signer = keys.signer()
        if signer is not None:
            checkpoint = signing.Checkpoint(head.log_id, head.seq, head.hash, signing.utc_now(), signer.unit)
            _write(checkpoint_path(), signing.sign_checkpoint(checkpoint, signer))


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    os.replace(tmp, path)


def signed_checkpoint() -> tuple[signing.Checkpoint | None, str | None]:
    """(the latest signed checkpoint, None) or (None, what is wrong with it); (None, None) when the
    unit has no key yet."""
    public = keys.public_key()
    if public is None:
        return None, None
    try:
        return signing.load_checkpoint(checkpoint_path(), public), None
    except signing.CheckpointMissingError:
        return None, "no signed checkpoint of the audit log (missing anchor)"
    except signing.SigningError as exc:
        return None, f"the signed checkpoint is not valid: {exc}"
