"""Records checks: facts from investigators' own national records, matched to identifiers."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.subjects.models import (
    RecordsFact,
    RecordsImport,
)
from tiaki.engines.digest import digest_file
from tiaki.engines.identifiers import comparable_identifier
from tiaki.formats.records import read_records

BATCH = 5000


def _normalise_record(kind: str, value: str, country: str | None) -> str | None:
    if kind == "name+dob":
        name, _, dob = value.partition("|")
        n, d = comparable_identifier("name", name), comparable_identifier("dob", dob)
        return f"{n}|{d}" if n and d else None
    return comparable_identifier(kind, value, country)


def import_records(
    path: Path, operation: Operation, *, actor: Actor, country: str | None = None
) -> tuple[int, bool]:
    """Import a records-check CSV into an operation: (rows, created). The same file again is a no-op.
    ``country`` is where the records system is: national phone numbers are read as that country's."""
    actor.require(Permission.INGEST)
    facts = read_records(path)
    sha = digest_file(path).sha256
    with transaction.atomic():
        if RecordsImport.objects.filter(operation=operation, file_sha256=sha).exists():
            return len(facts), False
        batch = RecordsImport.objects.create(
            operation=operation, file_sha256=sha, file_name=path.name, rows=len(facts)
        )
        RecordsFact.objects.bulk_create(
            [
                RecordsFact(
                    records_import=batch,
                    kind=f.kind,
                    value=f.value,
                    normalised=_normalise_record(f.kind, f.value, country) or "",
                    fact=f.fact,
                    detail=f.detail or "",
                    source=f.source or "",
                    checked_at=f.checked_at,
                )
                for f in facts
            ],
            batch_size=BATCH,
        )
        record(
            "subjects.records-import",
            actor=actor,
            operation=operation.name,
            target=path.name,
            details={"sha256": sha, "rows": len(facts)},
        )
    return len(facts), True
