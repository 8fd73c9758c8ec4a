"""Fixed-window rate limits kept in Django's cache.

A `Limit` counts attempts per key (an email address typed, a client address, an
account) in windows of `period` seconds. Keys are stored only as keyed hashes, so
the cache never holds an address in the clear, and nothing here logs anything.

    if SIGNUP_PER_ADDRESS.hit(email) | SIGNUP_PER_CLIENT.hit(client_key(request)):
        ...  # refuse with HTTP 429

With several app servers the cache must be shared: production keeps it in Redis
(settings, CACHES), whose counters keep the window's own expiry. With the
local-memory cache each process counts on its own. When the cache does not
answer, nothing is counted and nothing refused (a warning is logged): a cache
outage must not lock every provider out.
"""

import ipaddress
import logging
import time
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    """At most `attempts` per key in each fixed window of `period` seconds."""

    scope: str
    attempts: int
    period: int

    def _cache_key(self, key: str) -> str:
        digest = salted_hmac("providers.ratelimit", f"{self.scope}:{key}").hexdigest()[:32]
        window = int(time.time() // self.period)
        return f"ratelimit:{self.scope}:{digest}:{window}"

    def count(self, key: str) -> int:
        """Attempts so far in the current window."""
        try:
            return int(cache.get(self._cache_key(key), 0))
        except Exception as error:  # the cache is down: count nothing
            log.warning("rate limit unavailable: %s", type(error).__name__)
            return 0

    def exceeded(self, key: str) -> bool:
        """True when the key has used up its attempts; counts nothing."""
        return self.count(key) >= self.attempts

    def hit(self, key: str) -> bool:
        """Count one attempt; True when this attempt is over the limit."""
        cache_key = self._cache_key(key)
        try:
            # add() is a no-op when the window already exists, so incr() is atomic on
            # caches that support it and concurrent requests do not reset the count.
            cache.add(cache_key, 0, timeout=self.period + 1)
            try:
                count = cache.incr(cache_key)
            except ValueError:  # expired between add() and incr()
                cache.set(cache_key, 1, timeout=self.period + 1)
                count = 1
        except Exception as error:  # the cache is down: count nothing
            log.warning("rate limit unavailable: %s", type(error).__name__)
            return False
        return count > self.attempts


def normalise_address(typed: str) -> str:
    """An email address as every limit counts it: NFKC-normalised (so U+FF42,
    a fullwidth b, is 'b', as Django's sign-in form makes it), stripped and
    case-folded.

    Every limit keyed on a typed address goes through here. Sign-in limits key on
    the account the address reaches (providers.signin), found the way Django's
    sign-in finds it, so no spelling that reaches an account escapes its limits.
    """
    return unicodedata.normalize("NFKC", typed).strip().casefold()


def client_key(request: HttpRequest) -> str:
    """The client's address for counting: an IPv6 client counts by its /64 network.

    Behind a proxy (settings.SECURE_PROXY_SSL_HEADER set), the proxy's own address
    is the same for everyone, so the last X-Forwarded-For entry, the one the proxy
    appended, is used instead.
    """
    address = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        address = forwarded.split(",")[-1].strip()
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def any_hit(*pairs: tuple[Limit, str]) -> bool:
    """Count one attempt against every (limit, key) pair; True if any is over.

    Every pair is counted, so spreading attempts over several keys does not help.
    """
    results = [limit.hit(key) for limit, key in pairs]
    return any(results)


def any_exceeded(*pairs: tuple[Limit, str]) -> bool:
    return any(limit.exceeded(key) for limit, key in pairs)


MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR

# Each sends an email, so addresses get few attempts; a client address more, since
# a clinic or a library may share one.
SIGNUP_PER_ADDRESS = Limit("signup-address", attempts=3, period=HOUR)
SIGNUP_PER_CLIENT = Limit("signup-client", attempts=10, period=HOUR)
RESET_PER_ADDRESS = Limit("reset-address", attempts=3, period=HOUR)
RESET_PER_CLIENT = Limit("reset-client", attempts=10, period=HOUR)
VERIFY_PER_ACCOUNT = Limit("verify-account", attempts=3, period=HOUR)
INVITE_PER_ACCOUNT = Limit("invite-account", attempts=10, period=DAY)
INVITE_PER_ADDRESS = Limit("invite-address", attempts=3, period=DAY)
# Claiming an imported listing: a claim may send an email; a phone code is six
# digits, so wrong codes are few per claim.
CLAIM_PER_ACCOUNT = Limit("claim-account", attempts=5, period=DAY)
CLAIM_PER_CLIENT = Limit("claim-client", attempts=10, period=HOUR)
CLAIM_CODE_PER_CLAIM = Limit("claim-code", attempts=5, period=HOUR)
# Failed sign-ins only (providers.signin): a provider who signs in is never slowed.
# An account is limited per client it is tried from, so wrong passwords typed
# elsewhere never lock its owner out; across all clients it has a looser limit,
# after which it takes the one-time link sent by email.
LOGIN_FAILURES_PER_ACCOUNT_CLIENT = Limit("login-account-client", attempts=5, period=15 * MINUTE)
LOGIN_FAILURES_PER_CLIENT = Limit("login-client", attempts=30, period=15 * MINUTE)
LOGIN_FAILURES_PER_ACCOUNT = Limit("login-account", attempts=100, period=HOUR)
SIGNIN_LINK_PER_ADDRESS = Limit("signin-link-address", attempts=3, period=HOUR)
SIGNIN_LINK_PER_CLIENT = Limit("signin-link-client", attempts=10, period=HOUR)
