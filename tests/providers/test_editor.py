"""The listing editor: steps that save and can be left at any time, and drafts only
their owners can see."""

import pytest
from django.urls import reverse

from providers.models import Identity, Language, Listing, ListingEvent, Location
from tests.factories import DraftListingFactory, OwnedListingFactory, UserFactory

pytestmark = pytest.mark.django_db


def edit_url(listing, step, language="en"):
    return f"/{language}/provider/listings/{listing.uuid}/edit/{step}/"


@pytest.fixture
def owner():
    return UserFactory(email="amara@example.org")


@pytest.fixture
def signed_in(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def draft(owner):
    return DraftListingFactory(name="Amara Okafor", about="Counselling.", owners=[owner])


ABOUT = {
    "name": "Amara Okafor",
    "kind": "clinician",
    "community_type": "",
    "pronouns": "she/her",
    "credentials": "LCSW",
    "about_en": "I work with families.",
    "approach_text_en": "",
}


def test_creating_a_listing_makes_a_draft_owned_by_the_account(signed_in, owner):
    response = signed_in.post("/en/provider/listings/new/", ABOUT)
    listing = Listing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(listing, "contact")
    assert listing.status == Listing.Status.DRAFT
    assert listing.slug == ""
    assert list(listing.owners.all()) == [owner]
    assert listing.events.get().action == ListingEvent.Action.CREATED


def test_the_about_text_is_written_in_the_language_the_editor_is_open_in(signed_in):
    signed_in.post("/es/provider/listings/new/", {**ABOUT, "about_es": "Trabajo con familias."})
    listing = Listing.objects.get()
    assert listing.about_es == "Trabajo con familias."
    assert listing.about_en in ("", None)


def test_a_form_with_errors_keeps_everything_typed(signed_in):
    response = signed_in.post("/en/provider/listings/new/", {**ABOUT, "name": "", "kind": ""})
    assert response.status_code == 200
    body = response.content.decode()
    assert "I work with families." in body
    assert 'value="she/her"' in body
    assert 'aria-invalid="true"' in body
    assert not Listing.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client, draft):
    response = client.get(edit_url(draft, "about"))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/provider/login/")


@pytest.mark.parametrize(
    "path",
    [
        "edit/about/",
        "edit/places/",
        "edit/availability/",
        "preview/",
        "invite/",
        "delete/",
    ],
)
def test_another_account_cannot_see_a_draft(client, draft, path):
    client.force_login(UserFactory(email="someone-else@example.org"))
    response = client.get(f"/en/provider/listings/{draft.uuid}/{path}")
    assert response.status_code == 404


@pytest.mark.parametrize("path", ["submit/", "confirm/", "hide/", "discard/", "delete/"])
def test_another_account_cannot_change_a_listing(client, draft, path):
    client.force_login(UserFactory(email="someone-else@example.org"))
    before = draft.events.count()
    response = client.post(
        f"/en/provider/listings/{draft.uuid}/{path}", {"confirm": "on", "then": "next"}
    )
    assert response.status_code == 404
    assert Listing.objects.filter(pk=draft.pk).exists()
    assert draft.events.count() == before


def test_another_account_cannot_post_to_an_editor_step(client, draft):
    client.force_login(UserFactory(email="someone-else@example.org"))
    response = client.post(edit_url(draft, "about"), {**ABOUT, "name": "Hijacked"})
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.name == "Amara Okafor"


def test_every_step_renders_with_a_step_list(signed_in, draft):
    from providers.forms import STEPS

    for step in STEPS:
        response = signed_in.get(edit_url(draft, step.slug))
        assert response.status_code == 200, step.slug
        body = response.content.decode()
        assert 'aria-current="step"' in body
        assert f"Step {STEPS.index(step) + 1} of {len(STEPS)}" in body


def test_an_unknown_step_is_not_found(signed_in, draft):
    assert signed_in.get(edit_url(draft, "horoscope")).status_code == 404


def test_saving_a_step_continues_to_the_next_and_records_the_edit(signed_in, draft, owner):
    response = signed_in.post(
        edit_url(draft, "contact"),
        {"phone": "415-555-0100", "email": "", "website": "", "booking_url": "", "then": "next"},
    )
    assert response["Location"] == edit_url(draft, "licence")
    draft.refresh_from_db()
    assert draft.phone == "415-555-0100"
    event = draft.events.get(action=ListingEvent.Action.EDITED)
    assert event.actor == owner
    assert event.changes["phone"]["after"] == "415-555-0100"


def test_save_stays_on_the_step(signed_in, draft):
    response = signed_in.post(
        edit_url(draft, "licence"),
        {"licence_type": "LCSW", "licence_number": "123", "licence_state": "CA", "then": "stay"},
    )
    assert response["Location"] == edit_url(draft, "licence")


def test_the_step_list_marks_filled_in_steps(signed_in, draft):
    draft.phone = "415-555-0100"
    draft.in_person = False
    draft.save()
    body = signed_in.get(edit_url(draft, "about")).content.decode()
    assert body.count("steps__item--done") == 2  # about and contact


def test_identity_step_says_it_is_voluntary_and_public_and_saves_both_links(signed_in, draft):
    page = signed_in.get(edit_url(draft, "identity")).content.decode()
    assert "voluntary" in page
    assert "shown publicly" in page
    black = Identity.objects.get(slug="black")
    refugee = Identity.objects.get(slug="refugee")
    signed_in.post(
        edit_url(draft, "identity"), {"identifies_as": [black.pk], "experienced_with": [refugee.pk]}
    )
    assert list(draft.identifies_as.all()) == [black]
    assert list(draft.experienced_with.all()) == [refugee]


def test_languages_step_saves_spoken_and_interpreted_languages(signed_in, draft):
    vi, es = Language.objects.get(code="vi"), Language.objects.get(code="es")
    signed_in.post(edit_url(draft, "languages"), {"speaks": [vi.pk], "interpreter": [es.pk]})
    offered = {(i.language.code, i.offered) for i in draft.listing_languages.all()}
    assert offered == {("vi", "speaks"), ("es", "interpreter")}


def test_a_language_cannot_be_both_spoken_and_interpreted(signed_in, draft):
    vi = Language.objects.get(code="vi")
    response = signed_in.post(
        edit_url(draft, "languages"), {"speaks": [vi.pk], "interpreter": [vi.pk]}
    )
    assert response.status_code == 200
    assert "no interpreter needed" in response.content.decode()
    assert not draft.listing_languages.exists()


def places_data(*places, existing=0):
    data = {
        "places-TOTAL_FORMS": str(len(places)),
        "places-INITIAL_FORMS": str(existing),
        "places-MIN_NUM_FORMS": "0",
        "places-MAX_NUM_FORMS": "20",
    }
    for index, place in enumerate(places):
        defaults = {
            "name": "",
            "address": "",
            "postal_code": "",
            "city": "",
            "region": "",
            "transit_notes": "",
        }
        for key, value in {**defaults, **place}.items():
            data[f"places-{index}-{key}"] = value
    return data


def test_places_get_coordinates_city_and_state_from_the_zip_code(signed_in, draft):
    response = signed_in.post(
        edit_url(draft, "places"),
        places_data(
            {"address": "2940 16th St", "postal_code": "94103"},
            {"name": "Oakland", "postal_code": "94612", "wheelchair_accessible": "on"},
        ),
    )
    assert response.status_code == 302
    sf, oakland = draft.locations.order_by("id")
    assert (sf.city, sf.region) == ("San Francisco", "CA")
    assert sf.latitude == pytest.approx(37.77, abs=0.1)
    assert oakland.wheelchair_accessible
    assert oakland.longitude == pytest.approx(-122.27, abs=0.1)


def test_an_unknown_zip_code_is_refused_and_the_place_kept_in_the_form(signed_in, draft):
    response = signed_in.post(
        edit_url(draft, "places"), places_data({"address": "1 Nowhere Rd", "postal_code": "00000"})
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "We could not find this US ZIP code." in body
    assert "1 Nowhere Rd" in body
    assert not draft.locations.exists()


def test_places_can_be_edited_and_removed(signed_in, draft):
    first = Location.objects.create(listing=draft, city="Oakland", region="CA", postal_code="94612")
    second = Location.objects.create(
        listing=draft, city="Berkeley", region="CA", postal_code="94704"
    )
    data = places_data(
        {
            "id": str(first.pk),
            "listing": str(draft.pk),
            "postal_code": "94612",
            "city": "Oakland",
            "region": "CA",
            "transit_notes": "BART 19th St",
        },
        {
            "id": str(second.pk),
            "listing": str(draft.pk),
            "postal_code": "94704",
            "city": "Berkeley",
            "region": "CA",
            "DELETE": "on",
        },
        {},
        existing=2,
    )
    response = signed_in.post(edit_url(draft, "places"), data)
    assert response.status_code == 302
    assert list(draft.locations.values_list("pk", "transit_notes")) == [(first.pk, "BART 19th St")]


def test_telehealth_step_saves_states(signed_in, draft):
    signed_in.post(edit_url(draft, "telehealth"), {"states": ["CA", "NY"]})
    assert sorted(draft.service_areas.values_list("state", flat=True)) == ["CA", "NY"]


def test_cost_step_refuses_a_lowest_fee_above_the_highest_and_keeps_input(signed_in, draft):
    response = signed_in.post(
        edit_url(draft, "cost"),
        {"fee_min": "150", "fee_max": "90", "sliding_scale_min": "30", "payment_options": "Cash"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "The highest fee cannot be less than the lowest." in body
    assert 'value="150"' in body and 'value="Cash"' in body
    draft.refresh_from_db()
    assert draft.fee_min is None


def test_cost_step_saves_fees_and_insurance(signed_in, draft):
    from providers.models import Insurance

    medicaid = Insurance.objects.get(slug="medicaid")
    signed_in.post(
        edit_url(draft, "cost"),
        {
            "fee_min": "60",
            "fee_max": "120",
            "sliding_scale_min": "20",
            "free": "on",
            "insurance": [medicaid.pk],
        },
    )
    draft.refresh_from_db()
    assert (draft.fee_min, draft.fee_max, draft.sliding_scale_min, draft.free) == (
        60,
        120,
        20,
        True,
    )
    assert list(draft.insurance.all()) == [medicaid]


def test_availability_step_saves_modes_ages_and_formats(signed_in, draft):
    from providers.models import AgeGroup, Format

    teens, group = AgeGroup.objects.get(slug="teens"), Format.objects.get(slug="group")
    signed_in.post(
        edit_url(draft, "availability"),
        {"video": "on", "phone_sessions": "on", "ages": [teens.pk], "formats": [group.pk]},
    )
    draft.refresh_from_db()
    assert (draft.accepting_new_clients, draft.in_person, draft.video, draft.phone_sessions) == (
        False,
        False,
        True,
        True,
    )
    assert list(draft.ages.all()) == [teens] and list(draft.formats.all()) == [group]


def test_translations_step_saves_each_language_separately(signed_in, draft):
    data = {
        f"{name}_{code}": ""
        for name in ("about", "approach_text")
        for code in ("en", "es", "zh_hans", "zh_hant", "vi", "ko", "tl", "ar", "ht")
    }
    data.update({"about_en": "Counselling.", "about_vi": "Tư vấn.", "about_ar": "استشارة."})
    signed_in.post(edit_url(draft, "translations"), data)
    draft.refresh_from_db()
    assert (draft.about_en, draft.about_vi, draft.about_ar) == (
        "Counselling.",
        "Tư vấn.",
        "استشارة.",
    )
    assert draft.text_languages == ["en", "vi", "ar"]


def test_translation_fields_are_marked_with_their_language_and_direction(signed_in, draft):
    body = signed_in.get(edit_url(draft, "translations")).content.decode()
    assert 'lang="ar" dir="rtl"' in body
    assert 'lang="vi" dir="ltr"' in body


def test_a_saved_draft_survives_signing_out(client, owner, draft):
    client.force_login(owner)
    client.post(edit_url(draft, "contact"), {"email": "hello@amara.example", "then": "stay"})
    client.post(reverse("providers:logout"))
    client.force_login(owner)
    body = client.get(edit_url(draft, "contact")).content.decode()
    assert 'value="hello@amara.example"' in body


def test_an_organisation_account_keeps_several_listings(signed_in, owner):
    for name in ("Eastside Clinic", "Westside Clinic"):
        signed_in.post("/en/provider/listings/new/", {**ABOUT, "name": name, "kind": "practice"})
    assert set(Listing.objects.filter(owners=owner).values_list("name", flat=True)) == {
        "Eastside Clinic",
        "Westside Clinic",
    }
    body = signed_in.get("/en/provider/").content.decode()
    assert "Eastside Clinic" in body and "Westside Clinic" in body


def test_a_rejected_listing_cannot_be_edited(signed_in, owner):
    listing = OwnedListingFactory(status=Listing.Status.REJECTED, owners=[owner])
    response = signed_in.get(edit_url(listing, "about"))
    assert response.status_code == 302
    assert response["Location"] == "/en/provider/"


def test_editor_pages_work_in_another_language(signed_in, draft):
    response = signed_in.get(edit_url(draft, "about", language="vi"))
    assert response.status_code == 200
    assert '<html lang="vi"' in response.content.decode()


def test_the_dashboard_query_count_does_not_grow_with_listings(
    signed_in, owner, django_assert_max_num_queries
):
    DraftListingFactory(owners=[owner])
    with django_assert_max_num_queries(12) as few:
        signed_in.get("/en/provider/")
    for _ in range(5):
        OwnedListingFactory(owners=[owner, UserFactory()])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert signed_in.get("/en/provider/").status_code == 200


def test_history_records_only_what_changed_whatever_the_interface_language(signed_in, draft):
    signed_in.post(edit_url(draft, "contact", language="es"), {"phone": "415-555-0100"})
    event = draft.events.get(action=ListingEvent.Action.EDITED)
    assert set(event.changes) == {"phone"}
    assert event.changes["phone"]["label"] == "phone"  # history is kept in one language
