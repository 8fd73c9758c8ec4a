"""Approving a provider's pending change applies only what the provider changed,
so a curator's fix made meanwhile survives; where both changed the same field the
review shows it and the curator decides (issue 19, item 7)."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from providers import services
from providers.models import Listing
from tests.factories import LocationFactory, OwnedListingFactory, UserFactory
from tests.providers.test_curation import admin_form_data

pytestmark = pytest.mark.django_db
QUEUE = "/admin/providers/reviewitem/"


@pytest.fixture
def curator(client):
    user = UserFactory(email="curator@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Curators"))
    client.force_login(user)
    return user


@pytest.fixture
def owner():
    return UserFactory(email="amara@example.org")


@pytest.fixture
def published(owner):
    listing = OwnedListingFactory(
        name="Amara Okafor",
        phone="415-555-0100",
        about="I work with families.",
        credentials="LCSW",
        owners=[owner],
        speaks=["en"],
    )
    LocationFactory(listing=listing, address="1 Valencia St")
    return listing


def curator_fixes(client, listing, **fields):
    url = f"/admin/providers/listing/{listing.pk}/change/"
    data = admin_form_data(client, url)
    data.update(fields)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def provider_changes(owner, listing, **fields):
    change = services.listing_working_copy(listing=listing, by=owner)
    services.listing_update(listing=change, by=owner, fields=fields)
    return change


def test_approval_keeps_a_curator_s_phone_fix_the_provider_never_touched(
    client, curator, owner, published
):
    change = provider_changes(owner, published, about_en="I work with couples.")
    curator_fixes(client, published, phone="415-555-0123")
    services.listing_submit(listing=change, by=owner)

    page = client.get(f"{QUEUE}{change.pk}/change/").content.decode()
    assert 'data-field="about_en"' in page
    assert 'data-field="phone"' not in page  # the provider did not change it

    response = client.post(f"{QUEUE}{change.pk}/change/", {"decision": "approve"})
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.phone == "415-555-0123"
    assert published.about_en == "I work with couples."


def test_a_field_both_changed_is_shown_and_left_to_the_curator(client, curator, owner, published):
    change = provider_changes(owner, published, phone="415-555-0999", credentials="LMFT")
    curator_fixes(client, published, phone="415-555-0123")
    services.listing_submit(listing=change, by=owner)

    url = f"{QUEUE}{change.pk}/change/"
    page = client.get(url).content.decode()
    assert 'id="review-conflicts"' in page
    assert "415-555-0100" in page and "415-555-0123" in page and "415-555-0999" in page

    undecided = client.post(url, {"decision": "approve"})
    assert undecided.status_code == 200
    assert "Choose which version to keep" in undecided.content.decode()
    assert Listing.objects.filter(pk=change.pk).exists()

    client.post(url, {"decision": "approve", "keep_phone": "published"})
    published.refresh_from_db()
    assert published.phone == "415-555-0123"
    assert published.credentials == "LMFT"


def test_the_curator_may_take_the_provider_s_value_instead(client, curator, owner, published):
    change = provider_changes(owner, published, phone="415-555-0999")
    curator_fixes(client, published, phone="415-555-0123")
    services.listing_submit(listing=change, by=owner)
    with pytest.raises(ValidationError):
        services.listing_approve(listing=change, curator=curator)
    services.listing_approve(listing=change, curator=curator, choices={"phone": "proposed"})
    published.refresh_from_db()
    assert published.phone == "415-555-0999"


def test_the_same_change_on_both_sides_is_no_conflict(client, curator, owner, published):
    change = provider_changes(owner, published, phone="415-555-0123", credentials="LMFT")
    curator_fixes(client, published, phone="415-555-0123")
    services.listing_submit(listing=change, by=owner)
    services.listing_approve(listing=change, curator=curator)
    published.refresh_from_db()
    assert published.phone == "415-555-0123"


def test_languages_the_provider_left_alone_keep_the_curator_s_correction(curator, owner, published):
    change = provider_changes(owner, published, credentials="LMFT")
    services.listing_set_languages(listing=published, by=curator, speaks=[], interpreter=[])
    services.listing_submit(listing=change, by=owner)
    services.listing_approve(listing=change, curator=curator)
    published.refresh_from_db()
    assert published.credentials == "LMFT"
    assert not published.listing_languages.exists()
