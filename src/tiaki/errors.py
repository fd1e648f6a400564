"""The project's one family of errors, at the bottom of every layer.

Every layer raises these (readers raise :class:`Invalid` through ``formats.errors.InputError``), and
every front end maps them the same way: the command line prints the message on one line and exits
with status 2; the web and API layers answer 404, 409, 422, 403 and 503.
"""

from __future__ import annotations


class TiakiError(Exception):
    """Anything the user can act on: the message says what is wrong and, where it can, how to fix it."""

    http_status = 400


class NotFound(TiakiError):
    """The thing asked for does not exist (or the actor may not know that it does)."""

    http_status = 404


class Conflict(TiakiError):
    """The request contradicts what is already recorded (a different list under the same name, a
    disclosure id with other content, a second run of an operation already running)."""

    http_status = 409


class Invalid(TiakiError, ValueError):
    """Bad input: a file, a row, a field or an option that cannot be accepted as it is."""

    http_status = 422


class Forbidden(TiakiError):
    """The actor's role or scope does not allow this."""

    http_status = 403


class Unavailable(TiakiError):
    """A resource the request needs cannot be reached: the case database, a data directory."""

    http_status = 503
