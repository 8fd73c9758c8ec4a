"""With DEBUG=0: photos are linked under MEDIA_URL, which Django itself does not
serve (nginx's /media/ alias does, README "Photos in production"); and the report
form's CSRF cookie lasts only for the browser session (issue 19, item 13)."""

import runpy
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches

from tests.factories import ListingFactory

pytestmark = pytest.mark.django_db
SETTINGS = Path(__file__).resolve().parents[2] / "rooted" / "settings.py"


def production(monkeypatch, **extra):
    env = {
        "DEBUG": "0",
        "SECRET_KEY": "test-only-" + "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "REDIS_URL": "redis://127.0.0.1:6379/3",
        **extra,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_production_reads_media_root_from_the_environment(monkeypatch, tmp_path):
    values = production(monkeypatch, MEDIA_ROOT=str(tmp_path / "uploads"))
    assert values["MEDIA_URL"] == "/media/"
    assert values["MEDIA_ROOT"] == tmp_path / "uploads"
    assert values["CSRF_COOKIE_AGE"] is None


@pytest.fixture
def debug_off(settings):
    settings.DEBUG = False
    import importlib

    import rooted.urls

    importlib.reload(rooted.urls)
    clear_url_caches()
    yield
    settings.DEBUG = True
    importlib.reload(rooted.urls)
    clear_url_caches()


def test_with_debug_off_the_page_links_photos_under_media_which_nginx_serves(
    client, debug_off, settings
):
    listing = ListingFactory(name="Amara Okafor", slug="amara-okafor", photo_alt="Amara")
    listing.photo.save("listings/amara.jpg", ContentFile(b"\xff\xd8 not checked here"))
    page = client.get("/en/listings/amara-okafor/").content.decode()
    assert f'src="/media/{listing.photo.name}"' in page
    # Django itself does not serve it: the web server's /media/ alias must.
    assert client.get(f"/media/{listing.photo.name}").status_code == 404
    assert (Path(settings.MEDIA_ROOT) / listing.photo.name).exists()


def test_the_report_form_s_csrf_cookie_lasts_only_for_the_browser_session(client):
    ListingFactory(name="Amara Okafor", slug="amara-okafor")
    response = client.get("/en/listings/amara-okafor/report/")
    cookie = response.cookies["csrftoken"]
    assert cookie.value
    assert not cookie["max-age"] and not cookie["expires"]
    assert "sessionid" not in response.cookies
