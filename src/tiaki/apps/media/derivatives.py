"""Blurred derivatives of evidence files, made on the server and kept in the private data directory
(``<data>/derivatives/ab/<sha256>-<recipe>.png``, 0600): what a reviewer's browser receives instead of
the evidence. Reading one needs the GRADE permission and a new item: known material is never shown."""

from __future__ import annotations

import os
import tempfile

from tiaki.apps.core import datadir, evidence
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.models import MediaItem
from tiaki.apps.media.queries import find_item, is_known
from tiaki.apps.operations.models import Operation
from tiaki.engines.derivatives import VERSION, DerivativeError, derivative
from tiaki.errors import Conflict, Invalid, NotFound


def derivative_bytes(actor: Actor, operation: Operation, key: str) -> bytes:
    """The PNG derivative of a new item (made once, then read from the cache)."""
    actor.require(Permission.GRADE)
    item = find_item(actor, operation, key)
    if MediaItem.objects.filter(pk=item.pk).filter(is_known()).exists():
        raise Conflict(f"{item.key[:16]} is known material: nobody views it")
    if not item.sha256:
        raise NotFound(f"{item.key[:16]}: no file was disclosed for this item")
    source = evidence.path_for(item.sha256)
    if not source.is_file():
        raise NotFound(f"{item.key[:16]}: the evidence file is not in the store")
    folder = datadir.private_dir(datadir.root() / "derivatives" / item.sha256[:2])
    cached = folder / f"{item.sha256}-{VERSION}.png"
    if cached.is_file():
        return cached.read_bytes()
    try:
        data = derivative(source, item.kind)
    except DerivativeError as exc:
        raise Invalid(f"{item.key[:16]}: {exc}") from None
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, cached)
    return data
