"""The plain-language guides: in every interface language, and found where they help."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from directory.guides import GUIDES, INTERPRETER
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db

INTERFACE_LANGUAGES = [code for code, _name in settings.LANGUAGES]
OTHER_LANGUAGES = [code for code in INTERFACE_LANGUAGES if code != "en"]
GUIDES_INDEX = "/guides/"


def heading(content: str) -> str:
    match = re.search(r"<h1>(.*?)</h1>", content, re.S)
    assert match, "no h1"
    return match.group(1).strip()


def guide_path(language: str, guide_slug: str) -> str:
    return f"/{language}/guides/{guide_slug}/"


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
@pytest.mark.parametrize("guide", GUIDES, ids=lambda guide: guide.slug)
def test_each_guide_answers_in_every_language_with_lang_and_direction(client, language, guide):
    response = client.get(guide_path(language, guide.slug))

    assert response.status_code == 200
    content = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in content
    with translation.override(language):
        assert heading(content) == str(guide.title)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("guide", GUIDES, ids=lambda guide: guide.slug)
def test_each_guide_title_and_text_are_translated_not_english(client, language, guide):
    english = client.get(guide_path("en", guide.slug)).content.decode()
    content = client.get(guide_path(language, guide.slug)).content.decode()

    assert heading(content) != heading(english)
    english_paragraphs = set(re.findall(r"<p>(.*?)</p>", english, re.S))
    paragraphs = re.findall(r"<p>(.*?)</p>", content, re.S)
    assert paragraphs
    assert not english_paragraphs & set(paragraphs), "a paragraph is still in English"


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_the_index_lists_every_guide_in_the_page_language(client, language):
    content = client.get(f"/{language}{GUIDES_INDEX}").content.decode()

    with translation.override(language):
        for guide in GUIDES:
            assert str(guide.title) in content
            assert f'href="{guide_path(language, guide.slug)}"' in content


def test_an_unknown_guide_is_not_found(client):
    assert client.get(guide_path("en", "no-such-guide")).status_code == 404


def test_the_language_switcher_keeps_the_guide(client):
    content = client.get(guide_path("en", INTERPRETER.slug)).content.decode()

    assert f'href="/ar/guides/{INTERPRETER.slug}/" hreflang="ar"' in content


def test_the_interpreter_guide_says_what_to_do_if_refused(client):
    content = client.get(guide_path("en", INTERPRETER.slug)).content.decode()

    assert "Title VI of the Civil Rights Act" in content
    assert "Section 1557 of the Affordable" in content
    assert "language access coordinator" in content
    assert 'href="https://www.hhs.gov/ocr/complaints/index.html"' in content
    assert "not legal advice" in content


@pytest.mark.parametrize("language", ["en", "vi", "ar"])
def test_home_page_links_to_the_guides(client, language):
    content = client.get(f"/{language}/").content.decode()

    assert f'href="/{language}{GUIDES_INDEX}"' in content
    assert f'href="{guide_path(language, INTERPRETER.slug)}"' in content


def test_a_listing_with_interpreters_links_to_the_interpreter_guide(client):
    ListingFactory(slug="with-interpreter", speaks=["en"], interpreter=["vi"])

    content = client.get("/vi/listings/with-interpreter/").content.decode()

    assert f'href="{guide_path("vi", INTERPRETER.slug)}"' in content


@pytest.mark.parametrize("speaks", [["en", "es"], []])
def test_a_listing_without_interpreters_does_not(client, speaks):
    ListingFactory(slug="no-interpreter", speaks=speaks)

    response = client.get("/en/listings/no-interpreter/")

    assert response.status_code == 200
    assert INTERPRETER.slug not in response.content.decode()


def test_a_search_with_no_results_links_to_the_guides(client):
    content = client.get("/es/search/?lang=ko").content.decode()

    assert 'data-total="0"' in content
    assert 'href="/es/guides/"' in content


@pytest.mark.parametrize("found", [1, 2])
def test_a_search_with_few_results_links_to_the_guides(client, found):
    for number in range(found):
        LocationFactory(listing=ListingFactory(name=f"Few {number}", speaks=["ko"]))

    content = client.get("/en/search/?lang=ko").content.decode()

    assert f'data-total="{found}"' in content
    assert 'href="/en/guides/"' in content


def test_a_search_with_many_results_does_not(client):
    for number in range(3):
        LocationFactory(listing=ListingFactory(name=f"Many {number}", speaks=["ko"]))

    content = client.get("/en/search/?lang=ko").content.decode()

    assert 'data-total="3"' in content
    assert 'href="/en/guides/"' not in content
