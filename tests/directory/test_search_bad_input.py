"""Bad input never breaks the page: any query string gives a 200 (DESIGN.md, "Contracts")."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.directory.test_search_support import search
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db

CONTRACT_KEYS = [
    "near",
    "radius",
    "online",
    "lang",
    "identity",
    "experience",
    "specialty",
    "approach",
    "insurance",
    "kind",
    "age",
    "format",
    "max_fee",
    "sliding",
    "free",
    "accepting",
    "interpreter",
    "q",
    "sort",
    "page",
]
PLAUSIBLE_VALUES = [
    "94110",
    "00000",
    "9411",
    "94110-1234",
    "37.75,-122.42",
    "91,181",
    "nan,nan",
    "-0,-0",
    "5",
    "10",
    "25",
    "1e309",
    "-1",
    "0",
    "1",
    "true",
    "on",
    "CA",
    "ca",
    "ZZ",
    "vi",
    "es",
    "yue",
    "black",
    "immigrant",
    "anxiety",
    "cbt",
    "medicaid",
    "clinician",
    "crisis-line",
    "teens",
    "group",
    "match",
    "distance",
    "confirmed",
    "abc",
    "",
    " ",
    "%",
    "'",
    '"',
    "\\",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\x00",
    "a\x00b",
    "\uff19\uff14\uff11\uff11\uff10",
    "٣",
    "9" * 5000,
    "x" * 20000,
    "🏳️‍⚧️",
    "ٱلْعَرَبِيَّة",
    "中文",
    "&",
    "=",
    "?",
    "#",
]
keys = st.one_of(st.sampled_from(CONTRACT_KEYS), st.text(max_size=12))
values = st.one_of(
    st.sampled_from(PLAUSIBLE_VALUES),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
pairs = st.lists(st.tuples(keys, values), max_size=25)
paths = st.sampled_from(
    ["/en/search/", "/es/search/", "/ar/search/", "/zh-hant/community/", "/ht/search/"]
)


@pytest.fixture
def world(db):
    near = ListingFactory(
        name="Near",
        speaks=["vi"],
        identities=["black"],
        sliding_scale_min=20,
        video=True,
        online_states=["CA"],
    )
    LocationFactory(listing=near)
    ListingFactory(name="Far", interpreter=["vi"], free=True, stale=True)


@given(path=paths, query=pairs)
def test_random_query_strings_never_fail(client, world, path, query):
    response = client.get(f"{path}?{urlencode(query)}")

    assert response.status_code == 200
    assert b"data-total=" in response.content


@given(raw=st.text(max_size=200))
def test_raw_malformed_query_strings_never_fail(client, world, raw):
    response = client.get("/en/search/?" + quote(raw, safe="=&%+;"))

    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "near=%00&q=%00&lang=%00&page=%00",
        "q=" + "grief%20" * 3000,
        "lang=vi&" * 500,
        "max_fee=" + "9" * 400,
        "max_fee=1e400&radius=1e400",
        "near=91,181",
        "near=-90,180&radius=100",
        "near=90,0&radius=100",
        "q=%E2%80%8B%0A%0D%09",
        "q=%ZZ&near=%",
        "sort=distance",
        "online=%F0%9F%8F%B3",
    ],
)
def test_known_troublemakers(client, world, query):
    response = client.get(f"/en/search/?{query}")

    assert response.status_code == 200


def test_a_huge_repeated_language_is_one_choice(client, world):
    page = search(client, lang=["vi"] * 500)

    assert page.listings == ["near"]


def test_coordinates_at_the_pole_search_the_whole_circle(client, world):
    assert search(client, near="90,0", radius="100").total == 0
