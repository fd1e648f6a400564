"""Fast inserts of many rows for the services that write them (ingest, hash lists).

Building a Django model instance per row costs more than the insert itself at hundreds of thousands
of rows; this sends plain tuples instead: ``executemany`` on SQLite, ``COPY`` on PostgreSQL, inside
the caller's transaction. Values of date, time and JSON fields are prepared by their Django field as
the ORM would; other values go as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from django.db import connection, models

_PREPARED = (models.DateTimeField, models.DateField, models.JSONField)


def _preparer(
    model: type[models.Model], fields: Sequence[str]
) -> tuple[list[models.Field], Callable[[Sequence[object]], list[object]]]:
    """The model's fields named by ``fields`` (attribute names), and a function that readies a row of
    values for the database as the ORM would."""
    by_attname = {f.attname: f for f in model._meta.concrete_fields}
    columns = [by_attname[name] for name in fields]
    prepare = [(i, f) for i, f in enumerate(columns) if isinstance(f, _PREPARED)]

    def prepared(row: Sequence[object]) -> list[object]:
        values = list(row)
        for i, field in prepare:
            if values[i] is not None:
                values[i] = field.get_db_prep_save(values[i], connection)
        return values

    return columns, prepared


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Insert ``rows``: tuples in the order of ``fields`` (attribute names, e.g. ``account_id``)."""
    columns, prepared = _preparer(model, fields)
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(str(f.column)) for f in columns)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(prepared(row))
                    count += 1
        else:
            values = [prepared(row) for row in rows]
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", cast(Any, values))
            count = len(values)
    return count


def update_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Update many rows by primary key: each row is ``(pk, *values)`` in the order of ``fields``.
    One ``executemany`` instead of the ORM's per-batch CASE expressions."""
    columns, prepared = _preparer(model, fields)
    values = [(*prepared(row[1:]), row[0]) for row in rows]
    if not values:
        return 0
    assignments = ", ".join(f"{connection.ops.quote_name(str(f.column))} = %s" for f in columns)
    table = connection.ops.quote_name(model._meta.db_table)
    assert model._meta.pk is not None
    pk = connection.ops.quote_name(str(model._meta.pk.column))
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE {pk} = %s", cast(Any, values))
    return len(values)


def refresh_statistics() -> None:
    """After a run has rewritten many rows: the query planner's statistics. SQLite keeps none until
    told (``ANALYZE``), and without them it reads a large operation's persons in full to sort one page
    of the triage queue; PostgreSQL's autovacuum keeps its own."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
