"""`/healthz`: whether this app server can reach what it needs, for a load balancer.

200 when the database and the shared cache answer, 503 naming which did not.
The body names only the parts (no data, versions or addresses), and the answer is
never cached.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from directory.routers import PRIMARY

logger = logging.getLogger(__name__)
SERVICE_UNAVAILABLE = 503


def database_answers() -> bool:
    try:
        with connections[PRIMARY].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("Health check: the database does not answer.")
        return False


def cache_answers() -> bool:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=5)
        answered = cache.get(key) == "1"
        cache.delete(key)
    except Exception:  # each cache backend raises its own errors
        answered = False
    if not answered:
        logger.warning("Health check: the cache does not answer.")
    return answered


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    failed = [
        name
        for name, answers in (("database", database_answers), ("cache", cache_answers))
        if not answers()
    ]
    if failed:
        body = "".join(f"{name}: unavailable\n" for name in failed)
        return HttpResponse(body, status=SERVICE_UNAVAILABLE, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
