"""Hard filters: cost, insurance, care, kind, availability, words, and the community page."""

import pytest
from django.db import connection

from providers.models import AgeGroup, Approach, Format, Insurance, Listing, Specialty
from tests.directory.test_search_support import search
from tests.factories import ListingFactory, reindex

pytestmark = pytest.mark.django_db


def test_max_fee_counts_the_sliding_scale_floor(client):
    ListingFactory(name="Sliding", fee_min=120, fee_max=180, sliding_scale_min=30)
    ListingFactory(name="Cheap", fee_min=40, fee_max=60)
    ListingFactory(name="Dear", fee_min=150, fee_max=200)
    ListingFactory(name="Unknown Cost")

    page = search(client, max_fee="50")

    assert page.listings == ["cheap", "sliding"]
    assert "Sliding scale from $30" in page.reasons["sliding"]
    assert "Fees from $40" in page.reasons["cheap"]


def test_sliding_requires_a_sliding_scale(client):
    ListingFactory(name="Sliding", sliding_scale_min=20)
    ListingFactory(name="Fixed", fee_min=20)

    page = search(client, sliding="1")

    assert page.listings == ["sliding"]
    assert "Sliding scale from $20" in page.reasons["sliding"]


def test_free_requires_a_free_option_and_free_meets_any_max_fee(client):
    ListingFactory(name="Free Circle", free=True, kind=Listing.Kind.COMMUNITY)
    ListingFactory(name="Paid", fee_min=10)

    assert search(client, free="1").listings == ["free-circle"]
    assert search(client, max_fee="0").listings == ["free-circle"]
    assert "Free option" in search(client, free="1").reasons["free-circle"]


def test_insurance_finds_listings_that_accept_it(client):
    medicaid = ListingFactory(name="Takes Medicaid")
    medicaid.insurance.set(Insurance.objects.filter(slug="medicaid"))
    medicare = ListingFactory(name="Takes Medicare")
    medicare.insurance.set(Insurance.objects.filter(slug="medicare"))
    reindex(medicaid, medicare)
    ListingFactory(name="Cash Only", fee_min=90)

    page = search(client, insurance="medicaid")

    assert page.listings == ["takes-medicaid"]
    assert "Accepts Medicaid" in page.reasons["takes-medicaid"]
    assert search(client, insurance=["medicaid", "medicare"]).total == 2


def test_specialty_approach_age_and_format_filter_and_explain(client):
    match = ListingFactory(name="Match")
    match.specialties.set(Specialty.objects.filter(slug="racial-trauma"))
    match.approaches.set(Approach.objects.filter(slug="emdr"))
    match.ages.set(AgeGroup.objects.filter(slug="teens"))
    match.formats.set(Format.objects.filter(slug="group"))
    partial = ListingFactory(name="Partial")
    partial.specialties.set(Specialty.objects.filter(slug="racial-trauma"))
    reindex(match, partial)

    page = search(client, specialty="racial-trauma", approach="emdr", age="teens", format="group")

    assert page.listings == ["match"]
    assert page.reasons["match"][:4] == [
        "Specialty: Racial trauma",
        "Approach: EMDR",
        "Age group: Teens",
        "Format: Group",
    ]


def test_kind_and_accepting_new_clients(client):
    ListingFactory(name="Open Practice", kind=Listing.Kind.PRACTICE)
    ListingFactory(name="Full Practice", kind=Listing.Kind.PRACTICE, accepting_new_clients=False)
    ListingFactory(name="Clinician")

    # Accepting first among equal matches (test_search_ranking).
    assert search(client, kind="practice").listings == ["open-practice", "full-practice"]
    assert search(client, kind="practice", accepting="1").listings == ["open-practice"]
    assert search(client, kind="practice", accepting="0").total == 2


def test_unknown_and_repeated_choices_are_ignored(client):
    ListingFactory(name="Vi", speaks=["vi"])
    ListingFactory(name="Es", speaks=["es"])

    page = search(client, lang=["vi", "klingon", "vi", "VI"], identity="not-a-slug")

    assert page.listings == ["vi"]


def test_community_page_is_scoped_to_community_kinds(client):
    ListingFactory(name="Peer Circle", kind=Listing.Kind.COMMUNITY, speaks=["es"])
    ListingFactory(name="Warm Line", kind=Listing.Kind.CRISIS_LINE, speaks=["es"])
    ListingFactory(name="Therapist", speaks=["es"])

    page = search(client, "/en/community/", lang="es")

    assert page.listings == ["peer-circle", "warm-line"]
    assert search(client, "/en/community/", kind="clinician").total == 2  # not a choice here
    assert search(client, "/en/community/", kind="crisis-line").listings == ["warm-line"]
    # Each page reads `kind` by its own choices, whichever page asked before it.
    assert search(client, "/en/search/", kind="clinician").listings == ["therapist"]
    assert search(client, "/en/community/", kind="clinician").total == 2


def test_free_text_matches_names_and_texts_in_the_current_language(client):
    ListingFactory(name="Healing Roots Collective")
    ListingFactory(name="Maya", about="Bereavement support for families.")
    ListingFactory(name="Lin", about="Worry and stress.", about_es="Acompañamiento y pérdida.")
    ListingFactory(name="Other", about="Couples work.")

    # (Words that name a vocabulary term, "grief", are that filter: test_search_words.)
    assert search(client, q="healing").listings == ["healing-roots-collective"]
    assert search(client, q="bereavement").listings == ["maya"]
    assert search(client, "/es/search/", q="acompañamiento").listings == ["lin"]
    # In Spanish, the English text still counts as the fallback.
    assert search(client, "/es/search/", q="bereavement").listings == ["maya"]
    assert search(client, q="acompañamiento").listings == []


def test_free_text_needs_every_word(client):
    ListingFactory(name="Maya", about="Bereavement support for families.")
    ListingFactory(name="Noor", about="Bereavement and loss.")

    assert search(client, q="bereavement families").listings == ["maya"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")
def test_free_text_on_postgresql_stems_and_ranks(client):
    ListingFactory(name="Aaron", about="We talk about many things, among them counselling.")
    ListingFactory(name="Zed Counselling Centre", about="Counselling for everyone.")

    page = search(client, q="counsel")

    # "counsel" matches "counselling" by its stem; the name weighs most.
    assert page.listings == ["zed-counselling-centre", "aaron"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search documents are PostgreSQL's")
def test_a_listing_written_in_two_languages_is_found_once_and_ranked_by_its_own(client):
    ListingFactory(
        name="Ana Counselling", about="Counselling.", about_es="Consejería y acompañamiento."
    )
    ListingFactory(name="Beto", about="Counselling for couples.", about_es="Consejería.")
    ListingFactory(name="Zoe", about="Counselling and more counselling.")

    # Its Spanish document holds its English texts too: one document, one result.
    page = search(client, "/es/search/", q="counselling")
    assert page.listings == ["ana-counselling", "zoe", "beto"]
    assert page.total == 3
    assert search(client, "/es/search/", q="acompañamiento").listings == ["ana-counselling"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search documents are PostgreSQL's")
def test_a_listing_whose_spanish_text_goes_is_searched_in_spanish_by_its_english_one(client):
    ListingFactory(name="Lin", about="Bereavement support.", about_es="Acompañamiento.")
    assert search(client, "/es/search/", q="bereavement").listings == ["lin"]

    # A bulk update calls no service; the triggers decide again which document is read.
    Listing.objects.filter(name="Lin").update(about_es="")
    assert search(client, "/es/search/", q="acompañamiento").listings == []
    assert search(client, "/es/search/", q="bereavement").listings == ["lin"]
    Listing.objects.filter(name="Lin").update(about_es="Acompañamiento.")
    assert search(client, "/es/search/", q="acompañamiento").listings == ["lin"]
    assert search(client, "/es/search/", q="bereavement").total == 1


def test_free_text_finds_the_beginning_of_a_word_and_chinese_within_a_sentence(client):
    ListingFactory(name="Hoa Nguyen", about="Family therapy.")
    ListingFactory(name="Mei Lin", about="Family therapy.", about_zh_hans="我们帮助处理焦虑。")

    assert search(client, q="nguy").listings == ["hoa-nguyen"]
    assert search(client, "/zh-hans/search/", q="帮助处理").listings == ["mei-lin"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search documents are PostgreSQL's")
def test_words_written_in_bulk_are_found_at_once(client):
    ListingFactory(name="Maya", about="Grief support.")
    assert search(client, q="drumming").listings == []

    # A bulk update calls no service; the database's triggers keep the words in step.
    Listing.objects.filter(name="Maya").update(about_en="Drumming circles for grief.")

    assert search(client, q="drumming").listings == ["maya"]
    Listing.objects.filter(name="Maya").update(name="Maya Drumming", about_en="")
    assert search(client, q="drumming").listings == ["maya"]
    Listing.objects.filter(name="Maya Drumming").update(name="Maya")
    assert search(client, q="drumming").listings == []
