"""The home page: one search form following the search contract, and crisis help."""

import unicodedata
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import IdentityFactory, LanguageFactory

pytestmark = pytest.mark.django_db

INTERFACE_LANGUAGES = [code for code, _name in settings.LANGUAGES]


class Page(HTMLParser):
    """Just enough of the page's structure to check forms and labels."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.html_attrs: dict[str, str | None] = {}
        self.forms: list[dict[str, object]] = []
        self.labels_for: set[str] = set()
        self.controls: list[dict[str, str | None]] = []
        self.optgroups: list[str | None] = []
        self.external: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.html_attrs = attributes
        elif tag == "form":
            self.forms.append({**attributes, "fields": []})
        elif tag == "label" and attributes.get("for"):
            self.labels_for.add(attributes["for"] or "")
        elif tag in {"input", "select", "textarea"}:
            self.controls.append(attributes)
            if self.forms:
                self.forms[-1]["fields"].append(attributes.get("name"))  # type: ignore[union-attr]
        elif tag == "optgroup":
            self.optgroups.append(attributes.get("label"))
        for name in ("src", "href"):
            value = attributes.get(name) or ""
            if tag in {"script", "link", "img", "iframe"} and value.startswith(("http", "//")):
                self.external.append(value)


@pytest.mark.parametrize("code", INTERFACE_LANGUAGES)
def test_home_renders_in_every_interface_language(client, code):
    response = client.get(f"/{code}/")

    assert response.status_code == 200
    page = Page(response.content.decode())
    assert page.html_attrs["lang"] == code
    assert page.html_attrs["dir"] == ("rtl" if code == "ar" else "ltr")


def test_home_shows_the_crisis_panel(client):
    content = client.get("/en/").content.decode()

    assert 'id="crisis"' in content
    assert 'href="tel:988"' in content
    assert 'href="sms:988"' in content
    assert "741741" in content
    assert "877-565-8860" in content
    assert "1-866-488-7386" in content
    assert "1-844-762-8483" in content
    assert 'href="tel:911"' in content


def test_home_has_a_quick_exit_that_works_without_javascript(client):
    content = client.get("/en/").content.decode()

    assert 'class="quick-exit" href="https://www.weather.gov/" rel="noreferrer"' in content


def test_home_search_form_gets_the_search_url_with_the_contract_fields(client):
    page = Page(client.get("/en/").content.decode())

    forms = [form for form in page.forms if form.get("action") == reverse("directory:search")]
    assert len(forms) == 1
    form = forms[0]
    assert form["method"] == "get"
    assert set(form["fields"]) == {  # type: ignore[arg-type]
        "near",
        "radius",
        "online",
        "lang",
        "identity",
        "max_fee",
        "free",
        "sliding",
    }


def test_home_labels_every_control(client):
    page = Page(client.get("/en/").content.decode())

    assert page.controls
    for control in page.controls:
        assert control.get("id") in page.labels_for, control


def test_home_radius_defaults_to_25_miles(client):
    content = client.get("/en/").content.decode()

    assert '<option value="25" selected>' in content
    for miles in (5, 10, 50, 100):
        assert f'<option value="{miles}">' in content


def test_home_offers_languages_states_and_identities_grouped(client):
    LanguageFactory(code="vi", name="Vietnamese")
    IdentityFactory(slug="black", name="Black", group="race-ethnicity")
    IdentityFactory(slug="transgender", name="Transgender", group="gender")

    content = client.get("/en/").content.decode()
    page = Page(content)

    assert '<option value="vi">Vietnamese</option>' in content
    assert '<option value="black">Black</option>' in content
    assert '<option value="CA">California</option>' in content
    assert "Race and ethnicity" in page.optgroups
    assert "Gender identity" in page.optgroups


def test_home_sets_no_cookies(client):
    response = client.get("/en/")

    assert response.cookies == {} or not response.cookies
    assert not client.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_home_loads_nothing_from_other_sites(client):
    page = Page(client.get("/en/").content.decode())

    assert page.external == []


def test_language_switcher_links_to_the_same_page_in_each_language(client):
    content = client.get("/en/").content.decode()

    assert 'href="/es/" hreflang="es" lang="es"' in content
    assert 'href="/ar/" hreflang="ar" lang="ar" dir="rtl"' in content
    assert 'href="/zh-hant/" hreflang="zh-hant" lang="zh-hant"' in content
    assert unicodedata.normalize("NFC", "Tiếng Việt") in unicodedata.normalize("NFC", content)
    assert ">Español</a>" in content
    assert 'aria-current="true">English</a>' in content


def test_home_links_to_community_supports(client):
    content = client.get("/es/").content.decode()

    assert f'href="{reverse("directory:community")}"' in content
    assert 'href="/es/community/"' in content


def test_language_switcher_keeps_the_query_string(client):
    content = client.get("/en/?near=94110&lang=vi").content.decode()

    assert 'href="/ko/?near=94110&amp;lang=vi" hreflang="ko"' in content


def test_the_home_form_lists_every_state_none_chosen(client):
    html = client.get("/en/").content.decode()

    assert '<option value="CA">California</option>' in html
    assert "selected>" not in html.split('id="id_online"')[1].split("</select>")[0]
