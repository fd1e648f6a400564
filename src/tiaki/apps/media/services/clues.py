"""Clue cards (identifying objects as text), series, and the markets reviewers give for products."""

from __future__ import annotations

import re

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.choices import ClueKind
from tiaki.apps.media.models import ClueCard, ProductMarket, Series
from tiaki.apps.media.queries import find_item
from tiaki.apps.operations.models import Operation
from tiaki.engines.clues import tables
from tiaki.errors import Forbidden, Invalid

_COUNTRY = re.compile(r"^[A-Z]{2}$")


def _value(kind: str, value: str) -> str:
    value = value.strip()
    if not value:
        raise Invalid("value: say what was seen")
    if len(value) > 200:
        raise Invalid("value: at most 200 characters")
    if kind == ClueKind.SOCKET:
        letter = value.upper().removeprefix("TYPE ").strip()
        if not re.fullmatch(r"[A-O]", letter):
            raise Invalid(f"value: '{value}' is not a plug or socket type (A to O, IEC World Plugs)")
        return letter
    if kind == ClueKind.LANGUAGE:
        code = value.lower()
        if code not in tables().languages:
            raise Invalid(f"value: '{value}' is not a language code tiaki's table knows (ISO 639-1, e.g. en)")
        return code
    if kind == ClueKind.PLATE and value.lower() not in tables().plates:
        raise Invalid(f"value: '{value}' is not one of {', '.join(tables().plates)}")
    return value.lower() if kind == ClueKind.PLATE else value


def ensure_series(operation: Operation, name: str, *, actor: Actor) -> Series:
    actor.require(Permission.GRADE)
    name = name.strip()
    if not name:
        raise Invalid("series: give the series a name")
    found, created = Series.objects.get_or_create(operation=operation, name=name[:200])
    if created:
        record("media.series-created", actor=actor, operation=operation.name, target=found.name)
    return found


def add_clue(
    operation: Operation,
    kind: str,
    value: str,
    media_keys: list[str],
    *,
    actor: Actor,
    note: str = "",
    series: str = "",
) -> ClueCard:
    """A clue card: an identifying object as text, linked to media and, if named, a series."""
    actor.require(Permission.GRADE)
    if kind not in ClueKind.values:
        raise Invalid(f"kind: '{kind}' is not one of {', '.join(ClueKind.values)}")
    items = [find_item(actor, operation, key) for key in media_keys]
    with transaction.atomic():
        card = ClueCard.objects.create(
            operation=operation,
            kind=kind,
            value=_value(kind, value),
            note=note.strip()[:2000],
            series=ensure_series(operation, series, actor=actor) if series.strip() else None,
            created_by=actor.name,
        )
        card.media.set(items)
        record(
            "media.clue-added",
            actor=actor,
            operation=operation.name,
            target=f"clue {card.pk}",
            details={"kind": kind, "value": card.value, "items": [i.key for i in items]},
        )
    return card


def set_series_status(
    operation: Operation,
    name: str,
    *,
    child_identified: bool | None,
    safeguarded: bool | None,
    actor: Actor,
    notes: str | None = None,
) -> Series:
    """Record whether the series' child is identified and safeguarded (reviewers and investigators)."""
    if not (actor.may(Permission.GRADE) or actor.may(Permission.CASEWORK)):
        raise Forbidden(f"{actor.name} ({actor.role.label}) may not record a series' outcome")
    found = Series.objects.filter(operation=operation, name=name.strip()).first()
    if found is None:
        raise Invalid(f"series: there is no series '{name}' in '{operation.name}'")
    if safeguarded and child_identified is False:
        raise Invalid("safeguarded: a child not identified cannot be recorded as safeguarded")
    with transaction.atomic():
        found.child_identified = child_identified
        found.safeguarded = safeguarded
        if notes is not None:
            found.notes = notes.strip()[:2000]
        found.updated_by = actor.name
        found.save()
        record(
            "media.series-status",
            actor=actor,
            operation=operation.name,
            target=found.name,
            details={"child_identified": child_identified, "safeguarded": safeguarded},
        )
    return found


def add_market(product: str, countries: list[str], *, actor: Actor, operation: Operation) -> int:
    """Countries a product or brand is sold in; returns how many were new."""
    actor.require(Permission.GRADE)
    name = product.strip().lower()
    if not name:
        raise Invalid("product: give the product's name")
    codes = sorted({c.strip().upper() for c in countries if c.strip()})
    if not codes:
        raise Invalid("countries: give at least one country code (ISO 3166-1, e.g. NZ)")
    for code in codes:
        if not _COUNTRY.match(code):
            raise Invalid(f"countries: '{code}' is not a two-letter country code")
    with transaction.atomic():
        added = 0
        for code in codes:
            _, created = ProductMarket.objects.get_or_create(
                product=name[:200], country=code, defaults={"added_by": actor.name}
            )
            added += int(created)
        record(
            "media.market-added",
            actor=actor,
            operation=operation.name,
            target=name[:300],
            details={"countries": codes},
        )
    return added
