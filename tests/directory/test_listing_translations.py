"""Listing texts in the seeker's language: marked with `lang`, saying who wrote them,
and a "Request a translation" that counts toward the translators' queue."""

import io
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from directory.templatetags.rooted import text_source_note
from providers import importing
from providers.models import Language, Listing, TranslationNeed
from providers.translating import text_source, texts_digest
from tests.factories import ListingFactory, LocationFactory, reindex

pytestmark = pytest.mark.django_db

REQUEST = "/vi/listings/amara-okafor/translation/"


@pytest.fixture
def imported():
    """A listing whose Vietnamese text came in through the import's about_vi column."""
    Language.objects.get_or_create(code="vi", defaults={"name": "Vietnamese"})
    today = timezone.localdate().isoformat()
    csv = (
        "slug,name,kind,status,about,about_vi,city,state,postal_code,latitude,longitude,"
        "in_person,languages,last_confirmed\n"
        "lan-tran,Lan Tran,clinician,published,I help families.,Tôi giúp đỡ các gia đình.,"
        f"San Jose,CA,95112,37.35,-121.89,true,vi,{today}\n"
    )
    report = importing.import_listings_csv(file=io.StringIO(csv))
    assert report.created == 1, [str(f) for f in report.failures]
    return Listing.objects.get(slug="lan-tran")


def card(body: str, slug: str) -> str:
    match = re.search(rf'<article[^>]*data-listing="{slug}".*?</article>', body, re.S)
    assert match, f"no card for {slug}"
    return match.group(0)


def test_an_imported_vietnamese_text_shows_in_vietnamese_marked_with_its_language(client, imported):
    search = client.get("/vi/search/?near=95112").content.decode()
    vi_card = card(search, "lan-tran")
    assert '<p class="result__summary" lang="vi" dir="ltr">Tôi giúp đỡ các gia đình.' in vi_card
    page = client.get("/vi/listings/lan-tran/").content.decode()
    assert '<div class="prose" lang="vi" dir="ltr"><p>Tôi giúp đỡ các gia đình.</p>' in page

    english_card = card(client.get("/en/search/?near=95112").content.decode(), "lan-tran")
    english_page = client.get("/en/listings/lan-tran/").content.decode()
    for body in (english_card, english_page):
        assert "Tôi giúp đỡ" not in body
        assert 'lang="en"' in body and "I help families." in body


def test_each_text_says_who_wrote_it_and_in_which_language_it_was_first_written(client, imported):
    english = client.get("/en/listings/lan-tran/").content.decode()
    assert "Written by the provider in English." in english
    imported.original_language = "vi"
    imported.save()
    english = client.get("/en/listings/lan-tran/").content.decode()
    assert "Translated by the provider; first written in Vietnamese." in english
    search = card(client.get("/en/search/?near=95112").content.decode(), "lan-tran")
    assert "Translated by the provider; first written in Vietnamese." in search


def test_a_reviewed_community_translation_is_named_as_one_with_its_month(client):
    listing = ListingFactory(slug="amara-okafor", about="I work with families.")
    listing.about_ko = "가족과 함께 일합니다."
    listing.community_texts = {
        "ko": {"reviewed": "2026-11-20", "digest": texts_digest(listing, "ko")}
    }
    listing.save()
    english = client.get("/en/listings/amara-okafor/").content.decode()
    assert "Community translation" not in english  # the English text is the provider's
    korean = client.get("/ko/listings/amara-okafor/").content.decode()
    assert '<div class="prose" lang="ko" dir="ltr"><p>가족과 함께 일합니다.</p>' in korean
    with translation.override("ko"):
        note = text_source_note(text_source(listing, "ko"))
    assert "2026" in note and "Community translation" not in note  # said in Korean
    assert f'<p class="text-source">{note}</p>' in korean


def test_a_corrected_community_translation_becomes_the_providers(client):
    listing = ListingFactory(slug="amara-okafor", about="I work with families.")
    listing.about_es = "Trabajo con familias."
    listing.community_texts = {
        "es": {"reviewed": "2026-11-20", "digest": texts_digest(listing, "es")}
    }
    listing.save()
    assert text_source_note(text_source(listing, "es")).startswith(
        "Community translation, reviewed November 2026"
    )
    listing.about_es = "Trabajo con familias y parejas."
    listing.save()
    assert text_source_note(text_source(listing, "es")) == (
        "Translated by the provider; first written in English."
    )


def test_a_text_in_another_language_offers_a_translation_request(client):
    ListingFactory(slug="amara-okafor", about="I work with families.")
    page = client.get("/vi/listings/amara-okafor/").content.decode()
    assert f'href="{REQUEST}"' in page
    assert 'lang="en"' in page
    # Written in the page's language: nothing to request.
    assert "translation/" not in client.get("/en/listings/amara-okafor/").content.decode()


def test_the_request_form_works_without_an_account_or_javascript_and_counts(client):
    listing = ListingFactory(slug="amara-okafor", about="I work with families.")
    form = client.get(REQUEST)
    assert form.status_code == 200
    body = form.content.decode()
    assert '<form method="post"' in body and "csrfmiddlewaretoken" in body
    assert "<script>" not in body and "style=" not in body
    assert not form.cookies.get("sessionid")

    response = client.post(REQUEST)
    assert response.status_code == 200
    assert not response.cookies.get("sessionid")
    need = TranslationNeed.objects.get(listing=listing, language="vi")
    assert (need.requests, need.searches) == (1, 0)
    # The same seeker asking again is thanked but not counted twice; another seeker counts.
    client.post(REQUEST)
    Client(REMOTE_ADDR="203.0.113.9").post(REQUEST)
    need.refresh_from_db()
    assert need.requests == 2


def test_the_request_form_is_csrf_protected():
    ListingFactory(slug="amara-okafor", about="I work with families.")
    assert Client(enforce_csrf_checks=True).post(REQUEST).status_code == 403
    assert not TranslationNeed.objects.exists()


def test_requests_are_rate_limited_per_client_address(client):
    for index in range(10):
        ListingFactory(slug=f"listing-{index}", about="English only.")
    ListingFactory(slug="amara-okafor", about="English only.")
    for index in range(10):
        response = client.post(f"/vi/listings/listing-{index}/translation/")
        assert response.status_code == 200
    response = client.post(REQUEST)
    assert response.status_code == 429
    assert "Too many attempts." not in response.content.decode()  # said in Vietnamese
    assert 'lang="vi"' in response.content.decode()
    assert TranslationNeed.objects.count() == 10


def test_a_listing_already_written_in_the_language_counts_no_request(client):
    listing = ListingFactory(slug="amara-okafor", about="I work with families.")
    listing.about_vi = "Tôi làm việc với các gia đình."
    listing.save()
    response = client.post(REQUEST)
    assert response.status_code == 200
    assert not TranslationNeed.objects.exists()


def test_a_counted_search_counts_its_listings_without_text_in_its_language(client, settings):
    settings.INSIGHTS_COUNTING = True
    english = ListingFactory(slug="english-only", about="English only.")
    both = ListingFactory(slug="both", about="English.")
    both.about_vi = "Tiếng Việt."
    both.save()
    for listing in (english, both):
        LocationFactory(listing=listing)
        reindex(listing)

    as_browser = {"HTTP_ACCEPT": "text/html"}
    client.get("/vi/search/?near=94110", **as_browser)
    client.get("/vi/search/?near=94110", **as_browser)
    client.get("/vi/search/?near=94110")  # not a browser: not counted

    needs = list(TranslationNeed.objects.values_list("listing__slug", "language", "searches"))
    assert needs == [("english-only", "vi", 2)]


def test_counting_the_need_is_one_statement_whatever_the_page_shows(client, settings):
    settings.INSIGHTS_COUNTING = True
    for index in range(12):
        listing = ListingFactory(slug=f"listing-{index}", about="English only.")
        LocationFactory(listing=listing)
        reindex(listing)
    with CaptureQueriesContext(connection) as context:
        client.get("/vi/search/?near=94110", HTTP_ACCEPT="text/html")
    upserts = [
        q["sql"] for q in context.captured_queries if "providers_translationneed" in q["sql"]
    ]
    assert len(upserts) == 1 and upserts[0].startswith("INSERT")
    assert TranslationNeed.objects.filter(searches=1).count() == 12


def test_without_the_pages_language_the_original_is_shown(client):
    listing = ListingFactory(slug="amara-okafor", about="I help families.")
    listing.about_vi = "Tôi giúp đỡ các gia đình."
    listing.original_language = "vi"
    listing.save()
    korean = client.get("/ko/listings/amara-okafor/").content.decode()
    assert '<div class="prose" lang="vi" dir="ltr"><p>Tôi giúp đỡ các gia đình.</p>' in korean
    assert "/ko/listings/amara-okafor/translation/" in korean
