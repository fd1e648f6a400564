"""The disclosure's vocabularies, as Django choices. Each is defined once, by the format that carries
it (``formats/disclosure.py``, the contract with providers), and only mirrored here."""

from __future__ import annotations

from django.db import models

from tiaki.formats import disclosure as fmt


def _mirror(name: str, values: tuple[str, ...]) -> type[models.TextChoices]:
    return models.TextChoices(name, [(v.upper().replace("-", "_"), v) for v in values])  # type: ignore[call-overload]


IdentifierKind = _mirror("IdentifierKind", fmt.IDENTIFIER_KINDS)
IPEventKind = _mirror("IPEventKind", fmt.IP_EVENT_KINDS)
AccountStatus = _mirror("AccountStatus", fmt.ACCOUNT_STATUSES)
AccessAction = _mirror("AccessAction", fmt.ACCESS_ACTIONS)
VenueKind = _mirror("VenueKind", fmt.VENUE_KINDS)
MembershipRole = _mirror("MembershipRole", fmt.MEMBERSHIP_ROLES)


class FileRole(models.TextChoices):
    SOURCE = "source", "manifest, table or report"
    MEDIA = "media", "a shared file"
