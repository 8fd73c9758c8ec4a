"""`manage.py seed_demo`: a large, realistic, fictional directory, safe to run again."""

import io
import math
import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from demo import content
from demo.builder import DemoBuilder
from demo.plans import SEED, Vocabulary
from providers.models import Listing, ListingEvent, Location
from providers.places import zip_lookup
from providers.states import US_STATES
from tests.factories import ListingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def seeded(demo_seeded):
    """The demo, seeded once for this module (tests/conftest.py, demo_seeded): each
    test starts from it, and what a test writes is rolled back after it."""
    return demo_seeded


M2M = ("identifies_as", "experienced_with", "specialties", "approaches", "insurance", "ages",
       "formats", "payment_methods", "accessibility", "licence_types")  # fmt: skip
UNSTABLE = {"id", "created_at", "updated_at"}


def seed(**options: Any) -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def demo() -> Any:
    return Listing.objects.filter(source="demo")


def snapshot() -> dict[str, dict[str, Any]]:
    """Every demo listing by slug with everything hanging off it, minus database ids."""
    rows = {}
    listings = demo().prefetch_related(
        "listing_languages__language", "locations", "service_areas", *M2M
    )
    for listing in listings:
        row = {
            f.attname: getattr(listing, f.attname)
            for f in Listing._meta.concrete_fields
            if f.name not in UNSTABLE
        }
        row["languages"] = sorted(
            (ll.language.code, ll.offered) for ll in listing.listing_languages.all()
        )
        row["locations"] = sorted(
            tuple(
                getattr(loc, f.attname)
                for f in Location._meta.concrete_fields
                if f.name not in ("id", "listing")
            )
            for loc in listing.locations.all()
        )
        row["states"] = sorted(area.state for area in listing.service_areas.all())
        for name in M2M:
            row[name] = sorted(term.slug for term in getattr(listing, name).all())
        rows[listing.slug] = row
    return rows


def speakers(code: str, states: list[str], offered: str = "speaks") -> int:
    return (
        demo()
        .filter(
            listing_languages__language__code=code,
            listing_languages__offered=offered,
            locations__region__in=states,
        )
        .distinct()
        .count()
    )


def test_it_seeds_hundreds_of_listings_across_metro_areas(seeded):
    output = seeded.output

    assert seeded.seconds < 30
    assert output.count("\n") == 1 and output.startswith("Seeded ")
    listings = demo()
    assert listings.count() >= 600
    assert listings.filter(kind=Listing.Kind.CLINICIAN).count() > listings.count() / 2
    assert listings.filter(kind=Listing.Kind.PRACTICE).count() >= 50

    metros_with_listings = [
        metro
        for metro in content.METROS
        if Location.objects.filter(
            listing__source="demo", postal_code__in=[z.code for z in metro.zips]
        ).exists()
    ]
    assert len(metros_with_listings) >= 12
    assert Location.objects.filter(listing__source="demo").values("region").distinct().count() >= 12

    community = listings.filter(kind=Listing.Kind.COMMUNITY)
    assert community.count() >= 60
    assert set(community.values_list("community_type", flat=True)) == {
        choice.value for choice in Listing.CommunityType
    }
    assert community.filter(free=True).count() > community.count() / 2
    assert community.filter(formats__slug="group").exists()
    assert community.filter(approaches__originating_community_en__gt="").exists()

    statuses = list(listings.values_list("status", flat=True))
    assert statuses.count(Listing.Status.PUBLISHED) > 0.85 * len(statuses)
    assert Listing.Status.DRAFT in statuses and Listing.Status.SUBMITTED in statuses

    now = timezone.now()
    published = listings.filter(status=Listing.Status.PUBLISHED)
    stale = published.filter(last_confirmed_at__lt=now - timedelta(days=180))
    hidden = published.filter(last_confirmed_at__lt=now - timedelta(days=365))
    assert stale.count() > hidden.count() > 0
    assert published.count() - stale.count() > stale.count()

    # Clearly fictional: reserved phone numbers, example.org, marked texts, DEMO licences.
    people = listings.exclude(kind=Listing.Kind.CRISIS_LINE)
    assert all(email.endswith("@example.org") for email in people.values_list("email", flat=True))
    assert all(
        not url or url.startswith("https://example.org/")
        for url in people.values_list("website", flat=True)
    )
    assert all(" 555-01" in phone for phone in people.values_list("phone", flat=True))
    assert all("Demo listing" in about for about in people.values_list("about_en", flat=True))
    clinicians = listings.filter(kind=Listing.Kind.CLINICIAN)
    assert not clinicians.filter(licence_type="").exists()
    assert all(n.startswith("DEMO-") for n in clinicians.values_list("licence_number", flat=True))
    assert clinicians.filter(licence_verified_at__isnull=False).exists()
    assert clinicians.filter(licence_verified_at__isnull=True).exists()
    assert ListingEvent.objects.filter(source="demo").count() == listings.count()


def test_crisis_lines_carry_their_real_contact_details():
    lines = {line.slug: line for line in demo().filter(kind=Listing.Kind.CRISIS_LINE)}
    expected = {
        "988-suicide-and-crisis-lifeline": ("988", "988lifeline.org"),
        "crisis-text-line": ("741741", "crisistextline.org"),
        "trans-lifeline": ("877-565-8860", "translifeline.org"),
        "the-trevor-project": ("1-866-488-7386", "thetrevorproject.org"),
        "stronghearts-native-helpline": ("1-844-762-8483", "strongheartshelpline.org"),
        "samhsa-national-helpline": ("1-800-662-4357", "samhsa.gov"),
        "blackline": ("1-800-604-5841", "callblackline.com"),
        "nami-helpline": ("1-800-950-6264", "nami.org"),
        "veterans-crisis-line": ("988", "veteranscrisisline.net"),
        "disaster-distress-helpline": ("1-800-985-5990", "samhsa.gov"),
    }
    for slug, (phone, site) in expected.items():
        assert lines[slug].phone == phone
        assert site in lines[slug].website
    assert "HOME to 741741" in lines["crisis-text-line"].about_en
    assert "START to 678-678" in lines["the-trevor-project"].about_en
    assert "press 1" in lines["veterans-crisis-line"].about_en

    searchable = set(Listing.objects.searchable().values_list("slug", flat=True))
    recently = timezone.now() - timedelta(days=30)
    for line in lines.values():
        assert line.slug in searchable
        assert line.free and line.phone_sessions and not line.in_person
        assert line.last_confirmed_at > recently
        assert line.service_areas.count() == len(US_STATES)
        assert "example.org" not in line.website and not line.email


def test_running_it_twice_leaves_exactly_the_same_listings():
    first = snapshot()

    output = seed()

    assert snapshot() == first
    assert f"replaced {len(first)}" in output
    assert Listing.objects.count() == len(first)


def test_the_same_seed_gives_the_same_data_from_scratch():
    first = snapshot()
    seed(remove=True)
    assert not demo().exists()

    seed()

    assert snapshot() == first


def test_another_seed_plans_another_directory():
    today = timezone.now()

    def planned(seed: int) -> dict[str, Any]:
        plans = DemoBuilder(vocabulary=Vocabulary(), today=today, seed=seed).build()
        return {plan.slug: plan.fields for plan in plans}

    default, other = planned(SEED), planned(7)

    assert planned(SEED) == default
    assert len(default.keys() & other.keys()) < len(default) / 2


def test_it_never_touches_listings_it_did_not_create():
    seed(remove=True)  # from an empty directory: this test's own listings come first
    assert not Listing.objects.exists()
    own = ListingFactory(name="Our Own Listing", about="Written by a real provider.")
    clash = ListingFactory(name="Trans Lifeline", slug="trans-lifeline", about="Ours.")

    output = seed()
    seed()

    own.refresh_from_db()
    clash.refresh_from_db()
    assert (own.name, own.about, own.source) == (
        "Our Own Listing",
        "Written by a real provider.",
        "",
    )
    assert (clash.about, clash.source) == ("Ours.", "")
    assert "kept 1 existing listing" in output
    assert Listing.objects.filter(slug="trans-lifeline").count() == 1

    seed(remove=True)
    assert set(Listing.objects.values_list("pk", flat=True)) == {own.pk, clash.pk}


def test_every_published_listing_has_coordinates_or_is_remote():
    published = (
        demo()
        .filter(status=Listing.Status.PUBLISHED)
        .prefetch_related("locations", "service_areas")
    )
    assert published.filter(in_person=False).exclude(kind=Listing.Kind.CRISIS_LINE).exists()
    for listing in published:
        if listing.in_person:
            assert listing.locations.all(), listing.slug
        else:
            assert listing.video or listing.phone_sessions, listing.slug
            assert listing.service_areas.all(), listing.slug
        for location in listing.locations.all():
            centre = zip_lookup(location.postal_code)
            assert centre is not None and centre.state == location.region
            # Jittered a few hundred metres at most: still inside the ZIP area.
            assert (
                math.dist(
                    (location.latitude, location.longitude), (centre.latitude, centre.longitude)
                )
                < 0.01
            )


def test_the_mix_reflects_each_metro_area():
    assert speakers("es", ["TX"]) >= 8
    assert speakers("es", ["FL"]) >= 8
    assert speakers("yue", ["CA", "NY"]) >= 4
    assert speakers("vi", ["TX", "CA"]) >= 8
    assert speakers("hmn", ["MN"]) >= 3
    assert speakers("so", ["MN"]) >= 2
    assert speakers("ar", ["MI"]) >= 4
    assert speakers("ht", ["FL", "NY"]) >= 6
    assert speakers("nv", ["AZ", "NM"]) >= 4
    assert demo().filter(listing_languages__language__code="ase").exists()
    interpreted_only = demo().filter(listing_languages__offered="interpreter").distinct()
    assert interpreted_only.count() >= 20

    clinicians = demo().filter(kind=Listing.Kind.CLINICIAN)
    declaring = clinicians.filter(identifies_as__isnull=False).distinct().count()
    assert 0.5 * clinicians.count() < declaring < clinicians.count()  # voluntary
    assert clinicians.filter(identifies_as__slug="black").exists()
    assert clinicians.filter(experienced_with__slug="lgbtq").exists()
    assert clinicians.exclude(pronouns="").exists() and clinicians.filter(pronouns="").exists()

    paid = demo().filter(kind__in=[Listing.Kind.CLINICIAN, Listing.Kind.PRACTICE])
    fees = paid.exclude(fee_min=None)
    assert all(60 <= low <= high <= 250 for low, high in fees.values_list("fee_min", "fee_max"))
    floors = paid.exclude(sliding_scale_min=None).values_list("sliding_scale_min", flat=True)
    assert floors and all(20 <= floor <= 80 for floor in floors)
    assert paid.filter(free=True).exists()
    assert paid.filter(fee_min=None, sliding_scale_min=None, free=False).exists()  # ask
    assert paid.filter(insurance__slug="medicaid").exists()
    assert paid.filter(insurance__slug="medicare").exists()
    assert paid.filter(video=True).exists() and paid.filter(phone_sessions=True).exists()

    # Texts in the languages the provider speaks.
    written_in = {
        "es": {"es"}, "zh_hans": {"cmn", "zh", "yue"}, "zh_hant": {"yue", "cmn", "zh"},
        "vi": {"vi"}, "ko": {"ko"}, "tl": {"tl"}, "ar": {"ar"}, "ht": {"ht"},
    }  # fmt: skip
    for field, codes in written_in.items():
        translated = (
            demo().exclude(**{f"about_{field}": ""}).exclude(**{f"about_{field}__isnull": True})
        )
        assert translated.count() >= 5, field
        for listing in translated.prefetch_related("listing_languages__language"):
            spoken = {ll.language.code for ll in listing.listing_languages.all()}
            assert spoken & codes, (field, listing.slug)


def test_every_provider_has_its_texts_in_each_interface_language_it_speaks():
    for listing in demo().prefetch_related("listing_languages__language"):
        spoken = {
            ll.language.code for ll in listing.listing_languages.all() if ll.offered == "speaks"
        }
        for code in spoken & set(content.TEXT_LANGUAGE_FOR):
            written = {content.TEXT_LANGUAGE_FOR[code]}
            if written & {"zh_hans", "zh_hant"}:
                written = {"zh_hans", "zh_hant"}  # Mandarin in either script
            assert any(getattr(listing, f"about_{lang}") for lang in written), (
                listing.slug,
                code,
            )


def test_texts_in_one_language_are_written_in_several_ways():
    for lang in ("es", "zh_hans", "vi", "ko", "ar", "ht", "tl"):
        texts = [t for t in demo().values_list(f"about_{lang}", flat=True) if t]
        stop = "。" if lang.startswith("zh") else ". "
        # The last sentence before the demo note: a template's, or the provider's own.
        bodies = [re.split(r"[(\uff08]", text)[0].strip(" 。.") for text in texts]
        endings = {body.rsplit(stop, 1)[-1] for body in bodies}
        assert len(endings) >= 4, lang


def test_it_reports_the_share_of_listings_with_text_in_each_interface_language():
    report = seed(shares=True).splitlines()
    total = demo().count()
    assert len(report) == 9
    assert report[0] == f"en (English): {total} of {total} listings (100%)"
    spanish = demo().exclude(about_es="").exclude(about_es__isnull=True).count()
    assert f"es (Spanish): {spanish} of {total} listings" in report[1]
    assert spanish > demo().filter(listing_languages__language__code="es").count() / 2


def test_the_demo_uses_the_payment_accessibility_and_licence_vocabularies():
    clinicians = demo().filter(kind=Listing.Kind.CLINICIAN)
    assert not clinicians.filter(licence_types=None).exists()
    assert demo().filter(payment_methods__slug="hsa-fsa").exists()
    assert demo().filter(kind=Listing.Kind.COMMUNITY, payment_methods__slug="donation").exists()
    with_places = demo().filter(locations__isnull=False).distinct()
    accessible = with_places.filter(accessibility__isnull=False).distinct()
    assert accessible.count() > with_places.count() / 2
    assert demo().filter(accessibility__slug="quiet-waiting-room").exists()
    assert (
        demo()
        .filter(locations__wheelchair_accessible=True)
        .exclude(accessibility__slug="wheelchair-accessible")
        .count()
        == 0
    )
