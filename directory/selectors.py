"""Reads for the public search: ranking, match reasons, the page of results.

What each criterion means (its condition, points, reasons, description and how it
may be relaxed) is in directory/criteria.py; this module puts them together. The
counts beside the results and the facets are directory/counts.py's, the
no-dead-end suggestions directory/suggestions.py's.

How results are ordered (`sort=match`, the default); the search page explains the
same rules in words ("How results are ordered"):

1. Only listings that meet every criterion asked for are shown.
2. Each thing the seeker asked for earns points (criteria.py, `preferences`): a
   full match 2, a partial match 1. With several choices in one parameter, a
   listing meeting more of them earns more.
3. Order: more points first; then listings accepting new clients before those
   that are not (crisis lines always are); then listings confirmed in the last
   180 days before stale ones (as of the last hourly mark_stale); then
   (PostgreSQL, with `q`) better text matches; then nearer before farther
   (listings with no place near, such as online-only ones, last); then by name
   and id, so the order is stable.

`sort=distance` puts nearer first (then as above); `sort=confirmed` the most
recently confirmed first.

A results page reads the search index (providers.search_index) in a fixed number
of queries whatever it shows: the vocabularies (1, cached for a minute), every
count beside the results (1), the counts of wider searches when it finds little
(1), the page's order (1; 2 when a search that finds many looks for its page
among fewer first and it is not all there), its listings (1), their
places (1), and their index terms (1: the languages and insurance their cards
name, and what their match reasons read); and, for a search that finds
thousands, how many listings search can find (1, cached for a minute).
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Case, ExpressionWrapper, F, IntegerField, Q, QuerySet, Value, When
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from directory.caching import kept_a_while
from directory.counts import Facet, build_facets, count_relaxed, count_search
from directory.criteria import (
    VOCABULARY_CRITERIA,
    criteria_reasons,
    in_full,
    match_annotations,
    match_preferences,
    only_kept,
    order_annotations,
    relaxations,
    search_entries,
)
from directory.criterion_types import held
from directory.distances import nearest_of
from directory.filters import untranslated
from directory.maps import ResultsMap, results_map
from directory.params import RADII, SearchParams
from directory.suggestions import FEW_RESULTS, Suggestions, suggest
from directory.words import recognised_text
from providers.models import (
    Listing,
    Location,
    SearchEntry,
    SearchTerm,
)
from providers.months import month_text
from providers.states import US_STATES
from providers.translating import TextSource, text_source

if TYPE_CHECKING:
    from directory.filters import ListingFilter, Vocabularies

PAGE_SIZE = 20

# Ranking -----------------------------------------------------------------------------


# A page of a search that finds much of the directory is read fastest by walking
# search_entry_order_idx until it is full; one that finds little would walk past
# most of the index first, and is read fastest by sorting what it found. Walked
# when, were the results spread evenly, the walk would pass at most this many.
WALK_AT_MOST = 2000


def walks_order_index(total: int, last: int) -> bool:
    """Whether the page of results that ends with result `last` of `total` is read
    by walking the index (what `ranked` then orders by, where it can)."""
    if total < WALK_AT_MOST:  # sorting so few is quick
        return False
    return last * searchable_count() <= WALK_AT_MOST * total


@kept_a_while(maxsize=1)
def searchable_count() -> int:
    """How many listings search can find, read at most once every
    SEARCH_PAGE_SECONDS in each process (an estimate is all walks_order_index needs)."""
    return SearchEntry.objects.count()


def as_number(flag: str) -> Case:
    return Case(When(**{flag: True}, then=Value(1)), default=Value(0))


def ranked(
    entries: QuerySet[SearchEntry], params: SearchParams, *, total: int = 0, last: int = PAGE_SIZE
) -> QuerySet[SearchEntry]:
    """The index entries in the order asked for.

    Only the points that can differ between results are summed: a single choice
    every result meets (one language without interpreters, one identity) earns
    them all alike, so ordering thousands of results tests each for fewer terms.
    """
    points = list(match_preferences(params, varying=True).values())
    # A distance the entries came with (criteria.search_entries) is not looked up again.
    known = entries.query.annotations
    entries = entries.annotate(
        match_score=ExpressionWrapper(sum(points, Value(0)), output_field=IntegerField()),
        **{name: value for name, value in match_annotations(params).items() if name not in known},
        **order_annotations(params),
    )
    nearest = [F("distance").asc(nulls_last=True)] if params.place is not None else []
    relevance = (
        [F("text_rank").desc(nulls_last=True)] if "text_rank" in entries.query.annotations else []
    )
    # Among equal matches, accepting new clients first, then confirmed recently: as
    # the columns of search_entry_order_idx when the page (its results up to `last` of
    # `total`) is read by walking that index, which serves only its own order;
    # otherwise as expressions it cannot serve, so that PostgreSQL sorts what it
    # found rather than walk the index in search of it.
    plain = not (points or relevance or nearest) and params.applied_sort == "match"
    if plain and walks_order_index(total, last):
        tiers: list[Any] = ["-accepting", "-fresh"]
    else:
        tiers = [as_number("accepting").desc(), as_number("fresh").desc()]
    best: list[Any] = ["-match_score", *tiers] if points else tiers
    stable = ["name", "pk"]
    if params.applied_sort == "distance":
        order = [*nearest, *best, *stable]
    elif params.applied_sort == "confirmed":
        order = [F("confirmed_at").desc(), *best, *stable]
    else:
        order = [*best, *relevance, *nearest, *stable]
    return entries.order_by(*order)


def for_cards(queryset: QuerySet[Listing]) -> QuerySet[Listing]:
    """What a result card shows beyond the listing row and its index terms: its places."""
    return queryset.prefetch_related("locations")


def with_index_terms(listings: list[Listing]) -> list[Listing]:
    """These listings, each with its search index term codes as `index_terms`, in one
    query: the languages and insurance its card names (the vocabularies' names are
    at hand) and what its match reasons read (criterion_types.held)."""
    found: dict[int, set[str]] = defaultdict(set)
    rows = SearchTerm.objects.filter(entry_id__in=[listing.pk for listing in listings])
    for entry_id, term in rows.values_list("entry_id", "term"):
        found[entry_id].add(term)
    for listing in listings:
        listing.index_terms = found[listing.pk]  # type: ignore[attr-defined]
    return listings


# Match reasons -------------------------------------------------------------------------


def match_reasons(listing: Listing, params: SearchParams) -> list[str]:
    """Why `listing` fits the search, in the current language, strongest first.

    `listing` must come with its index terms (`with_index_terms`) and its places
    prefetched: the reasons read them.
    """
    reasons = criteria_reasons(listing, params)
    if listing.last_confirmed_at is not None and not listing.is_stale:
        month = month_text(listing.last_confirmed_at)
        reasons.append(_("Confirmed current %(month)s") % {"month": month})
    return reasons


def listing_match_reasons(*, listing: Listing, params: SearchParams) -> list[str]:
    """The reasons one listing fits a search, for its own page (one query; its places
    are prefetched with its details)."""
    if not params.is_search:
        return []
    return match_reasons(with_index_terms([listing])[0], params)


# The search ----------------------------------------------------------------------------


class CountedPaginator(Paginator):
    """A paginator told its count, so the total is not counted twice."""

    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


# A search by place or by words that finds many listings looks for its page among
# fewer first (RankedWindow.narrowed_first): the listings of the order's first
# tier, and for a place search, those in a smaller circle, one that would hold
# this many times the listings the page needs were the results spread evenly over
# the circle searched. Listings gather in towns, and searches are made from them,
# so the small circle usually holds more than that: of the bench's 54 place
# searches at 200,000 listings, one found its page short there (and sorted all it
# found after all), none at 50,000. Falling short costs one query. (A search by
# neither reads a page of many results by walking search_entry_order_idx.)
NEARER_MARGIN = 2
NARROWED_FROM = 500  # results; sorting fewer is quick


def first_tier(params: SearchParams) -> list[Any] | None:
    """What the results that come first in the order (`ranked`) share, as conditions
    on the index entries: every point that can differ between results earned in
    full (`in_full`), accepting new clients and confirmed recently; nothing when
    nearer comes first (`sort=distance` near a place). None when the order is by
    date (`sort=confirmed`), or by distance online or with no place."""
    if params.applied_sort == "distance":
        return [] if params.place is not None and not params.online else None
    if params.applied_sort != "match":
        return None
    return [*in_full(params), Q(accepting=True, fresh=True)]


def nearer_radius(params: SearchParams, total: int, last: int) -> float | None:
    """The radius of the smaller circle a place search's results up to `last` (of
    `total`) are first looked for in; None where their distance does not come
    right after the first tier in the order (a text match comes first), or it would
    not pay."""
    if params.place is None or params.online or (params.q and params.applied_sort == "match"):
        return None
    miles = params.radius * math.sqrt(NEARER_MARGIN * last / total)
    return miles if miles <= params.radius / 2 else None


class RankedWindow:
    """The ranked results, read a page at a time in two steps.

    First the order alone, from the search index: the ids of the page's 20
    listings. Then those listings' rows, with their places and index terms, which
    their cards and match reasons read.
    """

    def __init__(self, entries: QuerySet[SearchEntry], params: SearchParams, total: int) -> None:
        self.entries = entries  # the index entries to search, before the search's criteria
        self.params = params
        self.total = total

    def __getitem__(self, window: slice) -> SimpleLazyObject:
        return SimpleLazyObject(lambda: self.read(window))

    def ordered_ids(self, entries: QuerySet[SearchEntry], window: slice) -> list[int]:
        """The ids of `window` of `entries` in the search's order."""
        ranking = ranked(entries, self.params, total=self.total, last=window.stop or 0)
        return list(untranslated(ranking).values_list("pk", flat=True)[window])

    def narrowed_first(self, window: slice) -> list[int] | None:
        """The page's ids, where a search that finds many finds them all among fewer.

        The first results of all are the first of the order's first tier
        (`first_tier`), and for a place search whose order goes on by distance, the
        nearest of them: when a small circle holds at least `window.stop` of that
        tier, those are the first results of all, found among the places in the
        small circle rather than in the whole one searched (a 50-mile search in Los
        Angeles at 200,000 listings: thousands of places, not tens of thousands);
        for a search by words, among the documents of that tier's listings. None
        when they are not all there, or it would not pay.
        """
        if self.total < NARROWED_FROM or not (self.params.q or self.params.place):
            return None
        tier = first_tier(self.params)
        if tier is None:
            return None
        miles = nearer_radius(self.params, self.total, window.stop or 0)
        if miles is None and not tier:
            return None
        params = self.params if miles is None else self.params.changed(radius=miles)
        fewer = search_entries(self.entries, params).filter(*tier)
        found = self.ordered_ids(fewer, slice(0, window.stop))
        return found[window] if len(found) == window.stop else None

    def read(self, window: slice) -> list[Listing]:
        if window.start == window.stop:  # a search that found nothing: no query to build
            return []
        ids = self.narrowed_first(window)
        if ids is None:
            ids = self.ordered_ids(search_entries(self.entries, self.params), window)
        listings = with_index_terms(list(for_cards(Listing.objects.filter(pk__in=ids))))
        by_pk = {listing.pk: listing for listing in listings}
        return [by_pk[pk] for pk in ids if pk in by_pk]


def page_number(value: str | None) -> int:
    """The page asked for: 1 for anything that is not a positive whole number.

    A number past the end is left for Paginator.get_page, which shows the last page.
    """
    text = (value or "").strip()
    if text.isdecimal() and len(text) > 9:
        return 10**9  # too long for int(): certainly past the end
    try:
        return max(int(text or 1), 1)
    except ValueError:
        return 1


@dataclass(frozen=True)
class SearchResult:
    listing: Listing
    reasons: list[str]
    location: Location | None
    summary: str
    summary_language: str
    speaks: list[str]  # the languages' names, in the vocabulary's order
    interpreter: list[str]  # an interpreter offered, not spoken
    insurance: list[str]

    @cached_property
    def summary_direction(self) -> str:
        return "rtl" if get_language_info(self.summary_language)["bidi"] else "ltr"

    @cached_property
    def summary_source(self) -> TextSource:
        """Who wrote the summary: read from the listing's row, no query."""
        return text_source(self.listing, self.summary_language)

    @property
    def summary_is_foreign(self) -> bool:
        return bool(self.summary) and self.summary_language != (
            get_language() or settings.LANGUAGE_CODE
        )


def term_names(
    vocabularies: "Vocabularies", vocabulary: str, codes: set[str], prefix: str
) -> list[str]:
    """The names of the terms among `codes` (`prefix` and an id), in the vocabulary's order."""
    return [
        term.label
        for term in vocabularies.terms.get(vocabulary, [])
        if f"{prefix}{term.id}" in codes
    ]


def search_result(
    listing: Listing, params: SearchParams, vocabularies: "Vocabularies"
) -> SearchResult:
    locations = list(listing.locations.all())
    nearest = None if params.place is None else nearest_of(locations, params.place)
    if nearest is not None:
        locations = [nearest[0]]
    summary, summary_language = listing.text("about")
    codes = held(listing)
    speaks = term_names(vocabularies, "lang", codes, "speaks:")
    return SearchResult(
        listing=listing,
        reasons=match_reasons(listing, params),
        location=locations[0] if locations else None,
        summary=summary,
        summary_language=summary_language,
        speaks=speaks,
        interpreter=[
            name
            for name in term_names(vocabularies, "lang", codes, "language:")
            if name not in speaks
        ],
        insurance=term_names(vocabularies, "insurance", codes, "insurance:"),
    )


@dataclass
class SearchResults:
    params: SearchParams
    page: Page
    total: int
    facets: list[Facet]
    flags: dict[str, int]  # results with a sliding scale, a free option, accepting
    suggestions: Suggestions | None
    vocabularies: "Vocabularies"
    messages: list[str] = field(default_factory=list)

    @cached_property
    def querystring(self) -> str:
        return self.params.querystring()

    @cached_property
    def map(self) -> "ResultsMap | None":
        """The page's results on a map, when a place was searched (directory/maps.py)."""
        return results_map(self)

    @cached_property
    def recognised(self) -> list[str]:
        """What the search words were read as: "Language: Spanish (from “español”)"."""
        return recognised_text(self.params)

    @cached_property
    def results(self) -> list[SearchResult]:
        """The page's cards; read only when the page's cached fragment is not."""
        return [
            search_result(listing, self.params, self.vocabularies)
            for listing in self.page.object_list
        ]

    radius_choices = RADII
    states = US_STATES

    @property
    def page_numbers(self) -> list[int | str]:
        """Page numbers for the pagination, long runs elided ("1 2 3 … 9")."""
        paginator = self.page.paginator
        return list(paginator.get_elided_page_range(self.page.number, on_each_side=2))


def listing_search(*, filters: "ListingFilter", page: str | None) -> SearchResults:
    """The page of listings a search finds, best first, with counts, facets and suggestions."""
    params = filters.params
    counts = count_search(params, filters.kinds)
    candidates = relaxations(params) if counts.total < FEW_RESULTS else []
    # With them, in the same query: whether anything anywhere offers each language
    # and identity filter the seeker chose.
    alone = only_kept(params) if candidates else {}
    relaxed = count_relaxed([c.params for c in candidates] + list(alone.values()), filters.kinds)
    anywhere = dict(zip(alone, relaxed[len(candidates) :], strict=True))
    unavailable = {
        param: VOCABULARY_CRITERIA[param].describe(params)
        for param, count in anywhere.items()
        if count == 0
    }
    window = RankedWindow(filters.queryset, params, counts.total)
    paginator = CountedPaginator(window, PAGE_SIZE, count=counts.total)
    current = paginator.get_page(page_number(page))
    return SearchResults(
        params=params,
        page=current,
        total=counts.total,
        facets=build_facets(filters.vocabularies, params, counts.facets),
        flags=counts.flags,
        suggestions=suggest(
            params, counts.total, candidates, relaxed[: len(candidates)], unavailable
        ),
        vocabularies=filters.vocabularies,
        messages=list(params.messages),
    )
