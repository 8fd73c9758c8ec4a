"""Counters written as a public page is served: the gap report's searches
(insights/counting.py) and the listings seekers found without text in their
language (providers/translating.py).

Each is one upsert in a transaction of its own. On PostgreSQL that transaction
commits asynchronously: the page does not wait for the write-ahead log to reach
the disk, and a crash of the database server (not of Rooted) could lose the last
moment's counts, never corrupt them. Nothing else is affected.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connections, router, transaction


@contextmanager
def counter_cursor(model: Any) -> Iterator[Any]:
    """A cursor on the database `model` is written to: on PostgreSQL in a transaction
    of its own, committed asynchronously."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        # One statement in autocommit: SQLite holds its table lock only for it.
        with connection.cursor() as cursor:
            yield cursor
        return
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield cursor
