"""Preview, submission and review: new listings, and edits to published listings that
the public does not see until a curator approves them."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from providers import selectors, services
from providers.models import (
    AgeGroup,
    Identity,
    Language,
    Listing,
    ListingEvent,
    ListingLanguage,
    Location,
    Specialty,
)
from tests.factories import (
    DraftListingFactory,
    LocationFactory,
    OwnedListingFactory,
    UnverifiedUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def edit_url(listing, step):
    return f"/en/provider/listings/{listing.uuid}/edit/{step}/"


@pytest.fixture
def owner():
    return UserFactory(email="amara@example.org", language="es")


@pytest.fixture
def curator():
    return UserFactory(email="curator@example.org", is_staff=True)


@pytest.fixture
def signed_in(client, owner):
    client.force_login(owner)
    return client


def complete_draft(owner, **fields):
    listing = DraftListingFactory(
        name="Amara Okafor",
        about="I work with families.",
        phone="415-555-0100",
        in_person=True,
        owners=[owner],
        **fields,
    )
    LocationFactory(listing=listing)
    return listing


@pytest.fixture
def published(owner):
    listing = OwnedListingFactory(
        name="Amara Okafor",
        slug="amara-okafor",
        phone="415-555-0100",
        fee_min=80,
        fee_max=140,
        owners=[owner],
        identities=["black"],
        speaks=["en"],
        online_states=["CA"],
    )
    LocationFactory(listing=listing)
    return listing


def public_page(client, listing):
    return client.get(f"/en/listings/{listing.slug}/")


# Preview and submit ----------------------------------------------------------


def test_preview_shows_the_public_listing_page_for_the_draft(signed_in, owner):
    listing = complete_draft(owner, pronouns="she/her")
    response = signed_in.get(f"/en/provider/listings/{listing.uuid}/preview/")
    assert response.status_code == 200
    assert "directory/listing.html" in [t.name for t in response.templates]
    body = response.content.decode()
    assert "Amara Okafor" in body and "I work with families." in body
    assert "Submit for review" in body


def test_preview_lists_what_is_missing_with_links_to_the_steps(signed_in, owner):
    listing = DraftListingFactory(name="Amara Okafor", about="", in_person=True, owners=[owner])
    body = signed_in.get(f"/en/provider/listings/{listing.uuid}/preview/").content.decode()
    assert "Describe the care you offer in a few words." in body
    assert edit_url(listing, "places") in body
    assert 'action="/en/provider/listings/' not in body.split("Before you submit")[1]


def test_submitting_sends_the_draft_for_review_and_records_it(signed_in, owner):
    listing = complete_draft(owner)
    response = signed_in.post(f"/en/provider/listings/{listing.uuid}/submit/")
    assert response["Location"] == "/en/provider/"
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED
    assert listing.events.filter(action=ListingEvent.Action.SUBMITTED, actor=owner).exists()
    assert "Submitted" in signed_in.get("/en/provider/").content.decode()


def test_submitting_needs_a_verified_email_address(client):
    owner = UnverifiedUserFactory()
    client.force_login(owner)
    listing = complete_draft(owner)
    response = client.post(f"/en/provider/listings/{listing.uuid}/submit/", follow=True)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.DRAFT
    assert "verify your email address" in response.content.decode()


def test_an_incomplete_draft_cannot_be_submitted(signed_in, owner):
    listing = DraftListingFactory(name="Amara Okafor", about="", owners=[owner])
    signed_in.post(f"/en/provider/listings/{listing.uuid}/submit/")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.DRAFT


def test_a_submitted_draft_is_not_public(client, owner):
    listing = complete_draft(owner)
    services.listing_submit(listing=listing, by=owner)
    assert not Listing.objects.searchable().filter(pk=listing.pk).exists()


def test_editing_a_submitted_listing_takes_it_out_of_the_queue(signed_in, owner):
    listing = complete_draft(owner)
    services.listing_submit(listing=listing, by=owner)
    page = signed_in.get(edit_url(listing, "contact")).content.decode()
    assert "waiting for review" in page
    signed_in.post(edit_url(listing, "contact"), {"phone": "415-555-0199"})
    listing.refresh_from_db()
    assert listing.status == Listing.Status.DRAFT
    assert listing.events.filter(action=ListingEvent.Action.WITHDRAWN).exists()


# Curator decisions -----------------------------------------------------------


def test_approving_publishes_the_listing_in_search_and_emails_the_owner_in_their_language(
    client, owner, curator
):
    listing = complete_draft(owner)
    services.listing_submit(listing=listing, by=owner)
    mail.outbox.clear()
    published = services.listing_approve(listing=listing, curator=curator, note="Welcome!")
    assert published.status == Listing.Status.PUBLISHED
    assert published.slug == "amara-okafor"
    assert published.last_confirmed_at is not None
    assert Listing.objects.searchable().filter(pk=listing.pk).exists()
    assert public_page(client, published).status_code == 200
    event = published.events.get(action=ListingEvent.Action.APPROVED)
    assert (event.actor, event.message) == (curator, "Welcome!")
    (message,) = mail.outbox
    assert message.to == ["amara@example.org"]
    assert "/es/listings/amara-okafor/" in message.body
    assert "Welcome!" in message.body


def test_approval_gives_a_unique_slug(owner, curator):
    OwnedListingFactory(name="Amara Okafor", slug="amara-okafor")
    listing = complete_draft(owner)
    services.listing_submit(listing=listing, by=owner)
    assert services.listing_approve(listing=listing, curator=curator).slug == "amara-okafor-2"


def test_only_a_submitted_listing_can_be_approved(owner, curator):
    listing = complete_draft(owner)
    with pytest.raises(ValidationError):
        services.listing_approve(listing=listing, curator=curator)


def test_requesting_changes_shows_the_curators_message_on_the_dashboard(signed_in, owner, curator):
    listing = complete_draft(owner)
    services.listing_submit(listing=listing, by=owner)
    mail.outbox.clear()
    services.listing_request_changes(
        listing=listing, curator=curator, message="Please add your licence number."
    )
    listing.refresh_from_db()
    assert listing.status == Listing.Status.CHANGES_REQUESTED
    assert "Please add your licence number." in mail.outbox[0].body
    body = signed_in.get("/en/provider/").content.decode()
    assert "Changes requested" in body
    assert "Please add your licence number." in body
    # and it can be fixed and submitted again
    services.listing_submit(listing=listing, by=owner)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED


def test_a_review_decision_needs_a_message(owner, curator):
    listing = complete_draft(owner)
    services.listing_submit(listing=listing, by=owner)
    with pytest.raises(ValidationError):
        services.listing_reject(listing=listing, curator=curator, message="  ")


def test_rejecting_tells_the_owner_why(signed_in, owner, curator):
    listing = complete_draft(owner)
    services.listing_submit(listing=listing, by=owner)
    services.listing_reject(listing=listing, curator=curator, message="Not a care provider.")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.REJECTED
    assert "Not a care provider." in signed_in.get("/en/provider/").content.decode()


def test_the_dashboard_shows_the_history_of_submissions(signed_in, owner, curator):
    listing = complete_draft(owner)
    services.listing_submit(listing=listing, by=owner)
    services.listing_request_changes(listing=listing, curator=curator, message="Add a photo.")
    services.listing_submit(listing=listing, by=owner)
    body = signed_in.get("/en/provider/").content.decode()
    history = body.split("Review history")[1]
    assert history.count("Submitted for review") == 2
    assert "Add a photo." in history


# Edits after publication -----------------------------------------------------


def test_editing_a_published_listing_keeps_the_public_page_as_approved(
    client, signed_in, owner, published
):
    response = signed_in.post(
        edit_url(published, "cost"),
        {"fee_min": "100", "fee_max": "160", "then": "stay"},
    )
    assert response.status_code == 302
    published.refresh_from_db()
    assert (published.fee_min, published.fee_max) == (80, 140)
    change = published.pending_changes.get()
    assert (change.fee_min, change.fee_max) == (100, 160)
    assert change.status == Listing.Status.DRAFT and change.slug == ""
    page = public_page(client, published).content.decode()
    assert "$80" in page and "$100" not in page


def test_a_pending_change_is_never_public(client, owner, published):
    change = services.listing_working_copy(listing=published, by=owner)
    assert list(Listing.objects.searchable()) == [published]
    assert not change.owners.exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        Listing.objects.filter(pk=change.pk).update(status="published", slug="sneaky")


def test_a_pending_change_cannot_be_published_through_the_admin_form(owner, published):
    change = services.listing_working_copy(listing=published, by=owner)
    change.status = Listing.Status.PUBLISHED
    change.slug = "sneaky"
    with pytest.raises(ValidationError):
        change.full_clean()


def test_there_is_one_pending_change_per_listing(owner, published):
    first = services.listing_working_copy(listing=published, by=owner)
    assert services.listing_working_copy(listing=published, by=owner) == first
    with pytest.raises(IntegrityError), transaction.atomic():
        Listing.objects.create(kind="clinician", draft_of=published)


def test_the_pending_change_copies_everything_the_editor_shows(owner, published):
    change = services.listing_working_copy(listing=published, by=owner)
    assert selectors.listing_diff(original=published, proposed=change) == []
    assert change.locations.count() == 1
    assert list(change.identifies_as.values_list("slug", flat=True)) == ["black"]


def test_approving_a_change_applies_it_and_records_what_changed(
    client, signed_in, owner, curator, published
):
    signed_in.post(edit_url(published, "cost"), {"fee_min": "100", "fee_max": "160"})
    signed_in.post(f"/en/provider/listings/{published.uuid}/submit/")
    change = published.pending_changes.get()
    assert change.status == Listing.Status.SUBMITTED
    assert change in selectors.listings_awaiting_review()

    services.listing_approve(listing=change, curator=curator, note="")

    published.refresh_from_db()
    assert (published.fee_min, published.fee_max) == (100, 160)
    assert published.status == Listing.Status.PUBLISHED and published.slug == "amara-okafor"
    assert not Listing.objects.filter(pk=change.pk).exists()
    event = published.events.get(action=ListingEvent.Action.APPROVED)
    assert event.changes["fee_min"] == {
        "label": "lowest fee per session",
        "before": 80,
        "after": 100,
    }
    assert "$100" in public_page(client, published).content.decode()


def test_approving_a_change_moves_places_languages_states_and_vocabulary(owner, curator, published):
    change = services.listing_working_copy(listing=published, by=owner)
    change.locations.all().delete()
    Location.objects.create(listing=change, city="Oakland", region="CA", postal_code="94612")
    services.listing_set_languages(
        listing=change, by=owner, speaks=Language.objects.filter(code="vi"), interpreter=[]
    )
    services.listing_set_service_areas(listing=change, by=owner, states=["CA", "OR"])
    services.listing_update(
        listing=change,
        by=owner,
        fields={
            "specialties": Specialty.objects.filter(slug="grief"),
            "identifies_as": Identity.objects.filter(slug="caribbean"),
            "about_es": "Trabajo con familias.",
        },
    )
    change.refresh_from_db()
    services.listing_submit(listing=change, by=owner)
    services.listing_approve(listing=change, curator=curator)

    published.refresh_from_db()
    assert list(published.locations.values_list("city", flat=True)) == ["Oakland"]
    assert [i.language.code for i in published.listing_languages.all()] == ["vi"]
    assert sorted(published.service_areas.values_list("state", flat=True)) == ["CA", "OR"]
    assert list(published.specialties.values_list("slug", flat=True)) == ["grief"]
    assert list(published.identifies_as.values_list("slug", flat=True)) == ["caribbean"]
    assert published.about_es == "Trabajo con familias."
    assert ListingLanguage.objects.count() == 1


def test_the_diff_covers_translations_places_languages_and_vocabulary(owner, published):
    change = services.listing_working_copy(listing=published, by=owner)
    change.about_vi = "Tư vấn."
    change.save()
    change.locations.update(transit_notes="Muni 22")
    ListingLanguage.objects.create(
        listing=change, language=Language.objects.get(code="es"), offered="interpreter"
    )
    change.experienced_with.set(Identity.objects.filter(slug="refugee"))
    diff = {c.key: c for c in selectors.listing_diff(original=published, proposed=change)}
    assert set(diff) == {"about_vi", "locations", "languages_interpreter", "experienced_with"}
    assert diff["about_vi"].label == "about (Vietnamese)"
    assert (diff["about_vi"].before, diff["about_vi"].after) == ("", "Tư vấn.")
    assert "Muni 22" in diff["locations"].after[0]
    assert diff["languages_interpreter"].after == ["Spanish"]
    assert diff["experienced_with"].after == ["Refugee"]


def test_preview_of_a_change_shows_what_changed(signed_in, owner, published):
    signed_in.post(edit_url(published, "cost"), {"fee_min": "100", "fee_max": "140"})
    body = signed_in.get(f"/en/provider/listings/{published.uuid}/preview/").content.decode()
    assert "What you changed" in body
    assert "lowest fee per session" in body
    assert "Submit changes for review" in body


def test_a_change_with_no_differences_cannot_be_submitted(owner, published):
    change = services.listing_working_copy(listing=published, by=owner)
    with pytest.raises(ValidationError):
        services.listing_submit(listing=change, by=owner)


def test_self_service_fields_go_live_at_once_and_survive_approval(
    client, signed_in, owner, curator, published
):
    signed_in.post(edit_url(published, "cost"), {"fee_min": "100", "fee_max": "160"})
    teens = AgeGroup.objects.get(slug="teens")
    signed_in.post(
        edit_url(published, "availability"),
        {"in_person": "on", "video": "on", "ages": [teens.pk]},  # accepting unticked
    )
    published.refresh_from_db()
    assert published.accepting_new_clients is False and published.video is True
    assert "Not accepting new clients" in public_page(client, published).content.decode()

    change = published.pending_changes.get()
    services.listing_submit(listing=change, by=owner)
    services.listing_approve(listing=change, curator=curator)
    published.refresh_from_db()
    assert published.accepting_new_clients is False and published.video is True
    assert list(published.ages.all()) == [teens]
    assert published.fee_min == 100


def test_requesting_changes_to_an_edit_leaves_the_public_listing_alone(
    signed_in, owner, curator, published
):
    signed_in.post(edit_url(published, "cost"), {"fee_min": "10"})
    change = published.pending_changes.get()
    services.listing_submit(listing=change, by=owner)
    services.listing_request_changes(listing=change, curator=curator, message="Really $10?")
    published.refresh_from_db()
    assert published.status == Listing.Status.PUBLISHED and published.fee_min == 80
    body = signed_in.get("/en/provider/").content.decode()
    assert "Really $10?" in body


def test_discarding_a_change_removes_it_and_keeps_the_listing(signed_in, owner, published):
    signed_in.post(edit_url(published, "cost"), {"fee_min": "10"})
    response = signed_in.post(f"/en/provider/listings/{published.uuid}/discard/")
    assert response.status_code == 302
    assert not published.pending_changes.exists()
    assert published.events.filter(action=ListingEvent.Action.DISCARDED).exists()
    published.refresh_from_db()
    assert published.fee_min == 80


def test_changing_the_licence_clears_its_verification_on_approval(owner, curator, published):
    from django.utils import timezone

    published.licence_number = "LCSW 1"
    published.licence_verified_at = timezone.now()
    published.licence_verified_by = curator
    published.save()
    change = services.listing_working_copy(listing=published, by=owner)
    services.listing_update(listing=change, by=owner, fields={"licence_number": "LCSW 2"})
    change.refresh_from_db()
    services.listing_submit(listing=change, by=owner)
    services.listing_approve(listing=change, curator=curator)
    published.refresh_from_db()
    assert published.licence_number == "LCSW 2"
    assert published.licence_verified_at is None


def test_a_second_account_cannot_see_or_touch_the_pending_change(client, owner, published):
    services.listing_working_copy(listing=published, by=owner)
    client.force_login(UserFactory(email="other@example.org"))
    assert client.get(f"/en/provider/listings/{published.uuid}/preview/").status_code == 404
    assert client.post(f"/en/provider/listings/{published.uuid}/submit/").status_code == 404
    assert client.post(f"/en/provider/listings/{published.uuid}/discard/").status_code == 404
    change = published.pending_changes.get()
    assert client.get(f"/en/provider/listings/{change.uuid}/preview/").status_code == 404
    assert "Amara Okafor" not in client.get("/en/provider/").content.decode()
