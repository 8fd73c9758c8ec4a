"""A seeker who only searches leaves no cookie, and nothing they searched for is
logged with their address or device."""

import logging
from unittest import mock

import pytest

from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
USER_AGENT = "Mozilla/5.0 (Linux; Android 14) PrivacyProbe/1.0"
# Values a seeker might search for: none of them may reach a log line.
QUERY = {"near": "94110", "lang": "ko", "identity": "transgender", "q": "undocumented"}
SEARCH_URL = "/en/search/?near=94110&lang=ko&identity=transgender&q=undocumented"


@pytest.fixture
def listing():
    listing = ListingFactory(name="Amara Okafor", slug="amara-okafor", speaks=["es"])
    LocationFactory(listing=listing)
    for number in range(21):  # two pages of results
        LocationFactory(listing=ListingFactory(name=f"Consejera {number:02d}", speaks=["es"]))
    return listing


def seeker_pages(listing):
    return [
        "/en/",
        "/es/",
        "/en/search/?lang=es&near=94110",
        "/en/search/?lang=es&near=94110&radius=50&sliding=1&identity=black&sort=distance",
        "/en/search/?lang=es&near=94110&page=2",
        "/en/search/?near=00000",
        "/en/community/",
        listing.get_absolute_url(),
        f"{listing.get_absolute_url()}?lang=es&near=94110",
    ]


def logged_text(records):
    """Everything the log handlers could write: messages, arguments, tracebacks and the
    extra attributes Django attaches (the request and status code)."""
    formatter = logging.Formatter()
    texts = []
    for record in records:
        texts.append(formatter.format(record))
        texts.extend(f"{key}={value!r}" for key, value in vars(record).items())
    return "\n".join(texts)


def written(records):
    """What Rooted's console handler writes: each message, with any traceback."""
    formatter = logging.Formatter()
    return "\n".join(formatter.format(record) for record in records)


def assert_nothing_identifying(text):
    assert ADDRESS not in text
    assert USER_AGENT not in text
    assert "PrivacyProbe" not in text
    for value in QUERY.values():
        assert value not in text, f"{value!r} was logged"


def test_a_seeker_who_only_searches_gets_no_cookie(client, listing):
    for path in seeker_pages(listing):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.cookies == {}, f"{path} set {list(response.cookies)}"
        assert "Set-Cookie" not in response.headers
        assert "Vary" not in response.headers or "Cookie" not in response.headers["Vary"], path
    assert client.cookies == {}


def test_search_pages_send_a_strict_referrer_policy(client, listing):
    for path in seeker_pages(listing):
        policy = client.get(path).headers["Referrer-Policy"]
        assert policy in {"same-origin", "no-referrer"}, path


def test_a_search_logs_nothing_about_the_seeker(client, listing, caplog):
    caplog.set_level(logging.DEBUG)
    response = client.get(SEARCH_URL, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=USER_AGENT)
    client.get(
        f"{listing.get_absolute_url()}?near=94110&lang=ko&identity=transgender&q=undocumented",
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=USER_AGENT,
    )
    assert response.status_code == 200
    assert_nothing_identifying(logged_text(caplog.records))


def test_a_not_found_is_not_logged_and_would_be_by_path_alone(client, settings, caplog):
    settings.DEBUG = False
    url = "/en/listings/nobody-here/?near=94110&lang=ko&identity=transgender&q=undocumented"
    caplog.set_level(logging.DEBUG)
    assert client.get(url, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=USER_AGENT).status_code == 404
    # Rooted logs request errors only (settings.LOGGING): a 404 writes nothing at all.
    assert [r for r in caplog.records if r.name == "django.request"] == []

    # Opened up to every level, Django's request logger names the path and nothing more.
    caplog.set_level(logging.DEBUG, logger="django.request")
    assert client.get(url, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=USER_AGENT).status_code == 404
    lines = [r.getMessage() for r in caplog.records if r.name == "django.request"]
    assert lines == ["Not Found: /en/listings/nobody-here/"]
    assert_nothing_identifying(written(caplog.records))


def test_a_server_error_is_logged_without_the_search_or_the_seeker(client, settings, caplog):
    settings.DEBUG = False
    client.raise_request_exception = False
    caplog.set_level(logging.DEBUG)
    with mock.patch("directory.views.listing_search", side_effect=RuntimeError("boom")):
        response = client.get(SEARCH_URL, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=USER_AGENT)
    assert response.status_code == 500
    errors = [r for r in caplog.records if r.name == "django.request"]
    assert [r.getMessage() for r in errors] == ["Internal Server Error: /en/search/"]
    assert "RuntimeError: boom" in written(errors)  # the traceback is kept, for whoever fixes it
    assert_nothing_identifying(written(caplog.records))
