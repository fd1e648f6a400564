"""Who is acting, in what role, and what they may see.

Every service and every read takes an :class:`Actor`. A person signs in and acts in one role within
an operation; a system principal (the local command line, a scheduled job) acts with the role it was
given. ``countries`` is the actor's scope: ``None`` sees every country, a set sees only persons placed
in those countries and the records that belong to them (a partner agency's officers, a unit working
one region).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from tiaki.apps.core.roles import GRANTS, Permission, Role
from tiaki.errors import Forbidden


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # as written in the audit log, e.g. "user:alice" or "cli:root"
    role: Role
    countries: frozenset[str] | None = None  # None: every country
    agency: str = ""
    system: bool = False
    user_id: int | None = None

    def __str__(self) -> str:
        return self.name

    @property
    def scoped(self) -> bool:
        return self.countries is not None

    def may(self, permission: Permission) -> bool:
        return permission in GRANTS[self.role]

    def require(self, permission: Permission) -> None:
        """Raise :class:`Forbidden` unless the actor's role grants ``permission``."""
        if not self.may(permission):
            raise Forbidden(f"{self.name} ({self.role.label}) may not {permission.label}")

    def sees_country(self, country: str) -> bool:
        return self.countries is None or country in self.countries


def local_operator() -> Actor:
    """The person at this machine's command line: the case is theirs, every country, every action."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return Actor(name=f"cli:{user}", role=Role.ADMIN, system=True)


SYSTEM = Actor(name="system", role=Role.ADMIN, system=True)
