"""The search page, its counts and the HSDS API answer every question alike, and
as the listings' own tables say they should.

The expected answer is worked out here from the listings, their languages, terms,
places and states, read plainly through the ORM: never through the search index
or the criteria the page and the API share (directory/criteria.py). Hypothesis
asks generated questions over a small world where every filter splits the
listings."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.filters import ListingFilter
from directory.selectors import listing_search
from providers.models import Listing, Specialty
from providers.places import miles_between, zip_lookup
from tests.directory.test_search_support import search
from tests.factories import ListingFactory, LocationFactory, reindex

pytestmark = pytest.mark.django_db

SF, OAKLAND, SACRAMENTO, LA = (37.75, -122.41), (37.80, -122.27), (38.58, -121.49), (34.05, -118.24)
WORLD = [
    {"name": "Ana", "speaks": ["es"], "identities": ["latine"], "experience": ["immigrant"],
     "fee_min": 90, "place": SF},
    {"name": "Bao", "speaks": ["vi", "en"], "interpreter": ["ko"],
     "identities": ["southeast-asian"], "sliding_scale_min": 25, "fee_min": 120,
     "online_states": ["CA"], "insurance": ["medicaid"]},
    {"name": "Chi", "speaks": ["ko"], "interpreter": ["vi"], "identities": ["east-asian"],
     "experience": ["southeast-asian"], "kind": "practice", "free": True, "place": OAKLAND,
     "online_states": ["CA", "NV"], "insurance": ["sliding-scale-without-insurance"]},
    {"name": "Dee", "speaks": ["en"], "identities": ["black", "lgbtq"], "experience": ["latine"],
     "kind": "community", "free": True, "place": SACRAMENTO, "insurance": ["medicaid"]},
    {"name": "Eli", "speaks": ["es", "en"], "identities": ["latine", "lgbtq"],
     "sliding_scale_min": 40, "fee_min": 60, "accepting_new_clients": False, "place": LA,
     "online_states": ["CA"]},
    {"name": "Fay", "speaks": ["en"], "interpreter": ["es"], "experience": ["black"],
     "kind": "crisis-line", "fee_min": 150, "online_states": ["NY"]},
]  # fmt: skip


@pytest.fixture
def world():
    from providers.models import Insurance

    anxiety = Specialty.objects.get(slug="anxiety")
    for index, row in enumerate(WORLD):
        fields = dict(row)
        place = fields.pop("place", None)
        insurance = fields.pop("insurance", [])
        about = "grief counselling" if index % 2 else "anxiety care"
        listing = ListingFactory(about=about, video="online_states" in fields, **fields)
        if index % 3 == 0:
            listing.specialties.add(anxiety)
        listing.insurance.set(Insurance.objects.filter(slug__in=insurance))
        if place:
            LocationFactory(listing=listing, latitude=place[0], longitude=place[1])
        reindex(listing)
    ListingFactory(name="Old", speaks=["es"], stale=True)
    ListingFactory(name="Gone", speaks=["es"], hidden=True)


def expected(query: dict) -> set[str]:
    """The names of the listings a search should find, from the listings' own tables."""
    now = timezone.now()
    listings = Listing.objects.filter(
        status="published", hidden_by_owner_at=None, last_confirmed_at__gte=now - timedelta(365)
    ).prefetch_related(
        "listing_languages__language",
        "identifies_as",
        "experienced_with",
        "specialties",
        "insurance",
        "locations",
        "service_areas",
    )
    return {listing.name for listing in listings if meets(listing, query)}


def read_words(query: dict) -> dict:
    """The question `q` asks, read here as a seeker means it: a word that is a
    concern's English name asks for that concern, as if it were ticked."""
    concerns = {
        name.lower(): slug for slug, name in Specialty.objects.values_list("slug", "name_en")
    }
    words = query["q"].split()
    named = [concerns[word] for word in words if word in concerns]
    if not named:
        return query
    specialty = list(dict.fromkeys([*query["specialty"], *named]))
    rest = " ".join(word for word in words if word not in concerns)
    return {**query, "specialty": specialty, "q": rest}


def meets(listing: Listing, query: dict) -> bool:
    def slugs(relation: str) -> set[str]:
        return {term.slug for term in getattr(listing, relation).all()}

    def wants(name: str) -> set[str]:
        return set(query.get(name) or [])

    spoken = {ll.language.code for ll in listing.listing_languages.all() if ll.offered == "speaks"}
    offered = {ll.language.code for ll in listing.listing_languages.all()}
    insurance = slugs("insurance")
    checks = [
        not wants("lang") or bool(wants("lang") & (offered if query["interpreter"] else spoken)),
        not wants("identity") or bool(wants("identity") & slugs("identifies_as")),
        not wants("experience")
        or bool(wants("experience") & (slugs("identifies_as") | slugs("experienced_with"))),
        not wants("specialty") or bool(wants("specialty") & slugs("specialties")),
        not wants("kind") or listing.kind in wants("kind"),
        not query["sliding"]
        or listing.sliding_scale_min is not None
        or "sliding-scale-without-insurance" in insurance,
        not query["free"] or listing.free,
        not query["accepting"] or listing.accepting_new_clients,
        query["max_fee"] == ""
        or listing.free
        or any(
            fee is not None and fee <= int(query["max_fee"])
            for fee in (listing.sliding_scale_min, listing.fee_min)
        ),
        all(
            any(word.lower() in text.lower() for text in (listing.name, listing.about_en))
            for word in query["q"].split()
        ),
    ]
    place = zip_lookup(query["near"]) if query["near"] else None
    reach = []
    if place is not None:
        reach.append(
            any(
                miles_between(place.latitude, place.longitude, loc.latitude, loc.longitude)
                <= int(query["radius"])
                for loc in listing.locations.all()
            )
        )
    if query["online"]:
        states = {area.state for area in listing.service_areas.all()}
        reach.append((listing.video or listing.phone_sessions) and query["online"] in states)
    return all(checks) and (not reach or any(reach))


def choices(*values):
    return st.lists(st.sampled_from(values), max_size=2, unique=True)


QUESTIONS = st.fixed_dictionaries(
    {
        "lang": choices("es", "vi", "ko", "en"),
        "interpreter": st.sampled_from(["", "1"]),
        "identity": choices("latine", "lgbtq", "black", "east-asian"),
        "experience": choices("latine", "southeast-asian", "black", "immigrant"),
        "specialty": choices("anxiety", "grief"),
        "kind": choices("clinician", "practice", "community", "crisis-line"),
        "near": st.sampled_from(["", "94110", "95814"]),
        "radius": st.sampled_from(["5", "25", "100"]),
        "online": st.sampled_from(["", "CA", "NY"]),
        "max_fee": st.sampled_from(["", "0", "30", "100"]),
        "sliding": st.sampled_from(["", "1"]),
        "free": st.sampled_from(["", "1"]),
        "accepting": st.sampled_from(["", "1"]),
        "q": st.sampled_from(["", "grief", "anxiety care", "nothing"]),
    }
)
# Every term some listing of the world has: the others count 0 whatever is asked.
IN_THE_WORLD = {
    *("es", "vi", "ko", "en"),
    *("latine", "lgbtq", "black", "east-asian", "southeast-asian", "immigrant"),
    *("anxiety", "clinician", "practice", "community", "crisis-line"),
}


def api_names(client, query: dict) -> set[str]:
    """The API's answer, its own names for the search page's parameters."""
    renamed = {"lang": "language", "q": "search"}
    api_query = {renamed.get(name, name): value for name, value in query.items()}
    answer = client.get(f"/api/hsds/services?per_page=100&{urlencode(api_query, doseq=True)}")
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["total_items"] == len(body["contents"])
    return {service["name"] for service in body["contents"]}


def test_the_page_its_counts_and_the_api_find_what_the_listings_say(client, world):
    @settings(suppress_health_check=list(HealthCheck))
    @given(QUESTIONS)
    def check(asked):
        query = read_words(asked)
        want = expected(query)
        page = search(client, **asked)
        assert page.total == len(want)
        assert {name.lower() for name in want} == set(page.listings)
        assert api_names(client, asked) == want

        results = listing_search(
            filters=ListingFilter(QueryDict(urlencode(asked, doseq=True))), page=None
        )
        for flag in ("sliding", "free", "accepting"):
            assert results.flags[flag] == len(expected({**query, flag: "1"})), flag
        for facet in results.facets:
            for option in facet.options:
                if option.key in IN_THE_WORLD:
                    wanted = expected({**query, facet.name: [option.key]})
                    assert option.count == len(wanted), (facet.name, option.key)
        options = results.suggestions.options if results.suggestions is not None else []
        for suggestion in options:
            relaxed = QueryDict(suggestion.querystring)
            relaxed_query = {
                **{key: "" for key in query if not isinstance(query[key], list)},
                **{key: [] for key in query if isinstance(query[key], list)},
                **{
                    key: relaxed.getlist(key) for key in relaxed if isinstance(query.get(key), list)
                },
                **{key: relaxed[key] for key in relaxed if not isinstance(query.get(key), list)},
            }
            relaxed_query.setdefault("radius", "25")
            if not relaxed_query["radius"]:
                relaxed_query["radius"] = "25"
            assert suggestion.count == len(expected(relaxed_query))

    check()
