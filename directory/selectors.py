"""Reads for the public search: ranking, match reasons, facets, no-dead-end suggestions.

What each criterion means (its condition, points, reasons, description and how it
may be relaxed) is in directory/criteria.py; this module puts them together.

How results are ordered (`sort=match`, the default); the search page explains the
same rules in words ("How results are ordered"):

1. Only listings that meet every criterion asked for are shown.
2. Each thing the seeker asked for earns points (criteria.py, `preferences`): a
   full match 2, a partial match 1. With several choices in one parameter, a
   listing meeting more of them earns more.
3. Order: more points first; then listings accepting new clients before those
   that are not (crisis lines always are); then listings confirmed in the last
   180 days before stale ones; then (PostgreSQL, with `q`) better text matches; then nearer
   before farther (listings with no place near, such as online-only ones, last);
   then by name and id, so the order is stable.

`sort=distance` puts nearer first (then as above); `sort=confirmed` the most
recently confirmed first.

A results page reads the search index (providers.search_index) in a fixed number
of queries whatever it shows: the vocabularies (1, cached for a minute), every
count beside the results (1), the counts of wider searches when it finds little
(1), the page's order (1), its listings (1), their places (1), and their
languages and insurance from the index (1).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.utils import formats, timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language, get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from directory.criteria import (
    KEPT,
    VOCABULARY_CRITERIA,
    asked,
    criteria_reasons,
    match_annotations,
    match_preferences,
    only_kept,
    reason_annotations,
    relaxations,
)
from directory.criterion_types import Criterion
from directory.filters import untranslated
from directory.maps import ResultsMap, results_map
from directory.params import RADII, TERM_PARAMS, Relaxation, SearchParams, or_list
from directory.words import recognised_text
from providers.models import (
    STALE_AFTER,
    Listing,
    Location,
    SearchEntry,
    SearchTerm,
    SearchTermPair,
)
from providers.places import miles_between
from providers.states import US_STATES
from providers.translating import TextSource, text_source

if TYPE_CHECKING:
    from directory.filters import ListingFilter, Vocabularies

PAGE_SIZE = 20
# Fewer results than this and the page suggests how to find more.
FEW_RESULTS = 3
FLAGS = ("sliding", "free", "accepting")

# Ranking -----------------------------------------------------------------------------


def annotated(queryset: QuerySet[Any], params: SearchParams) -> QuerySet[Any]:
    """Listings (or index entries) with the points and values their match reasons read."""
    return queryset.annotate(
        **match_preferences(params), **match_annotations(params), **reason_annotations(params)
    )


def ranked(entries: QuerySet[SearchEntry], params: SearchParams) -> QuerySet[SearchEntry]:
    """The index entries in the order asked for.

    Only the points that can differ between results are summed: a single choice
    every result meets (one language without interpreters, one identity) earns
    them all alike, so ordering thousands of results tests each for fewer terms.
    """
    points = list(match_preferences(params, varying=True).values())
    fresh_since = timezone.now() - STALE_AFTER
    fresh = Case(When(confirmed_at__gte=fresh_since, then=Value(1)), default=Value(0))
    accepting = Case(When(accepting_as_of__isnull=False, then=Value(1)), default=Value(0))
    entries = entries.annotate(
        match_score=ExpressionWrapper(sum(points, Value(0)), output_field=IntegerField()),
        accepting=accepting,
        fresh=fresh,
        **match_annotations(params),
    )
    nearest = [F("distance").asc(nulls_last=True)] if params.place is not None else []
    relevance = (
        [F("text_rank").desc(nulls_last=True)] if "text_rank" in entries.query.annotations else []
    )
    best: list[Any] = (
        ["-match_score", "-accepting", "-fresh"] if points else ["-accepting", "-fresh"]
    )
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


# What a card lists of a listing's terms: the index holds them, and the vocabularies'
# names are at hand, so one query for a page's 20 cards instead of a prefetch each.
CARD_TERMS = ("speaks:", "language:", "insurance:")


def card_terms(ids: list[int]) -> dict[int, set[str]]:
    """The languages and insurance of each of these listings, as index term codes."""
    found: dict[int, set[str]] = defaultdict(set)
    rows = SearchTerm.objects.filter(entry_id__in=ids).values_list("entry_id", "term")
    for entry_id, term in rows:
        if term.startswith(CARD_TERMS):
            found[entry_id].add(term)
    return found


# Match reasons -------------------------------------------------------------------------


def match_reasons(listing: Listing, params: SearchParams) -> list[str]:
    """Why `listing` fits the search, in the current language, strongest first.

    `listing` must come from `annotated(..., params)`: the reasons read its annotations.
    """
    reasons = criteria_reasons(listing, params)
    if listing.last_confirmed_at is not None and not listing.is_stale:
        confirmed = timezone.localtime(listing.last_confirmed_at)
        month = formats.date_format(confirmed, "YEAR_MONTH_FORMAT")
        reasons.append(_("Confirmed current %(month)s") % {"month": month})
    return reasons


def listing_match_reasons(*, listing: Listing, params: SearchParams) -> list[str]:
    """The reasons one listing fits a search, for its own page (one query)."""
    if not params.is_search:
        return []
    found = annotated(Listing.objects.filter(pk=listing.pk), params).first()
    return match_reasons(found, params) if found is not None else []


# Facets and counts ---------------------------------------------------------------------

FACETS = (
    ("lang", gettext_lazy("Language")),
    ("identity", gettext_lazy("Provider identifies as")),
    ("experience", gettext_lazy("Provider has experience with")),
    ("insurance", gettext_lazy("Insurance")),
    ("specialty", gettext_lazy("Concerns")),
    ("approach", gettext_lazy("Approach")),
    ("kind", gettext_lazy("Kind of support")),
    ("age", gettext_lazy("Ages")),
    ("format", gettext_lazy("Format")),
    ("access", gettext_lazy("Accessibility")),
    ("payment", gettext_lazy("Ways to pay")),
)


FACETS_BY_PARAM = dict(FACETS)


@dataclass(frozen=True)
class FacetOption:
    key: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    """A filter's choices, each with how many results it would give, the other filters kept."""

    name: str
    legend: str
    options: list[FacetOption]

    @cached_property
    def shown(self) -> list[FacetOption]:
        return [option for option in self.options if option.count or option.selected]

    @cached_property
    def more(self) -> list[FacetOption]:
        return [option for option in self.options if not (option.count or option.selected)]


@dataclass(frozen=True)
class Counts:
    total: int
    flags: dict[str, int]  # results with a sliding scale, a free option, accepting
    facets: dict[str, dict[str, int]]  # by facet, each term's id (a kind's value): its count


def count_search(params: SearchParams, kinds: tuple[str, ...] | None = None) -> Counts:
    """Every count beside a search's results, in one query over the search index.

    A facet counts, for each of its choices, the results it would give with the
    other filters kept: for a facet the search does not filter on, the terms of
    the results themselves; for one it does, the terms of the results of the
    search without it. Each is a grouped count of term codes, and the groups are
    sent as one UNION. Every entry has one kind, so the kinds' counts among the
    results add up to their total. `kinds` scopes the search (the community page).
    """
    chosen = {criterion.param: criterion for criterion in asked(params)}
    scope = kind_codes(kinds)
    parts = [_counted(list(chosen.values()), params, scope, part="")]
    for param in FACETS_BY_PARAM:
        if param in chosen:
            others = [criterion for key, criterion in chosen.items() if key != param]
            prefix = VOCABULARY_CRITERIA[param].facet(params)
            parts.append(_counted(others, params, scope, part=param, prefix=prefix))
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for part, term, count in parts[0].union(*parts[1:], all=True):
        found[part][term] = count
    results = found[""]
    facets = {}
    for param in FACETS_BY_PARAM:
        prefix = VOCABULARY_CRITERIA[param].facet(params)
        source = found[param] if param in chosen else results
        facets[param] = {
            term.removeprefix(prefix): count
            for term, count in source.items()
            if term.startswith(prefix)
        }
    total = sum(count for term, count in results.items() if term.startswith("kind:"))
    return Counts(total, {flag: results.get(flag, 0) for flag in FLAGS}, facets)


def _counted(
    chosen: list[Criterion],
    params: SearchParams,
    scope: list[str] | None,
    *,
    part: str,
    prefix: str = "",
) -> QuerySet[Any]:
    """(part, term, count) for each term code of the listings meeting `chosen` (and of
    `scope`'s kinds), those beginning with `prefix` only when it is given.

    The listings with one term, or with any of several kinds (a listing has one),
    or every listing, are counted already (`SearchTermPair`): their counts are
    read. Any other set is counted from its listings' terms.
    """
    sets = _code_sets(chosen, params, scope)
    if _pair_readable(sets):
        pairs = SearchTermPair.objects.filter(term__in=sets[0] or []) if sets else _every_term()
        if prefix:
            pairs = pairs.filter(other__startswith=prefix)
        return _by_term(pairs, "other", Sum("count"), part)
    terms = SearchTerm.objects.filter(entry_id__in=_entry_ids(chosen, params, scope, sets))
    if prefix:
        terms = terms.filter(term__startswith=prefix)
    return _by_term(terms, "term", Count("*"), part)


def _code_sets(
    chosen: list[Criterion], params: SearchParams, scope: list[str] | None
) -> list[list[str] | None]:
    """Each criterion's term codes (None where it is not a set of terms), and the scope's."""
    sets = [criterion.codes(params) for criterion in chosen]
    return [*sets, scope] if scope is not None else sets


def _pair_readable(sets: list[list[str] | None]) -> bool:
    """Whether the pair counts hold the counts of the listings with these code sets
    (`_code_sets`): every listing, those with one term, or those with any of several
    kinds (a listing has one)."""
    if not sets:
        return True
    codes = sets[0] if len(sets) == 1 else None
    if not codes:
        return False
    return len(codes) == 1 or all(code.startswith("kind:") for code in codes)


def _entries(
    chosen: list[Criterion], params: SearchParams, scope: list[str] | None
) -> QuerySet[SearchEntry]:
    """The index entries meeting every one of `chosen`, of `scope`'s kinds."""
    entries = SearchEntry.objects.filter(*(criterion.condition(params) for criterion in chosen))
    if scope is not None:
        entries = entries.filter(kind__in=[code.removeprefix("kind:") for code in scope])
    return entries


def _entry_ids(
    chosen: list[Criterion],
    params: SearchParams,
    scope: list[str] | None,
    sets: list[list[str] | None],
) -> QuerySet[Any]:
    """The ids of the entries meeting every one of `chosen`, of `scope`'s kinds
    (`sets`: their code sets).

    When every condition is a set of term codes, the sets are intersected in the
    term index alone: reading the entries too made PostgreSQL scan all of them."""
    if not sets or any(codes is None for codes in sets):
        return _entries(chosen, params, scope).values("pk")
    ids = SearchTerm.objects.filter(term__in=sets[0] or [])
    for codes in sets[1:]:
        ids = ids.filter(
            entry_id__in=SearchTerm.objects.filter(term__in=codes or []).values("entry_id")
        )
    return ids.values("entry_id")


def kind_codes(kinds: tuple[str, ...] | None) -> list[str] | None:
    """A search's scope (the community page's kinds) as term codes; None: every kind."""
    return [f"kind:{kind}" for kind in kinds] if kinds is not None else None


def _by_term(rows: QuerySet[Any], column: str, count: Any, part: str) -> QuerySet[Any]:
    """(part, term, count) grouped by the term in `column`: one part of a UNION."""
    return (
        rows.order_by()
        .values(column)
        .annotate(part=Value(part), count=count)
        .values_list("part", column, "count")
    )


def _every_term() -> QuerySet[SearchTermPair]:
    """Each term's own count: the pairs of a term with itself."""
    return SearchTermPair.objects.filter(term=F("other"))


def count_relaxed(searches: list[SearchParams], kinds: tuple[str, ...] | None) -> list[int]:
    """How many results each of these searches finds, in one query: each search's
    results counted by kind (read from the pair counts when they hold it)."""
    if not searches:
        return []
    scope = kind_codes(kinds)
    parts = [
        _total(list(asked(search)), search, scope, part=str(index))
        for index, search in enumerate(searches)
    ]
    totals: dict[str, int] = defaultdict(int)
    for part, _kind, count in parts[0].union(*parts[1:], all=True):
        totals[part] += count
    return [totals[str(index)] for index in range(len(searches))]


def _total(
    chosen: list[Criterion], params: SearchParams, scope: list[str] | None, *, part: str
) -> QuerySet[Any]:
    """(part, "", count): how many listings meet `chosen` (and `scope`'s kinds), as a
    part of a UNION. Read from the pair counts by kind when they hold it, else counted."""
    if _pair_readable(_code_sets(chosen, params, scope)):
        return _counted(chosen, params, scope, part=part, prefix="kind:")
    return (
        _entries(chosen, params, scope)
        .order_by()
        .annotate(part=Value(part), term=Value(""))
        .values_list("part", "term")
        .annotate(count=Count("*"))
    )


def build_facets(
    vocabularies: "Vocabularies", params: SearchParams, counts: dict[str, dict[str, int]]
) -> list[Facet]:
    facets = []
    for param, legend in FACETS:
        chosen = set(params.keys(param))
        options = [
            FacetOption(
                term.key, term.label, counts.get(param, {}).get(str(term.id), 0), term.key in chosen
            )
            for term in vocabularies.terms.get(TERM_PARAMS[param], [])
        ]
        facets.append(Facet(param, str(legend), options))
    return facets


# Suggestions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    text: str  # "4 providers who speak Korean are within 50 miles."
    querystring: str  # the relaxed search
    count: int


@dataclass(frozen=True)
class Suggestions:
    """When a search finds little: what it is, what nothing offers, what would find more."""

    lead: str  # "No results within 10 miles."
    options: list[Suggestion]  # in the order they are tried; empty when nothing helps
    unavailable: list[str] = field(default_factory=list)  # "Nothing ... offers ..."
    fallback: str = ""  # when no option helps: what else to try


def suggestion_text(relaxation: Relaxation, count: int, params: SearchParams) -> str:
    values = {"count": count, "language": or_list(term.label for term in params.lang)}
    if relaxation.kind == "radius":
        values["radius"] = relaxation.params.radius
        if params.lang and not params.interpreter:
            return (
                ngettext(
                    "%(count)s provider who speaks %(language)s is within %(radius)s miles.",
                    "%(count)s providers who speak %(language)s are within %(radius)s miles.",
                    count,
                )
                % values
            )
        return (
            ngettext(
                "%(count)s result within %(radius)s miles.",
                "%(count)s results within %(radius)s miles.",
                count,
            )
            % values
        )
    if relaxation.kind == "interpreter":
        return (
            ngettext(
                "%(count)s result if you include providers who offer an interpreter for "
                "%(language)s.",
                "%(count)s results if you include providers who offer an interpreter for "
                "%(language)s.",
                count,
            )
            % values
        )
    if relaxation.kind == "online":
        values["state"] = relaxation.params.online_state_name
        return (
            ngettext(
                "%(count)s result if you include video and phone sessions in %(state)s.",
                "%(count)s results if you include video and phone sessions in %(state)s.",
                count,
            )
            % values
        )
    values["filter"] = relaxation.dropped
    return (
        ngettext(
            "%(count)s result without “%(filter)s”.",
            "%(count)s results without “%(filter)s”.",
            count,
        )
        % values
    )


MAX_SUGGESTIONS = 3


def suggest(
    params: SearchParams,
    total: int,
    candidates: list[Relaxation],
    counts: list[int],
    unavailable: dict[str, str] | None = None,
) -> Suggestions | None:
    """When a search finds little, the first few relaxations that find more, in the
    order `relaxations` tries them.

    A wider radius is offered once: the nearest that finds enough, else the one
    that finds most. The language and identity filters are kept, unless nothing
    anywhere offers them (`unavailable`: by param, the filter as the seeker chose
    it), which is said plainly; only when nothing else finds more are they given up.
    """
    if total >= FEW_RESULTS or not candidates:
        return None
    unavailable = unavailable or {}
    helpful = [(c, n) for c, n in zip(candidates, counts, strict=True) if n > total]
    wider = [(c, n) for c, n in helpful if c.kind == "radius"]
    if wider:
        enough = [(c, n) for c, n in wider if n >= FEW_RESULTS]
        nearest = enough[0] if enough else max(wider, key=lambda pair: pair[1])
        helpful = [(c, n) for c, n in helpful if c.kind != "radius" or (c, n) == nearest]
    # Giving up what nothing offers comes first: nothing is found with it.
    helpful.sort(key=lambda pair: pair[0].param not in unavailable)
    keeping = [(c, n) for c, n in helpful if c.param not in KEPT or c.param in unavailable]
    chosen = (keeping or helpful)[:MAX_SUGGESTIONS]
    return Suggestions(
        lead=suggestion_lead(params, total),
        options=[
            Suggestion(suggestion_text(c, n, params), c.params.querystring(), n) for c, n in chosen
        ],
        unavailable=[
            _("Nothing in Rooted offers “%(filter)s” yet.") % {"filter": described}
            for described in unavailable.values()
        ],
        fallback="" if chosen else _("Try fewer filters, a wider distance or other words."),
    )


def suggestion_lead(params: SearchParams, total: int) -> str:
    """ "No results within 10 miles.", "Only 2 results.", ..."""
    if params.place is not None:
        values = {"count": total, "radius": params.radius}
        if total == 0:
            return _("No results within %(radius)s miles.") % values
        return (
            ngettext(
                "Only %(count)s result within %(radius)s miles.",
                "Only %(count)s results within %(radius)s miles.",
                total,
            )
            % values
        )
    if total == 0:
        return _("No results.")
    return ngettext("Only %(count)s result.", "Only %(count)s results.", total) % {"count": total}


# The search ----------------------------------------------------------------------------


class CountedPaginator(Paginator):
    """A paginator told its count, so the total is not counted twice."""

    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


class RankedWindow:
    """The ranked results, read a page at a time in two steps.

    First the order alone, from the search index: the ids of the page's 20
    listings. Then those listings' rows, with what their cards show and the
    annotations their match reasons read.
    """

    def __init__(self, entries: QuerySet[SearchEntry], params: SearchParams) -> None:
        self.entries = entries
        self.params = params

    def __getitem__(self, window: slice) -> SimpleLazyObject:
        return SimpleLazyObject(lambda: self.read(window))

    def read(self, window: slice) -> list[Listing]:
        ordered = untranslated(ranked(self.entries, self.params))
        ids = list(ordered.values_list("pk", flat=True)[window])
        listings = annotated(for_cards(Listing.objects.filter(pk__in=ids)), self.params)
        by_pk = {listing.pk: listing for listing in listings}
        terms = card_terms(ids)
        for pk, listing in by_pk.items():
            listing.index_terms = terms.get(pk, set())
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
    place = params.place
    if place is not None:
        distances = [
            (miles_between(place.latitude, place.longitude, lat, lng), index)
            for index, (lat, lng) in enumerate((loc.latitude, loc.longitude) for loc in locations)
            if lat is not None and lng is not None
        ]
        if distances:
            locations = [locations[min(distances)[1]]]
    summary, summary_language = listing.text("about")
    codes: set[str] = getattr(listing, "index_terms", set())
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
    window = RankedWindow(filters.qs, params)
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
