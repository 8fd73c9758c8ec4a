"""The fixed-window rate limiter: counts per key, forgets after the window, and
never keeps a key in the clear."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from providers.ratelimit import Limit, any_exceeded, any_hit, client_key

LIMIT = Limit("test", attempts=2, period=60)


def test_attempts_up_to_the_limit_pass_and_the_next_is_refused():
    assert LIMIT.hit("a") is False
    assert LIMIT.hit("a") is False
    assert LIMIT.exceeded("a") is True
    assert LIMIT.hit("a") is True


def test_keys_and_scopes_are_counted_separately():
    LIMIT.hit("a")
    LIMIT.hit("a")
    assert not LIMIT.exceeded("b")
    assert not Limit("other", attempts=2, period=60).exceeded("a")


def test_a_new_window_starts_afresh():
    with mock.patch("providers.ratelimit.time.time", return_value=1_000_000.0):
        LIMIT.hit("a")
        LIMIT.hit("a")
        assert LIMIT.exceeded("a")
    with mock.patch("providers.ratelimit.time.time", return_value=1_000_060.0):
        assert not LIMIT.exceeded("a")


def test_exceeded_counts_nothing():
    for _ in range(5):
        LIMIT.exceeded("a")
    assert LIMIT.count("a") == 0


def test_every_pair_is_counted_even_when_one_is_over():
    other = Limit("other", attempts=5, period=60)
    LIMIT.hit("a")
    LIMIT.hit("a")
    assert any_hit((LIMIT, "a"), (other, "b")) is True
    assert other.count("b") == 1
    assert any_exceeded((LIMIT, "a"), (other, "b"))


def test_keys_are_stored_only_as_hashes():
    LIMIT.hit("person@example.org")
    assert "person@example.org" not in " ".join(str(key) for key in cache._cache)


def test_clients_count_by_address_and_ipv6_clients_by_their_network():
    factory = RequestFactory()
    assert client_key(factory.get("/", REMOTE_ADDR="203.0.113.9")) == "203.0.113.9"
    one = client_key(factory.get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::1"))
    two = client_key(factory.get("/", REMOTE_ADDR="2001:db8:1:2:bbbb::9"))
    assert one == two == "2001:db8:1:2::/64"


def test_a_forwarded_address_counts_only_behind_a_configured_proxy(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5"
    )
    assert client_key(request) == "10.0.0.1"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_key(request) == "203.0.113.5"


@pytest.mark.parametrize("address", ["", "not an address"])
def test_an_unreadable_client_address_still_counts(address):
    assert client_key(RequestFactory().get("/", REMOTE_ADDR=address)) == "unknown"
