"""The read replica router (directory/routers.py): the public reads from the replica,
anyone who writes reads from the primary, and a replica that is down is skipped."""

from contextlib import contextmanager

import dj_database_url
import pytest
from django.contrib.sessions.models import Session
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory

from directory import routers
from directory.routers import PrimaryForWritersMiddleware, ReplicaRouter
from providers.models import Listing

router = ReplicaRouter()


@contextmanager
def configured_replica(database):
    """A replica alias beside the primary, as DATABASE_REPLICA_URL makes one."""
    connections.settings["replica"] = connections.configure_settings({"default": database})[
        "default"
    ]
    try:
        yield
    finally:
        connections["replica"].close()
        del connections["replica"]
        del connections.settings["replica"]


@pytest.fixture
def replica(monkeypatch):
    """A replica configured and answering."""
    monkeypatch.setattr(routers, "replica_available", lambda: True)
    with configured_replica(dict(connections.settings["default"])):
        yield


def read_during(request):
    """Where a public model is read while the middleware handles this request."""
    seen = {}

    def view(request):
        seen["before"] = router.db_for_read(Listing)
        router.db_for_write(Listing)
        seen["after_write"] = router.db_for_read(Listing)
        return HttpResponse()

    PrimaryForWritersMiddleware(view)(request)
    return seen


def test_without_a_replica_everything_reads_the_primary():
    assert router.db_for_read(Listing) == "default"


def test_a_seeker_reads_from_the_replica_until_something_is_written(replica):
    seen = read_during(RequestFactory().get("/en/search/"))

    assert seen == {"before": "replica", "after_write": "default"}
    # The next seeker reads from the replica again.
    assert read_during(RequestFactory().get("/en/search/"))["before"] == "replica"


def test_a_signed_in_provider_reads_from_the_primary(replica, settings):
    request = RequestFactory().get("/en/provider/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "a-session"

    assert read_during(request)["before"] == "default"


def test_a_form_post_reads_from_the_primary(replica):
    assert read_during(RequestFactory().post("/en/listings/x/report/"))["before"] == "default"


def test_sessions_and_accounts_are_read_from_the_primary(replica):
    assert router.db_for_read(Session) == "default"


def test_migrations_never_run_on_the_replica():
    assert router.allow_migrate("replica", "providers") is False
    assert router.allow_migrate("default", "providers") is True


@pytest.fixture
def unreachable_replica(monkeypatch):
    """A replica configured on a port where nothing listens: a stopped server."""
    url = "postgres://postgres@127.0.0.1:1/rooted"
    replica = dj_database_url.parse(url, conn_health_checks=True)
    replica["OPTIONS"] = {"connect_timeout": 2}
    monkeypatch.setattr(routers, "_replica_down_until", 0.0)
    with configured_replica(replica):
        yield


def test_a_replica_that_is_down_is_skipped_and_retried_later(
    unreachable_replica, monkeypatch, django_db_blocker
):
    clock = [1000.0]
    monkeypatch.setattr(routers.time, "monotonic", lambda: clock[0])
    attempts = []
    replica = routers.connections["replica"]

    def counted():
        attempts.append(clock[0])
        type(replica).ensure_connection(replica)

    monkeypatch.setattr(replica, "ensure_connection", counted)

    def seeker_reads_from():
        with django_db_blocker.unblock():  # only the replica is tried, and refuses
            return read_during(RequestFactory().get("/en/search/"))["before"]

    assert seeker_reads_from() == "default"
    assert len(attempts) == 1
    clock[0] += routers.RETRY_SECONDS / 2
    assert seeker_reads_from() == "default"
    assert len(attempts) == 1  # not tried again at once
    clock[0] += routers.RETRY_SECONDS
    assert seeker_reads_from() == "default"
    assert len(attempts) == 2
