"""The refer stage: one package per country, gathered from what the stages before decided.

Only placed persons go into packages (``core/scope.placed``); the rest are on the review list. Of
those, only persons with a reason to be sent go (``formats/referral.INCLUSION_RULE``): a current
assessment with a score above 0 or at least one reason. The others are left out, counted in the
package (``Package.left_out``, the manifest and the dispatch index); a country left with nobody to
send gets no package. Each package carries the operation's case details and handling marking
(``referrals.CaseDetails``) and is addressed to the country's primary agency, in whose grading
scheme and language its dossier is written. The operation is read once and grouped by country;
``formats/referral.py`` makes the files and ``formats/package.py`` writes them. A re-run writes
byte-identical packages.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import BigIntegerField, CharField, F, Value

from tiaki.apps.audit.services.log import record
from tiaki.apps.core import datadir, keys, scope
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import (
    Access,
    Account,
    Disclosure,
    Identifier,
    IPEvent,
    Venue,
    VenueMembership,
)
from tiaki.apps.media.models import Description, Grade, MediaItem, MediaUpload
from tiaki.apps.media.queries import approved_description, clue_cards, is_known, scheme_for_country
from tiaki.apps.media.queries import grade_in_scheme as grade_from_facts
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import run_settings
from tiaki.apps.referrals.choices import MediaStatus
from tiaki.apps.referrals.models import Agency, Package
from tiaki.apps.referrals.queries import (
    addressee,
    case_details,
    case_marking,
    network_owner_fields,
    packages_root,
    sendable,
)
from tiaki.apps.subjects.models import Person, PersonAccount, TriageAssessment
from tiaki.apps.subjects.queries import current, placed
from tiaki.engines import signing
from tiaki.engines.progress import NullProgress, Progress
from tiaki.errors import Conflict
from tiaki.formats.dossier import grade_in_scheme
from tiaki.formats.handling import Marking
from tiaki.formats.hashlist import ListEntry
from tiaki.formats.package import PackageContentError, write_package
from tiaki.formats.referral import Addressee, Context, CountryReferral, Row, Sender, package_files

BATCH = 5000


class PackagesRefused(Conflict):
    """Some countries' packages held a value that must not leave; the others were written."""

    def __init__(self, message: str, refused: dict[str, str]):
        super().__init__(message)
        self.refused = refused


@dataclass
class PackageSummary:
    country: str
    persons: int
    accounts: int
    media: int
    zip_path: str
    left_out: int = 0


@dataclass
class _Gathered:
    """Everything packages hold, read in one pass over the operation and grouped by country."""

    persons: dict[str, list[Person]]
    accounts_of: dict[int, list[int]]
    assessments: dict[int, TriageAssessment]
    accounts: dict[str, list[Any]]
    identifiers: dict[str, list[Any]]
    events: dict[str, list[Any]]
    uploads: dict[str, list[Any]]
    items: dict[int, Any]
    grades: dict[int, Grade]
    left_out: dict[str, int]
    venues: dict[str, list[Any]]
    memberships: dict[str, list[Any]]
    accesses: dict[str, list[Any]]
    providers: dict[str, list[dict[str, str]]]
    as_of: dict[str, Any]


def _gather(operation: Operation) -> _Gathered:
    assessments = {
        a.person_id: a for a in current(TriageAssessment.objects.filter(person__operation=operation))
    }
    persons: dict[str, list[Person]] = defaultdict(list)
    left_out: dict[str, int] = defaultdict(int)
    sent: set[int] = set()
    for p in placed(Person.objects.filter(operation=operation)).order_by("label"):
        if sendable(assessments.get(p.pk)):
            persons[p.country].append(p)
            sent.add(p.pk)
        else:
            left_out[p.country] += 1
    accounts_of: dict[int, list[int]] = defaultdict(list)
    for person_id, account_id in PersonAccount.objects.filter(person__operation=operation).values_list(
        "person_id", "account_id"
    ):
        accounts_of[person_id].append(account_id)
    in_placed = scope.placed(scope.ACCOUNT)
    country_of: dict[int, str] = {}
    accounts: dict[str, list[Any]] = defaultdict(list)
    for a in (
        Account.objects.filter(in_placed, operation=operation, person_link__person__in=sent)
        .annotate(placed_in=F("person_link__person__country"), provider=F("disclosure__provider_name"))
        .order_by("disclosure__disclosure_id", "account_id")
        .values_list(
            "pk",
            "account_id",
            "disclosure__disclosure_id",
            "provider",
            "platform",
            "username",
            "display_name",
            "created_at",
            "profile_url",
            "stated_country",
            "status",
            "placed_in",
            named=True,
        )
    ):
        country_of[a.pk] = a.placed_in
        accounts[a.placed_in].append(a)

    def by_country(rows: Iterable[Any]) -> dict[str, list[Any]]:
        grouped: dict[str, list[Any]] = defaultdict(list)
        for row in rows:
            if row.account_id in country_of:  # an account of a person left out is not sent
                grouped[country_of[row.account_id]].append(row)
        return grouped

    via_account = scope.placed("account__" + scope.ACCOUNT)
    identifiers = Identifier.objects.filter(via_account, account__operation=operation).values_list(
        "account_id", "kind", "value", "verified", "observed_at", named=True
    )
    asn, organisation = network_owner_fields()
    events = (
        IPEvent.objects.filter(via_account, account__operation=operation)
        .annotate(
            network_asn=F(f"geo__{asn}") if asn else Value(None, output_field=BigIntegerField()),
            network_org=F(f"geo__{organisation}") if organisation else Value("", output_field=CharField()),
        )
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
            "network_asn",
            "network_org",
            named=True,
        )
    )
    uploads = (
        MediaUpload.objects.filter(scope.placed("upload__account__" + scope.ACCOUNT))
        .filter(media__operation=operation)
        .annotate(account_id=F("upload__account_id"))
        .values_list(
            "account_id",
            "media_id",
            "upload__upload_id",
            "upload__uploaded_at",
            "upload__venue__venue_id",
            "upload__venue_id",
            named=True,
        )
    )
    items = (
        MediaItem.objects.filter(operation=operation)
        .annotate(known=is_known())
        .values_list("pk", "key", "md5", "sha1", "sha256", "pdq", "pdq_quality", "kind", "known", named=True)
    )
    memberships = by_country(
        VenueMembership.objects.filter(via_account, account__operation=operation).values_list(
            "account_id", "venue__venue_id", "role", "joined_at", "venue_id", named=True
        )
    )
    accesses = by_country(
        Access.objects.filter(via_account, account__operation=operation).values_list(
            "account_id",
            "action",
            "timestamp",
            "venue__venue_id",
            "upload__upload_id",
            "venue_id",
            named=True,
        )
    )
    grouped_events = by_country(events.iterator(chunk_size=BATCH))
    grouped_uploads = by_country(uploads.iterator(chunk_size=BATCH))
    return _Gathered(
        persons=persons,
        accounts_of=accounts_of,
        assessments=assessments,
        accounts=accounts,
        identifiers=by_country(identifiers.iterator(chunk_size=BATCH)),
        events=grouped_events,
        uploads=grouped_uploads,
        items={m.pk: m for m in items},
        grades={g.media_id: g for g in Grade.objects.filter(media__operation=operation)},
        left_out=left_out,
        venues=_venues(memberships, accesses, grouped_uploads),
        memberships=memberships,
        accesses=accesses,
        providers=_providers(operation, accounts),
        as_of={
            country: max(
                [e.timestamp for e in grouped_events.get(country, []) if e.timestamp]
                + [u.upload__uploaded_at for u in grouped_uploads.get(country, []) if u.upload__uploaded_at],
                default=None,
            )
            for country in persons
        },
    )


def _venues(*grouped: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """The venues each country's memberships, accesses and uploads name, as rows of venues.csv."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for by_country in grouped:
        for country, rows in by_country.items():
            for row in rows:
                pk = getattr(row, "venue_id", None) or getattr(row, "upload__venue_id", None)
                if pk:
                    wanted[country].add(pk)
    every = {pk for pks in wanted.values() for pk in pks}
    found = {
        v.pk: [v.venue_id, v.disclosure__disclosure_id, v.kind, v.name, v.url]
        for v in Venue.objects.filter(pk__in=every).values_list(
            "pk", "venue_id", "disclosure__disclosure_id", "kind", "name", "url", named=True
        )
    }
    return {country: [found[pk] for pk in sorted(pks)] for country, pks in wanted.items()}


def _providers(operation: Operation, accounts: dict[str, list[Any]]) -> dict[str, list[dict[str, str]]]:
    """Per country, the providers whose disclosures hold its accounts, with their legal contacts."""
    disclosures = {
        d.disclosure_id: {
            "name": d.provider_name,
            "country": d.provider_country,
            "legal_contact": d.provider_contact,
            "legal_reference": d.legal_reference,
            "disclosure_id": d.disclosure_id,
        }
        for d in Disclosure.objects.filter(operation=operation).order_by("disclosure_id")
    }
    return {
        country: [disclosures[d] for d in sorted({a.disclosure__disclosure_id for a in rows})]
        for country, rows in accounts.items()
    }


def _person_rows(country: str, g: _Gathered, marking: Marking) -> tuple[list[Row], list[Row]]:
    """persons.csv in priority order, and reasons.csv: each reason with its points and evidence."""

    def priority(p: Person) -> tuple[int, str]:
        a = g.assessments.get(p.pk)
        return (a.rank if a else 10**9, p.label)

    rows: list[Row] = []
    reasons: list[Row] = []
    for position, p in enumerate(sorted(g.persons[country], key=priority), start=1):
        a = g.assessments.get(p.pk)
        summary = "; ".join(f"{r['factor']} (+{r['points']})" for r in a.reasons) if a else ""
        for r in a.reasons if a else []:
            reasons.append([p.label, r["factor"], r["points"], "; ".join(map(str, r.get("evidence", [])))])
        rows.append(
            [
                p.label,
                p.country,
                p.country_confidence,
                p.country_basis,
                position,
                a.score if a else None,
                a.rank if a else None,
                summary,
                len(g.accounts_of[p.pk]),
                marking.tlp,
                marking.code,
                marking.evaluation,
            ]
        )
    return rows, reasons


def _media_rows(
    referral: CountryReferral, uploads: list[Any], label: dict[int, str], g: _Gathered, scheme: str
) -> None:
    uploaded_by: dict[int, set[str]] = defaultdict(set)
    for u in uploads:
        uploaded_by[u.media_id].add(label[u.account_id])
    objects = {m.pk: m for m in MediaItem.objects.filter(pk__in=list(uploaded_by))}
    for card in clue_cards(objects.values()):
        text = f"{card.get_kind_display()}: {card.value}" + (f" ({card.note})" if card.note else "")
        for item in card.media.all():
            if item.pk in objects:
                referral.clue_cards.setdefault(item.key, []).append(text)
    for media_id in sorted(uploaded_by, key=lambda m: g.items[m].key):
        m, grade = g.items[media_id], g.grades.get(media_id)
        derived = grade_from_facts(objects[media_id], scheme) if grade else None
        approved = approved_description(objects[media_id])
        referral.tables["media.csv"].append(
            [
                m.key,
                m.md5,
                m.sha1,
                m.sha256,
                m.pdq,
                m.pdq_quality,
                m.kind,
                MediaStatus.KNOWN if m.known else MediaStatus.NEW,
                grade.profile if grade else "",
                grade.category if grade else "",
                grade.label if grade else "ungraded",
                grade.severity if grade else None,
                grade.series if grade else "",
                # Only a description a second reviewer approved travels; else how the grade came.
                _described(approved) if approved else (grade.description if grade else ""),
                ";".join(sorted(uploaded_by[media_id])),
                scheme,
                (
                    f"{derived.code} ({derived.label})"
                    if derived is not None
                    else grade_in_scheme(grade.profile, grade.category, scheme)
                    if grade
                    else ""
                ),
            ]
        )
        referral.vics.append(
            ListEntry(
                entry_id=m.key,
                md5=m.md5 or None,
                sha1=m.sha1 or None,
                sha256=m.sha256 or None,
                pdq=m.pdq or None,
                category=(
                    grade.category
                    if m.known and grade and grade.profile == "vic-us" and grade.category
                    else None
                ),
                series=(grade.series or None) if grade else None,
                # New material, graded here or not, must not become known material where it is imported.
                status=None if m.known else "new",
            )
        )


def _described(d: Description) -> str:
    """An approved structured description as one line of text a partner reads without viewing."""
    parts = [
        f"setting: {d.get_setting_display()}",
        f"children: {d.children}" + (f" ({', '.join(d.child_age_bands)})" if d.child_age_bands else ""),
        f"adults: {d.adults}",
    ]
    for name, value in (("objects", d.objects_seen), ("text", d.visible_text), ("sounds", d.sounds)):
        if value:
            parts.append(f"{name}: {value}")
    if d.summary:
        parts.append(d.summary)
    return "; ".join(parts) + f" [approved description v{d.version}]"


def _referral(
    operation: Operation, country: str, g: _Gathered, marking: Marking, context: Context
) -> CountryReferral:
    referral = CountryReferral(operation.name, country, marking=marking, context=context)
    tables = referral.tables
    person_of = {a: p.label for p in g.persons[country] for a in g.accounts_of[p.pk]}
    label = {a.pk: a.account_id for a in g.accounts[country]}
    tables["persons.csv"], tables["reasons.csv"] = _person_rows(country, g, marking)
    tables["accounts.csv"] = [
        [
            a.account_id,
            person_of[a.pk],
            a.disclosure__disclosure_id,
            a.provider,
            a.platform,
            a.username,
            a.display_name,
            a.created_at,
            a.profile_url,
            a.stated_country,
            a.status,
        ]
        for a in g.accounts[country]
    ]
    tables["identifiers.csv"] = [[label[i.account_id], *i[1:]] for i in g.identifiers.get(country, [])]
    tables["ip_events.csv"] = [[label[e.account_id], *e[1:]] for e in g.events.get(country, [])]
    uploads = g.uploads.get(country, [])
    scheme = (
        context.addressee.grading_scheme
        if context.addressee and context.addressee.grading_scheme
        else scheme_for_country(country)
    )
    _media_rows(referral, uploads, label, g, scheme)
    tables["uploads.csv"] = [
        [
            u.upload__upload_id,
            label[u.account_id],
            g.items[u.media_id].key,
            u.upload__uploaded_at,
            u.upload__venue__venue_id,
        ]
        for u in uploads
    ]
    tables["venues.csv"] = g.venues.get(country, [])
    tables["memberships.csv"] = [
        [label[m.account_id], m.venue__venue_id, m.role, m.joined_at] for m in g.memberships.get(country, [])
    ]
    tables["accesses.csv"] = [
        [label[a.account_id], a.action, a.timestamp, a.venue__venue_id, a.upload__upload_id]
        for a in g.accesses.get(country, [])
    ]
    return referral


def write_packages(
    operation: Operation, *, actor: Actor, progress: Progress | None = None
) -> list[PackageSummary]:
    """Write a package for every country with at least one person to send (the inclusion rule);
    remove the packages of countries left with nobody. Byte-identical on a re-run. A country whose
    package would carry a value that must not leave (a media payload in a suspect's field) is refused,
    named, and the other countries' packages are still written: :class:`PackagesRefused` says which,
    after the rest."""
    actor.require(Permission.EXPORT)
    progress = progress or NullProgress()
    gathered = _gather(operation)
    progress.start("writing packages", len(gathered.persons))
    root = datadir.private_dir(packages_root(operation))
    model = run_settings(operation).triage_model
    details = case_details(operation)
    marking = case_marking(details)
    results: list[PackageSummary] = []
    refused: dict[str, str] = {}
    for country in sorted(gathered.persons):
        agency = addressee(country)
        context = Context(
            unit=details.unit,
            contact=details.contact,
            reference=details.reference,
            legal_basis=details.legal_basis,
            addressee=(
                Addressee(agency.name, agency.channel, agency.contact, agency.grading_scheme, agency.language)
                if agency
                else None
            ),
            providers=gathered.providers.get(country, []),
            left_out=gathered.left_out.get(country, 0),
            as_of=newest.date() if (newest := gathered.as_of.get(country)) else None,
        )
        try:
            referral = _referral(operation, country, gathered, marking, context)
            results.append(_write_country(operation, referral, agency, root, model))
        except PackageContentError as exc:
            refused[country] = str(exc)
        progress.advance()
    with transaction.atomic():
        dropped = Package.objects.filter(operation=operation).exclude(
            country__in=[r.country for r in results]
        )
        for package in dropped:
            shutil.rmtree(datadir.absolute(package.folder), ignore_errors=True)
            datadir.absolute(package.zip_path).unlink(missing_ok=True)
            if package.sealed_path:
                datadir.absolute(package.sealed_path).unlink(missing_ok=True)
        dropped.delete()
        record(
            "referrals.packages-written",
            actor=actor,
            operation=operation.name,
            details={
                "countries": len(results),
                "root": datadir.relative(root),
                "packages": {r.country: r.zip_path for r in results},
                "left_out": {c: n for c, n in sorted(gathered.left_out.items()) if n},
                "refused": refused,
            },
        )
    if refused:
        country, reason = next(iter(refused.items()))
        raise PackagesRefused(
            f"{len(refused)} package(s) not written ({', '.join(refused)}): {country}: {reason}. "
            f"The other {len(results)} were written.",
            refused,
        )
    return results


def _write_country(
    operation: Operation, referral: CountryReferral, agency: Agency | None, root: Path, model: str
) -> PackageSummary:
    country = referral.country
    signer = keys.signer()
    sender = Sender(signer.unit, signer.fingerprint) if signer else None
    files, meta = package_files(referral, sender)
    meta["triage_model"] = model
    folder = root / f"{root.name}-{country}"
    sign = (lambda data: signing.sign(data, signer)) if signer else None
    zip_path, zip_sha, manifest_sha = write_package(folder, files, meta, signer=sign)
    counts = meta["counts"]
    assert isinstance(counts, dict)
    scores = [row[5] for row in referral.tables["persons.csv"] if isinstance(row[5], int)]
    previous = Package.objects.filter(operation=operation, country=country).first()
    sealed: dict[str, str] = {}
    if previous is not None and previous.zip_sha256 != zip_sha and previous.sealed_path:
        # The sealed copy is of the package as it was: it goes with it.
        datadir.absolute(previous.sealed_path).unlink(missing_ok=True)
        sealed = {"sealed_path": "", "sealed_sha256": ""}
    Package.objects.update_or_create(
        operation=operation,
        country=country,
        defaults=dict(
            folder=datadir.relative(folder),
            zip_path=datadir.relative(zip_path),
            zip_sha256=zip_sha,
            manifest_sha256=manifest_sha,
            left_out=referral.context.left_out,
            top_score=max(scores, default=None),
            agency=agency,
            **sealed,
            **counts,
        ),
    )
    return PackageSummary(
        country,
        counts["persons"],
        counts["accounts"],
        counts["media"],
        datadir.relative(zip_path),
        referral.context.left_out,
    )
