"""Rate limits in the production cache, against the real Redis (issue 19, items 1
and 2): search pages cannot push a lock out, a window lasts its whole period
whatever the cache's default timeout, and parallel attempts are counted exactly.

The SQLite and PostgreSQL suites run side by side against one Redis, so these
tests use a database of their own and a key prefix unique to this run."""

import os
import threading
import time
from dataclasses import dataclass

import pytest
import redis
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory

from directory.caching import shared_page
from providers import ratelimit
from tests.directory.test_redis import production_settings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
REDIS_URL = "redis://127.0.0.1:6379/3"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def redis_limits(settings, monkeypatch):
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
    # A busy test machine may take longer than production's quarter second to answer,
    # and longer than a minute to write thousands of pages: neither is under test.
    production["CACHES"]["default"]["OPTIONS"]["socket_timeout"] = 5
    settings.CACHES = production["CACHES"]
    settings.SEARCH_PAGE_SECONDS = 600
    assert type(caches["default"]).__name__ == "RedisCache"
    yield server, prefix
    for key in server.scan_iter(f"{prefix}:*", count=1000):
        server.delete(key)


def test_thousands_of_junk_searches_do_not_reset_a_lock(client, redis_limits):
    server, prefix = redis_limits
    UserFactory(email="amara@example.org")
    for _ in range(5):
        client.post("/en/provider/login/", {"username": "amara@example.org", "password": "x"})
    # Real searches through the page cache, then 5,000 more junk pages the way
    # directory.caching stores them, far more than the old cache's 2,000 entries.
    for index in range(20):
        client.get(f"/en/search/?q=junk{index}")
    factory = RequestFactory()
    page = HttpResponse("junk")
    for index in range(5000):
        shared_page(factory.get("/en/search/"), ("junk", index), lambda: page)
    assert len(list(server.scan_iter(f"{prefix}:*page:*", count=1000))) >= 5000

    response = client.post(
        "/en/provider/login/", {"username": "amara@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_window_holds_for_its_whole_period_beyond_the_cache_default(
    settings, redis_limits, monkeypatch
):
    server, prefix = redis_limits
    # A cache whose default timeout is shorter than the window: counting must not
    # give the window that timeout (the old database cache gave every limit 300 s).
    settings.CACHES["default"]["TIMEOUT"] = 1
    limit = ratelimit.Limit(f"test-window-{prefix}", attempts=2, period=60)
    # The limits' clock, held just after a window begins, so the test sees one
    # window throughout; Redis keeps its own time.
    clock = Clock(limit.period * (time.time() // limit.period) + 1)
    monkeypatch.setattr(ratelimit, "time", clock)
    assert [limit.hit("someone@example.org") for _ in range(3)] == [False, False, True]
    time.sleep(1.5)  # past the cache's default timeout, in Redis's time
    assert limit.exceeded("someone@example.org")
    assert limit.hit("someone@example.org") is True
    (key,) = server.scan_iter(f"{prefix}:*test-window*")
    assert limit.period - 5 < server.ttl(key) <= limit.period + 1
    clock.now += limit.period  # the next window
    assert not limit.exceeded("someone@example.org")


@dataclass
class Clock:
    """Stands in for the `time` module where only `time.time()` is read."""

    now: float

    def time(self) -> float:
        return self.now


def test_a_day_long_window_keeps_its_day(redis_limits):
    server, prefix = redis_limits
    daily = ratelimit.INVITE_PER_ACCOUNT
    for _ in range(daily.attempts + 1):
        daily.hit("42")
    (key,) = server.scan_iter(f"{prefix}:*invite-account*")
    assert server.ttl(key) > 23 * ratelimit.HOUR


def test_parallel_attempts_are_counted_exactly(redis_limits):
    limit = ratelimit.LOGIN_FAILURES_PER_ACCOUNT_CLIENT
    results: list[bool] = []
    lock = threading.Lock()
    start = threading.Barrier(60)

    def attempt() -> None:
        start.wait()
        over = limit.hit("account:1 198.51.100.1")
        caches["default"].close()
        with lock:
            results.append(over)

    threads = [threading.Thread(target=attempt) for _ in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(False) == limit.attempts
    assert limit.count("account:1 198.51.100.1") == 60


def test_the_admin_sign_in_is_limited_in_redis(client, redis_limits):
    UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    for _ in range(5):
        client.post("/admin/login/", {"username": "root@example.org", "password": "x"})
    response = client.post("/admin/login/", {"username": "root@example.org", "password": PASSWORD})
    assert response.status_code == 429


def test_bulk_api_answers_are_limited_per_address_in_redis(client, redis_limits):
    from providers.hsds import bulk

    for _ in range(bulk.BULK_PER_CLIENT.attempts):
        assert client.get("/api/hsds/services?format=ndjson").status_code == 200
    assert client.get("/api/hsds/services?format=ndjson").status_code == 429
