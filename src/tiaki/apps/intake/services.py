"""Intake: reading a provider's disclosure and writing it, whole or not at all."""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from tiaki.apps.audit import services as audit
from tiaki.apps.intake import evidence
from tiaki.apps.intake.models import (
    Access,
    Account,
    Disclosure,
    DisclosureFile,
    Identifier,
    IPEvent,
    Operation,
    StoredFile,
    Upload,
    Venue,
    VenueMembership,
)
from tiaki.engines.digest import Digests
from tiaki.engines.progress import NullProgress, Progress
from tiaki.formats import disclosure as fmt
from tiaki.formats.bundle import read_bundle
from tiaki.formats.cybertip import read_cybertip

BATCH = 5000


class IngestConflict(Exception):
    """The input contradicts what the operation already holds."""


@dataclass
class IngestResult:
    operation: str
    disclosure_id: str
    created: bool
    counts: dict[str, int] = field(default_factory=dict)


def read_input(path: Path, workdir: Path) -> fmt.Disclosure:
    """A disclosure bundle (folder or .zip) or a CyberTipline report (.xml)."""
    if path.is_file() and path.suffix.lower() == ".xml":
        return read_cybertip(path)
    return read_bundle(path, workdir=workdir)


def _store_files(disclosure: fmt.Disclosure, progress: Progress) -> list[tuple[str, str, Digests]]:
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


def ingest(path: Path, operation_name: str, *, actor: str, progress: Progress | None = None) -> IngestResult:
    """Read, check, store and write one disclosure. Everything is checked before anything is written;
    the database writes happen in one transaction. Ingesting the same input again changes nothing."""
    progress = progress or NullProgress()
    with tempfile.TemporaryDirectory(prefix="tiaki-ingest-") as workdir:
        progress.start(f"reading {path.name}", None)
        disclosure = read_input(path, Path(workdir))
        stored = _store_files(disclosure, progress)
    fingerprint = _fingerprint(stored)
    with transaction.atomic():
        operation, created = Operation.objects.get_or_create(name=operation_name)
        if created:
            audit.record("intake.operation-created", actor=actor, operation=operation_name)
        existing = Disclosure.objects.filter(
            operation=operation, disclosure_id=disclosure.disclosure_id
        ).first()
        if existing is not None:
            if existing.fingerprint != fingerprint:
                raise IngestConflict(
                    f"{path}: disclosure '{disclosure.disclosure_id}' is already in operation "
                    f"'{operation_name}' with different content; a correction must carry a new disclosure_id"
                )
            audit.record(
                "intake.ingest-repeated",
                actor=actor,
                operation=operation_name,
                target=disclosure.disclosure_id,
                details={"fingerprint": fingerprint},
            )
            return IngestResult(operation_name, disclosure.disclosure_id, created=False)
        counts = _write(operation, disclosure, stored, fingerprint, progress)
        audit.record(
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
    d: fmt.Disclosure,
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

    def bulk(model: type, rows: list) -> list:
        created = []
        for start in range(0, len(rows), BATCH):
            created.extend(model.objects.bulk_create(rows[start : start + BATCH]))
            progress.advance(len(rows[start : start + BATCH]))
        return created

    accounts = bulk(
        Account,
        [
            Account(
                operation=operation,
                disclosure=disclosure,
                account_id=a.account_id,
                platform=a.platform or "",
                username=a.username or "",
                display_name=a.display_name or "",
                created_at=a.created_at,
                profile_url=a.profile_url or "",
                stated_country=a.stated_country or "",
                status=a.status or "",
            )
            for a in d.accounts
        ],
    )
    account_pk = {a.account_id: a.pk for a in accounts}
    bulk(
        Identifier,
        [
            Identifier(
                account_id=account_pk[i.account_id],
                kind=i.kind,
                value=i.value,
                verified=i.verified,
                observed_at=i.observed_at,
            )
            for i in d.identifiers
        ],
    )
    bulk(
        IPEvent,
        [
            IPEvent(
                account_id=account_pk[e.account_id],
                ip=e.ip,
                port=e.port,
                event=e.event or "",
                timestamp=e.timestamp,
                possible_proxy=e.possible_proxy,
            )
            for e in d.ip_events
        ],
    )
    # Venues named by uploads, accesses or memberships but absent from a venues table still get a row.
    listed = {v.venue_id for v in d.venues}
    referenced = {x.venue_id for x in [*d.uploads, *d.accesses, *d.memberships] if x.venue_id} - listed
    venues = bulk(
        Venue,
        [
            *(
                Venue(
                    disclosure=disclosure,
                    venue_id=v.venue_id,
                    kind=v.kind or "",
                    name=v.name or "",
                    url=v.url or "",
                )
                for v in d.venues
            ),
            *(Venue(disclosure=disclosure, venue_id=vid) for vid in sorted(referenced)),
        ],
    )
    venue_pk = {v.venue_id: v.pk for v in venues}
    bulk(
        VenueMembership,
        [
            VenueMembership(
                account_id=account_pk[m.account_id],
                venue_id=venue_pk[m.venue_id],
                role=m.role or "",
                joined_at=m.joined_at,
            )
            for m in d.memberships
        ],
    )
    uploads = bulk(
        Upload,
        [
            Upload(
                disclosure=disclosure,
                upload_id=u.upload_id,
                account_id=account_pk[u.account_id],
                file_name=u.file or "",
                stored_id=media_ids.get(u.file) if u.file else None,
                md5=u.md5 or "",
                sha1=u.sha1 or "",
                sha256=u.sha256 or "",
                pdq=u.pdq or "",
                uploaded_at=u.uploaded_at,
                venue_id=venue_pk[u.venue_id] if u.venue_id else None,
                viewed_by_provider=u.viewed_by_provider,
                publicly_available=u.publicly_available,
            )
            for u in d.uploads
        ],
    )
    upload_pk = {u.upload_id: u.pk for u in uploads}
    bulk(
        Access,
        [
            Access(
                account_id=account_pk[x.account_id],
                upload_id=upload_pk[x.upload_id] if x.upload_id else None,
                venue_id=venue_pk[x.venue_id] if x.venue_id else None,
                action=x.action or "",
                timestamp=x.timestamp,
            )
            for x in d.accesses
        ],
    )
    return {
        "accounts": len(d.accounts),
        "identifiers": len(d.identifiers),
        "ip_events": len(d.ip_events),
        "venues": len(venues),
        "memberships": len(d.memberships),
        "uploads": len(d.uploads),
        "accesses": len(d.accesses),
        "media_files": len(media_ids),
    }
