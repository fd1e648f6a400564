"""Parsing of single cell values, shared by every reader. Each raises ``ValueError`` with a reason;
readers turn it into an :class:`~tiaki.formats.errors.InputError` naming file, row and field."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry

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


def parse_xs_datetime(text: str, timezone: str | None = None) -> datetime:
    """An XML Schema ``xs:dateTime`` (ISO 8601, fractional seconds allowed).

    A value with an offset or ``Z`` is read as written. A value without one is refused, unless
    ``timezone`` (an IANA name such as ``"Pacific/Auckland"``) says which zone the source wrote local
    times in; the offset is then that zone's at that moment. Nothing is guessed.
    """
    value = text.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{text}' is not an ISO 8601 date and time") from None
    if parsed.tzinfo is not None and parsed.utcoffset() is not None:
        return parsed
    if timezone is None:
        raise ValueError(
            f"'{text}' has no UTC offset; give the zone the source writes local times in with "
            "--timezone (e.g. --timezone America/New_York) rather than have it guessed"
        )
    return parsed.replace(tzinfo=zone(timezone))


def zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name``; ``ValueError`` naming it when it does not exist."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"'{name}' is not an IANA time zone (e.g. Pacific/Auckland, UTC)") from None


def parse_country_code(text: str) -> str:
    """An ISO 3166-1 alpha-2 code that exists (checked against ``pycountry``; ``XK`` is accepted for
    Kosovo, which the standard leaves user-assigned but every exchange uses). Upper case."""
    value = text.strip().upper()
    if value == "XK" or (len(value) == 2 and value.isascii() and pycountry.countries.get(alpha_2=value)):
        return value
    raise ValueError(f"'{text}' is not an ISO 3166-1 alpha-2 country code")
