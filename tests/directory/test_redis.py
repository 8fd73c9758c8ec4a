"""The production cache: Redis on 127.0.0.1:6379 (started by .ci/run), with the
CACHES the production settings make. Search pages are shared through it, rate
limits keep their own windows in it, and when it is down pages still answer."""

import os
import runpy
import time
from pathlib import Path

import pytest
import redis
from django.core.cache import caches

from providers import ratelimit
from tests.directory.test_search_queries import queries_for
from tests.factories import ListingFactory

pytestmark = pytest.mark.django_db
SETTINGS = Path(__file__).resolve().parents[2] / "rooted" / "settings.py"
# A database of its own on the server; each test's keys under a prefix of its own,
# removed after it (pytest-xdist's workers and CI's two suites share the server).
REDIS_URL = "redis://127.0.0.1:6379/14"


def production_settings(monkeypatch, redis_url):
    for name, value in {
        "DEBUG": "0",
        "SECRET_KEY": "test-only-" + "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "REDIS_URL": redis_url,
    }.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


@pytest.fixture
def production_cache(settings, monkeypatch):
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("no Redis on 127.0.0.1:6379 (.ci/run starts one)")
    prefix = f"rooted-test-{os.getpid()}-{time.monotonic_ns()}"
    production = production_settings(monkeypatch, REDIS_URL)
    production["CACHES"]["default"]["KEY_PREFIX"] = prefix
    settings.CACHES = production["CACHES"]
    settings.SEARCH_PAGE_SECONDS = production["SEARCH_PAGE_SECONDS"]
    yield server, prefix
    for key in server.scan_iter(f"{prefix}:*", count=1000):
        server.delete(key)


def test_production_shares_search_pages_through_redis(client, production_cache, settings):
    assert type(caches["default"]).__name__ == "RedisCache"
    # Each process reads the vocabularies' names again every SEARCH_PAGE_SECONDS:
    # an hour, so the second page cannot fall in a new period and read them.
    settings.SEARCH_PAGE_SECONDS = 3600
    ListingFactory(name="Anh Tran", speaks=["vi"])

    first, _response = queries_for(client, "/en/search/?lang=vi")
    again, response = queries_for(client, "/en/search/?lang=vi&utm_campaign=news")

    assert first > 0 and again == 0
    assert "Anh Tran" in response.content.decode()
    server, prefix = production_cache
    assert list(server.scan_iter(f"{prefix}:*page:*"))


def test_a_rate_limit_keeps_its_own_window_in_redis(production_cache):
    daily = ratelimit.Limit("test-daily", attempts=2, period=ratelimit.DAY)

    assert [daily.hit("someone@example.org") for _ in range(3)] == [False, False, True]
    server, prefix = production_cache
    (key,) = server.scan_iter(f"{prefix}:*test-daily*")
    # An hour-long or day-long window is not cut to the cache's default 5 minutes.
    assert server.ttl(key) > ratelimit.HOUR


def test_a_cache_that_is_down_slows_pages_but_never_breaks_them(client, settings, monkeypatch):
    # Nothing listens on port 1.
    settings.CACHES = production_settings(monkeypatch, "redis://127.0.0.1:1/0")["CACHES"]
    settings.SEARCH_PAGE_SECONDS = 60
    ListingFactory(name="Anh Tran", speaks=["vi"])

    assert "Anh Tran" in client.get("/en/search/?lang=vi").content.decode()
    assert "Anh Tran" in client.get("/en/search/?lang=vi").content.decode()
    signin = client.post("/en/provider/login/", {"username": "a@example.org", "password": "x"})
    assert signin.status_code == 200
