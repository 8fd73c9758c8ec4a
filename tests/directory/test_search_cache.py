"""The search's cache (directory.caching): a repeated search costs no queries, and
every change a seeker could notice shows on the very next search."""

import pytest
from django.core.management import call_command

from providers import services
from providers.models import AgeGroup, Format, Language, Listing
from tests.directory.test_search_queries import queries_for
from tests.directory.test_search_support import search
from tests.factories import (
    DraftListingFactory,
    ListingFactory,
    OwnedListingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_the_same_search_again_runs_no_queries(client):
    ListingFactory(name="Anh Tran", speaks=["vi"])
    first, _response = queries_for(client, "/en/search/?lang=vi")
    again, response = queries_for(client, "/en/search/?lang=vi")
    assert first > 0
    assert again == 0
    assert "Anh Tran" in response.content.decode()


def test_a_page_sent_again_is_the_same_page_with_its_own_headers(client):
    ListingFactory(name="Anh Tran", speaks=["vi"])
    first = client.get("/vi/search/?lang=vi&page=1")
    client.force_login(UserFactory())  # a signed-in provider gets the same page
    again = client.get("/vi/search/?lang=vi&page=1")

    assert again.content == first.content
    for response in (first, again):
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert response["Content-Language"] == "vi"
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
    assert "Cookie" not in first.get("Vary", "")


def test_a_published_listing_is_found_at_once(client):
    curator = UserFactory(is_staff=True, is_superuser=True)
    ListingFactory(name="Anh Tran", speaks=["vi"])
    assert search(client, lang="vi").listings == ["anh-tran"]
    submitted = DraftListingFactory(
        name="Bao Le", slug="bao-le", status=Listing.Status.SUBMITTED, speaks=["vi"]
    )

    services.listing_approve(listing=submitted, curator=curator)

    page = search(client, lang="vi")
    assert page.listings == ["anh-tran", "bao-le"]
    assert page.total == 2


def test_a_hidden_listing_leaves_at_once(client):
    owner = UserFactory()
    listing = OwnedListingFactory(name="Anh Tran", speaks=["vi"], owners=[owner])
    assert search(client, lang="vi").total == 1

    services.listing_hide(listing=listing, by=owner)

    assert search(client, lang="vi").total == 0


def test_self_service_availability_changes_the_counts_at_once(client):
    owner = UserFactory()
    listing = OwnedListingFactory(name="Anh Tran", accepting_new_clients=False, owners=[owner])
    assert 'name="accepting" value="1"' in client.get("/en/search/").content.decode()
    assert search(client, accepting="1").total == 0

    services.listing_set_availability(
        listing=listing,
        by=owner,
        accepting_new_clients=True,
        in_person=True,
        video=False,
        phone_sessions=False,
        ages=AgeGroup.objects.none(),
        formats=Format.objects.none(),
    )

    assert search(client, accepting="1").listings == ["anh-tran"]


def test_a_renamed_language_shows_its_new_name_at_once(client):
    ListingFactory(name="Anh Tran", speaks=["vi"])
    assert ">vietnamita<" in client.get("/es/search/").content.decode()
    vietnamese = Language.objects.get(code="vi")
    vietnamese.name_es = "Idioma vietnamita"
    vietnamese.save()

    assert "Idioma vietnamita" in client.get("/es/search/").content.decode()


def test_a_bulk_load_is_found_at_once(client):
    assert search(client).total == 0
    call_command("seed_demo", verbosity=0)
    assert search(client).total > 500


def test_words_are_searched_in_each_language_separately(client):
    ListingFactory(name="Lin Wei", about_en="Support after a loss.", about_es="Apoyo en el duelo.")
    assert search(client, "/es/search/", q="duelo").listings == ["lin-wei"]
    assert search(client, "/en/search/", q="duelo").listings == []


def test_a_shared_page_shows_nobody_s_messages(client):
    ListingFactory(name="Anh Tran", speaks=["vi"])
    provider = UserFactory(email_verified_at=None)
    client.force_login(provider)
    client.post("/en/provider/verify/resend/")  # "We sent you a new link."

    first = client.get("/en/search/?lang=vi")  # the provider makes the page
    client.logout()
    again = client.get("/en/search/?lang=vi")

    assert "We sent you a new link" not in first.content.decode()
    assert "We sent you a new link" not in again.content.decode()
    assert "Anh Tran" in again.content.decode()
