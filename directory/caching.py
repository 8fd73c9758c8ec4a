"""What the public search keeps in Django's cache, and when it forgets it.

What is the same for every seeker and costs the most to build is cached under
a generation stamp: the vocabularies named in each interface language, the
facet index (directory/facets.py), a search's counts and matching listings,
each page's order, the rendered filters and results, and whole search pages.
Any change to a listing, its places, languages or terms, or to a vocabulary,
starts a new generation, so the next search computes afresh; so does every
`migrate`, so a deploy never reads what older code cached. Nothing is kept
longer than TIMEOUT in any case, since the searchable set also changes with the
calendar (listings fall out of search a year after their last confirmation).

Changes made through the ORM are seen by the signal receivers below. Bulk
writes that bypass signals (the demo seed and the importers) call `forget()`
themselves. Production keeps the cache in a database table on a connection of
its own (settings, CACHES; CacheRouter below), shared by every process, so a
change is seen by all of them at once.
"""

import hashlib
import time
import zlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpRequest, HttpResponse

from providers.selectors import VOCABULARY_FIELDS

T = TypeVar("T")

TIMEOUT = 10 * 60
GENERATION = "search:generation"
# What a search reads: listings, their places and languages, the vocabularies,
# and the many-to-many fields linking a listing to its terms (VOCABULARY_FIELDS).
SEARCHED = (
    "Listing",
    "Location",
    "ServiceArea",
    "ListingLanguage",
    "Language",
    "Identity",
    "Specialty",
    "Approach",
    "Insurance",
    "AgeGroup",
    "Format",
)


def generation() -> int:
    stamp = cache.get(GENERATION)
    if stamp is None:
        cache.add(GENERATION, time.time_ns(), timeout=None)
        stamp = cache.get(GENERATION, 0)
    return int(stamp)


def forget() -> None:
    """Everything cached for the search is out of date."""
    cache.set(GENERATION, time.time_ns(), timeout=None)


def key(name: str, parts: Any, stamp: int | None = None) -> str:
    """The cache key of `name` for `parts` (any repr-able value) in this generation
    (or in generation `stamp`).

    Also the key of a template fragment: `{% cache search.cache_timeout name key %}`.
    """
    return f"search:{stamp or generation()}:{name}:{digest(repr(parts))}"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def cached(name: str, parts: Any, compute: Callable[[], T]) -> T:
    """`compute()`'s value for `parts` in the current generation, computed once."""
    key_ = key(name, parts)
    value = cache.get(key_)
    if value is None:
        value = compute()
        cache.set(key_, value, TIMEOUT)
    return value


def shared_page(request: HttpRequest, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The page `render()` makes for this URL, made once and sent to everyone who asks.

    For pages that hold nothing of who asks for them (no account, no form to post,
    no per-request token): the search pages. After a news story thousands of
    people ask for the same few searches; each is rendered once per generation.
    The page is kept compressed with the generation it was made in, so a request
    reads both in one round trip to a shared cache.
    """
    # Without the generation in the key (the page carries it), and sorting before
    # the "search:" keys: when the database cache is full it drops the keys that
    # sort first, and a page is the cheapest thing to make again.
    page_key = "page:" + digest(request.get_full_path())
    found = cache.get_many([GENERATION, page_key])
    stamp = found.get(GENERATION) or generation()
    if (page := found.get(page_key)) is not None and page[0] == stamp:
        _stamp, content_type, compressed = page
        return HttpResponse(zlib.decompress(compressed), content_type=content_type)
    response = render()
    if response.status_code == 200:
        page = (stamp, response["Content-Type"], zlib.compress(response.content))
        cache.set(page_key, page, TIMEOUT)
    return response


def data_changed(**_kwargs: Any) -> None:
    # Now, so the writer's next page is right, and again once the transaction
    # commits, so a search that ran in between cannot keep what it read before.
    forget()
    transaction.on_commit(forget, robust=True)


def connect() -> None:
    """Forget the search's cache whenever a searched model changes (AppConfig.ready)."""
    config = apps.get_app_config("providers")
    listing = config.get_model("Listing")
    models = [config.get_model(name) for name in SEARCHED]
    through = [getattr(listing, name).through for name in VOCABULARY_FIELDS]
    for model in [*models, *through]:
        uid = f"directory.caching:{model._meta.label}"
        post_save.connect(data_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(data_changed, sender=model, dispatch_uid=f"{uid}:delete")
    for model in through:  # add(), remove(), clear() and set() on a listing's terms
        uid = f"directory.caching:{model._meta.label}"
        m2m_changed.connect(data_changed, sender=model, dispatch_uid=f"{uid}:m2m")
    post_migrate.connect(migrated, sender=apps.get_app_config("directory"))


def migrated(**_kwargs: Any) -> None:
    """After `migrate`, as on every deploy: the cache's table exists (when the
    settings keep the cache in the database), and nothing older code cached is
    read again."""
    call_command("createcachetable")
    forget()


class CacheRouter:
    """The database cache on a connection of its own ("cache", production settings).

    Its writes then commit at once, outside the transaction of the edit that
    made them: no edit waits for another on the generation's row.
    """

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        return "cache" if model._meta.app_label == "django_cache" else None

    db_for_write = db_for_read

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        if app_label == "django_cache":
            return db == "cache"
        return False if db == "cache" else None
