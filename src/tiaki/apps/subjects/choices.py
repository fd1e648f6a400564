"""Vocabularies of persons, links, decisions, placement and records checks."""

from __future__ import annotations

from django.db import models

from tiaki.engines import resolution
from tiaki.formats import records


class LinkMethod(models.TextChoices):
    HARD = resolution.HARD, "a shared hard identifier"
    PROBABILISTIC = resolution.PROBABILISTIC, "the probabilistic model"
    INVESTIGATOR = "investigator", "an investigator's decision"


class DecisionKind(models.TextChoices):
    CONFIRM = "confirm-link", "these two accounts are one person"
    REJECT = "reject-link", "these two accounts are not one person"
    MERGE = "merge", "two persons are one"
    SPLIT = "split", "some accounts belong to someone else"


JOINING = frozenset({DecisionKind.CONFIRM, DecisionKind.MERGE})
SEPARATING = frozenset({DecisionKind.REJECT, DecisionKind.SPLIT})


class CaseStatus(models.TextChoices):
    NEW = "new", "new"
    IN_PROGRESS = "in-progress", "in progress"
    REFERRED = "referred", "referred"
    CLOSED = "closed", "closed"


class CountryBasis(models.TextChoices):
    IP_VOTE = "ip-vote", "a vote over the person's IP events"
    PHONE = "phone", "the country of the person's phone numbers"
    STATED = "stated", "the country stated on the accounts"
    NONE = "none", "no evidence"


class GeoSourceKind(models.TextChoices):
    SNAPSHOT = "snapshot", "a dated geolocation database"
    EMBEDDED = "embedded", "data shipped with the software"


RecordsFactKind = models.TextChoices(  # type: ignore[call-overload]
    "RecordsFactKind", [(f.upper(), f) for f in records.FACTS]
)
