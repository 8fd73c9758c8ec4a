"""A small world for the seeker-side browser tests, and the pages to visit in it.

Plain functions, not fixtures: each test builds what it needs in one call, and the
page lists stay in one place as other issues add pages.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from directory.guides import GUIDES
from providers.models import Listing
from tests.factories import ListingFactory, LocationFactory

SPANISH_SPEAKERS = 21  # one more than a page of results, so there are two pages


@dataclass
class World:
    listing: Listing
    community: Listing

    @property
    def listing_path(self) -> str:
        """The listing page without its language prefix: "/listings/amara-okafor/"."""
        return f"/listings/{self.listing.slug}/"


def build_world(*, crowd: bool = False) -> World:
    """Amara Okafor (the listing every test opens: a phone, a website, a booking link
    and a verified licence), a peer support group not taking new members, a Korean
    speaker 40 miles away who offers a Vietnamese interpreter (so a narrow Korean
    search has a suggestion, and a listing links to the interpreter guide), and with
    `crowd` enough Spanish speakers near 94110 for two pages of results."""
    listing = ListingFactory(
        name="Amara Okafor",
        slug="amara-okafor",
        pronouns="she/her",
        about="I work with Black families and couples.",
        fee_min=80,
        fee_max=140,
        sliding_scale_min=30,
        speaks=["en", "es"],
        identities=["black"],
        video=True,
        online_states=["CA"],
        phone="415-555-0134",
        website="https://amara.example.org/",
        booking_url="https://amara.example.org/book/",
        licence_type="LMFT",
        licence_number="123-4567",
        licence_state="CA",
        licence_verified_at=timezone.now() - timedelta(days=30),
    )
    LocationFactory(listing=listing)
    community = ListingFactory(
        name="Sister Circle",
        slug="sister-circle",
        kind=Listing.Kind.COMMUNITY,
        about="A peer support circle for Black women.",
        free=True,
        accepting_new_clients=False,
    )
    LocationFactory(listing=community)
    # About 40 miles north of the Mission: outside 5 miles, inside 50.
    korean = ListingFactory(
        name="Ji-woo Park", slug="ji-woo-park", speaks=["ko"], interpreter=["vi"]
    )
    LocationFactory(listing=korean, latitude=38.33, longitude=-122.4153, postal_code="94952")
    if crowd:
        for number in range(SPANISH_SPEAKERS - 1):
            other = ListingFactory(name=f"Consejera {number:02d}", speaks=["es"])
            LocationFactory(listing=other)
    return World(listing=listing, community=community)


def without_language(path: str) -> str:
    """ "/en/listings/x/" -> "/listings/x/"."""
    return path[path.index("/", 1) :]


def public_paths(world: World) -> dict[str, str]:
    """Every public page type, without the language prefix, by a name for messages."""
    return {
        "home": "/",
        "search with results": "/search/?lang=es&near=94110",
        "search with no results and a suggestion": "/search/?near=94110&radius=5&lang=ko",
        "search with a bad ZIP code": "/search/?near=00000",
        "community supports": "/community/",
        "browsing safely": "/browsing-safely/",
        "listing": world.listing_path,
        "listing from a search": f"{world.listing_path}?lang=es&identity=black",
        "listing with an interpreter": "/listings/ji-woo-park/",
        "report a problem": without_language(
            reverse("directory:report", kwargs={"slug": world.listing.slug})
        ),
        "report received": without_language(
            reverse("directory:report_thanks", kwargs={"slug": world.listing.slug})
        ),
        "request a translation": without_language(
            reverse("directory:translation_request", kwargs={"slug": world.listing.slug})
        ),
        "guides": "/guides/",
        **{f"guide {guide.slug}": f"/guides/{guide.slug}/" for guide in GUIDES},
    }
