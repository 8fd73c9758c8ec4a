"""Whole search pages shared for a short, fixed time (directory.caching)."""

import pytest
from django.utils import translation

from directory import caching
from directory.filters import read_search
from providers.models import Listing
from tests.directory.test_search_queries import queries_for
from tests.directory.test_search_support import search
from tests.factories import ListingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_shared(settings):
    settings.SEARCH_PAGE_SECONDS = 60


def test_the_same_search_again_runs_no_queries(client):
    ListingFactory(name="Anh Tran", speaks=["vi"])
    first, _response = queries_for(client, "/en/search/?lang=vi")
    again, response = queries_for(client, "/en/search/?lang=vi")

    assert first > 0
    assert again == 0
    assert "Anh Tran" in response.content.decode()


def test_the_same_search_written_differently_is_one_page(client):
    """Junk parameters, repeats and spellings cannot multiply what is cached."""
    ListingFactory(name="Anh Tran", speaks=["vi", "ko"])
    queries_for(client, "/en/search/?lang=vi&lang=ko")

    for spelling in (
        "/en/search/?lang=vi&lang=ko&lang=vi&utm_source=x",
        "/en/search/?lang=vi&lang=ko&junk=1&page=1",
        "/en/search/?lang=VI&lang=ko&sort=match",
    ):
        count, response = queries_for(client, spelling)
        assert count == 0, spelling
        assert "Anh Tran" in response.content.decode()


def test_the_same_query_string_is_read_by_each_page_and_language_as_its_own(client):
    ListingFactory(name="Peer Circle", kind=Listing.Kind.COMMUNITY)
    ListingFactory(name="Therapist")

    # `kind=clinician` is not a choice on the community page, which shows all its kinds.
    assert search(client, "/en/search/", kind="clinician").listings == ["therapist"]
    assert search(client, "/en/community/", kind="clinician").listings == ["peer-circle"]
    assert search(client, "/en/search/", kind="clinician").listings == ["therapist"]
    # ...so there it is the community page's own search, already shared.
    assert queries_for(client, "/en/community/")[0] == 0


def test_a_query_string_is_read_in_each_language_by_its_own_words():
    # "Terapeuta" names the clinicians in Spanish only; in English it is a word to find.
    with translation.override("es"):
        assert [item.param for item in read_search("q=terapeuta").recognised] == ["kind"]
    with translation.override("en"):
        assert read_search("q=terapeuta").q == "terapeuta"


def test_each_language_and_page_is_its_own_page(client):
    ListingFactory(name="Anh Tran", speaks=["vi"])
    english = client.get("/en/search/?lang=vi")
    vietnamese = client.get("/vi/search/?lang=vi")

    assert english["Content-Language"] == "en"
    assert vietnamese["Content-Language"] == "vi"
    assert english.content != vietnamese.content


def test_a_shared_page_keeps_its_own_headers_and_sets_no_cookie(client):
    ListingFactory(name="Anh Tran", speaks=["vi"])
    first = client.get("/vi/search/?lang=vi&page=1")
    again = client.get("/vi/search/?lang=vi&page=1")

    assert again.content == first.content
    for response in (first, again):
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert response["Content-Language"] == "vi"
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert "Cookie" not in response.get("Vary", "")
        assert not response.cookies


def test_a_signed_in_provider_is_never_sent_a_shared_page_nor_makes_one(client):
    ListingFactory(name="Anh Tran", speaks=["vi"])
    provider = UserFactory(email_verified_at=None)
    client.force_login(provider)
    client.post("/en/provider/verify/resend/")  # "We sent you a new link."

    mine = client.get("/en/search/?lang=vi")
    client.logout()
    count, shared = queries_for(client, "/en/search/?lang=vi")

    assert count > 0  # the provider's page was not kept
    assert "We sent you a new link" not in shared.content.decode()
    assert "Anh Tran" in mine.content.decode()


def test_an_edit_shows_once_the_page_expires(client, settings):
    ListingFactory(name="Anh Tran", speaks=["vi"])
    assert search(client, lang="vi").total == 1
    ListingFactory(name="Bao Le", speaks=["vi"])

    assert search(client, lang="vi").total == 1  # the shared page, for a minute at most
    settings.SEARCH_PAGE_SECONDS = 0
    assert search(client, lang="vi").total == 2


def test_what_each_process_keeps_a_while_is_kept_for_as_long_as_a_page(settings, monkeypatch):
    calls: list[str] = []

    @caching.kept_a_while(maxsize=8)
    def read(name: str) -> str:
        calls.append(name)
        return name.upper()

    now = 1_000_000.0
    monkeypatch.setattr(caching.time, "time", lambda: now)
    assert [read("a"), read("a"), read("b")] == ["A", "A", "B"]
    assert calls == ["a", "b"]

    now += 60  # the next minute: read again
    read("a")
    settings.SEARCH_PAGE_SECONDS = 0  # pages not shared: read every time
    read("a")
    read("a")
    assert calls == ["a", "b", "a", "a", "a"]
