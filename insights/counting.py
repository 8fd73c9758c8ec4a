"""Counting a search into its cell, as the search page is served.

One statement per counted search: an upsert (`INSERT ... ON CONFLICT DO UPDATE
SET searches = searches + 1`), which PostgreSQL and SQLite (3.24 and later) both
run atomically, so any number of processes counting the same cell at once lose
no search. It adds no measurable time to the page (README, Performance: the
bench with and without counting), and needs nothing scheduled to become visible.
(A buffer in Redis was the other choice: it would lose counts whenever Redis is
down or flushed, and need a second path for development and tests, which have
no Redis. Committing asynchronously was measured too, and gained nothing.)

What is not counted, so that bots and reloads do not dominate:
- HEAD and anything but a successful GET;
- requests without a browser's `Accept: text/html` (feed readers, scripts);
- prefetches and prerenders (`Sec-Purpose`/`Purpose`), and reloads (a browser
  reloading sends `Cache-Control: max-age=0` or `no-cache`);
- self-declared robots (a user agent naming itself bot, crawler or spider; the
  user agent is read here and never kept);
- a second or later page of results (the search was counted on its first);
- anyone signed in (a session cookie: curators and providers checking listings).
The result count is read from the page's `data-total` (DESIGN.md, Contracts), so
a page shared from the cache is counted like a freshly made one.
"""

import logging
import re
from datetime import date

from django.conf import settings
from django.db import DatabaseError, connections, router
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from directory.params import SearchParams
from directory.selectors import page_number
from insights.cells import Cell, cell_of
from insights.models import SearchCell

log = logging.getLogger(__name__)

TOTAL = re.compile(rb'data-total="(\d+)"')
ROBOT = re.compile(r"bot|crawl|spider|slurp|preview|headless", re.IGNORECASE)
FEW = 5
# The columns that name a cell (its unique constraint).
KEY = ("span", "day", "filters", "zip3", "state", "language", "band")


def band(total: int) -> str:
    if total == 0:
        return SearchCell.Band.NONE
    return SearchCell.Band.FEW if total < FEW else SearchCell.Band.SOME


def counted(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether this request is a person's search worth counting (see the module)."""
    headers = request.headers
    purpose = headers.get("Sec-Purpose", "") + headers.get("Purpose", "")
    cache_control = headers.get("Cache-Control", "").lower()
    return (
        request.method == "GET"
        and response.status_code == 200
        and "text/html" in headers.get("Accept", "")
        and not purpose
        and "max-age=0" not in cache_control
        and "no-cache" not in cache_control
        and not ROBOT.search(headers.get("User-Agent", ""))
        and page_number(request.GET.get("page")) == 1
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def count_search(
    request: HttpRequest,
    params: SearchParams,
    kinds: tuple[str, ...] | None,
    response: HttpResponse,
) -> bool:
    """Add the search `params` (of the listings of `kinds`) served in `response` to its
    cell, if it counts; whether it did (so other counts of the same page follow the
    same rules).

    Counting never breaks the page: a database that refuses the write loses one
    count, and the log says only that (never the search)."""
    if not settings.INSIGHTS_COUNTING or not counted(request, response):
        return False
    found = TOTAL.search(response.content)
    if found is None:
        return False
    cell = cell_of(params, kinds)
    try:
        add(cell, timezone.localdate(), get_language() or "", band(int(found.group(1))))
    except DatabaseError as error:
        log.warning("search not counted: %s", type(error).__name__)
    return True


def add(
    cell: Cell,
    day: date,
    language: str,
    result_band: str,
    searches: int = 1,
    span: str = SearchCell.Span.DAY,
) -> None:
    """Add `searches` to a cell's count in one atomic statement, creating it if need be."""
    connection = connections[router.db_for_write(SearchCell)]
    quote = connection.ops.quote_name
    table = quote(SearchCell._meta.db_table)
    key = ", ".join(quote(column) for column in KEY)
    values = [span, day.isoformat(), cell.filters, cell.zip3, cell.state, language, result_band]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key}, searches) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
            f"ON CONFLICT ({key}) DO UPDATE SET searches = {table}.searches + excluded.searches",
            [*values, searches],
        )
