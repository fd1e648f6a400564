"""The locate stage: every IP event placed in a country as of its day, with its network's owner, then
every person."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import phonenumbers
from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core import datadir
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.bulk import insert_rows, update_rows
from tiaki.apps.core.roles import Permission
from tiaki.apps.intake.models import Account, Disclosure, Identifier, IPEvent, Report
from tiaki.apps.operations.models import Operation
from tiaki.apps.operations.queries import run_settings
from tiaki.apps.subjects.models import (
    GeoResult,
    GeoSource,
    Person,
    PersonAccount,
)
from tiaki.engines import asn, geo, placement
from tiaki.engines.identifiers import normalise_identifier
from tiaki.engines.progress import NullProgress, Progress
from tiaki.errors import Invalid

BATCH = 5000


@dataclass
class LocateSummary:
    events: int
    located: int
    relocated: int
    shared_ips: int
    after_snapshot: int  # events older than every snapshot (the oldest one answered)
    hosting: int  # events in hosting, cloud or VPN networks
    persons_placed: int
    persons_to_review: int
    sources: list[str]


def _geo_source_ids(sources: set[geo.LookupSource]) -> dict[geo.LookupSource, int]:
    ids = {}
    for s in sources:
        row, _ = GeoSource.objects.get_or_create(
            name=s.name, version=s.version, defaults={"kind": s.kind, "build_date": s.build_date}
        )
        ids[s] = row.pk
    return ids


def _phone_country(e164: str) -> str | None:
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164)) or None
    except phonenumbers.NumberParseException:
        return None


# An event whose time the provider did not give, nor anything that reported it, is placed with the newest
# snapshot, and such events count as one day's (repeats within a day weigh less in the vote).
UNDATED = datetime(2100, 1, 1, tzinfo=UTC)


def _undated_times(operation: Operation) -> dict[tuple[int, str], datetime]:
    """For events the provider gave no time: the time of what reported them, by (disclosure pk, report
    id), and by (disclosure pk, "") the disclosure's receipt."""
    times: dict[tuple[int, str], datetime] = {}
    for pk, received in Disclosure.objects.filter(operation=operation).values_list("pk", "received_at"):
        if received is not None:
            times[(pk, "")] = received
    for disclosure, report, at in Report.objects.filter(disclosure__operation=operation).values_list(
        "disclosure_id", "report_id", "incident_at"
    ):
        if at is not None:
            times[(disclosure, report)] = at
    return times


def _reference_time(event: Any, undated: dict[tuple[int, str], datetime]) -> datetime:
    """The time an event without one is placed as of: its report's incident, else its disclosure's
    receipt, else the newest snapshot (``UNDATED``): the snapshot nearest what is known of it."""
    return (
        undated.get((event.account__disclosure_id, event.report_id))
        or undated.get((event.account__disclosure_id, ""))
        or UNDATED
    )


def geo_folder(operation: Operation) -> Path | None:
    """Where the operation's dated snapshots are: its run settings, else ``TIAKI_GEO_DIR``, else
    ``<data>/geo``; ``None`` when none of them is a folder (the embedded data answers)."""
    stored = run_settings(operation).geo_dir
    if stored and not Path(stored).is_dir():
        raise Invalid(
            f"the geolocation folder of '{operation.name}' is gone: {stored} (change it with "
            "`tiaki operation settings --geo-dir`)"
        )
    folder = Path(stored or os.environ.get("TIAKI_GEO_DIR", "") or datadir.root() / "geo")
    return folder if folder.is_dir() else None


def locate(operation: Operation, *, actor: Actor, progress: Progress | None = None) -> LocateSummary:
    """Place every IP event in a country, as of its day: the newest snapshot built on or before the
    event, else the embedded source; flag events where sources disagree. Then place every person by a
    weighted vote over their events that leaves out shared infrastructure (engines/placement.py),
    falling back on phone country codes, then stated country; uncertain persons go to review."""
    actor.require(Permission.RUN)
    progress = progress or NullProgress()
    geo_dir = geo_folder(operation)
    events: list[Any] = list(
        IPEvent.objects.filter(account__operation=operation)
        .order_by("pk")
        .values_list(
            "pk",
            "ip",
            "timestamp",
            "account_id",
            "possible_proxy",
            "event",
            "geo__source__name",
            "geo__source__version",
            "geo__country",
            "geo__disagrees",
            "geo__snapshot_after_event",
            "geo__registry_differs",
            "geo__asn",
            "geo__organisation",
            "geo__owner_source_id",
            "geo__hosting",
            "geo__id",
            "report_id",
            "account__disclosure_id",
            named=True,
        )
    )
    progress.start("locating IP events", len(events))
    undated = _undated_times(operation) if any(e.timestamp is None for e in events) else {}
    ips = [e.ip for e in events]
    epochs = geo.epochs_of([e.timestamp or _reference_time(e, undated) for e in events])
    with geo.SnapshotSet(geo_dir) as snapshots:
        located = geo.locate_epochs(ips, epochs, snapshots)
        disagrees = geo.cross_check(ips, epochs, snapshots, located)
        registry_differs = geo.registry_check(ips, located, snapshots)
    owners = asn.NetworkOwners().lookup(ips)
    progress.advance(len(events))
    sources = located.sources
    source_ids = _geo_source_ids({*sources, owners.source})
    owner_source = source_ids[owners.source]
    create: list[tuple[object, ...]] = []
    update: list[tuple[object, ...]] = []
    for e, country, s_index, *facts in zip(
        events,
        located.countries.tolist(),
        located.source_index.tolist(),
        disagrees.tolist(),
        located.after_event.tolist(),
        registry_differs.tolist(),
        [int(n) or None for n in owners.asn.tolist()],
        owners.organisation.tolist(),
        owners.hosting.tolist(),
        strict=True,
    ):
        source = sources[s_index]
        flag, after, differs, number, organisation, hosting = facts
        organisation = organisation[:200]
        row = (country, source_ids[source], flag, after, differs, number, organisation, owner_source, hosting)
        if e.geo__source__name is None:
            create.append((e.pk, *row))
        elif (
            e.geo__source__name,
            e.geo__source__version,
            e.geo__country,
            e.geo__disagrees,
            e.geo__snapshot_after_event,
            e.geo__registry_differs,
            e.geo__asn,
            e.geo__organisation,
            e.geo__owner_source_id,
            e.geo__hosting,
        ) != (
            source.name,
            source.version,
            country,
            flag,
            after,
            differs,
            number,
            organisation,
            owner_source,
            hosting,
        ):
            update.append((e.geo__id, *row))
    columns = (
        "country",
        "source_id",
        "disagrees",
        "snapshot_after_event",
        "registry_differs",
        "asn",
        "organisation",
        "owner_source_id",
        "hosting",
    )
    with transaction.atomic():
        insert_rows(GeoResult, ("ip_event_id", *columns), create)
        update_rows(GeoResult, columns, update)
        placed, review, shared = _place_persons(operation, events, located.countries, epochs, owners.hosting)
        used = sorted({int(i) for i in np.unique(located.source_index)}) if events else []
        summary = LocateSummary(
            len(events),
            len(create),
            len(update),
            shared,
            int(located.after_event.sum()),
            int(owners.hosting.sum()),
            placed,
            review,
            [
                f"{s.name} {s.version[:16]} built {s.build_date or 'undated'}"
                for s in [*(sources[i] for i in used), owners.source]
            ],
        )
        record(
            "stage.locate",
            actor=actor,
            operation=operation.name,
            details={
                **summary.__dict__,
                "disagreements": int(disagrees.sum()),
                "registry_differs": int(registry_differs.sum()),
                "geo_dir": str(geo_dir) if geo_dir else None,
            },
        )
    return summary


def _place_persons(
    operation: Operation, events: list, countries: np.ndarray, epochs: np.ndarray, hosting: np.ndarray
) -> tuple[int, int, int]:
    """(persons placed, persons sent to review, shared addresses) after writing every person's place."""
    persons = list(Person.objects.filter(operation=operation).order_by("pk"))
    person_index = {p.pk: i for i, p in enumerate(persons)}
    account_rows = [
        # The reporter's estimate of an account's country (a CyberTipline report) is better evidence
        # than what the user stated: it stands in its place, as evidence of the same weight.
        (pk, estimated or stated)
        for pk, stated, estimated in Account.objects.filter(operation=operation)
        .order_by("pk")
        .values_list("pk", "stated_country", "estimated_country")
    ]
    account_index = {pk: i for i, (pk, _) in enumerate(account_rows)}
    person_of_account = np.full(len(account_rows), -1, dtype=np.int64)
    for account_pk, person_pk in PersonAccount.objects.filter(person__operation=operation).values_list(
        "account_id", "person_id"
    ):
        person_of_account[account_index[account_pk]] = person_index[person_pk]
    stated = np.array([cc or "" for _, cc in account_rows], dtype="U2")
    phone_account, phone_country = [], []
    for account_pk, value, cc in Identifier.objects.filter(
        account__operation=operation, kind="phone"
    ).values_list("account_id", "value", "account__stated_country"):
        e164 = normalise_identifier("phone", value, cc or None)
        region = _phone_country(e164) if e164 else None
        if region:
            phone_account.append(account_index[account_pk])
            phone_country.append(region)
    phone_account_arr = np.array(phone_account, dtype=np.int64)
    phone_country_arr = np.array(phone_country, dtype="U2")
    hint = stated.copy()
    hint[phone_account_arr] = phone_country_arr  # a phone's country is better evidence than a statement
    account_of_event = np.array([account_index[e.account_id] for e in events], dtype=np.int64)
    keys = placement.ip_keys([e.ip for e in events])
    proxy_said = np.array(
        [-1 if e.possible_proxy is None else int(e.possible_proxy) for e in events], np.int8
    )
    shared = placement.shared_infrastructure(
        keys,
        account_of_event,
        hint,
        person_of_account=person_of_account,
        event_country=countries,
        hosting=hosting,
        possible_proxy=proxy_said,
    )
    results = placement.place_persons(
        person_of_account[account_of_event] if len(events) else np.zeros(0, dtype=np.int64),
        countries,
        n_persons=len(persons),
        event_kind=np.array([e.event or "unknown" for e in events], dtype=object),
        possible_proxy=np.array([bool(e.possible_proxy) for e in events], dtype=bool),
        shared=shared.event_reason,
        event_day=(epochs // 86400).astype(np.int64),
        phone_person=person_of_account[phone_account_arr],
        phone_country=phone_country_arr,
        stated_person=person_of_account[stated != ""],
        stated_country=stated[stated != ""],
    )
    changed = []
    for person, result in zip(persons, results, strict=True):
        if "moved_since_day" in result.evidence:  # event days are days since 1970-01-01 (UTC)
            since = datetime.fromtimestamp(result.evidence["moved_since_day"] * 86400, tz=UTC)
            result.evidence["moved_since"] = since.date().isoformat()
        new = (
            result.country or "",
            round(result.confidence, 4) if result.country else None,
            result.basis if result.country else "",
            json.loads(json.dumps(result.evidence, default=str)),
            result.review,
        )
        old = (
            person.country,
            person.country_confidence,
            person.country_basis,
            person.country_evidence,
            person.needs_review,
        )
        if old != new:
            changed.append((person.pk, *new))
    update_rows(
        Person,
        ("country", "country_confidence", "country_basis", "country_evidence", "needs_review"),
        changed,
    )
    placed = sum(1 for r in results if r.country and not r.review)
    return placed, len(results) - placed, len(shared.keys)
