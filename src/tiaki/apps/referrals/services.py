"""Referrals: one package per country, written from what the stages before decided."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils.text import slugify

from tiaki.apps.audit import services as audit
from tiaki.apps.intake.models import Account, Identifier, IPEvent, Operation
from tiaki.apps.media.models import Grade, MediaItem, MediaUpload
from tiaki.apps.referrals.models import Package
from tiaki.apps.subjects.models import Person, PersonAccount, TriageAssessment
from tiaki.engines import triage
from tiaki.engines.progress import NullProgress, Progress
from tiaki.formats.hashlist import HashEntry
from tiaki.formats.package import write_package
from tiaki.formats.vics import write_vics

HANDLING = (
    "LAW ENFORCEMENT SENSITIVE. For the addressed agency's investigation only; do not "
    "disseminate further without the originator's consent."
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _csv(header: list[str], rows: list[list[object]], *, sort: bool = False) -> bytes:
    """CSV text; booleans as true/false and empty cells for missing values, as in the bundle format."""
    cells = [[_cell(v) for v in row] for row in rows]
    if sort:
        cells.sort()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(cells)
    return out.getvalue().encode()


@dataclass
class PackageSummary:
    country: str
    persons: int
    accounts: int
    media: int
    zip_path: str


def packages_root(operation: Operation) -> Path:
    return Path(settings.DATA_DIR) / "packages" / slugify(operation.name)


def write_packages(
    operation: Operation, *, actor: str, progress: Progress | None = None
) -> list[PackageSummary]:
    """Write a package for every country with at least one placed person. Persons whose country is
    unknown or uncertain stay out of every package (they are on the review list). Byte-identical on a
    re-run."""
    progress = progress or NullProgress()
    persons = list(
        Person.objects.filter(operation=operation, needs_review=False).exclude(country="").order_by("label")
    )
    by_country: dict[str, list[Person]] = defaultdict(list)
    for p in persons:
        by_country[p.country].append(p)
    assessments = {
        a.person_id: a
        for a in TriageAssessment.objects.filter(
            person__operation=operation, model_version=triage.MODEL_VERSION
        )
    }
    accounts_of: dict[int, list[int]] = defaultdict(list)
    for person_id, account_id in PersonAccount.objects.filter(person__operation=operation).values_list(
        "person_id", "account_id"
    ):
        accounts_of[person_id].append(account_id)
    progress.start("writing packages", len(by_country))
    gathered = _gather(operation)
    root = packages_root(operation)
    results = []
    for country in sorted(by_country):
        results.append(
            _write_country(operation, country, by_country[country], accounts_of, assessments, gathered, root)
        )
        progress.advance()
    with transaction.atomic():
        # A country with nobody placed in it any more loses its package: files and row.
        dropped = Package.objects.filter(operation=operation).exclude(country__in=list(by_country))
        for package in dropped:
            shutil.rmtree(package.folder, ignore_errors=True)
            Path(package.zip_path).unlink(missing_ok=True)
        dropped.delete()
        audit.record(
            "referrals.packages-written",
            actor=actor,
            operation=operation.name,
            details={
                "countries": len(results),
                "root": str(root),
                "packages": {r.country: r.zip_path for r in results},
            },
        )
    return results


@dataclass
class _Gathered:
    """Everything a package holds, read in one pass over the operation and grouped by country."""

    accounts: dict[str, list[Account]]
    identifiers: dict[str, list[tuple[object, ...]]]
    events: dict[str, list[tuple[object, ...]]]
    uploads: dict[str, list[tuple[object, ...]]]
    items: dict[int, MediaItem]
    grades: dict[int, Grade]


def _gather(operation: Operation) -> _Gathered:
    placed = {
        "person_link__person__operation": operation,
        "person_link__person__needs_review": False,
        "person_link__person__country__gt": "",
    }
    country_of: dict[int, str] = {}
    accounts: dict[str, list[Account]] = defaultdict(list)
    for a in (
        Account.objects.filter(**placed)
        .select_related("disclosure")
        .annotate(placed_in=F("person_link__person__country"))
        .order_by("disclosure__disclosure_id", "account_id")
    ):
        country_of[a.pk] = a.placed_in
        accounts[a.placed_in].append(a)
    in_placed = {f"account__{k}": v for k, v in placed.items()}

    def by_country(
        rows: Iterable[tuple[object, ...]], account_at: int = 0
    ) -> dict[str, list[tuple[object, ...]]]:
        grouped: dict[str, list[tuple[object, ...]]] = defaultdict(list)
        for row in rows:
            grouped[country_of[row[account_at]]].append(row)
        return grouped

    identifiers = by_country(
        Identifier.objects.filter(**in_placed)
        .values_list("account_id", "kind", "value", "verified", "observed_at")
        .iterator(chunk_size=5000)
    )
    events = by_country(
        IPEvent.objects.filter(**in_placed)
        .values_list(
            "account_id",
            "ip",
            "port",
            "event",
            "timestamp",
            "possible_proxy",
            "geo__country",
            "geo__source__name",
            "geo__source__version",
            "geo__source__build_date",
        )
        .iterator(chunk_size=5000)
    )
    uploads = by_country(
        MediaUpload.objects.filter(**{f"upload__{k}": v for k, v in in_placed.items()}).values_list(
            "upload__account_id",
            "media_id",
            "upload__upload_id",
            "upload__uploaded_at",
            "upload__venue__venue_id",
        )
    )
    return _Gathered(
        accounts=accounts,
        identifiers=identifiers,
        events=events,
        uploads=uploads,
        items={m.pk: m for m in MediaItem.objects.filter(operation=operation).defer("video_hash")},
        grades={g.media_id: g for g in Grade.objects.filter(media__operation=operation)},
    )


def _write_country(
    operation: Operation,
    country: str,
    persons: list[Person],
    accounts_of: dict[int, list[int]],
    assessments: dict[int, TriageAssessment],
    gathered: _Gathered,
    root: Path,
) -> PackageSummary:
    person_of = {a: p.label for p in persons for a in accounts_of[p.pk]}
    accounts = gathered.accounts[country]
    account_label = {a.pk: a.account_id for a in accounts}

    ranked = sorted(
        persons, key=lambda p: (assessments[p.pk].rank if p.pk in assessments else 10**9, p.label)
    )
    person_rows: list[list[object]] = []
    for priority, p in enumerate(ranked, start=1):
        a = assessments.get(p.pk)
        reasons = "; ".join(f"{r['factor']} (+{r['points']})" for r in a.reasons) if a else ""
        person_rows.append(
            [
                p.label,
                p.country,
                p.country_confidence,
                p.country_basis,
                priority,
                a.score if a else None,
                a.rank if a else None,
                reasons,
                len(accounts_of[p.pk]),
            ]
        )
    account_rows: list[list[object]] = [
        [
            a.account_id,
            person_of[a.pk],
            a.disclosure.disclosure_id,
            a.disclosure.provider_name,
            a.platform,
            a.username,
            a.display_name,
            a.created_at,
            a.profile_url,
            a.stated_country,
            a.status,
        ]
        for a in accounts
    ]
    identifier_rows: list[list[object]] = [
        [account_label[acc], *rest] for acc, *rest in gathered.identifiers.get(country, [])
    ]
    event_rows: list[list[object]] = [
        [account_label[acc], *rest] for acc, *rest in gathered.events.get(country, [])
    ]
    uploads = [(media, up, acc, at, venue) for acc, media, up, at, venue in gathered.uploads.get(country, [])]
    media_ids = {u[0] for u in uploads}
    items, grades = gathered.items, gathered.grades
    uploaded_by: dict[int, set[str]] = defaultdict(set)
    for media_id, _, acc, _, _ in uploads:
        uploaded_by[media_id].add(account_label[acc])
    media_rows: list[list[object]] = []
    vics_entries = []
    for media_id in sorted(media_ids, key=lambda m: items[m].key):
        m, g = items[media_id], grades.get(media_id)
        media_rows.append(
            [
                m.key,
                m.md5,
                m.sha1,
                m.sha256,
                m.pdq,
                m.pdq_quality,
                m.kind,
                "known" if g and g.source == "hashlist" else "new",
                g.profile if g else "",
                g.category if g else "",
                g.label if g else "ungraded",
                g.severity if g else None,
                g.series if g else "",
                g.description if g else "",
                ";".join(sorted(uploaded_by[media_id])),
            ]
        )
        vics_entries.append(
            HashEntry(
                entry_id=m.key,
                md5=m.md5 or None,
                sha1=m.sha1 or None,
                sha256=m.sha256 or None,
                pdq=m.pdq or None,
                category=g.category if g and g.profile == "vic-us" and g.category else None,
                series=(g.series or None) if g else None,
            )
        )
    upload_rows: list[list[object]] = [
        [up_id, account_label[acc], items[media_id].key, at, venue]
        for media_id, up_id, acc, at, venue in uploads
    ]
    with tempfile.TemporaryDirectory() as tmp:
        vics_path = Path(tmp) / "media.vics.json"
        write_vics(
            vics_path, vics_entries, version="2.0", profile="vic-us", case_name=f"{operation.name} {country}"
        )
        vics_bytes = vics_path.read_bytes()
    files = {
        "persons.csv": _csv(
            [
                "person_id",
                "country",
                "country_confidence",
                "country_basis",
                "priority",
                "triage_score",
                "operation_rank",
                "triage_reasons",
                "accounts",
            ],
            person_rows,
        ),
        "accounts.csv": _csv(
            [
                "account_id",
                "person_id",
                "disclosure_id",
                "provider",
                "platform",
                "username",
                "display_name",
                "created_at",
                "profile_url",
                "stated_country",
                "status",
            ],
            account_rows,
        ),
        "identifiers.csv": _csv(
            ["account_id", "kind", "value", "verified", "observed_at"], identifier_rows, sort=True
        ),
        "ip_events.csv": _csv(
            [
                "account_id",
                "ip",
                "port",
                "event",
                "timestamp",
                "possible_proxy",
                "country",
                "geo_source",
                "geo_source_version",
                "geo_build_date",
            ],
            event_rows,
            sort=True,
        ),
        "media.csv": _csv(
            [
                "media_id",
                "md5",
                "sha1",
                "sha256",
                "pdq",
                "pdq_quality",
                "kind",
                "status",
                "grade_profile",
                "grade_category",
                "grade_label",
                "severity",
                "series",
                "description",
                "uploaded_by",
            ],
            media_rows,
        ),
        "uploads.csv": _csv(
            ["upload_id", "account_id", "media_id", "uploaded_at", "venue_id"], upload_rows, sort=True
        ),
        "media.vics.json": vics_bytes,
        "README.md": _readme(operation, country, len(persons), len(accounts), len(media_rows)).encode(),
    }
    meta = {
        "operation": operation.name,
        "country": country,
        "handling": HANDLING,
        "triage_model": triage.MODEL_VERSION,
        "counts": {"persons": len(persons), "accounts": len(accounts), "media": len(media_rows)},
    }
    folder = root / f"{slugify(operation.name)}-{country}"
    zip_path, zip_sha, manifest_sha = write_package(folder, files, meta)
    Package.objects.update_or_create(
        operation=operation,
        country=country,
        defaults=dict(
            folder=str(folder),
            zip_path=str(zip_path),
            zip_sha256=zip_sha,
            manifest_sha256=manifest_sha,
            persons=len(persons),
            accounts=len(accounts),
            media=len(media_rows),
        ),
    )
    return PackageSummary(country, len(persons), len(accounts), len(media_rows), str(zip_path))


def _readme(operation: Operation, country: str, persons: int, accounts: int, media: int) -> str:
    return f"""# Referral package: {operation.name}, {country}

{HANDLING}

This package holds {persons} person(s) with {accounts} account(s), located in {country}, and
records of {media} media item(s) they shared. It carries no images or videos: media are described by
their digests (MD5, SHA-1, SHA-256), PDQ perceptual hash, grade and a structured description, so the
receiving agency can act without viewing any material.

| file | contents |
|---|---|
| persons.csv | one row per person, in priority order, with the triage score and its reasons |
| accounts.csv | the accounts behind each person, as the provider disclosed them |
| identifiers.csv | emails, phones, devices and other identifiers of those accounts |
| ip_events.csv | IP events with the country found and which geolocation source (and build) answered |
| media.csv | every file the persons shared: digests, PDQ, known or new, grade and description |
| uploads.csv | which account shared which file, when and where |
| media.vics.json | the same media as a VICS 2.0 hash list, for import into forensic tools |
| manifest.json | every file with its SHA-256; check with `tiaki package verify` |

Grades of known material come from the hash lists named in each description; new material is
ungraded until reviewed.
"""
