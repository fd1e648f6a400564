"""Template helpers: what the actor's role allows (from the one table in ``apps/core/roles.py``)."""

from __future__ import annotations

from django import template

from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Permission

register = template.Library()


@register.filter
def may(actor: Actor | None, permission: str) -> bool:
    """``{% if actor|may:"read-audit" %}``: whether the actor's role grants the permission."""
    return actor is not None and actor.may(Permission(permission))
