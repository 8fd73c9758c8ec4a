"""`/healthz` for the load balancer: 200 when the database and cache answer, 503 naming
which did not, and nothing else in the body."""

import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_healthy_when_database_and_cache_answer(client, settings):
    settings.DEBUG = False

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_names_the_database_when_it_does_not_answer(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(
        "directory.health.connections", {"default": type("C", (), {"cursor": refuse})()}
    )

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"database: unavailable\n"


def test_names_the_cache_when_it_does_not_answer(client, settings):
    # A Redis nobody listens on (port 1), as when the cache server is down.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"cache: unavailable\n"


def test_answers_plain_http_even_when_production_redirects_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/en/").status_code == 301
