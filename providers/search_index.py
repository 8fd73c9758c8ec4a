"""The search index: which listings the public can find, and what each one has.

A searchable listing (published, confirmed within the year, not hidden by its
owner) has one `SearchEntry` row and a `SearchTerm` row for each thing a search
can ask for; on PostgreSQL, `SearchBits` holds each term's listings as bits
(providers.search_bits), from which the counts beside a search are read.
Search filters, ranks and counts on these rows alone (directory/criteria.py,
directory/selectors.py, directory/counts.py); the words are matched on the listing's
`SearchDocument`s, written by PostgreSQL triggers (migrations 0007 and 0028).

The services that change what the public sees call `search_index_update` with
the listings they changed, inside their own transaction: approving, self-service
changes, hiding, suspending, restoring, confirming, deleting, the importers and
the demo seed. The work is proportional to those listings, never to the
directory; drafts and pending changes are never indexed. What time alone
changes is brought up to date when `mark_stale` next runs (hourly: README,
`search_index_age`): listings unconfirmed for 180 days rank after fresher ones,
and those that pass a year unconfirmed leave the index.
Renaming a vocabulary term changes nothing here: terms are held by id.

Term codes, by what a search asks for:

    speaks:<language id>     the provider speaks it
    language:<language id>   speaks it, or offers an interpreter for it
    identity:<identity id>   identifies as
    experience:<identity id> experienced with, or identifies as
    specialty:, approach:, insurance:, age:, format:, access:, payment: <term id>
    kind:<kind>              clinician, practice, community, crisis-line
    online:<state>           sees clients there by video or phone
    sliding, free, accepting cost and availability flags
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from functools import cache, reduce
from operator import or_

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from providers.models import (
    HIDDEN_AFTER,
    STALE_AFTER,
    Insurance,
    Listing,
    ListingLanguage,
    SearchBits,
    SearchEntry,
    SearchTerm,
    ServiceArea,
)
from providers.search_bits import bits_change
from providers.vocabulary import through_of

# SAMHSA's "SS": a sliding scale whose floor is not known, recorded as insurance.
SLIDING_SCALE_INSURANCE = "sliding-scale-without-insurance"
# Many-to-many field of Listing -> the code prefix of its terms.
VOCABULARY_CODES = {
    "identifies_as": "identity",
    "experienced_with": "experience",
    "specialties": "specialty",
    "approaches": "approach",
    "insurance": "insurance",
    "ages": "age",
    "formats": "format",
    "accessibility": "access",
    "payment_methods": "payment",
}
FLAGS = ("sliding", "free", "accepting")
# Listings indexed per round of queries when many change at once (imports, seeds).
CHUNK = 2_000
# Terms written per statement (two parameters each).
TERM_BATCH = 400


def listing_terms(listing_ids: list[int]) -> dict[int, set[str]]:
    """Every term code of these listings, from their languages, places and vocabularies,
    read in one query (an edit indexes one listing: each round trip counts)."""
    terms: dict[int, set[str]] = defaultdict(set)
    if not listing_ids:
        return terms
    ids = ", ".join(["(%s)"] * len(listing_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH ids (id) AS (VALUES {ids}) {_term_sources()}",
            [*listing_ids, ListingLanguage.Offered.SPEAKS, SLIDING_SCALE_INSURANCE],
        )
        for listing_id, prefix, value in cursor.fetchall():
            terms[listing_id].add(f"{prefix}:{value}" if value else prefix)
    return terms


@cache
def _term_sources() -> str:
    """The SELECTs of `listing_terms`, one for each place a term comes from, as rows of
    (listing id, code prefix, value); `ids` holds the listings asked for."""
    q = connection.ops.quote_name

    def rows(table: str, prefix: str, value: str, where: str = "") -> str:
        return (
            f"SELECT listing_id, '{prefix}', CAST({value} AS TEXT) FROM {q(table)} "
            f"WHERE listing_id IN (SELECT id FROM ids){where}"
        )

    languages = ListingLanguage._meta.db_table
    parts = [
        rows(languages, "language", "language_id"),
        rows(languages, "speaks", "language_id", " AND offered = %s"),
    ]
    for field, prefix in VOCABULARY_CODES.items():
        through, column = through_of(field)
        parts.append(rows(through._meta.db_table, prefix, q(column)))
    through, column = through_of("insurance")
    parts.append(
        rows(
            through._meta.db_table,
            "sliding",
            "''",
            f" AND {q(column)} IN (SELECT id FROM {q(Insurance._meta.db_table)} WHERE slug = %s)",
        )
    )
    parts.append(rows(ServiceArea._meta.db_table, "online", "state"))
    return " UNION ALL ".join(parts)


def _entries(
    listing_ids: list[int], now: datetime
) -> tuple[list[SearchEntry], list[tuple[int, str]]]:
    """The listings' index entries, and their terms as (listing id, code) rows."""
    found_rows = (
        Listing.objects.filter(pk__in=listing_ids)
        .searchable(now)
        .values_list(
            "pk",
            "kind",
            "name",
            "last_confirmed_at",
            "fee_min",
            "sliding_scale_min",
            "free",
            "accepting_new_clients",
            "video",
            "phone_sessions",
            "availability_set_at",
        )
    )
    rows = list(found_rows)
    found = listing_terms([row[0] for row in rows])
    entries, terms = [], []
    for row in rows:
        pk, kind, name, confirmed, fee_min, sliding_min, free, accepting, video, phone, set_at = row
        codes = found.get(pk, set())
        # Identifying as part of a community is also knowing it from within.
        codes |= {f"experience:{code[9:]}" for code in codes if code.startswith("identity:")}
        if not (video or phone):
            codes = {code for code in codes if not code.startswith("online:")}
        codes.add(f"kind:{kind}")
        flags = (sliding_min is not None or "sliding" in codes, free, accepting)
        codes |= {flag for flag, has in zip(FLAGS, flags, strict=True) if has}
        prices = [price for price in (sliding_min, fee_min) if price is not None]
        lowest = 0 if free else min(prices, default=None)
        assert confirmed is not None  # searchable(): confirmed within the year
        takes_clients = accepting or kind == Listing.Kind.CRISIS_LINE
        entries.append(
            SearchEntry(
                listing_id=pk,
                kind=kind,
                name=name,
                confirmed_at=confirmed,
                accepting_as_of=max(confirmed, set_at or confirmed) if takes_clients else None,
                lowest_fee=lowest,
                accepting=takes_clients,
                fresh=confirmed >= now - STALE_AFTER,
            )
        )
        terms += [(pk, code) for code in sorted(codes)]
    return entries, terms


def search_index_update(*, listing_ids: Iterable[int], now: datetime | None = None) -> None:
    """The search index holds these listings exactly as the public may now find them
    (or not at all); call inside the transaction that changed them."""
    ids = sorted(set(listing_ids))
    now = now or timezone.now()
    before: dict[int, set[str]] = defaultdict(set)
    after: dict[int, set[str]] = defaultdict(set)
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            chunk = _locked(ids[start : start + CHUNK])
            entries, terms = _entries(chunk, now)
            had = _terms_of(chunk)
            has: dict[int, set[str]] = defaultdict(set)
            for entry_id, code in terms:
                has[entry_id].add(code)
            # A listing that leaves loses its entry, and its terms with it (as in
            # search_index_remove); of the others, only the terms that come or go
            # are written.
            gone = set(chunk) - {entry.listing_id for entry in entries}
            if gone:
                SearchEntry.objects.filter(pk__in=gone).delete()
            _delete_terms({pk: had[pk] - has[pk] for pk in had if pk not in gone})
            SearchEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["listing"],
                update_fields=[
                    *("kind", "name", "confirmed_at", "accepting_as_of", "lowest_fee"),
                    *("accepting", "fresh"),
                ],
            )
            _insert_terms([(pk, code) for pk, code in terms if code not in had[pk]])
            before.update(had)
            after.update(has)
        bits_change(before, after)


def _delete_terms(codes: dict[int, set[str]]) -> None:
    """Delete these terms of these listings: a statement for each TERM_BATCH listings
    or TERM_BATCH * 4 parameters, well inside SQLite's limits on both."""
    batch: list[Q] = []
    size = 0
    for pk, gone in codes.items():
        if gone:
            batch.append(Q(entry_id=pk, term__in=sorted(gone)))
            size += 1 + len(gone)
        if batch and (len(batch) == TERM_BATCH or size >= TERM_BATCH * 4):
            SearchTerm.objects.filter(reduce(or_, batch)).delete()
            batch, size = [], 0
    if batch:
        SearchTerm.objects.filter(reduce(or_, batch)).delete()


def _insert_terms(rows: list[tuple[int, str]]) -> None:
    """Write these (listing id, code) terms: plain rows, as a model instance for each
    term costs more than writing it."""
    table = SearchTerm._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(rows), TERM_BATCH):
            batch = rows[start : start + TERM_BATCH]
            cursor.execute(
                f"INSERT INTO {table} (entry_id, term) VALUES "
                + ", ".join(["(%s, %s)"] * len(batch)),
                [value for row in batch for value in row],
            )


def search_index_remove(*, listing_ids: Iterable[int]) -> None:
    """Take these listings out of the search index, before they are deleted (a
    cascade would leave their bits behind)."""
    ids = sorted(set(listing_ids))
    before: dict[int, set[str]] = defaultdict(set)
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            chunk = _locked(ids[start : start + CHUNK])
            before.update(_terms_of(chunk))
            SearchEntry.objects.filter(pk__in=chunk).delete()
        bits_change(before, {})


def _locked(listing_ids: list[int]) -> list[int]:
    """Lock the listings' rows, in id order, so two writers of one listing's index
    rows (an edit and the hourly expiry, say) take turns."""
    return list(
        Listing.objects.select_for_update()
        .filter(pk__in=listing_ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _terms_of(listing_ids: list[int]) -> dict[int, set[str]]:
    """The terms the index holds for these listings now."""
    found: dict[int, set[str]] = defaultdict(set)
    rows = SearchTerm.objects.filter(entry_id__in=listing_ids).values_list("entry_id", "term")
    for entry_id, code in rows:
        found[entry_id].add(code)
    return found


def search_index_rebuild() -> None:
    """Index every listing afresh (after a migration, or a bulk load that bypassed the
    services)."""
    with transaction.atomic():
        SearchBits.objects.all().delete()
        SearchTerm.objects.all().delete()
        SearchEntry.objects.all().delete()
        ids = Listing.objects.searchable().values_list("pk", flat=True)
        search_index_update(listing_ids=list(ids))


def search_index_age(*, now: datetime | None = None) -> int:
    """What time alone changes (hourly, mark_stale): listings unconfirmed for
    STALE_AFTER rank after fresher ones, and those not confirmed for a year leave;
    returns how many left."""
    now = now or timezone.now()
    SearchEntry.objects.filter(fresh=True, confirmed_at__lt=now - STALE_AFTER).update(fresh=False)
    expired = SearchEntry.objects.filter(confirmed_at__lt=now - HIDDEN_AFTER)
    expired_ids = list(expired.values_list("pk", flat=True))
    search_index_update(listing_ids=expired_ids, now=now)
    return len(expired_ids)
