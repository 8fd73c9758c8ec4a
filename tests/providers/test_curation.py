"""The curator area: the review queue with its diff, licence checks, suspend and
restore, seeker reports and the history of curators' own edits."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from providers import curation, selectors, services
from providers.models import LicenceCheck, Listing, ListingEvent, Report
from tests.factories import (
    DraftListingFactory,
    LocationFactory,
    OwnedListingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

QUEUE = "/admin/providers/reviewitem/"


@pytest.fixture
def owner():
    return UserFactory(email="amara@example.org", language="es")


@pytest.fixture
def published(owner):
    listing = OwnedListingFactory(
        name="Amara Okafor",
        slug="amara-okafor",
        phone="415-555-0100",
        fee_min=80,
        fee_max=140,
        licence_type="LCSW",
        licence_number="12345",
        licence_state="CA",
        owners=[owner],
        identities=["black"],
        speaks=["en"],
        online_states=["CA"],
    )
    LocationFactory(listing=listing, address="1 Valencia St")
    return listing


def submitted_draft(owner, name="Kwame Mensah", **fields):
    listing = DraftListingFactory(
        name=name, about="I work with families.", phone="415-555-0199", owners=[owner], **fields
    )
    LocationFactory(listing=listing)
    services.listing_submit(listing=listing, by=owner)
    return listing


def submitted_change(owner, published, **fields):
    change = services.listing_working_copy(listing=published, by=owner)
    services.listing_update(listing=change, by=owner, fields=fields)
    services.listing_submit(listing=change, by=owner)
    change.refresh_from_db()
    return change


# The review queue -------------------------------------------------------------


def test_the_queue_lists_new_listings_and_changes_oldest_first(as_curator, owner, published):
    first = submitted_draft(owner, name="Older Listing")
    change = submitted_change(owner, published, fee_min=100)
    Listing.objects.filter(pk=first.pk).update(updated_at=timezone.now() - timezone.timedelta(1))

    response = as_curator.get(QUEUE)

    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("Older Listing") < body.index("Amara Okafor")
    assert "New listing" in body and "Changes to a published listing" in body
    assert f"{QUEUE}{change.pk}/change/" in body


def test_the_queue_shows_a_change_field_by_field_with_translations_places_and_terms(
    as_curator, owner, published
):
    change = services.listing_working_copy(listing=published, by=owner)
    services.listing_update(
        listing=change,
        by=owner,
        fields={"about_es": "Trabajo con familias.", "specialties": [], "fee_min": 90},
    )
    services.listing_set_places(
        listing=change,
        by=owner,
        places=[
            {
                "address": "9 Mission St",
                "city": "San Francisco",
                "region": "CA",
                "postal_code": "94110",
            }
        ],
    )
    services.listing_update(listing=change, by=owner, fields={"identifies_as": []})
    services.listing_submit(listing=change, by=owner)

    response = as_curator.get(f"{QUEUE}{change.pk}/change/")

    assert response.status_code == 200
    keys = {c.key for c in response.context["changes"]}
    assert {"about_es", "fee_min", "locations", "identifies_as"} <= keys
    body = response.content.decode()
    assert "Trabajo con familias." in body
    assert "9 Mission St" in body and "1 Valencia St" in body
    assert 'data-field="identifies_as"' in body


def test_a_new_listing_is_diffed_against_nothing(owner):
    listing = submitted_draft(owner)
    changes = {c.key: c for c in curation.review_diff(listing)}
    assert changes["name"].before is None and changes["name"].after == "Kwame Mensah"
    assert "locations" in changes
    assert "fee_min" not in changes  # blank fields are not news


def test_approving_from_the_queue_applies_the_change_and_tells_the_owner(
    as_curator, owner, published
):
    change = submitted_change(owner, published, fee_min=100, fee_max=160)
    response = as_curator.post(
        f"{QUEUE}{change.pk}/change/", {"decision": "approve", "message": "Thanks!"}
    )

    assert response.status_code == 302
    published.refresh_from_db()
    assert (published.fee_min, published.fee_max) == (100, 160)
    assert not Listing.objects.filter(pk=change.pk).exists()
    event = published.events.get(action=ListingEvent.Action.APPROVED)
    assert event.actor.email == "curator@example.org" and event.message == "Thanks!"
    assert [m.to for m in mail.outbox] == [["amara@example.org"]]


def test_approving_a_new_listing_publishes_it(as_curator, owner):
    listing = submitted_draft(owner)
    as_curator.post(f"{QUEUE}{listing.pk}/change/", {"decision": "approve", "message": ""})
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED and listing.slug == "kwame-mensah"
    assert listing in Listing.objects.searchable()


def test_requesting_changes_reaches_the_owner_by_email_and_dashboard(as_curator, owner):
    listing = submitted_draft(owner)
    response = as_curator.post(
        f"{QUEUE}{listing.pk}/change/",
        {"decision": "request_changes", "message": "Please add your licence number."},
    )

    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.status == Listing.Status.CHANGES_REQUESTED
    assert "Please add your licence number." in mail.outbox[0].body
    [summary] = selectors.provider_dashboard(user=owner)
    assert summary.curator_message == "Please add your licence number."


def test_rejecting_needs_a_message(as_curator, owner):
    listing = submitted_draft(owner)
    response = as_curator.post(f"{QUEUE}{listing.pk}/change/", {"decision": "reject"})
    assert response.status_code == 200
    assert "Write a message to the provider." in response.content.decode()
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED


def test_rejecting_a_change_leaves_the_published_listing_alone(as_curator, owner, published):
    change = submitted_change(owner, published, fee_min=10)
    as_curator.post(
        f"{QUEUE}{change.pk}/change/", {"decision": "reject", "message": "Not plausible."}
    )
    published.refresh_from_db()
    change.refresh_from_db()
    assert published.fee_min == 80 and change.status == Listing.Status.REJECTED
    assert "Not plausible." in mail.outbox[0].body


def test_pending_copies_stay_out_of_the_listing_changelist(as_curator, owner, published):
    change = submitted_change(owner, published, fee_min=100)
    response = as_curator.get("/admin/providers/listing/")
    assert list(response.context["cl"].result_list) == [published]
    assert as_curator.get(f"/admin/providers/listing/{change.pk}/change/").status_code == 302


# Licence verification ---------------------------------------------------------


def test_a_curator_records_a_licence_check(as_curator, curator, published, client):
    url = f"/admin/providers/listing/{published.pk}/verify-licence/"
    assert as_curator.get(url).status_code == 200
    response = as_curator.post(url, {"method": "board_website", "note": "CA BBS record ok"})

    assert response.status_code == 302
    published.refresh_from_db()
    assert published.licence_verified_by == curator
    assert published.licence_verification_method == LicenceCheck.BOARD_WEBSITE
    assert published.licence_verification_note == "CA BBS record ok"
    event = published.events.get(action=ListingEvent.Action.LICENCE_VERIFIED)
    assert event.actor == curator and event.message == "CA BBS record ok"
    page = client.get("/en/listings/amara-okafor/").content.decode()
    assert f"Licence verified {published.licence_verified_at:%B %Y}" in page


def test_a_listing_without_a_licence_cannot_be_verified(curator):
    listing = OwnedListingFactory()
    with pytest.raises(ValidationError):
        curation.listing_verify_licence(listing=listing, curator=curator, method="document")


def test_changing_the_licence_in_the_admin_clears_its_verification(as_curator, curator, published):
    curation.listing_verify_licence(listing=published, curator=curator, method="document")
    url = f"/admin/providers/listing/{published.pk}/change/"
    form = as_curator.get(url).context["adminform"].form
    data = admin_form_data(as_curator, url)
    data["licence_number"] = "99999"
    response = as_curator.post(url, data)

    assert response.status_code == 302, form.errors
    published.refresh_from_db()
    assert published.licence_number == "99999"
    assert published.licence_verified_at is None and published.licence_verification_method == ""


def test_changing_the_licence_through_review_clears_its_verification(owner, curator, published):
    curation.listing_verify_licence(listing=published, curator=curator, method="phone")
    change = submitted_change(owner, published, licence_number="55555")
    services.listing_approve(listing=change, curator=curator)
    published.refresh_from_db()
    assert published.licence_verified_at is None and published.licence_verification_method == ""


# Admin edits are history --------------------------------------------------------


def admin_form_data(client, url):
    """The admin change form's current values, as the browser would post them back."""
    response = client.get(url)
    data = {}
    for form in [response.context["adminform"].form, *response.context["inline_admin_formsets"]]:
        if hasattr(form, "formset"):
            formset = form.formset
            data.update(
                {f"{formset.prefix}-{k}": v for k, v in formset.management_form.initial.items()}
            )
            forms_ = formset.forms
        else:
            forms_ = [form]
        for bound in forms_:
            for name, field in bound.fields.items():
                value = bound[name].value()
                key = bound.add_prefix(name)
                if value is None:
                    continue
                if isinstance(value, bool):
                    if value:
                        data[key] = "on"
                elif isinstance(value, list | tuple):
                    data[key] = [str(getattr(v, "pk", v)) for v in value]
                elif hasattr(field, "queryset") and hasattr(value, "pk"):
                    data[key] = str(value.pk)
                else:
                    data[key] = str(value)
    return data


def test_a_curator_edit_is_recorded_with_the_changed_fields(as_curator, curator, published):
    url = f"/admin/providers/listing/{published.pk}/change/"
    data = admin_form_data(as_curator, url)
    data["phone"] = "415-555-0123"
    response = as_curator.post(url, data)

    assert response.status_code == 302
    event = published.events.get(action=ListingEvent.Action.EDITED)
    assert event.actor == curator and event.source == "curator"
    assert event.changes["phone"]["before"] == "415-555-0100"
    assert event.changes["phone"]["after"] == "415-555-0123"


def test_the_history_page_shows_every_change_with_who_and_what(
    as_curator, owner, curator, published
):
    change = submitted_change(owner, published, fee_min=100)
    services.listing_approve(listing=change, curator=curator, note="ok")
    curation.listing_suspend(listing=published, curator=curator, message="Complaint")

    response = as_curator.get(f"/admin/providers/listing/{published.pk}/history/")

    assert response.status_code == 200
    body = response.content.decode()
    for text in ("Submitted for review", "Approved", "Suspended", "Complaint"):
        assert text in body
    assert "curator@example.org" in body
    assert "lowest fee per session" in body and "80" in body and "100" in body


# Suspend and restore -----------------------------------------------------------


def test_suspending_takes_a_listing_out_and_restoring_brings_it_back(
    as_curator, curator, published
):
    url = f"/admin/providers/listing/{published.pk}/"
    assert as_curator.post(url + "suspend/", {"message": ""}).status_code == 200
    assert as_curator.post(url + "suspend/", {"message": "Harm reported"}).status_code == 302
    published.refresh_from_db()
    assert published.status == Listing.Status.SUSPENDED
    assert published not in Listing.objects.searchable()

    assert as_curator.post(url + "restore/", {"message": "Resolved"}).status_code == 302
    published.refresh_from_db()
    assert published.status == Listing.Status.PUBLISHED
    actions = list(published.events.order_by("created_at", "id").values_list("action", "message"))
    assert actions[-2:] == [("suspended", "Harm reported"), ("restored", "Resolved")]


def test_only_a_suspended_listing_can_be_restored(curator, published):
    with pytest.raises(ValidationError):
        curation.listing_restore(listing=published, curator=curator)


# Seeker reports in the admin ---------------------------------------------------


def test_a_curator_resolves_a_report_with_a_note(as_curator, curator, published):
    report = curation.report_create(listing=published, reason="wrong_phone", note="Disconnected")
    listing_page = as_curator.get("/admin/providers/report/")
    assert report in listing_page.context["cl"].result_list

    url = f"/admin/providers/report/{report.pk}/change/"
    triage = {"severity": report.severity, "outcome": "fixed"}
    assert as_curator.post(url, {**triage, "resolution_note": ""}).status_code == 200
    response = as_curator.post(url, {**triage, "resolution_note": "Called; number fixed."})

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.RESOLVED and report.resolved_by == curator
    assert report.resolution_note == "Called; number fixed." and report.resolved_at
    assert report.outcome == Report.Outcome.FIXED
    assert report not in as_curator.get("/admin/providers/report/").context["cl"].result_list
    resolved = as_curator.get("/admin/providers/report/?state=resolved")
    assert report in resolved.context["cl"].result_list
    # A resolved report is part of the record.
    assert as_curator.post(url, {"resolution_note": "changed"}).status_code == 403
