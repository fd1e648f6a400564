"""One writer of an operation's stages at a time.

Two runs of the same operation at once would both write persons, places and packages; the second now
waits (``wait`` seconds) or is refused with a message saying who holds the operation. On SQLite (one
machine) the lock is an advisory file lock in the data directory; on PostgreSQL (a team, possibly
several machines) a session advisory lock. Both are released when the holder ends, however it ends
(even killed), so a crashed run never leaves the operation locked.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from django.db import connection

from tiaki.apps.core import datadir
from tiaki.apps.core.actor import Actor
from tiaki.apps.operations.models import Operation
from tiaki.errors import Conflict

_PG_CLASS = 0x7143  # the first key of PostgreSQL's two-key advisory locks: tiaki's operations


@contextmanager
def operation_lock(operation: Operation, actor: Actor, *, wait: float = 0.0) -> Iterator[None]:
    """Hold ``operation`` for the duration of the block; :class:`Conflict` if another holds it for
    longer than ``wait`` seconds."""
    deadline = time.monotonic() + wait
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            while True:
                cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [_PG_CLASS, operation.pk])
                if cursor.fetchone()[0]:
                    break
                if time.monotonic() >= deadline:
                    raise _busy(operation, "another session")
                time.sleep(0.2)
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [_PG_CLASS, operation.pk])
        return
    folder = datadir.private_dir(datadir.root() / "locks")
    fd = os.open(folder / f"operation-{operation.pk}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _busy(operation, _holder(fd)) from None
                time.sleep(0.2)
        holder = {
            "actor": actor.name,
            "pid": os.getpid(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    try:
        held = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f"{held['actor']} (process {held['pid']}, since {held['since']})"
    except (ValueError, KeyError, OSError):
        return "another process"


def _busy(operation: Operation, holder: str) -> Conflict:
    return Conflict(
        f"operation '{operation.name}' is being run by {holder}; wait for it to finish "
        "(or give --wait SECONDS)"
    )
