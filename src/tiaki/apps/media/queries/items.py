"""Media records, and the rules *known* and *new*: an item is known when it matched an entry of a
known-material list, new otherwise; who graded it is a separate fact, kept on its grade."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from tiaki.apps.core import scope
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission
from tiaki.apps.media.choices import MediaKind
from tiaki.apps.media.models import (
    Match,
    MediaGroup,
    MediaItem,
)
from tiaki.apps.operations.models import Operation
from tiaki.errors import Invalid, NotFound

TO_PERSON = "uploads__upload__account__" + scope.ACCOUNT


def is_known() -> Exists:
    """The one definition of known material, as an expression over a media item."""
    return Exists(Match.objects.filter(media=OuterRef("pk")))


def known(items: QuerySet[MediaItem]) -> QuerySet[MediaItem]:
    return items.filter(is_known())


def new(items: QuerySet[MediaItem]) -> QuerySet[MediaItem]:
    return items.filter(~Q(is_known()))


def media_items(actor: Actor, operation: Operation) -> QuerySet[MediaItem]:
    """The operation's media records that ``actor`` may see (a scoped actor: those uploaded by
    persons placed in scope)."""
    actor.require(Permission.READ_CASE)
    found = MediaItem.objects.filter(operation=operation)
    return scope.restrict(actor, found, TO_PERSON, fans_out=True)


def find_item(actor: Actor, operation: Operation, key: str) -> MediaItem:
    """One item by its key (SHA-256) or enough of its start."""
    if len(key) < 6:
        raise Invalid(f"'{key}': give at least 6 characters of the item's key")
    found = list(media_items(actor, operation).filter(key__startswith=key).order_by("key")[:2])
    if len(found) != 1:
        if not found:
            raise NotFound(f"'{key}' matches no media item of '{operation.name}'")
        raise Invalid(f"'{key}' matches several media items of '{operation.name}' (give more characters)")
    return found[0]


@dataclass
class MediaSummary:
    items: int
    images: int
    videos: int
    errors: int
    known: int
    new: int
    matches: int
    groups_to_review: int

    @property
    def needing_review(self) -> float:
        """Share of media a person still has to look at: one look per near-duplicate group of new
        media, none for known material."""
        return self.groups_to_review / self.items if self.items else 0.0


def summarise(actor: Actor, operation: Operation) -> MediaSummary:
    items = media_items(actor, operation)
    total = items.count()
    known_count = known(items).count()
    return MediaSummary(
        items=total,
        images=items.filter(kind=MediaKind.IMAGE).count(),
        videos=items.filter(kind=MediaKind.VIDEO).count(),
        errors=items.exclude(error="").count(),
        known=known_count,
        new=total - known_count,
        matches=Match.objects.filter(media__in=items).count(),
        groups_to_review=MediaGroup.objects.filter(operation=operation, members__in=items).distinct().count(),
    )
