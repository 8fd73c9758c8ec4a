"""The API's bulk format: limited per client address, and a whole-directory dump
served from a file made once per version of the directory rather than rebuilt on
every request (issue 19, item 11)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from providers.hsds import bulk
from tests.factories import ListingFactory

pytestmark = pytest.mark.django_db
DUMP = "/api/hsds/services?format=ndjson"


def lines_of(response):
    return b"".join(response.streaming_content).decode().splitlines()


def test_bulk_answers_are_limited_per_client_address(client):
    ListingFactory(name="Ana")
    for _ in range(bulk.BULK_PER_CLIENT.attempts):
        assert client.get(DUMP, REMOTE_ADDR="198.51.100.7").status_code == 200
    refused = client.get(DUMP, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert "Too many bulk downloads" in refused.json()["error"]
    assert refused["Retry-After"] == str(bulk.BULK_PER_CLIENT.period)
    # Paged JSON and other addresses are not affected.
    assert client.get("/api/hsds/services", REMOTE_ADDR="198.51.100.7").status_code == 200
    assert client.get(DUMP, REMOTE_ADDR="203.0.113.5").status_code == 200


def test_the_whole_directory_is_served_from_a_file_until_it_changes(client, settings):
    ana = ListingFactory(name="Ana")
    ListingFactory(name="Bo")
    with CaptureQueriesContext(connection) as building:
        first = lines_of(client.get(DUMP))
    assert len(first) == 2
    (written,) = list(settings.BULK_ROOT.glob("*.ndjson"))

    with CaptureQueriesContext(connection) as serving:
        again = lines_of(client.get(DUMP))
    assert again == first
    # The directory's version (and the search's vocabulary), nothing rebuilt.
    assert len(serving) <= 2 < len(building)

    ana.name = "Ana Reyes"
    ana.save()
    changed = lines_of(client.get(DUMP))
    assert any("Ana Reyes" in line for line in changed)
    (rewritten,) = list(settings.BULK_ROOT.glob("*.ndjson"))
    assert rewritten != written  # the old version's file is gone


def test_each_language_and_serialiser_gets_its_own_file(client, settings):
    ListingFactory(name="Ana")
    client.get(DUMP)
    client.get(DUMP + "&full=1")
    client.get(DUMP, HTTP_ACCEPT_LANGUAGE="es")
    assert len(list(settings.BULK_ROOT.glob("*.ndjson"))) == 3


def test_a_search_in_bulk_is_answered_afresh_and_never_stored(client, settings):
    ListingFactory(name="Ana", speaks=["vi"])
    ListingFactory(name="Bo")
    lines = lines_of(client.get(DUMP + "&language=vi"))
    assert len(lines) == 1 and "Ana" in lines[0]
    assert not settings.BULK_ROOT.exists() or not list(settings.BULK_ROOT.glob("*.ndjson"))
