"""The refer stage: one package per country, gathered from what the stages before decided."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core import datadir, keys
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import run_settings
from tiaki.apps.referrals.models import Agency, Package
from tiaki.apps.referrals.queries import (
    addressee,
    case_details,
    case_marking,
    packages_root,
)
from tiaki.apps.referrals.services.packages.gathering import _gather
from tiaki.apps.referrals.services.packages.rows import _referral
from tiaki.engines import signing
from tiaki.engines.progress import NullProgress, Progress
from tiaki.errors import Conflict
from tiaki.formats.package import PackageContentError, write_package
from tiaki.formats.referral import Addressee, Context, CountryReferral, Sender, package_files


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
