"""The content-addressed evidence store: ``<data>/evidence/ab/cd/<sha256>``, files never modified."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings

from tiaki.engines.digest import Digests, digest_file


def root() -> Path:
    return Path(settings.DATA_DIR) / "evidence"


def path_for(sha256: str) -> Path:
    return root() / sha256[:2] / sha256[2:4] / sha256


def store(source: Path) -> Digests:
    """Copy ``source`` into the store, digesting it in the same read. A file already stored is not
    written again; a stored file is made read-only."""
    base = root()
    base.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=base, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out:
            digests = digest_file(source, copy_to=out)
        final = path_for(digests.sha256)
        if final.exists():
            os.unlink(tmp_name)
        else:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp_name, 0o400)  # read-only, and the case's user's alone
            os.replace(tmp_name, final)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return digests
