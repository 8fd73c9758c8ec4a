"""Whole search pages, shared for a short while, and a cache that may be down.

Search does not depend on a cache (providers.search_index); this is a bonus for
the moments when many people ask the same thing (a news story, a shared link). A
rendered page is kept for SEARCH_PAGE_SECONDS under a key made from the *cleaned*
search (directory.filters), so junk in a query string cannot multiply entries,
and an edit shows in search within that time at most. Only pages for people who
are not signed in are shared.

Production keeps the cache in Redis (settings, CACHES), shared by every app
server; development and tests keep it in each process's memory. A cache that
does not answer is treated as empty: the page is computed, never an error.
"""

import functools
import hashlib
import logging
import time
import zlib
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

log = logging.getLogger(__name__)


def cache_get(key: str) -> Any:
    """The cached value, or None when there is none or the cache does not answer."""
    try:
        return cache.get(key)
    except Exception as error:  # any client error: Redis down, timed out, refused
        log.warning("cache unavailable: %s", type(error).__name__)
        return None


def cache_set(key: str, value: Any, timeout: int) -> None:
    try:
        cache.set(key, value, timeout)
    except Exception as error:
        log.warning("cache unavailable: %s", type(error).__name__)


def shared_page(
    request: HttpRequest, parts: Any, render: Callable[[], HttpResponse]
) -> HttpResponse:
    """The page `render()` makes for the search `parts` (any repr-able value), made once
    every SEARCH_PAGE_SECONDS and sent to everyone who asks while signed out."""
    timeout = settings.SEARCH_PAGE_SECONDS
    # Whoever sends a session cookie may be signed in. (Reading request.user would
    # load the session, and mark every page as varying by cookie.)
    if settings.SESSION_COOKIE_NAME in request.COOKIES or request.method != "GET" or not timeout:
        return render()
    key = "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    if (page := cache_get(key)) is not None:
        content_type, compressed = page
        return HttpResponse(zlib.decompress(compressed), content_type=content_type)
    response = render()
    if response.status_code == 200:
        # The fastest level: a fifth of the size, in a third of the default level's time.
        compressed = zlib.compress(response.content, 1)
        cache_set(key, (response["Content-Type"], compressed), timeout)
    return response


P = ParamSpec("P")
T = TypeVar("T")


def kept_a_while(maxsize: int) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """A function whose answers each process keeps, by their arguments (the last
    `maxsize`), for as long as a shared page: SEARCH_PAGE_SECONDS, so that what
    changes behind them shows within that time, as in the pages. With the pages
    not shared (development), it answers afresh every time."""

    def keep(function: Callable[P, T]) -> Callable[P, T]:
        @functools.lru_cache(maxsize=maxsize)
        def in_period(_period: int, *args: Any, **kwargs: Any) -> T:
            return function(*args, **kwargs)

        @functools.wraps(function)
        def kept(*args: P.args, **kwargs: P.kwargs) -> T:
            timeout = settings.SEARCH_PAGE_SECONDS
            if not timeout:
                return function(*args, **kwargs)
            # (Hashable, as an lru_cache's: the arguments of each function kept are.)
            return in_period(int(time.time() // timeout), *args, **kwargs)  # type: ignore[arg-type]

        return kept

    return keep
