"""The directory of recipient agencies: adding, changing and removing one (audited).

An agency is checked when it is added: a two-letter country, a channel and grading scheme it knows,
a language code, and a recipient key that age can encrypt to (``engines/sealing.parse_recipient``),
so a package is never sealed to a key nobody can use. The first agency of a country is its primary
one (the addressee of its packages) unless another is named primary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.referrals.choices import Channel, RecipientScheme
from tiaki.apps.referrals.models import Agency
from tiaki.engines import sealing
from tiaki.errors import Conflict, Invalid, NotFound

_COUNTRY = re.compile(r"[A-Z]{2}\Z")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?\Z")


@dataclass(frozen=True)
class AgencyFields:
    country: str
    name: str
    channel: str
    contact: str = ""
    grading_scheme: str = RecipientScheme.VIC_US
    language: str = "en"
    recipient: str = ""
    primary: bool | None = None  # None: primary when it is the country's first agency


def _checked(fields: AgencyFields) -> dict[str, object]:
    country = fields.country.strip().upper()
    if not _COUNTRY.match(country):
        raise Invalid(f"country '{fields.country}' is not two letters (ISO 3166-1)")
    name = fields.name.strip()
    if not name or len(name) > 200:
        raise Invalid("an agency needs a name of 1 to 200 characters")
    if fields.channel not in Channel.values:
        raise Invalid(f"channel '{fields.channel}' is not one of {', '.join(Channel.values)}")
    if fields.grading_scheme not in RecipientScheme.values:
        raise Invalid(
            f"grading scheme '{fields.grading_scheme}' is not one of {', '.join(RecipientScheme.values)}"
        )
    language = fields.language.strip()
    if not _LANGUAGE.match(language):
        raise Invalid(f"language '{fields.language}' is not a language code such as 'en' or 'pt-BR'")
    recipient = fields.recipient.strip()
    if recipient:
        try:
            sealing.parse_recipient(recipient)
        except sealing.SealingError as exc:
            raise Invalid(f"agency {name}: {exc}") from None
    return {
        "country": country,
        "name": name,
        "channel": fields.channel,
        "contact": fields.contact.strip()[:500],
        "grading_scheme": fields.grading_scheme,
        "language": language,
        "recipient": recipient,
    }


def add_agency(fields: AgencyFields, actor: Actor) -> Agency:
    """Add an agency to the directory; :class:`Conflict` when the country has one of that name."""
    actor.require(Permission.AGENCIES)
    values = _checked(fields)
    with transaction.atomic():
        if Agency.objects.filter(country=values["country"], name=values["name"]).exists():
            raise Conflict(f"{values['name']} ({values['country']}) is already in the directory")
        first = not Agency.objects.filter(country=values["country"]).exists()
        primary = first if fields.primary is None else fields.primary
        if primary:
            Agency.objects.filter(country=values["country"], primary=True).update(primary=False)
        agency = Agency.objects.create(**values, primary=primary, added_by=actor.name)
        record(
            "referrals.agency-added",
            actor=actor,
            target=str(agency),
            details={**{k: v for k, v in values.items() if k != "recipient"}, "primary": primary,
                     "recipient": bool(values["recipient"])},
        )  # fmt: skip
    return agency


def find_agency(country: str, name: str) -> Agency:
    try:
        return Agency.objects.get(country=country.strip().upper(), name=name.strip())
    except Agency.DoesNotExist:
        raise NotFound(f"no agency '{name}' in {country.upper()} in the directory") from None


def remove_agency(country: str, name: str, actor: Actor) -> None:
    """Remove an agency nothing was sent to; one packages were sent to stays, for the log."""
    actor.require(Permission.AGENCIES)
    with transaction.atomic():
        agency = find_agency(country, name)
        if agency.disseminations.exists():
            raise Conflict(f"{agency}: packages were sent to it; it stays in the directory for the log")
        agency.delete()
        record("referrals.agency-removed", actor=actor, target=f"{name} ({country.upper()})")
