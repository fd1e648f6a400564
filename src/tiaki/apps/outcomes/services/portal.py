"""What a partner reads and takes from the portal, each audited: the dossier read online and the
package file downloaded."""

from __future__ import annotations

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.operations.models import Operation
from tiaki.apps.outcomes.queries.sent import SentContent, send, sent_content, sent_file


def read_dossier(operation: Operation, send_id: int, actor: Actor) -> SentContent:
    """The package's content as sent, for reading its dossier online; audited."""
    return _read(operation, send_id, actor, "outcomes.dossier-read")


def view_send(operation: Operation, send_id: int, actor: Actor) -> SentContent:
    """The package's content as sent, for the send's page (its persons and their outcomes); audited
    apart from reading the dossier."""
    return _read(operation, send_id, actor, "outcomes.send-viewed")


def _read(operation: Operation, send_id: int, actor: Actor, action: str) -> SentContent:
    sent = send(actor, operation, send_id)
    content = sent_content(sent)
    record(
        action,
        actor=actor,
        operation=operation.name,
        target=sent.country,
        details={"send": sent.pk, "manifest_sha256": sent.manifest_sha256},
    )
    return content


def download(operation: Operation, send_id: int, actor: Actor) -> tuple[str, bytes]:
    """The file that was sent (encrypted to the agency's key when it was sealed); audited."""
    sent = send(actor, operation, send_id)
    name, data = sent_file(sent)
    record(
        "outcomes.package-downloaded",
        actor=actor,
        operation=operation.name,
        target=sent.country,
        details={"send": sent.pk, "file": name, "sha256": sent.sent_sha256},
    )
    return name, data
