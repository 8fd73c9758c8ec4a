"""The search index's terms as bits, on PostgreSQL: what makes the counts cheap.

Each term's searchable listings are kept as bit strings of 8,192 bits, one per
segment of listing ids (`SearchBits`): bit n of segment s is listing
s * 8,192 + n. A set of listings is then a few such strings, and how many
listings of a set have each term is, per segment, an AND and a count of ones
(`bit_count`): work that grows with the directory's size over 8,192, never with
how many listings a search finds. directory/counts.py reads them.

`bits_change` is called by providers.search_index with what the listings it
re-indexed had before and have now, inside the same transaction, so the bits
always say what the SearchTerm rows say. On SQLite, which has no operators on
bits, nothing is kept and the counts group the SearchTerm rows instead.

The aggregate `search_bits_of(position, 1)` (migration 0025) turns a set of
positions into one segment's bits; PostgreSQL's parallel workers can each make
part of a large set's bits and merge them (migration 0029).
"""

from collections.abc import Iterable

from django.db import connection

from providers.models import SearchBits

# The listings a row holds: also the length of the zeros migration 0025's aggregate
# starts from, so a different size needs a migration that makes it again.
SEGMENT = 8192
TABLE = SearchBits._meta.db_table


def kept() -> bool:
    """Whether this database keeps the bits (PostgreSQL)."""
    return connection.vendor == "postgresql"


def bits_change(before: dict[int, set[str]], after: dict[int, set[str]]) -> None:
    """Move the bits from the terms these listings had to the terms they have now."""
    if not kept():
        return
    rows = []
    for listing_id in before.keys() | after.keys():
        old, new = before.get(listing_id, set()), after.get(listing_id, set())
        segment, position = divmod(listing_id, SEGMENT)
        rows += [(term, segment, position, True) for term in new - old]
        rows += [(term, segment, position, False) for term in old - new]
    if not rows:
        return
    rows.sort()
    terms, segments, positions, added = (list(column) for column in zip(*rows, strict=True))
    # One statement for the whole change, its rows in key order, so two writers at
    # once take the rows' locks in the same order.
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH change AS (
                SELECT term, segment,
                       search_bits_of(position, 1) FILTER (WHERE added) AS added,
                       search_bits_of(position, 1) FILTER (WHERE NOT added) AS removed
                FROM unnest(%s::text[], %s::int[], %s::int[], %s::bool[])
                    AS row (term, segment, position, added)
                GROUP BY term, segment
            )
            INSERT INTO {TABLE} AS kept (term, segment, bits)
            SELECT term, segment, added FROM change ORDER BY term, segment
            ON CONFLICT (term, segment) DO UPDATE SET bits = (kept.bits | excluded.bits) & ~(
                SELECT removed FROM change
                WHERE change.term = excluded.term AND change.segment = excluded.segment
            )
            """,
            [terms, segments, positions, added],
        )


def codes_sql(codes: Iterable[str]) -> tuple[str, list]:
    """The listings with any of these term codes, as (segment, bits) rows."""
    return (
        f"SELECT segment, bit_or(bits) AS bits FROM {TABLE} WHERE term = ANY(%s) GROUP BY segment",
        [list(codes)],
    )


def ids_sql(sql: str, params: list | tuple) -> tuple[str, list]:
    """The listings whose ids a query selects (one column), as (segment, bits) rows."""
    return (
        f"SELECT id / {SEGMENT} AS segment, search_bits_of((id %% {SEGMENT})::int, 1) AS bits "
        f"FROM ({sql}) AS found (id) GROUP BY 1",
        list(params),
    )
