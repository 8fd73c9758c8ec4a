"""The listing page, reached from a search, says why the listing matches that search."""

import pytest

from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db


def test_listing_page_explains_the_match_for_the_search_it_came_from(client):
    listing = ListingFactory(
        name="Linh", speaks=["vi"], identities=["black"], video=True, online_states=["CA"]
    )
    LocationFactory(listing=listing)

    html = client.get(
        "/en/listings/linh/?lang=vi&identity=black&online=CA&near=94110"
    ).content.decode()

    assert "Why this listing matches your search" in html
    for reason in (
        "Speaks Vietnamese",
        "Identifies as Black",
        "Video sessions in California",
        "In your ZIP code",  # the location is in 94110, not "0.0 miles" from its centre
    ):
        assert reason in html
    html = client.get("/en/listings/linh/?near=94103").content.decode()
    assert "miles away" in html


def test_listing_page_without_a_search_shows_no_match_block(client):
    ListingFactory(name="Linh", speaks=["vi"])

    html = client.get("/en/listings/linh/").content.decode()

    assert "Why this listing matches your search" not in html


def test_listing_page_with_junk_search_still_works(client):
    ListingFactory(name="Linh", speaks=["vi"])

    response = client.get("/en/listings/linh/?lang=%00&near=zzz&page=abc&q=" + "x" * 5000)

    assert response.status_code == 200


def test_listing_page_reasons_are_in_the_page_language(client):
    ListingFactory(name="Linh", speaks=["vi"])

    html = client.get("/vi/listings/linh/?lang=vi").content.decode()

    assert "data-reasons" in html
