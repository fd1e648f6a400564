"""Parsing of single cell values, shared by every reader. Each raises ``ValueError`` with a reason;
readers turn it into an :class:`~tiaki.formats.errors.InputError` naming file, row and field."""

from __future__ import annotations

import re
from datetime import datetime

_HEX = re.compile(r"^[0-9a-fA-F]+$")
HEX_LENGTHS = {"md5": 32, "sha1": 40, "sha256": 64, "pdq": 64}


def parse_timestamp(text: str) -> datetime:
    """ISO 8601 with an offset or ``Z``; a timestamp without one is an error."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not an ISO 8601 timestamp") from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"timestamp '{text}' has no UTC offset (add 'Z' or e.g. '+12:00')")
    return value


def parse_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    raise ValueError(f"'{text}' is not a boolean (true or false)")


def parse_hex(text: str, kind: str) -> str:
    """A digest or PDQ hash as lower-case hex of the right length for ``kind``."""
    value = text.strip()
    if not _HEX.match(value) or len(value) != HEX_LENGTHS[kind]:
        raise ValueError(f"'{text}' is not a {kind} ({HEX_LENGTHS[kind]} hex characters)")
    return value.lower()


def parse_country(text: str) -> str:
    value = text.strip().upper()
    if len(value) != 2 or not value.isalpha() or not value.isascii():
        raise ValueError(f"'{text}' is not an ISO 3166-1 alpha-2 country code")
    return value
