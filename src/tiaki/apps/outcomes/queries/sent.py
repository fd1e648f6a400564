"""The sends a partner may see, and the content of what was sent.

A partner agency's user sees exactly the sends (``Dissemination``) addressed to their agency in their
country, in the operations they hold the partner role in. Anyone else with the right to read packages
sees the sends of their country scope. An id outside that answers as if it did not exist.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from tiaki.apps.access.models import Membership
from tiaki.apps.access.queries import actor_for
from tiaki.apps.core import datadir
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Role
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.models import Dissemination
from tiaki.apps.referrals.queries import disseminations
from tiaki.errors import Conflict, NotFound
from tiaki.formats.dossier import HTML_NAME
from tiaki.formats.package import MANIFEST


def send(actor: Actor, operation: Operation, send_id: int) -> Dissemination:
    """One send ``actor`` may see: :class:`NotFound` for any other id, whether it exists or not."""
    found = disseminations(actor, operation).filter(pk=send_id).first()
    if found is None:
        raise NotFound(f"no package #{send_id} for you in '{operation.name}'")
    return found


@dataclass(frozen=True)
class SentContent:
    """The files of the package exactly as sent (read from its zip, checked against the digests
    recorded when it was written and sent)."""

    files: dict[str, bytes]

    @property
    def manifest(self) -> dict[str, Any]:
        return dict(json.loads(self.files[MANIFEST]))

    @property
    def dossier_html(self) -> str:
        return self.files[HTML_NAME].decode()

    def records(self, name: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.files[name].decode("utf-8-sig"))))


def _checked(stored: str, sha256: str, country: str) -> bytes:
    path = datadir.absolute(stored)
    if not path.is_file():
        raise NotFound(f"the {country} package's file is missing; ask the sender to send it again")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise Conflict(
            f"the {country} package's file has changed since it was sent; ask the sender to send it again"
        )
    return data


def sent_content(sent: Dissemination) -> SentContent:
    """The package's files as sent, from the copy kept when it was sent (checked against its
    SHA-256). A send recorded before copies were kept is read from the package while it is still the
    one sent (its manifest unchanged); :class:`Conflict` once a later run rewrote it."""
    if sent.zip_file:
        data = _checked(sent.zip_file, sent.zip_sha256, sent.country)
    else:
        package = sent.package
        if package is None or package.manifest_sha256 != sent.manifest_sha256:
            raise Conflict(
                f"the {sent.country} package sent on {sent.sent_at:%Y-%m-%d} has since been rewritten; "
                "ask the sender to send it again"
            )
        data = _checked(package.zip_path, package.zip_sha256, sent.country)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name.split("/", 1)[-1]: archive.read(name) for name in archive.namelist()}
    return SentContent(files)


def sent_file(sent: Dissemination) -> tuple[str, bytes]:
    """The file that went (sealed, or the zip when it was not sealed), checked against its recorded
    SHA-256: (file name, bytes)."""
    return datadir.absolute(sent.sent_file).name, _checked(sent.sent_file, sent.sent_sha256, sent.country)


@dataclass(frozen=True)
class ReferredPerson:
    person: str
    priority: str
    score: int | None
    reasons: str
    # Placed where they moved to: the country they left and the first day in this one ("" otherwise,
    # and in packages made before persons.csv carried them).
    moved_from: str = ""
    moved_since: str = ""


def referred_persons(content: SentContent) -> list[ReferredPerson]:
    """The persons of a package as sent, in its order."""
    return [
        ReferredPerson(
            person=row["person_id"],
            priority=row.get("priority", ""),
            score=int(row["triage_score"]) if row.get("triage_score", "").lstrip("-").isdigit() else None,
            reasons=row.get("triage_reasons", ""),
            moved_from=row.get("moved_from") or "",
            moved_since=row.get("moved_since") or "",
        )
        for row in content.records("persons.csv")
    ]


@dataclass(frozen=True)
class InboxEntry:
    """One operation's sends to a partner's agency."""

    operation: Operation
    actor: Actor
    sends: list[Dissemination]


def partner_inbox(user_id: int, username: str) -> list[InboxEntry]:
    """Every operation the user holds the partner role in, with the sends to their agency."""
    entries = []
    for membership in (
        Membership.objects.filter(user_id=user_id, active=True, role=Role.PARTNER)
        .select_related("operation")
        .order_by("operation__name")
    ):
        actor = actor_for(user_id, username, membership.operation)
        entries.append(
            InboxEntry(membership.operation, actor, list(disseminations(actor, membership.operation)))
        )
    return entries
