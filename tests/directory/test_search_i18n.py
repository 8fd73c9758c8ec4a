"""The search in every interface language: results, reasons and links that keep the search."""

import pytest
from django.conf import settings
from django.utils import translation

from providers.models import Insurance
from tests.directory.test_search_support import search
from tests.factories import ListingFactory, reindex

pytestmark = pytest.mark.django_db

PREFIXES = [code for code, _name in settings.LANGUAGES]


def test_every_interface_language_is_covered():
    assert PREFIXES == ["en", "es", "zh-hans", "zh-hant", "vi", "ko", "tl", "ar", "ht"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_each_language_prefix_renders_results_with_reasons(client, prefix):
    ListingFactory(name="Speaker", speaks=["vi"], identities=["southeast-asian"])
    ListingFactory(name="Interpreter", interpreter=["vi"])
    ListingFactory(name="Other", speaks=["es"])

    page = search(client, f"/{prefix}/search/", lang="vi", interpreter="1")

    assert page.listings == ["speaker", "interpreter"]
    assert page.total == 2
    assert all(page.reasons[slug] for slug in page.listings)
    with translation.override(prefix):
        from providers.models import Language

        vietnamese = Language.objects.get(code="vi").name
    assert any(vietnamese in reason for reason in page.reasons["speaker"])


@pytest.mark.parametrize("prefix", PREFIXES)
def test_each_language_prefix_renders_the_community_page(client, prefix):
    ListingFactory(name="Circle", kind="community")

    assert search(client, f"/{prefix}/community/").listings == ["circle"]


def test_confirmed_month_is_in_the_page_language(client):
    fresh = ListingFactory(name="Fresh", speaks=["es"])

    english = search(client, "/en/search/", lang="es").reasons["fresh"][-1]
    with translation.override("es"):
        from django.utils import formats

        month = formats.date_format(fresh.last_confirmed_at, "F").lower()

    spanish = search(client, "/es/search/", lang="es").reasons["fresh"][-1]
    assert english.startswith("Confirmed current")
    assert month in spanish.lower()


def test_arabic_page_is_right_to_left(client):
    ListingFactory(name="Nadia", speaks=["ar"])

    html = client.get("/ar/search/?lang=ar").content.decode()

    assert 'dir="rtl"' in html
    assert 'data-listing="nadia"' in html


def test_language_switcher_keeps_the_search(client):
    html = client.get("/en/search/?lang=vi&identity=black").content.decode()

    assert 'href="/vi/search/?lang=vi&amp;identity=black"' in html


def test_result_links_carry_the_search_to_the_listing_page(client):
    ListingFactory(name="Linh", speaks=["vi"], identities=["black"])

    html = client.get("/en/search/?lang=vi&identity=black&junk=x").content.decode()

    assert 'href="/en/listings/linh/?lang=vi&amp;identity=black"' in html


def test_the_form_keeps_the_current_choices(client):
    html = client.get(
        "/en/search/?near=94110&radius=10&online=CA&lang=vi&max_fee=40&q=bereavement&sort=confirmed"
    ).content.decode()

    assert 'name="near" value="94110"' in html
    assert '<option value="10" selected>' in html
    assert '<option value="CA" selected>' in html
    assert 'name="lang" value="vi" checked' in html
    assert 'value="40"' in html
    assert 'name="q" value="bereavement"' in html
    assert '<option value="confirmed" selected>' in html


def test_a_card_lists_languages_and_plans_with_the_page_s_separator(client):
    listing = ListingFactory(name="Two Tongues", speaks=["vi", "es"], interpreter=["ko"])
    listing.insurance.set(Insurance.objects.filter(slug__in=["medicaid", "medicare"]))
    reindex(listing)

    english = client.get("/en/search/").content.decode()
    arabic = client.get("/ar/search/").content.decode()

    assert "Speaks: <bdi>Spanish</bdi>, <bdi>Vietnamese</bdi>" in english
    assert "Interpreter available: <bdi>Korean</bdi>" in english
    assert "<bdi>Medicaid</bdi>, <bdi>Medicare</bdi>" in english
    assert "</bdi>، <bdi>" in arabic
