"""Best match: who a seeker sees, in which order, and why (DESIGN.md, "Matched care")."""

from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.criteria import match_preferences, search_entries
from directory.criterion_types import FULL
from directory.filters import ListingFilter
from directory.selectors import first_tier, listing_match_reasons, ranked
from providers import curation
from providers.models import Listing, SearchEntry
from tests.directory.test_search_support import search, spy_on_narrowing
from tests.factories import ListingFactory

pytestmark = pytest.mark.django_db


def test_language_only_shows_providers_who_speak_it(client):
    ListingFactory(name="Anh Tran", speaks=["vi", "en"])
    ListingFactory(name="Bao Le", speaks=["vi"])
    ListingFactory(name="Carmen Ruiz", speaks=["es"])

    page = search(client, lang="vi")

    assert page.listings == ["anh-tran", "bao-le"]
    assert page.total == 2
    assert page.reasons["anh-tran"][0] == "Speaks Vietnamese"


def test_language_plus_identity_ranks_nothing_that_misses_either(client):
    ListingFactory(name="Ama Mensah", speaks=["en"], identities=["black"])
    ListingFactory(name="Ben Okafor", speaks=["en"], experience=["black"])
    ListingFactory(name="Cleo Diaz", speaks=["es"], identities=["black"])

    page = search(client, lang="en", identity="black")

    assert page.listings == ["ama-mensah"]
    assert page.reasons["ama-mensah"][:2] == ["Speaks English", "Identifies as Black"]


def test_interpreter_only_listings_are_left_out_unless_asked_for(client):
    ListingFactory(name="Ae-ri Kim", speaks=["ko"])
    ListingFactory(name="Aaron Park", interpreter=["ko"])

    assert search(client, lang="ko").listings == ["ae-ri-kim"]


def test_search_ranks_a_provider_who_speaks_it_above_an_interpreter(client):
    # The interpreter listing sorts first by name: only the match puts the speaker first.
    ListingFactory(name="Aaron Park", interpreter=["ko"])
    ListingFactory(name="Ji-woo Han", speaks=["ko"])

    page = search(client, lang="ko", interpreter="1")

    assert page.listings == ["ji-woo-han", "aaron-park"]
    assert page.reasons["ji-woo-han"][0] == "Speaks Korean"
    assert page.reasons["aaron-park"][0] == "Interpreter available for Korean"


def test_a_listing_meeting_more_of_several_languages_ranks_higher(client):
    ListingFactory(name="Alma Cruz", speaks=["tl"])
    ListingFactory(name="Marisol Reyes", speaks=["tl", "es"])

    page = search(client, lang=["tl", "es"])

    assert page.listings == ["marisol-reyes", "alma-cruz"]
    assert page.reasons["marisol-reyes"][:2] == ["Speaks Tagalog", "Speaks Spanish"]


def test_identifying_as_ranks_above_experience_with(client):
    ListingFactory(name="Ali Haddad", experience=["immigrant"])
    ListingFactory(name="Zainab Yusuf", identities=["immigrant"])
    ListingFactory(name="Paul Smith")

    page = search(client, experience="immigrant")

    assert page.listings == ["zainab-yusuf", "ali-haddad"]
    assert page.reasons["zainab-yusuf"][0] == "Identifies as Immigrant"
    assert page.reasons["ali-haddad"][0] == "Experienced with Immigrant"


def test_identity_means_identifies_as_not_experience(client):
    ListingFactory(name="Ali Haddad", experience=["muslim"])
    ListingFactory(name="Zainab Yusuf", identities=["muslim"])

    assert search(client, identity="muslim").listings == ["zainab-yusuf"]


def test_stale_listings_rank_below_fresh_ones_and_hidden_ones_leave(client):
    ListingFactory(name="Aiyana Stale", speaks=["nv"], stale=True)
    ListingFactory(name="Hania Fresh", speaks=["nv"])
    ListingFactory(name="Ahiga Hidden", speaks=["nv"], hidden=True)

    page = search(client, lang="nv")

    assert page.listings == ["hania-fresh", "aiyana-stale"]
    assert any(reason.startswith("Confirmed current") for reason in page.reasons["hania-fresh"])
    assert not any(r.startswith("Confirmed current") for r in page.reasons["aiyana-stale"])


@pytest.mark.parametrize(
    "status",
    [
        Listing.Status.DRAFT,
        Listing.Status.SUBMITTED,
        Listing.Status.CHANGES_REQUESTED,
        Listing.Status.REJECTED,
        Listing.Status.SUSPENDED,
    ],
)
def test_unpublished_listings_are_absent(client, status):
    ListingFactory(name="Published One", speaks=["vi"])
    ListingFactory(name="Not Yet", speaks=["vi"], status=status)

    assert search(client, lang="vi").listings == ["published-one"]


def test_listings_hidden_by_their_owner_are_absent(client):
    ListingFactory(name="Shown", speaks=["vi"])
    ListingFactory(name="Taken Down", speaks=["vi"], hidden_by_owner_at=timezone.now())

    assert search(client, lang="vi").listings == ["shown"]


def test_a_listing_ranks_as_stale_once_mark_stale_runs_past_its_180_days(client):
    now = timezone.now()
    ListingFactory(name="Aiyana Aging", speaks=["nv"], last_confirmed_at=now - timedelta(days=179))
    ListingFactory(name="Hania Fresh", speaks=["nv"], last_confirmed_at=now - timedelta(days=30))
    assert search(client, lang="nv").listings == ["aiyana-aging", "hania-fresh"]

    curation.listings_mark_stale(now=now + timedelta(days=2), notify=False)

    assert search(client, lang="nv").listings == ["hania-fresh", "aiyana-aging"]


def test_a_page_read_off_the_order_index_is_the_page_sorted(client, monkeypatch):
    """Whether a page is read by walking search_entry_order_idx or by sorting what the
    search found (selectors.walks_order_index), its listings are the same."""
    now = timezone.now()
    for index in range(30):
        ListingFactory(
            name=f"Provider {(index * 7) % 30:02d}",
            speaks=["vi"],
            accepting_new_clients=index % 3 == 0,
            last_confirmed_at=now - timedelta(days=100 + 40 * (index % 4)),
        )
    with CaptureQueriesContext(connection) as sorting:
        sorted_pages = [search(client, lang="vi", page=page).listings for page in (1, 2)]
    monkeypatch.setattr("directory.selectors.walks_order_index", lambda total, last: True)

    with CaptureQueriesContext(connection) as walking:
        walked = [search(client, lang="vi", page=page).listings for page in (1, 2)]

    assert walked == sorted_pages
    assert len(set(walked[0] + walked[1])) == 30
    # The walk orders by the index's columns; the sort by expressions over them.
    by_columns = '"accepting" DESC, "providers_searchentry"."fresh" DESC'
    assert any(by_columns in query["sql"] for query in walking.captured_queries)
    assert not any(by_columns in query["sql"] for query in sorting.captured_queries)


def test_a_page_first_looked_for_in_the_first_tier_is_the_page_sorted(client, monkeypatch):
    """A search by words that finds many looks for its page among the listings of the
    order's first tier first (RankedWindow.narrowed_first): whether the page is all
    there or the whole search has to be sorted after all, its listings are the same."""
    now = timezone.now()
    for index in range(45):
        ListingFactory(
            name=f"Provider {(index * 7) % 45:02d}",
            about="Family work." if index % 3 else "Family therapy, for the whole family.",
            accepting_new_clients=index % 9 != 0,
            last_confirmed_at=now - timedelta(days=300 if index % 11 == 1 else 30),
        )
    monkeypatch.setattr("directory.selectors.NARROWED_FROM", 10**9)
    sorted_pages = [search(client, q="family", page=page).listings for page in (1, 2, 3)]
    assert len({slug for listings in sorted_pages for slug in listings}) == 45

    found_among_fewer = spy_on_narrowing(monkeypatch)
    pages = [search(client, q="family", page=page).listings for page in (1, 2, 3)]

    assert pages == sorted_pages
    # Page 1 is among the first tier's 36 listings; pages 2 and 3 are not.
    assert found_among_fewer == [True, False, False]


def test_where_points_come_first_the_first_tier_earns_them_all(client, monkeypatch):
    """With points to earn (experience with a community: in full for who identifies as
    part of it), the first tier is those who earn every point, accepting new clients
    and confirmed recently; its page is the page the whole search sorted gives."""
    now = timezone.now()
    for index in range(45):
        ListingFactory(
            name=f"Provider {(index * 7) % 45:02d}",
            about="Family work." if index % 3 else "Family therapy, for the whole family.",
            identities=["black"] if index % 5 else [],
            experience=[] if index % 5 else ["black"],
            accepting_new_clients=index % 15 != 0,
            last_confirmed_at=now - timedelta(days=300 if index % 22 == 1 else 30),
        )
    asked = {"q": "family", "experience": "black"}
    monkeypatch.setattr("directory.selectors.NARROWED_FROM", 10**9)
    sorted_pages = [search(client, **asked, page=page).listings for page in (1, 2, 3)]
    assert len({slug for listings in sorted_pages for slug in listings}) == 45

    found_among_fewer = spy_on_narrowing(monkeypatch)
    pages = [search(client, **asked, page=page).listings for page in (1, 2, 3)]

    assert pages == sorted_pages
    # Page 1 is among the 34 who identify as Black, accept and are confirmed; pages 2
    # and 3 are not (40 accept and are confirmed: page 2 would be there, were the
    # points not part of the tier).
    assert found_among_fewer == [True, False, False]


@pytest.mark.parametrize(
    "query",
    [
        "lang=vi",
        "lang=vi&lang=ko",
        "lang=vi&interpreter=1",
        "experience=black",
        "accepting=1",
        "lang=vi&lang=ko&interpreter=1&experience=black&accepting=1",
    ],
)
def test_the_first_tier_is_what_comes_first_in_the_order(query):
    """first_tier, which a search that finds many is narrowed to, is exactly the
    listings with every point there is to earn, accepting and confirmed recently:
    the first results of the order."""
    now = timezone.now()
    for index in range(30):
        ListingFactory(
            name=f"Listing {index:02d}",
            speaks=[["vi"], ["ko"], ["vi", "ko"], ["en"]][index % 4],
            interpreter=["vi", "ko"] if index % 4 == 3 else [],
            identities=["black"] if index % 3 == 0 else [],
            experience=["black"] if index % 3 == 1 else [],
            accepting_new_clients=index % 5 != 0,
            last_confirmed_at=now - timedelta(days=10 if index % 6 < 3 else 100 * (index % 6 - 2)),
        )
    params = ListingFilter(QueryDict(query)).params
    entries = search_entries(SearchEntry.objects.all(), params)
    tier = first_tier(params)
    assert tier is not None

    in_tier = set(entries.filter(*tier).values_list("pk", flat=True))

    ordered = list(ranked(entries, params))
    every_point = FULL * len(match_preferences(params, varying=True))
    best = {e.pk for e in ordered if e.match_score == every_point and e.accepting and e.fresh}
    assert best, "the search has listings with every point"
    assert in_tier == best
    assert {e.pk for e in ordered[: len(best)]} == best


def test_equal_matches_are_ordered_by_name_then_id(client):
    for name in ["Cara", "Abe", "Bea"]:
        ListingFactory(name=name, speaks=["ht"])

    assert search(client, lang="ht").listings == ["abe", "bea", "cara"]


def test_sort_confirmed_puts_the_most_recently_confirmed_first(client):
    now = timezone.now()
    ListingFactory(name="Week Ago", last_confirmed_at=now - timedelta(days=7))
    ListingFactory(name="Yesterday", last_confirmed_at=now - timedelta(days=1))
    ListingFactory(name="Month Ago", last_confirmed_at=now - timedelta(days=30))

    page = search(client, sort="confirmed")

    assert page.listings == ["yesterday", "week-ago", "month-ago"]


def test_match_preferences_score_each_request_on_its_own(settings):
    speaker = ListingFactory(name="Speaker", speaks=["vi"], identities=["southeast-asian"])
    helper = ListingFactory(name="Helper", interpreter=["vi"], experience=["southeast-asian"])
    params = ListingFilter(QueryDict("lang=vi&interpreter=1&experience=southeast-asian")).params

    scores = {
        entry.name: entry.match_score
        for entry in ranked(SearchEntry.objects.filter(pk__in=[speaker.pk, helper.pk]), params)
    }

    assert len(match_preferences(params)) == 2
    assert scores == {"Speaker": 4, "Helper": 2}


def test_match_reasons_read_the_listings_index_terms():
    listing = ListingFactory(
        name="Nadia",
        speaks=["ar"],
        identities=["muslim"],
        free=True,
        video=True,
        online_states=["MI"],
    )
    params = ListingFilter(QueryDict("lang=ar&identity=muslim&free=1&online=MI")).params

    found = Listing.objects.with_details().get(pk=listing.pk)

    assert listing_match_reasons(listing=found, params=params)[:4] == [
        "Speaks Arabic",
        "Identifies as Muslim",
        "Free option",
        "Video sessions in Michigan",
    ]


def test_not_accepting_ranks_below_an_equal_match_that_is_accepting(client):
    ListingFactory(name="Aaron Full", speaks=["vi"], accepting_new_clients=False)
    ListingFactory(name="Zoe Open", speaks=["vi"])
    ListingFactory(name="Bea Both", speaks=["vi", "ko"], accepting_new_clients=False)
    ListingFactory(
        name="Crisis Line", speaks=["vi"], kind="crisis-line", accepting_new_clients=False
    )

    page = search(client, lang=["vi", "ko"])

    # A better match still ranks first; among equals, who can take a new client.
    assert page.listings == ["bea-both", "crisis-line", "zoe-open", "aaron-full"]
    html = client.get("/en/search/?lang=vi&lang=ko").content.decode()
    assert "Not accepting new clients right now" in html
    assert "accepting new clients come before those that are not" in html
