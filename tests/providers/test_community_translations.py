"""Community translators: the Translators group can translate and review, nothing else;
a translation is invisible until someone else reviews it; the provider is told."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from providers import curation, translating
from providers.models import CommunityTranslation, Listing, ListingEvent, TranslationNeed
from tests.factories import LocationFactory, OwnedListingFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/providers/translationneed/"
REVIEWS = "/admin/providers/communitytranslation/"


def translator_account(email):
    user = UserFactory(email=email, is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    return user


@pytest.fixture
def translator():
    return translator_account("linh@example.org")


@pytest.fixture
def second_translator():
    return translator_account("minh@example.org")


@pytest.fixture
def listing():
    owner = UserFactory(email="amara@example.org", language="en")
    listing = OwnedListingFactory(
        name="Amara Okafor",
        slug="amara-okafor",
        about="I work with families.",
        approach_text="Gentle and practical.",
        owners=[owner],
    )
    LocationFactory(listing=listing)
    return listing


def wanted(listing, language="vi", searches=3, requests=2):
    return TranslationNeed.objects.create(
        listing=listing, language=language, searches=searches, requests=requests
    )


def propose(client, need, about="Tôi làm việc với các gia đình."):
    return client.post(
        f"{QUEUE}{need.pk}/translate/", {"about": about, "approach_text": "Nhẹ nhàng."}
    )


def test_the_translators_group_has_only_what_translating_needs():
    codenames = set(
        Group.objects.get(name="Translators").permissions.values_list("codename", flat=True)
    )
    assert codenames == {
        "view_translationneed",
        "view_communitytranslation",
        "add_communitytranslation",
        "review_communitytranslation",
    }


def test_a_translator_cannot_reach_anything_else_in_the_admin(client, translator, listing):
    client.force_login(translator)
    report = curation.report_create(listing=listing, reason="closed")
    elsewhere = [
        "/admin/providers/reviewitem/",
        "/admin/providers/listing/",
        f"/admin/providers/listing/{listing.pk}/change/",
        f"/admin/providers/listing/{listing.pk}/history/",
        f"/admin/providers/listing/{listing.pk}/verify-licence/",
        f"/admin/providers/listing/{listing.pk}/suspend/",
        "/admin/providers/listing/import/",
        "/admin/providers/listing/add/",
        "/admin/providers/report/",
        f"/admin/providers/report/{report.pk}/change/",
        "/admin/providers/identity/",
        "/admin/providers/language/",
        "/admin/providers/user/",
        "/admin/auth/group/",
        "/admin/providers/listingevent/",
        "/admin/insights/",
    ]
    for url in elsewhere:
        assert client.get(url).status_code in (403, 404), url
    before = listing.name
    client.post(f"/admin/providers/listing/{listing.pk}/change/", {"name": "Changed"})
    listing.refresh_from_db()
    assert listing.name == before
    index = client.get("/admin/").content.decode()
    assert QUEUE in index and REVIEWS in index
    assert "/admin/providers/listing/" not in index and "/admin/providers/report/" not in index


def test_the_queue_lists_listings_without_text_most_wanted_first(client, translator, listing):
    other = OwnedListingFactory(name="Ben Ortiz", slug="ben-ortiz", about="Counselling.")
    written = OwnedListingFactory(name="Chi Do", slug="chi-do", about="Counselling.")
    written.about_vi = "Tư vấn."
    written.save()
    wanted(listing, searches=1, requests=1)
    wanted(other, searches=9, requests=0)
    wanted(written, searches=50, requests=50)  # has Vietnamese text now: not listed
    client.force_login(translator)
    body = client.get(QUEUE).content.decode()
    assert body.index("Ben Ortiz") < body.index("Amara Okafor")
    assert "Chi Do" not in body


def test_the_form_shows_the_original_beside_the_translation(client, translator, listing):
    need = wanted(listing)
    client.force_login(translator)
    body = client.get(f"{QUEUE}{need.pk}/translate/").content.decode()
    assert 'lang="en"' in body and "I work with families." in body
    assert 'lang="vi"' in body and 'name="about"' in body
    response = propose(client, need, about="   ")
    assert response.status_code == 200  # refused, with the form kept
    assert not CommunityTranslation.objects.exists()


def test_a_translation_is_invisible_until_someone_else_reviews_it(
    client, translator, second_translator, listing
):
    need = wanted(listing)
    client.force_login(translator)
    assert propose(client, need).status_code == 302
    translation = CommunityTranslation.objects.get()
    assert translation.status == CommunityTranslation.Status.PENDING

    assert "Tôi làm việc" not in client.get("/vi/listings/amara-okafor/").content.decode()
    # Not by the translator who wrote it.
    review = f"{REVIEWS}{translation.pk}/review/"
    assert client.get(review).status_code == 403
    assert client.post(review, {"decision": "approve"}).status_code == 403
    listing.refresh_from_db()
    assert not listing.about_vi

    client.force_login(second_translator)
    page = client.get(review).content.decode()
    assert "I work with families." in page and "Tôi làm việc" in page
    assert client.post(review, {"decision": "approve"}).status_code == 302

    public = client.get("/vi/listings/amara-okafor/").content.decode()
    assert '<div class="prose" lang="vi" dir="ltr"><p>Tôi làm việc với các gia đình.</p>' in public
    listing.refresh_from_db()
    assert translating.text_source(listing, "vi").community
    event = listing.events.get(action=ListingEvent.Action.TRANSLATED)
    assert event.actor == second_translator
    assert event.changes["about_vi"]["after"] == "Tôi làm việc với các gia đình."
    assert not TranslationNeed.objects.filter(listing=listing, language="vi").exists()
    # The provider is told, with a link to correct it in their editor.
    assert [message.to for message in mail.outbox] == [["amara@example.org"]]
    assert f"/en/provider/listings/{listing.uuid}/edit/translations/" in mail.outbox[0].body


def test_a_curator_may_review_and_reject(client, translator, curator, listing):
    translation = translating.translation_submit(
        listing=listing,
        language="es",
        about="Trabajo con familias.",
        approach_text="",
        by=translator,
    )
    client.force_login(curator)
    response = client.post(f"{REVIEWS}{translation.pk}/review/", {"decision": "reject"})
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.status == CommunityTranslation.Status.REJECTED
    listing.refresh_from_db()
    assert not listing.about_es and not mail.outbox


def test_the_provider_can_correct_it_in_their_editor(client, translator, curator, listing):
    translation = translating.translation_submit(
        listing=listing, language="vi", about="Tôi làm việc.", approach_text="", by=translator
    )
    translating.translation_approve(translation=translation, by=curator)
    owner = listing.owners.get()
    client.force_login(owner)
    editor = client.get(f"/en/provider/listings/{listing.uuid}/edit/translations/")
    body = editor.content.decode()
    assert "A community translation, reviewed" in body
    assert "Tôi làm việc." in body


def test_the_editor_shows_the_languages_the_provider_speaks_first_beside_the_original(client):
    owner = UserFactory(email="lan@example.org")
    draft = OwnedListingFactory(
        name="Lan Tran",
        slug="",
        status=Listing.Status.DRAFT,
        about="I help families.",
        owners=[owner],
        speaks=["vi"],
    )
    client.force_login(owner)
    body = client.get(f"/en/provider/listings/{draft.uuid}/edit/translations/").content.decode()
    legends = [body.index(f"<legend>{name}") for name in ("English", "Vietnamese", "Spanish")]
    assert legends == sorted(legends)
    vietnamese = body[legends[1] : legends[2]]
    assert '<div class="prose" lang="en"><p>I help families.</p>' in vietnamese
    assert 'name="about_vi"' in vietnamese
