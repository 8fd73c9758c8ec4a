from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from providers.models import Listing, ListingLanguage, Location, ServiceArea
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db


def test_fee_min_above_fee_max_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        ListingFactory(fee_min=120, fee_max=80)


def test_fee_range_may_be_open_ended():
    listing = ListingFactory(fee_min=120, fee_max=None)
    assert listing.fee_min == 120


def test_a_published_listing_needs_a_name_and_a_slug():
    with pytest.raises(IntegrityError), transaction.atomic():
        Listing.objects.create(kind="clinician", status="published", name="", slug="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Listing.objects.create(kind="clinician", status="published", name="X", slug="")


def test_drafts_may_be_unnamed_and_share_an_empty_slug():
    Listing.objects.create(kind="clinician", status="draft")
    Listing.objects.create(kind="clinician", status="draft")
    assert Listing.objects.filter(slug="").count() == 2


def test_slugs_are_unique():
    ListingFactory(slug="amara-okafor")
    with pytest.raises(IntegrityError), transaction.atomic():
        ListingFactory.create(name="Other", slug="amara-okafor", status="draft").save(
            force_insert=True
        )


def test_unknown_kind_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Listing.objects.create(kind="astrologer", status="draft")


def test_a_language_is_offered_once_per_listing():
    listing = ListingFactory(speaks=["vi"])
    with pytest.raises(IntegrityError), transaction.atomic():
        ListingLanguage.objects.create(
            listing=listing, language_id=listing.languages.get().pk, offered="interpreter"
        )


def test_a_telehealth_state_is_listed_once():
    listing = ListingFactory(online_states=["CA"])
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceArea.objects.create(listing=listing, state="CA")


def test_coordinates_must_be_on_earth():
    with pytest.raises(IntegrityError), transaction.atomic():
        LocationFactory(latitude=100.0)
    with pytest.raises(IntegrityError), transaction.atomic():
        LocationFactory(longitude=-181.0)


def test_searchable_is_published_and_confirmed_within_a_year():
    now = timezone.now()
    fresh = ListingFactory(name="Fresh")
    stale = ListingFactory(name="Stale", last_confirmed_at=now - timedelta(days=200))
    ListingFactory(name="Hidden", last_confirmed_at=now - timedelta(days=366))
    ListingFactory(name="Draft", status="draft")
    ListingFactory(name="Never confirmed", last_confirmed_at=None)

    assert set(Listing.objects.searchable()) == {fresh, stale}
    assert stale.is_stale and not stale.is_hidden
    assert not fresh.is_stale


def test_lowest_fee_is_the_sliding_scale_floor_when_lower():
    assert ListingFactory(fee_min=90, fee_max=150, sliding_scale_min=30).lowest_fee == 30
    assert ListingFactory(fee_min=90, fee_max=150).lowest_fee == 90
    assert ListingFactory(free=True, fee_min=90).lowest_fee == 0
    assert ListingFactory().lowest_fee is None


def test_text_falls_back_to_a_language_it_was_written_in():
    listing = ListingFactory(about_en="", about_es="Hablo español.", about_vi="")
    assert listing.text("about", "vi") == ("Hablo español.", "es")
    assert listing.text("about", "es") == ("Hablo español.", "es")
    assert listing.text_languages == ["es"]


def test_text_prefers_the_current_language_then_english():
    listing = ListingFactory(about_en="In English.", about_ko="한국어로.")
    assert listing.text("about", "ko") == ("한국어로.", "ko")
    assert listing.text("about", "ar") == ("In English.", "en")


def test_map_link_points_at_the_coordinates_and_loads_nothing_itself():
    location = Location(city="Oakland", region="CA", latitude=37.8044, longitude=-122.2712)
    assert location.map_url.startswith("https://www.openstreetmap.org/?mlat=37.80440")
    assert Location(city="Oakland", region="CA").map_url == ""


def test_search_documents_are_written_for_every_interface_language():
    import importlib

    from django.conf import settings

    migration = importlib.import_module("providers.migrations.0007_search_documents")
    suffixes = [code.replace("-", "_") for code, _name in settings.LANGUAGES]

    # A new interface language needs a migration that writes its documents, and
    # which documents it reads (`read_by`, migration 0028), too.
    assert suffixes == migration.LANGUAGES


@pytest.mark.django_db
def test_search_documents_serialize_and_load_even_without_an_index_entry():
    from django.core import serializers

    from providers.models import SearchDocument
    from tests.factories import DraftListingFactory

    ListingFactory(name="Maya", about="Grief support.")
    DraftListingFactory(name="Draft", about="Not public yet.")  # documents, no entry

    dumped = serializers.serialize("json", SearchDocument.objects.all())
    restored = [item.object for item in serializers.deserialize("json", dumped)]

    assert len(restored) == SearchDocument.objects.count()
    assert {document.listing.name for document in restored} <= {"Maya", "Draft"}
