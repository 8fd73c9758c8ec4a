"""A read replica for the public, when one is configured (DATABASE_REPLICA_URL).

What a seeker reads (search, listing pages, the HSDS API) goes to the replica;
every write, and every read by someone who writes (a request with a session
cookie: a signed-in provider or curator, or anyone who just posted a form), goes
to the primary, so nobody misses their own edit because the replica lags. A
replica that does not answer is left alone for a few seconds and the primary
answers instead. Without a replica every query goes to the primary.
"""

import logging
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse

PRIMARY = "default"
REPLICA = "replica"
# How long a replica that failed to connect is skipped before it is tried again.
RETRY_SECONDS = 10.0
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Accounts, sessions and the admin's own tables are read where they are written.
PRIMARY_APPS = {"auth", "admin", "contenttypes", "sessions"}

logger = logging.getLogger(__name__)
_reads_from_primary: ContextVar[bool] = ContextVar("reads_from_primary", default=False)
_replica_down_until = 0.0


def replica_configured() -> bool:
    return REPLICA in connections.settings


def replica_available() -> bool:
    """Whether the replica answers; a failure is remembered for RETRY_SECONDS."""
    global _replica_down_until
    if time.monotonic() < _replica_down_until:
        return False
    replica = connections[REPLICA]
    try:
        # A connection kept from an earlier request may have died with the server:
        # check it (once a request, CONN_HEALTH_CHECKS) before trusting it.
        replica.close_if_health_check_failed()
        replica.ensure_connection()
    except DatabaseError:
        connections[REPLICA].close()
        _replica_down_until = time.monotonic() + RETRY_SECONDS
        logger.warning("The read replica does not answer; reading from the primary.")
        return False
    return True


def read_from_primary() -> None:
    """From now until the end of this request (or command), read from the primary."""
    _reads_from_primary.set(True)


class ReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str | None:
        if not replica_configured() or _reads_from_primary.get():
            return PRIMARY
        if model._meta.app_label in PRIMARY_APPS:  # type: ignore[attr-defined]
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return REPLICA if replica_available() else PRIMARY

    def db_for_write(self, model: type, **hints: Any) -> str:
        read_from_primary()
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # one database, two copies of it

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db != REPLICA


class PrimaryForWritersMiddleware:
    """Reads from the primary for the whole of a request that writes or belongs to
    someone with a session; first in the chain, so the session is read there too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        writer = (
            request.method not in SAFE_METHODS or settings.SESSION_COOKIE_NAME in request.COOKIES
        )
        token = _reads_from_primary.set(writer)
        try:
            return self.get_response(request)
        finally:
            _reads_from_primary.reset(token)
