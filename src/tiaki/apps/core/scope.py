"""The one definition of "placed" and of what a country-scoped actor may see.

A person is *placed* when the locate stage gave them a country and did not leave it for review; only
placed persons go into packages. A country-scoped actor sees a person exactly when the person is
placed in one of the actor's countries, and sees an account, an identifier, an IP event, an upload or
a media record exactly when it belongs to such a person. Reads in every app build their filters here,
given the ORM path from their model to the person (e.g. ``"person_link__person__"`` from an account).
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, Q, QuerySet

from tiaki.apps.core.actor import Actor

M = TypeVar("M", bound=Model)

PERSON = ""
ACCOUNT = "person_link__person__"


def placed(to_person: str = PERSON) -> Q:
    """Persons (or records reached through ``to_person``) with a country and no review pending."""
    return Q(**{f"{to_person}needs_review": False}) & ~Q(**{f"{to_person}country": ""})


def visible(actor: Actor, to_person: str = PERSON) -> Q:
    """What ``actor`` may see: everything when unscoped, else records of persons placed in scope."""
    if actor.countries is None:
        return Q()
    return placed(to_person) & Q(**{f"{to_person}country__in": sorted(actor.countries)})


def restrict(
    actor: Actor, queryset: QuerySet[M], to_person: str = PERSON, *, fans_out: bool = False
) -> QuerySet[M]:
    """``queryset`` narrowed to what ``actor`` may see; ``fans_out`` when the path to the person
    crosses a one-to-many relation (a media item reached through its uploads), to keep rows distinct."""
    if actor.countries is None:
        return queryset
    narrowed = queryset.filter(visible(actor, to_person))
    return narrowed.distinct() if fans_out else narrowed
