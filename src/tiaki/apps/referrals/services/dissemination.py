"""Sealing, sending and acknowledging packages: the dissemination log (every step audited).

- **Seal**: the package's zip encrypted with age to its addressee's public key
  (``engines/sealing.encrypt_to``), written beside it as ``<package>.zip.age``; the agency opens it
  with ``age -d -i key.txt``. A package whose addressee has no key, or no addressee, is not sealed
  (the result says why). A later run that changes the package removes its sealed copy.
- **Send**: records that a package went to an agency through a channel, by whom, when, and the
  SHA-256 of exactly the file that went (the sealed file when there is one, else the zip), with the
  follow-up due date (the operation's follow-up period from today, or the date given). A read-only
  copy of what went (and of the zip, when it went sealed) is kept under ``sent/<send id>/``: a later
  run may rewrite the package, never what was sent.
- **Acknowledge**: records, by hand, that the agency confirmed receipt (and what it said).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from tiaki.apps.audit.services.log import record
from tiaki.apps.core import datadir
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.core.typed import typed
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.choices import Channel
from tiaki.apps.referrals.models import Agency, Dissemination, Package
from tiaki.apps.referrals.queries import case_details, for_actor, packages_root
from tiaki.apps.referrals.services.agencies import find_agency
from tiaki.engines import sealing
from tiaki.errors import Conflict, Invalid, NotFound
from tiaki.formats.package import replace_file


@dataclass(frozen=True)
class Sealed:
    country: str
    sealed_path: str  # relative to the data directory; "" when not sealed
    reason: str = ""  # why not sealed


def _package(operation: Operation, country: str) -> Package:
    found = Package.objects.filter(operation=operation, country=country.strip().upper()).first()
    if found is None:
        raise NotFound(f"'{operation.name}' has no package for {country.upper()} (run the refer stage)")
    return found


def seal_packages(operation: Operation, actor: Actor, countries: list[str] | None = None) -> list[Sealed]:
    """Seal the packages of ``countries`` (all by default) to their addressees' keys."""
    actor.require(Permission.EXPORT)
    chosen = (
        [_package(operation, c) for c in countries]
        if countries
        else list(Package.objects.filter(operation=operation).order_by("country"))
    )
    results = []
    for package in chosen:
        agency = package.agency
        if agency is None:
            results.append(
                Sealed(
                    package.country, "", "no agency for this country when it was written (add one, run refer)"
                )
            )
            continue
        if not agency.recipient:
            results.append(Sealed(package.country, "", f"{agency.name} has no public key to encrypt to"))
            continue
        zip_path = datadir.absolute(package.zip_path)
        data = zip_path.read_bytes()
        if hashlib.sha256(data).hexdigest() != package.zip_sha256:
            raise Conflict(f"{zip_path}: not the package recorded when it was written; run refer again")
        try:
            sealed = sealing.encrypt_to(data, [agency.recipient])
        except sealing.SealingError as exc:
            raise Invalid(f"{agency}: {exc}") from None
        target = zip_path.with_name(zip_path.name + ".age")
        replace_file(target, sealed)
        with transaction.atomic():
            package.sealed_path = datadir.relative(target)
            package.sealed_sha256 = hashlib.sha256(sealed).hexdigest()
            package.save(update_fields=["sealed_path", "sealed_sha256"])
            record(
                "referrals.package-sealed",
                actor=actor,
                operation=operation.name,
                target=package.country,
                details={
                    "agency": agency.name,
                    "zip_sha256": package.zip_sha256,
                    "sealed_sha256": package.sealed_sha256,
                    "file": package.sealed_path,
                },
            )
        results.append(Sealed(package.country, package.sealed_path))
    return results


def _keep(source: Path, folder: Path, sha256: str) -> str:
    """A read-only copy of ``source`` in ``folder``, checked against ``sha256`` (a package file that
    changed since it was written is not sent): its path as stored."""
    data = source.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise Conflict(f"{source.name}: not the package recorded when it was written; run refer again")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    if target.exists():  # left by a send whose transaction did not commit: the same bytes, or refuse
        if hashlib.sha256(target.read_bytes()).hexdigest() != sha256:
            raise Conflict(f"{datadir.relative(target)} exists and holds something else; move it away")
    else:
        replace_file(target, data)
        target.chmod(0o400)
    return datadir.relative(target)


def send_package(
    operation: Operation,
    country: str,
    actor: Actor,
    *,
    agency: str | None = None,
    channel: str | None = None,
    reference: str = "",
    follow_up_due: date | None = None,
) -> Dissemination:
    """Record that the country's package was sent (to ``agency`` of that country, default its
    addressee; through ``channel``, default the agency's)."""
    actor.require(Permission.EXPORT)
    package = _package(operation, country)
    to: Agency | None = find_agency(package.country, agency) if agency else package.agency
    if to is None:
        since = Agency.objects.filter(country=package.country).order_by("name").first()
        if since is not None:  # the directory has one now; the package predates it
            raise Invalid(
                f"the {package.country} package was written before the directory had an agency for "
                f"{package.country} ({since.name}): run refer again so that it names its addressee, "
                "or name the agency"
            )
        raise Invalid(f"no agency for {package.country}: add one (tiaki agency add) or name it")
    how = channel or to.channel
    if how not in Channel.values:
        raise Invalid(f"channel '{how}' is not one of {', '.join(Channel.values)}")
    sent_from = datadir.absolute(package.sealed_path or package.zip_path)
    sent_sha = package.sealed_sha256 or package.zip_sha256
    zip_from = datadir.absolute(package.zip_path)
    if not sent_from.is_file() or not zip_from.is_file():
        raise NotFound(f"{datadir.relative(sent_from)}: the package file is missing; run refer again")
    today = timezone.now().date()
    due = follow_up_due or today + timedelta(days=case_details(operation).follow_up_days)
    with transaction.atomic():
        sent = Dissemination.objects.create(
            operation=operation,
            package=package,
            country=package.country,
            agency=to,
            channel=how,
            reference=reference.strip()[:200],
            sent_file="",
            sent_sha256=sent_sha,
            manifest_sha256=package.manifest_sha256,
            zip_sha256=package.zip_sha256,
            sent_by=actor.name,
            follow_up_due=due,
        )
        kept = packages_root(operation) / "sent" / str(sent.pk)
        sent.sent_file = _keep(sent_from, kept, sent_sha)
        sent.zip_file = _keep(zip_from, kept, package.zip_sha256)
        sent.save(update_fields=["sent_file", "zip_file"])
        sent_file = sent.sent_file
        record(
            "referrals.package-sent",
            actor=actor,
            operation=operation.name,
            target=package.country,
            details={
                "dissemination": sent.pk,
                "agency": to.name,
                "channel": how,
                "reference": sent.reference,
                "file": sent_file,
                "sha256": sent_sha,
                "sealed": bool(package.sealed_path),
                "follow_up_due": due.isoformat(),
            },
        )
    return sent


def acknowledge(
    operation: Operation, dissemination_id: int, actor: Actor, *, note: str = ""
) -> Dissemination:
    """Record that the agency acknowledged a send; :class:`Conflict` if it already did. A partner
    agency's user acknowledges only sends to their own agency."""
    actor.require(Permission.ACKNOWLEDGE)
    note = typed("note", note)
    with transaction.atomic():
        mine = Dissemination.objects.select_for_update().filter(operation=operation, pk=dissemination_id)
        sent = for_actor(actor, mine).select_related("agency").first()  # what the actor may see, only
        if sent is None:
            raise NotFound(f"'{operation.name}' has no send #{dissemination_id}")
        if sent.acknowledged_at is not None:
            raise Conflict(f"send #{sent.pk} was acknowledged on {sent.acknowledged_at:%Y-%m-%d}")
        sent.acknowledged_at = timezone.now()
        sent.acknowledged_by = actor.name
        sent.acknowledgement = note
        sent.save(update_fields=["acknowledged_at", "acknowledged_by", "acknowledgement"])
        record(
            "referrals.package-acknowledged",
            actor=actor,
            operation=operation.name,
            target=sent.country,
            details={"dissemination": sent.pk, "agency": sent.agency.name, "note": sent.acknowledgement},
        )
    return sent
