"""Twenty results a page, a total that counts them all, and pages that keep the search."""

import pytest

from tests.directory.test_search_support import search
from tests.factories import ListingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def forty_five(db):
    return [ListingFactory(name=f"Provider {index:02d}", speaks=["es"]) for index in range(45)]


def test_twenty_a_page_with_the_total(client, forty_five):
    page = search(client, lang="es")

    assert page.total == 45
    assert page.listings == [f"provider-{index:02d}" for index in range(20)]


def test_third_page_holds_the_rest(client, forty_five):
    assert search(client, lang="es", page="3").listings == [
        f"provider-{index:02d}" for index in range(40, 45)
    ]


@pytest.mark.parametrize("number", ["4", "99", "9" * 5000])
def test_a_page_past_the_end_shows_the_last_page(client, forty_five, number):
    page = search(client, lang="es", page=number)

    assert page.listings[0] == "provider-40"


@pytest.mark.parametrize("number", ["abc", "0", "-2", "", "1.5", "\x00"])
def test_a_page_that_is_not_a_page_number_shows_the_first(client, forty_five, number):
    assert search(client, lang="es", page=number).listings[0] == "provider-00"


def test_page_links_keep_the_search(client, forty_five):
    html = client.get("/en/search/?lang=es&junk=1&page=2").content.decode()

    assert 'href="?lang=es&amp;page=3"' in html
    assert 'href="?lang=es&amp;page=1"' in html
    assert "junk" not in html.split('class="pagination"')[1]


def test_total_is_pluralised(client):
    ListingFactory(name="Only One", speaks=["es"])

    html = client.get("/en/search/?lang=es").content.decode()

    assert 'data-total="1"' in html
    assert ">1 result</p>" in html
