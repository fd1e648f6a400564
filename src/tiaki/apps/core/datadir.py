"""The data directory: the SQLite case database, the evidence store, indexes, packages, keys.

It is resolved once, to an absolute path, when the settings load (``TIAKI_DATA_DIR``, default
``./tiaki-data``). Paths kept in the database are relative to it, so a data directory can be moved or
mounted elsewhere; everything created in it is private to the user (folders 0700, files 0600).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from tiaki.errors import Invalid


def root() -> Path:
    return Path(settings.DATA_DIR)


def relative(path: Path) -> str:
    """``path`` (inside the data directory) as stored in the database."""
    try:
        return path.resolve().relative_to(root()).as_posix()
    except ValueError:
        raise Invalid(f"{path} is not inside the data directory {root()}") from None


def absolute(stored: str) -> Path:
    """A path stored by :func:`relative`, inside the data directory wherever it is now."""
    resolved = (root() / stored).resolve()
    if not resolved.is_relative_to(root()):
        raise Invalid(f"stored path '{stored}' leads outside the data directory")
    return resolved


def private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents inside the data directory) readable by the user alone."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path
