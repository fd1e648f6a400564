"""Vocabularies of outcomes."""

from __future__ import annotations

from django.db import models


class OutcomeKind(models.TextChoices):
    """What a partner agency reports about one referred person. Each is a dated event; a person may
    have several (opened, searched, arrested, charged, convicted)."""

    INVESTIGATION = "investigation-opened", "investigation opened"
    SEARCH = "search-executed", "search executed"
    ARREST = "arrested", "arrested"
    CHARGE = "charged", "charged"
    CONVICTION = "convicted", "convicted"
    SAFEGUARDED = "children-safeguarded", "children safeguarded"
    NO_FURTHER_ACTION = "no-further-action", "no further action"
    PASSED_ON = "passed-to-another-agency", "passed to another agency"


NEEDS_CHILDREN = frozenset({OutcomeKind.SAFEGUARDED})
NEEDS_REASON = frozenset({OutcomeKind.NO_FURTHER_ACTION})
NEEDS_AGENCY = frozenset({OutcomeKind.PASSED_ON})
