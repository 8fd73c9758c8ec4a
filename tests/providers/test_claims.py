"""Claiming an imported listing: sign up and come back, prove the link by an address
at the website's domain or by a code read over the phone, a curator approves, and
the claimant then edits it like any owner (edits held for review)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from providers.claim_models import ListingClaim
from providers.models import Listing, ListingEvent
from tests.factories import ListingFactory, OwnedListingFactory, UnverifiedUserFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def imported():
    return ListingFactory(
        name="Mission Counseling Center",
        website="https://www.missioncounseling.example.org/about",
        phone="415-555-0123",
        source="samhsa",
    )


def claim_url(listing):
    return f"/en/listings/{listing.slug}/claim/"


def link_in(message, path):
    return re.search(rf"https?://\S+{path}\S+", message.body).group(0)


def actions(listing):
    return list(
        ListingEvent.objects.filter(listing=listing)
        .order_by("created_at", "id")
        .values_list("action", flat=True)
    )


def approve(client, claim):
    return client.post(
        "/admin/providers/listingclaim/",
        {"action": "approve", "_selected_action": [claim.pk]},
        follow=True,
    )


def test_an_unowned_listing_page_offers_the_claim(client, imported):
    page = client.get(f"/en/listings/{imported.slug}/").content.decode()
    assert "Work here? Claim this listing" in page
    assert claim_url(imported) in page


def test_an_owned_listing_page_does_not(client):
    listing = OwnedListingFactory()
    assert "Claim this listing" not in client.get(f"/en/listings/{listing.slug}/").content.decode()


def test_a_claim_on_an_owned_listing_is_refused_clearly(client):
    listing = OwnedListingFactory(website="https://clinic.example.org", phone="415-555-0100")
    client.force_login(UserFactory())
    response = client.post(claim_url(listing), {"role": "Therapist", "method": "phone"})
    assert response.status_code == 409
    assert "already has an owner" in response.content.decode()
    assert not ListingClaim.objects.exists()


def test_a_visitor_is_asked_to_sign_in_or_sign_up_and_comes_back(client, imported):
    page = client.get(claim_url(imported)).content.decode()
    assert "/en/provider/login/?next=/en/listings/mission-counseling-center/claim/" in page
    assert "/en/provider/signup/?next=/en/listings/mission-counseling-center/claim/" in page

    form = client.get(f"/en/provider/signup/?next={claim_url(imported)}").content.decode()
    assert f'name="next" value="{claim_url(imported)}"' in form
    client.post(
        "/en/provider/signup/",
        {
            "email": "rosa@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": claim_url(imported),
        },
    )
    response = client.get(link_in(mail.outbox[-1], "/provider/verify/"))
    # Signed in by the link, and back at the claim.
    assert response.status_code == 302
    assert response["Location"] == claim_url(imported)
    assert 'name="role"' in client.get(claim_url(imported)).content.decode()


def test_the_claim_through_an_address_at_the_website_end_to_end(client, admin_client, imported):
    claimant = UserFactory(email="rosa@example.org")
    client.force_login(claimant)
    response = client.post(
        claim_url(imported),
        {
            "role": "Clinical director",
            "method": "email",
            "email": "Rosa@MissionCounseling.example.org",
        },
    )
    assert response.status_code == 302
    page = client.get(claim_url(imported)).content.decode()
    assert "We sent a link to <bdi>rosa@missioncounseling.example.org</bdi>" in page

    message = mail.outbox[-1]
    assert message.to == ["rosa@missioncounseling.example.org"]
    link = link_in(message, "/provider/claims/")
    # Opening the link proves nothing (mail scanners open links); the button does.
    assert "Yes, I work here" in client.get(link).content.decode()
    assert ListingClaim.objects.get().status == ListingClaim.Status.OPEN
    assert "is proved" in client.post(link).content.decode()
    claim = ListingClaim.objects.get()
    assert claim.status == ListingClaim.Status.PROVED

    approve(admin_client, claim)
    assert list(imported.owners.all()) == [claimant]
    assert actions(imported) == [
        ListingEvent.Action.CLAIMED,
        ListingEvent.Action.CLAIM_PROVED,
        ListingEvent.Action.CLAIM_APPROVED,
    ]
    claimed = ListingEvent.objects.get(listing=imported, action=ListingEvent.Action.CLAIMED)
    assert claimed.message == "Clinical director"
    assert claimed.actor == claimant

    # Now an owner like any other: an edit waits for review, the public page is unchanged.
    response = client.post(
        f"/en/provider/listings/{imported.uuid}/edit/contact/",
        {"phone": "415-555-0199", "version": Listing.objects.get(pk=imported.pk).version},
    )
    assert response.status_code == 302
    assert Listing.objects.get(pk=imported.pk).phone == "415-555-0123"
    assert Listing.objects.get(draft_of=imported).phone == "415-555-0199"
    assert "Claim this listing" not in client.get(f"/en/listings/{imported.slug}/").content.decode()


def test_the_claim_through_a_code_read_by_phone_end_to_end(client, curator, imported):
    as_curator = Client()
    as_curator.force_login(curator)
    claimant = UserFactory()
    client.force_login(claimant)
    client.post(claim_url(imported), {"role": "Office manager", "method": "phone"})
    claim = ListingClaim.objects.get()
    page = client.get(claim_url(imported)).content.decode()
    assert "415-555-0123" in page and 'name="code"' in page
    assert not mail.outbox

    # The curator sees the code to read out, and the dashboard counts the claim.
    admin_page = as_curator.get("/admin/providers/listingclaim/?waiting=curator").content.decode()
    assert claim.phone_code in admin_page
    home = as_curator.get("/admin/").content.decode()
    assert re.search(r'data-figure="claims".*?figure-count">1<', home, re.S)

    response = client.post(
        claim_url(imported), {"code": f" {claim.phone_code[:3]} {claim.phone_code[3:]}"}
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ListingClaim.Status.PROVED
    assert "is proved" in client.get(claim_url(imported)).content.decode()

    approve(as_curator, claim)
    assert list(imported.owners.all()) == [claimant]
    assert actions(imported)[-1] == ListingEvent.Action.CLAIM_APPROVED
    claim.refresh_from_db()
    assert claim.status == ListingClaim.Status.APPROVED
    assert "already has an owner" in client.get(claim_url(imported)).content.decode()


def test_a_wrong_code_is_refused_and_kept(client, imported):
    client.force_login(UserFactory())
    client.post(claim_url(imported), {"role": "Therapist", "method": "phone"})
    claim = ListingClaim.objects.get()
    wrong = "000000" if claim.phone_code != "000000" else "111111"
    response = client.post(claim_url(imported), {"code": wrong})
    assert response.status_code == 200
    page = response.content.decode()
    assert "That is not the code we read to you" in page
    assert f'value="{wrong}"' in page
    claim.refresh_from_db()
    assert claim.status == ListingClaim.Status.OPEN


def test_wrong_codes_are_limited(client, imported):
    client.force_login(UserFactory())
    client.post(claim_url(imported), {"role": "Therapist", "method": "phone"})
    claim = ListingClaim.objects.get()
    wrong = "000000" if claim.phone_code != "000000" else "111111"
    for _ in range(5):
        client.post(claim_url(imported), {"code": wrong})
    response = client.post(claim_url(imported), {"code": claim.phone_code})
    assert response.status_code == 429
    claim.refresh_from_db()
    assert claim.status == ListingClaim.Status.OPEN


def test_an_address_at_another_domain_is_refused_and_kept(client, imported):
    client.force_login(UserFactory())
    response = client.post(
        claim_url(imported),
        {"role": "Clinical director", "method": "email", "email": "rosa@gmail.example.com"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This address is not at missioncounseling.example.org" in page
    assert 'value="rosa@gmail.example.com"' in page
    assert 'value="Clinical director"' in page
    assert not ListingClaim.objects.exists()
    assert not mail.outbox


def test_a_lookalike_domain_is_refused(client, imported):
    client.force_login(UserFactory())
    response = client.post(
        claim_url(imported),
        {"role": "Therapist", "method": "email", "email": "x@evil-missioncounseling.example.org"},
    )
    assert "This address is not at" in response.content.decode()
    assert not ListingClaim.objects.exists()


def test_only_the_proofs_the_listing_allows_are_offered(client):
    listing = ListingFactory(website="", phone="415-555-0123")
    client.force_login(UserFactory())
    page = client.get(claim_url(listing)).content.decode()
    assert 'value="phone"' in page and 'value="email"' not in page
    response = client.post(claim_url(listing), {"role": "Therapist", "method": "email"})
    assert "Select a valid choice" in response.content.decode()
    assert not ListingClaim.objects.exists()


def test_an_unverified_account_must_verify_first(client, imported):
    client.force_login(UnverifiedUserFactory())
    response = client.post(claim_url(imported), {"role": "Therapist", "method": "phone"})
    assert "verify your email address" in response.content.decode()
    assert not ListingClaim.objects.exists()


def test_claims_are_rate_limited_like_sign_up(client):
    client.force_login(UserFactory())
    listings = [ListingFactory(phone="415-555-0123") for _ in range(6)]
    for listing in listings[:5]:
        assert (
            client.post(claim_url(listing), {"role": "Therapist", "method": "phone"}).status_code
            == 302
        )
    response = client.post(claim_url(listings[5]), {"role": "Therapist", "method": "phone"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert ListingClaim.objects.count() == 5


def test_refusing_a_claim_is_recorded_and_approving_refuses_the_others(as_curator, imported):
    first, second = UserFactory(), UserFactory()
    for user in (first, second):
        ListingClaim.objects.create(
            listing=imported, claimant=user, role="Therapist", method="phone", status="proved"
        )
    claim = ListingClaim.objects.get(claimant=first)
    approve(as_curator, claim)
    assert ListingClaim.objects.get(claimant=second).status == ListingClaim.Status.REFUSED
    assert ListingEvent.Action.CLAIM_REFUSED in actions(imported)


def test_a_claim_not_yet_proved_cannot_be_approved(as_curator, imported):
    claim = ListingClaim.objects.create(
        listing=imported, claimant=UserFactory(), role="Therapist", method="phone"
    )
    page = approve(as_curator, claim).content.decode()
    assert "Only a proved claim can be approved" in page
    assert not imported.owners.exists()


def test_the_claim_page_reads_a_fixed_number_of_queries(
    client, imported, django_assert_max_num_queries
):
    client.force_login(UserFactory())
    with django_assert_max_num_queries(8):
        assert client.get(claim_url(imported)).status_code == 200


@pytest.mark.parametrize("language", ["es", "ar", "zh-hans"])
def test_the_claim_pages_read_in_other_languages(client, imported, language):
    client.force_login(UserFactory())
    page = client.get(f"/{language}/listings/{imported.slug}/claim/").content.decode()
    assert "Claim this listing" not in page and "Your role there" not in page
    client.post(f"/{language}/listings/{imported.slug}/claim/", {"role": "x", "method": "phone"})
    page = client.get(f"/{language}/listings/{imported.slug}/claim/").content.decode()
    assert '<bdi dir="ltr">415-555-0123</bdi>' in page
    if language == "ar":
        assert 'dir="rtl"' in page


def test_an_email_claim_whose_link_expired_can_be_made_again(client, imported):
    claimant = UserFactory()
    client.force_login(claimant)
    old = ListingClaim.objects.create(
        listing=imported,
        claimant=claimant,
        role="Therapist",
        method="email",
        email="me@missioncounseling.example.org",
        created_at=timezone.now() - timedelta(days=4),
    )
    assert 'name="role"' in client.get(claim_url(imported)).content.decode()
    client.post(claim_url(imported), {"role": "Therapist", "method": "phone"})
    old.refresh_from_db()
    assert old.status == ListingClaim.Status.REFUSED
    assert ListingClaim.objects.get(status="open").method == "phone"
    refused = ListingEvent.objects.get(listing=imported, action=ListingEvent.Action.CLAIM_REFUSED)
    assert refused.source == "system"


def test_a_curator_sees_the_claim_and_its_code(client, curator, imported):
    claim = ListingClaim.objects.create(
        listing=imported, claimant=UserFactory(), role="Therapist", method="phone"
    )
    client.force_login(curator)
    page = client.get(f"/admin/providers/listingclaim/{claim.pk}/change/").content.decode()
    assert claim.phone_code in page and "415-555-0123" in page
