"""Error pages as production serves them (DEBUG off): in the URL's language, with the
crisis panel and the quick exit; a listing that left search answers 410."""

from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from directory import errors
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False


def assert_safe_page(response, status: int, language: str) -> str:
    content = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}"' in content
    assert 'id="crisis"' in content  # the crisis panel
    assert "data-quick-exit" in content
    assert 'href="tel:988"' in content
    return content


def test_a_missing_page_is_in_the_urls_language(client):
    content = assert_safe_page(client.get("/es/no-such-page/"), 404, "es")

    assert "No pudimos encontrar esa página" in content
    assert 'href="/es/search/"' in content


def test_a_missing_listing_in_arabic_is_right_to_left(client):
    content = assert_safe_page(client.get("/ar/listings/no-such-listing/"), 404, "ar")

    assert 'dir="rtl"' in content


def test_a_form_without_its_csrf_token_is_refused_in_the_urls_language():
    listing = ListingFactory(slug="sunrise")
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/vi/listings/{listing.slug}/report/", {"reason": "closed"})

    content = assert_safe_page(response, 403, "vi")
    assert "Trang đó không mở cho bạn" in content


def test_a_bad_host_gets_a_bad_request_page(client):
    response = client.get("/ko/", HTTP_HOST="not-our-site.example")

    assert_safe_page(response, 400, "ko")


def test_too_many_requests_page_is_in_the_urls_language():
    request = RequestFactory().get("/tl/listings/sunrise/report/")

    response = errors.too_many_requests(request)

    assert response.status_code == 429
    assert '<html lang="tl"' in response.content.decode()
    assert 'id="crisis"' in response.content.decode()


def test_a_server_error_shows_the_crisis_lines_in_the_urls_language(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the home page broke")

    monkeypatch.setattr("directory.views.Identity.objects.all", broken)
    client = Client(raise_request_exception=False)

    content = assert_safe_page(client.get("/ht/"), 500, "ht")

    assert "the home page broke" not in content


def test_a_listing_that_left_search_is_gone_with_a_search_near_its_place(client):
    listing = ListingFactory(slug="old-clinic", name="Old Clinic", hidden=True)
    LocationFactory(listing=listing, postal_code="94110", city="San Francisco", region="CA")

    response = client.get("/es/listings/old-clinic/")

    content = assert_safe_page(response, 410, "es")
    assert "Esta ficha ya no está confirmada como vigente" in content
    assert 'href="/es/search/?kind=clinician&amp;near=94110"' in content
    assert "San Francisco, CA" in content


def test_a_gone_listing_with_only_telehealth_links_to_a_search_in_its_state(client):
    ListingFactory(slug="online-only", hidden=True, in_person=False, online_states=["NY"])

    content = client.get("/en/listings/online-only/").content.decode()

    assert 'href="/en/search/?kind=clinician&amp;online=NY"' in content
    assert "This listing is no longer confirmed current" in content


def test_a_listing_confirmed_within_the_year_is_not_gone(client):
    ListingFactory(slug="current", last_confirmed_at=timezone.now() - timedelta(days=364))

    assert client.get("/en/listings/current/").status_code == 200
