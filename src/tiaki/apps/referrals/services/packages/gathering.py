"""Everything packages hold, read in one pass over the operation and grouped by country."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import BigIntegerField, CharField, F, Value

from tiaki.apps.core import scope
from tiaki.apps.intake.models import (
    Access,
    Account,
    Disclosure,
    Identifier,
    IPEvent,
    Venue,
    VenueMembership,
)
from tiaki.apps.media.models import Grade, MediaItem, MediaUpload
from tiaki.apps.media.queries import is_known
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.queries import (
    network_owner_fields,
    sendable,
)
from tiaki.apps.subjects.models import Person, PersonAccount, TriageAssessment
from tiaki.apps.subjects.queries import current, placed

BATCH = 5000


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
