"""'Report a problem with this listing': no account, no personal data, rate-limited."""

import pytest
from django.test import Client

from providers.models import Report
from tests.factories import ListingFactory

pytestmark = pytest.mark.django_db

URL = "/en/listings/amara-okafor/report/"


@pytest.fixture
def listing():
    return ListingFactory(name="Amara Okafor", slug="amara-okafor")


def test_the_listing_page_links_to_the_report_form(client, listing):
    page = client.get("/en/listings/amara-okafor/").content.decode()
    assert f'href="{URL}"' in page


def test_the_form_offers_each_reason_and_an_optional_note(client, listing):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    for reason in Report.Reason.values:
        assert f'value="{reason}"' in body
    assert 'name="note"' in body and "csrfmiddlewaretoken" in body
    assert "style=" not in body and "<script>" not in body
    assert not response.cookies.get("sessionid")


def test_a_report_is_saved_without_anything_about_the_sender(client, listing):
    response = client.post(URL, {"reason": "wrong_phone", "note": " The number is disconnected. "})

    assert response.status_code == 302
    assert response["Location"] == "/en/listings/amara-okafor/report/thanks/"
    report = Report.objects.get()
    assert (report.listing, report.reason, report.note) == (
        listing,
        "wrong_phone",
        "The number is disconnected.",
    )
    assert report.status == Report.Status.OPEN
    fields = {field.name for field in Report._meta.get_fields()}
    assert not fields & {"ip", "ip_address", "email", "user", "user_agent"}
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "Thank you" in thanks.content.decode()


def test_the_note_is_optional_and_the_reason_is_not(client, listing):
    assert client.post(URL, {"reason": "closed"}).status_code == 302
    response = client.post(URL, {"note": "??"})
    assert response.status_code == 200
    assert "Please choose what is wrong" in response.content.decode()
    assert Report.objects.count() == 1


def test_the_form_is_csrf_protected(listing):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, {"reason": "closed"}).status_code == 403
    assert not Report.objects.exists()


def test_reports_are_rate_limited_per_client_address(client, listing):
    for _ in range(5):
        assert client.post(URL, {"reason": "other"}).status_code == 302
    response = client.post(URL, {"reason": "other"})
    assert response.status_code == 429
    assert "Too many attempts." in response.content.decode()
    assert Report.objects.count() == 5
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post(URL, {"reason": "other"}).status_code == 302


def test_the_refusal_is_in_the_seekers_language(client, listing):
    for _ in range(6):
        response = client.post("/es/listings/amara-okafor/report/", {"reason": "other"})
    assert response.status_code == 429
    assert 'lang="es"' in response.content.decode()


def test_only_public_listings_can_be_reported(client):
    ListingFactory(name="Hidden", slug="hidden", hidden=True)
    ListingFactory(name="Draft", slug="draft", draft=True)
    assert client.get("/en/listings/hidden/report/").status_code == 404
    assert client.post("/en/listings/draft/report/", {"reason": "other"}).status_code == 404
    assert not Report.objects.exists()


def test_the_form_works_in_every_language(client, listing):
    for code in ("es", "ar", "zh-hans", "ht"):
        assert client.get(f"/{code}/listings/amara-okafor/report/").status_code == 200
