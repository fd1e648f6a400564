"""Intake: reading a provider's disclosure and writing it, whole or not at all."""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core import evidence
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import (
    Disclosure,
)
from tiaki.apps.intake.rows import write_disclosure
from tiaki.apps.operations.services.operations import ensure_operation
from tiaki.engines.digest import Digests
from tiaki.engines.progress import NullProgress, Progress
from tiaki.errors import Conflict, Invalid
from tiaki.formats import disclosure as fmt
from tiaki.formats.bundle import member_path, read_bundle
from tiaki.formats.cybertip import read_cybertip_many
from tiaki.formats.errors import InputError
from tiaki.formats.inputs import expand_inputs

BATCH = 5000


@dataclass
class IngestResult:
    operation: str
    disclosure_id: str
    created: bool
    counts: dict[str, int] = field(default_factory=dict)


def is_bundle(path: Path) -> bool:
    """A disclosure bundle: a folder holding ``manifest.json``, or a zip of one (its members named
    with ``/`` or, as some Windows tools write them, ``\\``)."""
    if path.is_dir():
        return (path / "manifest.json").is_file()
    if path.is_file() and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return False
        paths = [PurePosixPath(member_path(n)) for n in names]
        return any(p.name == "manifest.json" and len(p.parts) <= 2 for p in paths)
    return False


def read_input(
    inputs: Sequence[str | Path], workdir: Path, *, timezone: str | None = None, provider: str | None = None
) -> fmt.DisclosureContent:
    """One disclosure from ``inputs``: a disclosure bundle (folder or .zip), or any number of
    CyberTipline report and file-details documents (files, folders, globs, zips of them)."""
    if len(inputs) == 1 and is_bundle(Path(inputs[0])):
        return read_bundle(Path(inputs[0]), workdir=workdir)
    files = expand_inputs(list(inputs), workdir, suffixes={".xml"})
    if not files:
        raise InputError(
            ", ".join(Path(i).name for i in inputs),
            "neither a disclosure bundle (a folder or .zip with manifest.json at its top or in one folder) "
            "nor CyberTipline reports (.xml files)",
        )
    return read_cybertip_many(files, timezone=timezone, provider=provider)


def _store_files(disclosure: fmt.DisclosureContent, progress: Progress) -> list[tuple[str, str, Digests]]:
    """Copy every source and media file into the evidence store: (role, name, digests)."""
    media_names = sorted({u.file for u in disclosure.uploads if u.file})
    progress.start("storing evidence", len(disclosure.source_files) + len(media_names))
    stored: list[tuple[str, str, Digests]] = []
    for source in disclosure.source_files:
        stored.append(("source", source.name, evidence.store(source)))
        progress.advance()
    for name in media_names:
        assert disclosure.media_root is not None
        stored.append(("media", name, evidence.store(disclosure.media_root / name)))
        progress.advance()
    return stored


def _fingerprint(stored: list[tuple[str, str, Digests]]) -> str:
    lines = sorted(f"{role}\t{name}\t{d.sha256}" for role, name, d in stored)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def ingest(
    path: Path | Sequence[str | Path],
    operation_name: str,
    *,
    actor: Actor,
    progress: Progress | None = None,
    timezone: str | None = None,
    provider: str | None = None,
) -> IngestResult:
    """Read, check, store and write one disclosure (see :func:`read_input` for what ``path`` may
    name). Everything is checked before anything is written; the database writes happen in one
    transaction. Ingesting the same input again changes nothing. ``timezone`` (an IANA name) reads
    report times written without an offset; ``provider`` names the provider when reports do not."""
    inputs = [path] if isinstance(path, str | Path) else list(path)
    if not inputs:
        raise Invalid("name at least one input to ingest")
    actor.require(Permission.INGEST)
    progress = progress or NullProgress()
    with tempfile.TemporaryDirectory(prefix="tiaki-ingest-") as workdir:
        progress.start(
            f"reading {Path(inputs[0]).name}" + (f" and {len(inputs) - 1} more" if len(inputs) > 1 else ""),
            None,
        )
        disclosure = read_input(inputs, Path(workdir), timezone=timezone, provider=provider)
        stored = _store_files(disclosure, progress)
    fingerprint = _fingerprint(stored)
    with transaction.atomic():
        operation = ensure_operation(operation_name, actor)
        existing = Disclosure.objects.filter(
            operation=operation, disclosure_id=disclosure.disclosure_id
        ).first()
        if existing is not None:
            if existing.fingerprint != fingerprint:
                raise Conflict(
                    f"{inputs[0]}: disclosure '{disclosure.disclosure_id}' is already in operation "
                    f"'{operation_name}' with different content; a correction must carry a new disclosure_id"
                )
            record(
                "intake.ingest-repeated",
                actor=actor,
                operation=operation_name,
                target=disclosure.disclosure_id,
                details={"fingerprint": fingerprint},
            )
            return IngestResult(operation_name, disclosure.disclosure_id, created=False)
        counts = write_disclosure(operation, disclosure, stored, fingerprint, progress)
        record(
            "intake.ingest",
            actor=actor,
            operation=operation_name,
            target=disclosure.disclosure_id,
            details={
                "inputs": [str(i) for i in inputs][:100],
                "fingerprint": fingerprint,
                "format": disclosure.source_format,
                "counts": counts,
            },
        )
    return IngestResult(operation_name, disclosure.disclosure_id, created=True, counts=counts)
