"""A lighter editor: long lists with the likely choices first and the chosen ones as
chips, a new account signed in by its verification link, and an empty listing that
claims nothing the provider did not choose."""

import re

import pytest
from django.core import mail
from django.test import Client

from providers.models import Language, Listing, User
from tests.factories import DraftListingFactory, IdentityFactory, LocationFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def edit_url(listing, step):
    return f"/en/provider/listings/{listing.uuid}/edit/{step}/"


def test_a_new_account_is_signed_in_by_its_verification_link(client):
    client.post(
        "/en/provider/signup/",
        {"email": "amara@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    link = re.search(r"https?://\S+/provider/verify/\S+", mail.outbox[-1].body).group(0)
    response = client.get(link, follow=True)
    assert response.redirect_chain[-1][0] == "/en/provider/"
    page = response.content.decode()
    assert "your email address is verified" in page
    assert "Your listings" in page  # the dashboard, no second sign-in


def test_the_verification_link_signs_in_only_once(client):
    client.post(
        "/en/provider/signup/",
        {"email": "amara@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    link = re.search(r"https?://\S+/provider/verify/\S+", mail.outbox[-1].body).group(0)
    client.get(link)
    client.logout()
    response = client.get(link)
    assert response["Location"] == "/en/provider/login/"


def test_a_verification_link_never_leads_off_the_site(client):
    user = UserFactory(email_verified_at=None, last_login=None)
    from providers import tokens

    token = tokens.VERIFY_EMAIL.make(
        {"u": user.pk, "e": tokens.email_digest(user.email), "n": "https://evil.example/"}
    )
    response = client.post(f"/en/provider/verify/{token}/")
    assert response["Location"] == "/en/provider/"


def test_in_another_browser_the_link_signs_in_only_with_a_press(client):
    client.post(
        "/en/provider/signup/",
        {"email": "amara@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    link = re.search(r"https?://\S+/provider/verify/\S+", mail.outbox[-1].body).group(0)
    elsewhere = Client()  # the phone the email was opened on, or a mail scanner
    response = elsewhere.get(link)
    assert response.status_code == 200
    assert "This link signs you in once as amara@example.org" in response.content.decode()
    assert User.objects.get(email="amara@example.org").email_verified_at is not None
    assert "_auth_user_id" not in elsewhere.session
    response = elsewhere.post(link, follow=True)
    assert "Your listings" in response.content.decode()


def test_a_new_listing_claims_nothing_it_was_not_given(client):
    client.force_login(UserFactory())
    client.post("/en/provider/listings/new/", {"name": "Kin Circle", "kind": "community"})
    listing = Listing.objects.get(name="Kin Circle")
    assert not listing.accepting_new_clients
    page = client.get(f"/en/provider/listings/{listing.uuid}/preview/").content.decode()
    assert "Welcoming new members" not in page
    assert "Accepting new clients" not in page
    availability = client.get(edit_url(listing, "availability")).content.decode()
    assert re.search(r'name="accepting_new_clients"(?![^>]*checked)[^>]*>', availability)


def test_likely_languages_come_first_and_none_is_ticked(client):
    owner = UserFactory()
    listing = DraftListingFactory(owners=[owner])
    LocationFactory(listing=listing, postal_code="11226")  # Flatbush: Haitian communities
    client.force_login(owner)
    page = client.get(edit_url(listing, "languages")).content.decode()
    likely, _, others = page.partition("All other languages")
    assert "Likely for you" in likely
    for name in ("English", "Haitian Creole", "French"):
        assert name in likely, name
    assert "Vietnamese" not in likely and "Vietnamese" in others
    assert "checked" not in page


def test_without_a_place_only_english_is_likely(client):
    owner = UserFactory()
    listing = DraftListingFactory(owners=[owner])
    client.force_login(owner)
    page = client.get(edit_url(listing, "languages")).content.decode()
    likely = page.partition("All other languages")[0]
    assert "English" in likely and "Spanish" not in likely


def test_identity_and_care_steps_show_the_chosen_items_as_chips(client):
    owner = UserFactory()
    listing = DraftListingFactory(owners=[owner])
    identity = IdentityFactory(name="Afro-Caribbean")
    listing.experienced_with.add(identity)
    client.force_login(owner)
    page = client.get(edit_url(listing, "identity")).content.decode()
    assert re.search(r'data-choice-chips><li class="tag">Afro-Caribbean</li></ul>', page)
    assert "Nothing chosen yet." in page  # for "I identify as"
    assert "data-choice-filter hidden" in page  # the search box waits for JavaScript
    assert "js/choices.js" in page


def test_saving_from_the_long_list_keeps_the_choice(client):
    owner = UserFactory()
    listing = DraftListingFactory(owners=[owner])
    client.force_login(owner)
    vietnamese = Language.objects.get(code="vi")
    response = client.post(
        edit_url(listing, "languages"),
        {"speaks": [vietnamese.pk], "version": listing.version, "then": "stay"},
    )
    assert response.status_code == 302
    page = client.get(edit_url(listing, "languages")).content.decode()
    assert '<li class="tag">Vietnamese</li>' in page


def test_the_languages_step_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    owner = UserFactory()
    listing = DraftListingFactory(owners=[owner])
    LocationFactory(listing=listing, postal_code="11226")
    client.force_login(owner)
    # The session, the user, the listing and its languages, the ZIP's likely languages,
    # one check per step of whether it is filled in (ten), and the list, twice.
    with django_assert_max_num_queries(18):
        client.get(edit_url(listing, "languages"))
