"""Opening the case: Django set up, the data directory and the case database checked or created.

Commands that only read (``audit verify``, ``export``, ``person show``) never create a case: under a
mistyped ``TIAKI_DATA_DIR`` they say that there is no case there, instead of reporting an empty one.
"""

from __future__ import annotations

import os
from pathlib import Path

from tiaki.apps.core.actor import Actor, local_operator
from tiaki.errors import Invalid, NotFound, Unavailable


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tiaki.config.settings")
    import django

    django.setup()


def open_case(*, create: bool = True) -> Actor:
    """Set up Django and reach the case database, creating the data directory and the database (or
    bringing its tables up to date) when ``create``; otherwise refuse when there is no case yet.
    Returns the local operator, the actor of every command."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import DatabaseError, connection
    from django.db.migrations.exceptions import InconsistentMigrationHistory

    data = Path(settings.DATA_DIR)
    sqlite = connection.vendor == "sqlite"
    if sqlite and not create and not Path(str(settings.DATABASES["default"]["NAME"])).is_file():
        raise NotFound(f"no case in {data} (set TIAKI_DATA_DIR to the data directory of a case)")
    if create:
        data.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Everything the case writes from here on (database, evidence, packages, exports) is the user's alone.
    os.umask(0o077)
    try:
        connection.ensure_connection()
        if create:
            call_command("migrate", verbosity=0, interactive=False)
        elif "operations_operation" not in connection.introspection.table_names():
            raise NotFound(f"no case in {describe_database()} (create one with `tiaki ingest`)")
    except InconsistentMigrationHistory:
        raise Invalid(
            f"the case in {describe_database()} was made by an incompatible version of tiaki; there is no "
            "upgrade path from it: open it with the version that made it"
        ) from None
    except DatabaseError as exc:
        raise Unavailable(
            f"cannot open the case database: {describe_database()}: {first_line(exc)}"
        ) from None
    return local_operator()


def describe_database() -> str:
    """Where the case database is, without any password."""
    from django.db import connection

    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return str(s["NAME"])
    return (
        f"{connection.vendor} at {s.get('HOST') or 'localhost'}:{s.get('PORT') or 'default port'}/{s['NAME']}"
    )


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
