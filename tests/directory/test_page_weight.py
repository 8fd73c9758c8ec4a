"""Page weight (issue: performance): a full results page and its CSS stay under
40 KB compressed, no script blocks rendering, and static files are served
compressed with far-future cache headers, as whitenoise does in production."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.directory.test_settings import manage
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db

BUDGET = 40 * 1024


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def test_a_full_results_page_and_its_css_weigh_under_40_kb_compressed(client):
    for number in range(25):  # more than a page, so pagination shows too
        listing = ListingFactory(
            name=f"Provider {number:02d}",
            about="Individual and family counselling in Spanish and English. " * 4,
            speaks=["es", "en"],
            identities=["latine"],
            fee_min=60,
            fee_max=140,
            sliding_scale_min=30,
            video=True,
            online_states=["CA"],
        )
        LocationFactory(listing=listing)
    response = client.get("/en/search/?near=94110&lang=es&identity=latine&online=CA")
    html = response.content
    assert html.count(b"data-listing=") == 20

    stylesheets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
    assert stylesheets
    css = b"".join(
        Path(finders.find(href.decode().removeprefix(settings.STATIC_URL))).read_bytes()
        for href in stylesheets
    )
    weight = compressed(html) + compressed(css)
    assert weight <= BUDGET, f"{weight / 1024:.1f} KB compressed"


def test_no_script_blocks_rendering(client):
    html = client.get("/en/search/").content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert re.search(r"\b(defer|async)\b|type=\"module\"", tag), tag
    assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html), "inline script"


def test_static_files_are_compressed_with_far_future_cache_headers(tmp_path):
    """collectstatic as production runs it, then whitenoise serving one file."""
    script = f"""
from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client
settings.STATIC_ROOT = {str(tmp_path)!r}
call_command("collectstatic", "--no-input", verbosity=0)
url = static("css/rooted.css")
response = Client().get(url, headers={{"accept-encoding": "br, gzip"}})
print(url, response.status_code, response.headers.get("Content-Encoding"),
      response.headers.get("Cache-Control"))
"""
    result = manage(
        "shell",
        "--verbosity=0",
        "--command",
        script,
        DEBUG="0",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    url, status, encoding, cache_control = result.stdout.splitlines()[-1].split(maxsplit=3)
    assert re.search(r"rooted\.[0-9a-f]{12}\.css$", url)  # hashed name
    assert status == "200"
    assert encoding in {"br", "gzip"}
    assert "immutable" in cache_control and "max-age=315360000" in cache_control
