"""Words in any interface language: `q` names languages, identities, concerns,
approaches and kinds of support, which apply as filters (directory/words.py)."""

from html import unescape

import pytest

from providers.models import Language, Specialty
from tests.directory.test_search_agreement import api_names
from tests.directory.test_search_support import search
from tests.factories import ListingFactory, LocationFactory, reindex

pytestmark = pytest.mark.django_db

LA = (34.05, -118.24)


@pytest.fixture
def world():
    def at_la(**fields):
        listing = ListingFactory(**fields)
        LocationFactory(listing=listing, latitude=LA[0], longitude=LA[1])
        reindex(listing)
        return listing

    return {
        "ana": at_la(name="Ana Ruiz", speaks=["es"], about="Bilingual care."),
        "bo": at_la(name="Bo Chen", speaks=["zh", "en"], about="Family work."),
        "cy": at_la(name="Cy Park", speaks=["en"], about="A therapist for grief."),
        "dee": at_la(name="Dee Group", kind="community", speaks=["es"], about="Weekly circle."),
        "eve": at_la(name="Eve Clinic", kind="practice", speaks=["es"], about="Walk-in."),
    }


def recognised_line(response) -> str:
    html = response.content.decode()
    start = html.find("data-recognised")
    assert start != -1, "no line says what the words were read as"
    return " ".join(unescape(html[html.find(">", start) + 1 : html.find("</p>", start)]).split())


def test_spanish_words_find_spanish_speaking_therapists(client, world):
    page = search(client, "/es/search/", q="terapeuta español")
    assert set(page.listings) == {"ana-ruiz"}
    line = recognised_line(client.get("/es/search/", {"q": "terapeuta español"}))
    assert "Idioma: español (de “español”)" in line
    assert "terapeuta" in line


def test_chinese_without_spaces_finds_chinese_speakers(client, world):
    assert set(search(client, "/zh-hans/search/", q="中文").listings) == {"bo-chen"}
    assert set(search(client, "/zh-hans/search/", q="中文治疗师").listings) == {"bo-chen"}


def test_a_kind_word_finds_every_clinician_not_only_those_whose_text_says_it(client, world):
    page = search(client, q="therapist", near="90012")
    assert set(page.listings) == {"ana-ruiz", "bo-chen", "cy-park"}
    line = recognised_line(client.get("/en/search/", {"q": "therapist", "near": "90012"}))
    assert "Kind of support: Clinician (from “therapist”)" in line


def test_multi_word_names_case_and_accents_do_not_matter(client, world):
    assert set(search(client, q="Support Group").listings) == {"dee-group"}
    assert set(search(client, q="ESPANOL clinic").listings) == {"eve-clinic"}
    assert set(search(client, "/vi/search/", q="nhà trị liệu").listings) == {
        "ana-ruiz",
        "bo-chen",
        "cy-park",
    }


def test_the_other_words_are_still_searched_as_text(client, world):
    page = search(client, q="spanish bilingual")
    assert set(page.listings) == {"ana-ruiz"}
    # Words that name nothing are a plain text search, as before.
    assert set(search(client, q="walk-in").listings) == {"eve-clinic"}


def test_links_carry_the_filters_the_words_named(client, world):
    response = client.get("/es/search/", {"q": "terapeuta español"})
    html = response.content.decode()
    assert 'name="lang" value="es" checked' in html or "lang=es" in html
    assert 'value="terapeuta español"' not in html


def test_curators_synonyms_name_a_term_in_their_language(client, world):
    anxiety = Specialty.objects.get(slug="anxiety")
    anxiety.synonyms_en = "worry, nerves"
    anxiety.synonyms_es = "nervios"
    anxiety.save()
    world["cy"].specialties.add(anxiety)
    reindex(world["cy"])
    assert set(search(client, q="nerves").listings) == {"cy-park"}
    assert set(search(client, "/es/search/", q="nervios").listings) == {"cy-park"}
    # English words count on every page; a Spanish synonym only on Spanish pages.
    assert set(search(client, "/es/search/", q="worry").listings) == {"cy-park"}
    assert search(client, q="nervios").listings == []


def test_the_api_reads_the_words_the_same_way(client, world):
    for q in ("therapist", "spanish support group", "chinese family"):
        page = search(client, q=q)
        assert api_names(client, {"q": q}) == {
            name
            for name in ("Ana Ruiz", "Bo Chen", "Cy Park", "Dee Group", "Eve Clinic")
            if name.lower().replace(" ", "-") in page.listings
        }, q


def test_reading_the_words_costs_no_query(client, world, django_assert_max_num_queries):
    Language.objects.get(code="es")  # the vocabularies are read once, as before
    with django_assert_max_num_queries(8):
        client.get("/es/search/", {"q": "terapeuta español ansiedad grief", "near": "90012"})


def test_curators_add_synonyms_in_each_language_in_the_admin(client):
    from tests.factories import UserFactory

    curator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(curator)
    anxiety = Specialty.objects.get(slug="anxiety")

    html = client.get(f"/admin/providers/specialty/{anxiety.pk}/change/").content.decode()
    assert 'name="synonyms_es"' in html and 'name="synonyms_zh_hans"' in html
    spanish = Language.objects.get(code="es")
    html = client.get(f"/admin/providers/language/{spanish.pk}/change/").content.decode()
    assert 'name="synonyms_en"' in html
