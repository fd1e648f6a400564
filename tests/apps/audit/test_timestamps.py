"""A signed checkpoint time-stamped by an RFC 3161 authority: request written, response checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import actor
from requirements import tool
from tiaki.apps.audit.services import log
from tiaki.apps.audit.services.timestamps import accept_timestamp, request_timestamp
from tiaki.apps.core import keys
from tiaki.errors import Invalid, NotFound
from timestamping import make_tsa, reply

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_checkpoint_is_time_stamped_and_a_wrong_response_refused(tmp_path: Path):
    openssl = tool("openssl")
    with pytest.raises(NotFound):
        request_timestamp(actor())  # no key, no signed checkpoint
    keys.init("unit-1")
    log.record("test.event", actor=actor())
    request = request_timestamp(actor())
    tsa = make_tsa(tmp_path / "tsa")
    other = tmp_path / "other.tsr"
    other.write_bytes(
        reply(openssl, tsa, (tmp_path / "tsa" / "serial").read_bytes() and request.read_bytes())
    )
    stamp = accept_timestamp(other, actor())
    assert stamp.serial_number >= 1 and request.with_suffix(".tsr").is_file()
    junk = tmp_path / "junk.tsr"
    junk.write_bytes(b"not a response")
    with pytest.raises(Invalid, match="answers none"):
        accept_timestamp(junk, actor())
