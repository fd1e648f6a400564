"""Parsing of single cell values, shared by every reader. Each raises ``ValueError`` with a reason;
readers turn it into an :class:`~tiaki.formats.errors.InputError` naming file, row and field."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry

_HEX = re.compile(r"^[0-9a-fA-F]+$")
HEX_LENGTHS = {"md5": 32, "sha1": 40, "sha256": 64, "pdq": 64}

# Timestamps outside these years are refused: they are mistakes or hostile (a year-1 timestamp with
# an offset cannot even be converted to UTC), and some databases cannot store them.
MIN_YEAR = 1970
MAX_YEAR = 2099

# The longest value each field may hold: the database columns' lengths, so that what one database
# accepts another does not refuse. Fields not named here are checked by their own parser.
MAX_LENGTHS: dict[str, int] = {
    "account_id": 200,
    "upload_id": 200,
    "venue_id": 200,
    "disclosure_id": 200,
    "platform": 200,
    "provider.name": 200,
    "provider.contact": 200,
    "legal_reference": 300,
    "username": 300,
    "display_name": 300,
    "name": 300,  # a venue's name
    "profile_url": 500,
    "url": 500,  # a venue's url
    "value": 500,  # an identifier's value
    "file": 500,
    "original_name": 500,
    "ip": 45,
    "stated_country": 2,
    "detail": 500,  # a records-check fact's detail
    "source": 200,  # a records-check fact's source
}


# Two writings of ISO 8601 that Python's parser does not read: an ordinal date (the year and the day
# of the year: ``2019-060``, ``2019060``) and the end of a day written ``24:00`` (``T24:00:00Z`` is
# the next day's ``T00:00:00Z``).
_ORDINAL = re.compile(r"^([0-9]{4})-?([0-9]{3})(?![0-9-])")
_END_OF_DAY = re.compile(r"^([^T ]+)([T ])24(:?00(:?00(\.0+)?)?)?(?=[Z+-]|$)")
# ISO 8601 writes its digits in ASCII; Python's parser also reads other scripts' digits, and stops
# at a NUL: anything but these characters is refused before it parses.
_TIMESTAMP_CHARACTERS = re.compile(r"[0-9Tt:.,+\-Z W]*", re.ASCII)


def timestamp_characters(text: str) -> bool:
    """Whether ``text`` holds only what an ISO 8601 timestamp is written with (ASCII digits, the
    separators, ``T``, ``Z``, ``W``): the check before Python's parser, which reads more."""
    return _TIMESTAMP_CHARACTERS.fullmatch(text) is not None


class _NoSuchDay(ValueError):
    """An ordinal date past the end of its year: said as such, not as an unreadable timestamp."""


def _iso(text: str) -> datetime:
    ordinal = _ORDINAL.match(text)
    if ordinal is not None:
        year, day = int(ordinal.group(1)), int(ordinal.group(2))
        if not 1 <= day <= (366 if calendar.isleap(year) else 365):
            raise _NoSuchDay(f"'{_clip(text)}' names day {day} of {year}, which has no such day")
        text = (date(year, 1, 1) + timedelta(days=day - 1)).isoformat() + text[ordinal.end() :]
    end = _END_OF_DAY.match(text)
    if end is not None:
        midnight = f"{end.group(1)}{end.group(2)}00:00{text[end.end() :]}"
        return datetime.fromisoformat(midnight) + timedelta(days=1)
    return datetime.fromisoformat(text)


def parse_timestamp(text: str) -> datetime:
    """ISO 8601 with an offset or ``Z``, in the years 1970 to 2099 (also an ordinal date, and the end
    of a day written ``24:00``); anything else is an error."""
    if not timestamp_characters(text):
        raise ValueError(f"'{_clip(text)}' is not an ISO 8601 timestamp")
    try:
        value = _iso(text)
    except _NoSuchDay:
        raise
    except (ValueError, OverflowError):
        raise ValueError(f"'{_clip(text)}' is not an ISO 8601 timestamp") from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"timestamp '{_clip(text)}' has no UTC offset (add 'Z' or e.g. '+12:00')")
    check_year(value)
    return value


def check_year(value: datetime) -> datetime:
    """``value`` when its year is between ``MIN_YEAR`` and ``MAX_YEAR``; a ``ValueError`` otherwise."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"timestamp '{value.isoformat()}' is outside the years {MIN_YEAR} to {MAX_YEAR}")
    return value


def check_text(field: str, text: str, multiline: bool = True) -> str:
    """``text`` unchanged, or a ``ValueError`` when it holds a NUL character, is longer than the
    field's limit in ``MAX_LENGTHS``, or (unless ``multiline``) holds a line break."""
    if "\x00" in text:
        raise ValueError("holds a NUL character")
    limit = MAX_LENGTHS.get(field)
    if limit is not None and len(text) > limit:
        raise ValueError(f"is {len(text)} characters long, more than the limit of {limit}")
    if not multiline and ("\n" in text or "\r" in text):
        raise ValueError("holds a line break (is a quote missing or stray in the row?)")
    return text


# What acts on a terminal or on how text reads rather than being read: C0 and C1 control characters
# (tab and line feed aside) and DEL (ESC starts a terminal's escape sequences: a link, a colour, a
# cursor moved over what was printed), and the bidirectional embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069), which reverse what a reader sees. The marks LRM and RLM stay: text
# in Arabic or Hebrew needs them.
_ACTING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def typed_text(text: str) -> str:
    """Text a person writes into a form or a request (a note, a reason, an agency's name), with its
    line endings made ``\\n``; a ``ValueError`` naming the first character that would act on a
    terminal or on the reading instead of being read (:data:`_ACTING`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = _ACTING.search(text)
    if found is not None:
        raise ValueError(f"holds the control character U+{ord(found.group()):04X}, which is not accepted")
    return text


def shown(text: str) -> str:
    """``text`` for a terminal: each character :func:`typed_text` refuses written as an escape
    (``\\x1b``, ``\\u202e``), so that text stored before the rule, or from a source that does not
    follow it, is read and never acts."""
    return _ACTING.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


def parse_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    raise ValueError(f"'{_clip(text)}' is not a boolean (true or false)")


def parse_hex(text: str, kind: str) -> str:
    """A digest or PDQ hash as lower-case hex of the right length for ``kind``."""
    value = text.strip()
    if not _HEX.match(value) or len(value) != HEX_LENGTHS[kind]:
        raise ValueError(f"'{_clip(text)}' is not a {kind} ({HEX_LENGTHS[kind]} hex characters)")
    return value.lower()


def parse_country(text: str) -> str:
    value = text.strip().upper()
    if len(value) != 2 or not value.isalpha() or not value.isascii():
        raise ValueError(f"'{_clip(text)}' is not an ISO 3166-1 alpha-2 country code")
    return value


def parse_stated_country(text: str) -> str | None:
    """A country an account states, as ISO 3166-1 alpha-2 (:func:`parse_country`): ``UK``, which ISO
    reserves for the United Kingdom, is ``GB``; a code that names no country (``ZZ``, ``XX``, ``EU``)
    is no stated country, ``None``, so that nothing is placed or referred there."""
    value = parse_country(text)
    if value == "UK":
        return "GB"
    try:
        return parse_country_code(value)
    except ValueError:
        return None


def _clip(text: str, limit: int = 80) -> str:
    """``text`` for an error message: at most ``limit`` characters, NUL shown as ``\\0``."""
    text = text.replace("\x00", "\\0")
    return text if len(text) <= limit else text[:limit] + "..."


def parse_xs_datetime(text: str, timezone: str | None = None) -> datetime:
    """An XML Schema ``xs:dateTime`` (ISO 8601, fractional seconds allowed).

    A value with an offset or ``Z`` is read as written. A value without one is refused, unless
    ``timezone`` (an IANA name such as ``"Pacific/Auckland"``) says which zone the source wrote local
    times in; the offset is then that zone's at that moment. Nothing is guessed.
    """
    value = text.strip()
    try:
        if not timestamp_characters(value):
            raise ValueError(value)
        parsed = _iso(value)  # also 24:00:00, the end of a day, which xs:dateTime allows
    except (ValueError, OverflowError):
        raise ValueError(f"'{_clip(text)}' is not an ISO 8601 date and time") from None
    if parsed.tzinfo is not None and parsed.utcoffset() is not None:
        return parsed
    if timezone is None:
        raise ValueError(
            f"'{_clip(text)}' has no UTC offset; give the zone the source writes local times in with "
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
