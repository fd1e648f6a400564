"""Intake: reading a provider's disclosure and writing it, whole or not at all."""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Model

from tiaki.apps.audit.services.log import record
from tiaki.apps.core import evidence
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.bulk import insert_rows
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import (
    Access,
    Account,
    Disclosure,
    DisclosureFile,
    Identifier,
    IPEvent,
    StoredFile,
    Upload,
    Venue,
    VenueMembership,
)
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.services.operations import ensure_operation
from tiaki.engines.digest import Digests
from tiaki.engines.identifiers import KINDS, normalise_identifier
from tiaki.engines.progress import NullProgress, Progress
from tiaki.errors import Conflict
from tiaki.formats import disclosure as fmt
from tiaki.formats.bundle import read_bundle
from tiaki.formats.cybertip import read_cybertip

BATCH = 5000


@dataclass
class IngestResult:
    operation: str
    disclosure_id: str
    created: bool
    counts: dict[str, int] = field(default_factory=dict)


def read_input(path: Path, workdir: Path) -> fmt.DisclosureContent:
    """A disclosure bundle (folder or .zip) or a CyberTipline report (.xml)."""
    if path.is_file() and path.suffix.lower() == ".xml":
        return read_cybertip(path)
    return read_bundle(path, workdir=workdir)


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
    path: Path, operation_name: str, *, actor: Actor, progress: Progress | None = None
) -> IngestResult:
    """Read, check, store and write one disclosure. Everything is checked before anything is written;
    the database writes happen in one transaction. Ingesting the same input again changes nothing."""
    actor.require(Permission.INGEST)
    progress = progress or NullProgress()
    with tempfile.TemporaryDirectory(prefix="tiaki-ingest-") as workdir:
        progress.start(f"reading {path.name}", None)
        disclosure = read_input(path, Path(workdir))
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
                    f"{path}: disclosure '{disclosure.disclosure_id}' is already in operation "
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
        counts = _write(operation, disclosure, stored, fingerprint, progress)
        record(
            "intake.ingest",
            actor=actor,
            operation=operation_name,
            target=disclosure.disclosure_id,
            details={
                "path": str(path),
                "fingerprint": fingerprint,
                "format": disclosure.source_format,
                "counts": counts,
            },
        )
    return IngestResult(operation_name, disclosure.disclosure_id, created=True, counts=counts)


def _normalised(kind: str, value: str, country: str | None) -> str:
    """The identifier as search and linkage compare it (empty when it cannot be normalised)."""
    normal = normalise_identifier(kind, value, country) if kind in KINDS else None
    return (normal or "")[:500]


def _stored_file_ids(stored: list[tuple[str, str, Digests]]) -> dict[str, int]:
    by_sha = {d.sha256: d for _, _, d in stored}
    existing = dict(StoredFile.objects.filter(sha256__in=list(by_sha)).values_list("sha256", "id"))
    StoredFile.objects.bulk_create(
        [
            StoredFile(sha256=d.sha256, sha1=d.sha1, md5=d.md5, size=d.size)
            for sha, d in by_sha.items()
            if sha not in existing
        ],
        batch_size=BATCH,
    )
    return dict(StoredFile.objects.filter(sha256__in=list(by_sha)).values_list("sha256", "id"))


def _write(
    operation: Operation,
    d: fmt.DisclosureContent,
    stored: list[tuple[str, str, Digests]],
    fingerprint: str,
    progress: Progress,
) -> dict[str, int]:
    total = (
        len(d.accounts)
        + len(d.identifiers)
        + len(d.ip_events)
        + len(d.venues)
        + len(d.memberships)
        + len(d.uploads)
        + len(d.accesses)
    )
    progress.start("writing disclosure", total)
    disclosure = Disclosure.objects.create(
        operation=operation,
        disclosure_id=d.disclosure_id,
        source_format=d.source_format,
        provider_name=d.provider.name,
        provider_country=d.provider.country or "",
        provider_contact=d.provider.contact or "",
        received_at=d.received_at,
        legal_reference=d.legal_reference or "",
        description=d.description or "",
        fingerprint=fingerprint,
    )
    file_ids = _stored_file_ids(stored)
    DisclosureFile.objects.bulk_create(
        [
            DisclosureFile(disclosure=disclosure, stored_id=file_ids[dg.sha256], name=name, role=role)
            for role, name, dg in stored
        ],
        batch_size=BATCH,
    )
    media_ids = {name: file_ids[dg.sha256] for role, name, dg in stored if role == "media"}

    def insert(model: type[Model], fields: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
        for start in range(0, len(rows), BATCH):
            progress.advance(insert_rows(model, fields, rows[start : start + BATCH]))

    insert(
        Account,
        (
            "operation_id",
            "disclosure_id",
            "account_id",
            "platform",
            "username",
            "display_name",
            "created_at",
            "profile_url",
            "stated_country",
            "status",
        ),
        [
            (
                operation.pk,
                disclosure.pk,
                a.account_id,
                a.platform or "",
                a.username or "",
                a.display_name or "",
                a.created_at,
                a.profile_url or "",
                a.stated_country or "",
                a.status or "",
            )
            for a in d.accounts
        ],
    )
    account_pk = dict(Account.objects.filter(disclosure=disclosure).values_list("account_id", "pk"))
    stated = {a.account_id: a.stated_country or None for a in d.accounts}
    insert(
        Identifier,
        ("account_id", "kind", "value", "normalised", "verified", "observed_at"),
        [
            (
                account_pk[i.account_id],
                i.kind,
                i.value,
                _normalised(i.kind, i.value, stated.get(i.account_id)),
                i.verified,
                i.observed_at,
            )
            for i in d.identifiers
        ],
    )
    insert(
        IPEvent,
        ("account_id", "ip", "port", "event", "timestamp", "possible_proxy"),
        [
            (account_pk[e.account_id], e.ip, e.port, e.event or "", e.timestamp, e.possible_proxy)
            for e in d.ip_events
        ],
    )
    # Venues named by uploads, accesses or memberships but absent from a venues table still get a row.
    listed = {v.venue_id for v in d.venues}
    named = [*(u.venue_id for u in d.uploads), *(x.venue_id for x in d.accesses)]
    named += [m.venue_id for m in d.memberships]
    referenced = {v for v in named if v} - listed
    insert(
        Venue,
        ("disclosure_id", "venue_id", "kind", "name", "url"),
        [
            *((disclosure.pk, v.venue_id, v.kind or "", v.name or "", v.url or "") for v in d.venues),
            *((disclosure.pk, vid, "", "", "") for vid in sorted(referenced)),
        ],
    )
    venue_pk = dict(Venue.objects.filter(disclosure=disclosure).values_list("venue_id", "pk"))
    insert(
        VenueMembership,
        ("account_id", "venue_id", "role", "joined_at"),
        [(account_pk[m.account_id], venue_pk[m.venue_id], m.role or "", m.joined_at) for m in d.memberships],
    )
    insert(
        Upload,
        (
            "disclosure_id",
            "upload_id",
            "account_id",
            "file_name",
            "stored_id",
            "md5",
            "sha1",
            "sha256",
            "pdq",
            "uploaded_at",
            "venue_id",
            "viewed_by_provider",
            "publicly_available",
        ),
        [
            (
                disclosure.pk,
                u.upload_id,
                account_pk[u.account_id],
                u.file or "",
                media_ids[u.file] if u.file else None,
                u.md5 or "",
                u.sha1 or "",
                u.sha256 or "",
                u.pdq or "",
                u.uploaded_at,
                venue_pk[u.venue_id] if u.venue_id else None,
                u.viewed_by_provider,
                u.publicly_available,
            )
            for u in d.uploads
        ],
    )
    upload_pk = dict(Upload.objects.filter(disclosure=disclosure).values_list("upload_id", "pk"))
    insert(
        Access,
        ("account_id", "upload_id", "venue_id", "action", "timestamp"),
        [
            (
                account_pk[x.account_id],
                upload_pk[x.upload_id] if x.upload_id else None,
                venue_pk[x.venue_id] if x.venue_id else None,
                x.action or "",
                x.timestamp,
            )
            for x in d.accesses
        ],
    )
    return {
        "accounts": len(d.accounts),
        "identifiers": len(d.identifiers),
        "ip_events": len(d.ip_events),
        "venues": len(venue_pk),
        "memberships": len(d.memberships),
        "uploads": len(d.uploads),
        "accesses": len(d.accesses),
        "media_files": len(media_ids),
    }
