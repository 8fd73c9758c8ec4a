"""Reads for the public search: ranking, match reasons, facets, no-dead-end suggestions.

How results are ordered (`sort=match`, the default); the search page explains the
same rules in words ("How results are ordered"):

1. Only listings that meet every hard filter are shown (directory/filters.py).
2. Each thing the seeker asked for earns points (`match_preferences`): a full
   match 2, a partial match 1. A requested language the provider speaks is full,
   an interpreter for it partial. A requested identity the provider identifies
   as is full. An `experience` the provider identifies as is full, one they are
   experienced with partial. A requested specialty, approach, insurance, age
   group or format the listing has is full. With several choices in one
   parameter, a listing meeting more of them earns more.
3. Order: more points first; then listings confirmed in the last 180 days before
   stale ones; then (PostgreSQL, with `q`) better text matches; then nearer
   before farther (listings with no place near, such as online-only ones, last);
   then by name and id, so the order is stable.

`sort=distance` puts nearer first (then as above); `sort=confirmed` the most
recently confirmed first.

The results page runs a fixed number of queries whatever it shows: vocabularies
(1), the listings near a place (1, and 1 more for wider radii when it finds
little) and those with the words asked for (1), the page's order (1), its
listings (1) and three prefetches for the cards. The counts beside the results
come from an in-memory index (directory/facets.py), built in two queries after
any change to the directory.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Case,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import formats, timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language, gettext_lazy, ngettext, pgettext
from django.utils.translation import gettext as _

from directory import caching, facets
from directory.filters import (
    RADII,
    TERM_PARAMS,
    SearchParams,
    current_language_suffix,
    great_circle_miles,
    has_terms,
    offers_language,
    online_in,
    search_rank,
    untranslated,
    uses_full_text_search,
)
from directory.templatetags.rooted import money
from providers.models import STALE_AFTER, Listing, ListingLanguage, Location
from providers.states import US_STATES

if TYPE_CHECKING:
    from directory.filters import ListingFilter

PAGE_SIZE = 20
FULL, PARTIAL = 2, 1
# Fewer results than this and the page suggests how to find more.
FEW_RESULTS = 3
# A search matching at most this many listings is ordered among them, read by id.
NARROW = 5_000
EARTH_RADIUS_MILES = 3958.8

# Ranking -----------------------------------------------------------------------------


def match_preferences(params: SearchParams, *, varying: bool = False) -> dict[str, Expression]:
    """Points a listing earns for each thing the seeker asked for, one annotation each.

    Named `match_<param>_<term id>`; `match_reasons` reads the same annotations, so
    the order and the reasons come from one set of rules. With `varying`, only the
    points that can differ between the search's results: a single choice the hard
    filters already require (one language without interpreters, one identity,
    ...) earns every result the same, so it cannot change their order.
    """

    def scored(param: str) -> bool:
        if not varying or len(params.terms(param)) > 1:
            return True
        return param == "experience" or (param == "lang" and params.interpreter)

    preferences: dict[str, Expression] = {}
    for term in params.lang if scored("lang") else ():
        preferences[f"match_lang_{term.id}"] = Case(
            When(offers_language([term.id], interpreter=False), then=Value(FULL)),
            When(offers_language([term.id], interpreter=True), then=Value(PARTIAL)),
            default=Value(0),
        )
    for term in params.identity if scored("identity") else ():
        preferences[f"match_identity_{term.id}"] = Case(
            When(has_terms("identity", [term.id]), then=Value(FULL)), default=Value(0)
        )
    for term in params.experience if scored("experience") else ():
        preferences[f"match_experience_{term.id}"] = Case(
            When(has_terms("identity", [term.id]), then=Value(FULL)),
            When(has_terms("experience", [term.id]), then=Value(PARTIAL)),
            default=Value(0),
        )
    for param in ("specialty", "approach", "insurance", "age", "format"):
        for term in params.terms(param) if scored(param) else ():
            preferences[f"match_{param}_{term.id}"] = Case(
                When(has_terms(param, [term.id]), then=Value(FULL)), default=Value(0)
            )
    return preferences


def nearest_location_miles(latitude: float, longitude: float) -> Subquery:
    """A listing's distance: that of its nearest location."""
    return Subquery(
        Location.objects.filter(
            listing_id=OuterRef("pk"), latitude__isnull=False, longitude__isnull=False
        )
        .annotate(miles=great_circle_miles(latitude, longitude))
        .order_by("miles")
        .values("miles")[:1],
        output_field=FloatField(),
    )


def ranked(
    queryset: QuerySet[Listing], params: SearchParams, *, reasons: bool = True
) -> QuerySet[Listing]:
    """`queryset` annotated with what ranking and reasons need, in the order asked for.

    Without `reasons`, only what the order needs: the points are summed in
    `match_score` alone, leaving out those every result earns alike, so ordering
    thousands of results tests each of them for fewer terms.
    """
    fresh_since = timezone.now() - STALE_AFTER
    fresh = Case(When(last_confirmed_at__gte=fresh_since, then=Value(1)), default=Value(0))
    points: list[Any]
    if reasons:
        preferences = match_preferences(params)
        queryset = queryset.annotate(**preferences)
        points = [F(name) for name in preferences]
    else:
        points = list(match_preferences(params, varying=True).values())
    score: Any = sum(points, Value(0))
    queryset = queryset.annotate(
        match_score=ExpressionWrapper(score, output_field=IntegerField()), fresh=fresh
    )
    nearest = []
    if params.place is not None:
        queryset = queryset.annotate(
            distance=nearest_location_miles(params.place.latitude, params.place.longitude)
        )
        nearest = [F("distance").asc(nulls_last=True)]
    if params.online:
        queryset = queryset.annotate(
            online_here=ExpressionWrapper(online_in(params.online), output_field=BooleanField())
        )
    relevance = []
    if params.q and uses_full_text_search():
        queryset = queryset.annotate(text_rank=search_rank(params.q))
        relevance = [F("text_rank").desc(nulls_last=True)]
    # No points to compare (nothing asked for, or only what every result meets):
    # the order starts with freshness.
    best: list[Any] = ["-match_score", "-fresh"] if points else ["-fresh"]
    stable = ["name", "id"]
    if params.applied_sort == "distance":
        order = [*nearest, *best, *stable]
    elif params.applied_sort == "confirmed":
        order = [F("last_confirmed_at").desc(nulls_last=True), *best, *stable]
    else:
        order = [*best, *relevance, *nearest, *stable]
    return queryset.order_by(*order)


def for_cards(queryset: QuerySet[Listing]) -> QuerySet[Listing]:
    """What a result card shows beyond the listing row, in three queries."""
    return queryset.prefetch_related(
        Prefetch(
            "listing_languages",
            queryset=ListingLanguage.objects.select_related("language").order_by(
                "offered", "language__position", "language__name"
            ),
        ),
        "insurance",
        "locations",
    )


# Match reasons -------------------------------------------------------------------------


def miles_text(miles: float) -> str:
    """ "2.4 miles away", with the current locale's decimal separator."""
    rounded = round(miles, 1)
    # Plural rules take whole numbers; a fraction reads as plural ("0.5 miles") in
    # every interface language, and 100 selects that form in all of them.
    count = int(rounded) if rounded.is_integer() else 100
    return ngettext("%(miles)s mile away", "%(miles)s miles away", count) % {
        "miles": formats.number_format(rounded, 1)
    }


def match_reasons(listing: Listing, params: SearchParams) -> list[str]:
    """Why `listing` fits the search, in the current language, strongest first.

    `listing` must come from `ranked(..., params)`: the reasons read its annotations.
    """
    reasons: dict[str, None] = {}

    def points(param: str, term_id: Any) -> int:
        return int(getattr(listing, f"match_{param}_{term_id}", 0) or 0)

    for term in params.lang:
        if points("lang", term.id) == FULL:
            reasons[_("Speaks %(language)s") % {"language": term.label}] = None
        elif points("lang", term.id) == PARTIAL:
            reasons[_("Interpreter available for %(language)s") % {"language": term.label}] = None
    for term in params.identity:
        if points("identity", term.id):
            reasons[_("Identifies as %(identity)s") % {"identity": term.label}] = None
    for term in params.experience:
        if points("experience", term.id) == FULL:
            reasons[_("Identifies as %(identity)s") % {"identity": term.label}] = None
        elif points("experience", term.id) == PARTIAL:
            reasons[_("Experienced with %(identity)s") % {"identity": term.label}] = None
    templates = {
        "specialty": gettext_lazy("Specialty: %(name)s"),
        "approach": gettext_lazy("Approach: %(name)s"),
        "age": gettext_lazy("Age group: %(name)s"),
        "format": gettext_lazy("Format: %(name)s"),
        "insurance": gettext_lazy("Accepts %(name)s"),
    }
    for param, template in templates.items():
        for term in params.terms(param):
            if points(param, term.id):
                reasons[str(template) % {"name": term.label}] = None
    asked_cost = params.max_fee is not None or params.sliding
    if asked_cost and listing.sliding_scale_min is not None:
        amount = money(listing.sliding_scale_min)
        reasons[_("Sliding scale from %(amount)s") % {"amount": amount}] = None
    if (params.free or params.max_fee is not None) and listing.free:
        reasons[_("Free option")] = None
    if (
        params.max_fee is not None
        and listing.fee_min is not None
        and listing.fee_min <= params.max_fee
    ):
        reasons[_("Fees from %(amount)s") % {"amount": money(listing.fee_min)}] = None
    if params.accepting and listing.accepting_new_clients:
        reasons[_("Accepting new clients")] = None
    if params.online and getattr(listing, "online_here", False):
        state = {"state": params.online_state_name}
        if listing.video and listing.phone_sessions:
            reasons[_("Video and phone sessions in %(state)s") % state] = None
        elif listing.video:
            reasons[_("Video sessions in %(state)s") % state] = None
        else:
            reasons[_("Phone sessions in %(state)s") % state] = None
    distance = getattr(listing, "distance", None)
    if distance is not None:
        reasons[miles_text(distance)] = None
    if listing.last_confirmed_at is not None and not listing.is_stale:
        confirmed = timezone.localtime(listing.last_confirmed_at)
        month = formats.date_format(confirmed, "YEAR_MONTH_FORMAT")
        reasons[_("Confirmed current %(month)s") % {"month": month}] = None
    return list(reasons)


def listing_match_reasons(*, listing: Listing, params: SearchParams) -> list[str]:
    """The reasons one listing fits a search, for its own page (one query)."""
    if not params.is_search:
        return []
    annotated = ranked(Listing.objects.filter(pk=listing.pk), params).first()
    return match_reasons(annotated, params) if annotated is not None else []


# Facets and relaxations ----------------------------------------------------------------

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
)


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

    @property
    def shown(self) -> list[FacetOption]:
        return [option for option in self.options if option.count or option.selected]

    @property
    def more(self) -> list[FacetOption]:
        return [option for option in self.options if not (option.count or option.selected)]


@dataclass(frozen=True)
class Relaxation:
    """One change to a search that may find more: a wider radius, one filter fewer, ..."""

    kind: str  # "interpreter", "radius", "online" or "drop"
    params: SearchParams
    dropped: str = ""  # for "drop": which filter

    @property
    def keeps_what_was_asked(self) -> bool:
        """Wider reach rather than giving up a filter: preferred when both help."""
        return self.kind != "drop"


def relaxations(params: SearchParams) -> list[Relaxation]:
    """Every single change to `params` worth counting, most preferred first."""
    found: list[Relaxation] = []
    if params.lang and not params.interpreter:
        found.append(Relaxation("interpreter", params.changed(interpreter=True)))
    if params.place is not None:
        found += [
            Relaxation("radius", params.changed(radius=radius))
            for radius in RADII
            if radius > params.radius
        ]
        if params.place.state and not params.online:
            found.append(Relaxation("online", params.changed(online=params.place.state)))
    if params.place is not None:
        found.append(Relaxation("drop", params.changed(near="", place=None), "place"))
    if params.online:
        found.append(Relaxation("drop", params.changed(online=""), "online"))
    for param in TERM_PARAMS:
        if params.terms(param):
            found.append(Relaxation("drop", params.changed(**{param: ()}), param))
    for param, empty in (
        ("max_fee", None),
        ("sliding", False),
        ("free", False),
        ("accepting", False),
        ("q", ""),
    ):
        if getattr(params, param) != empty:
            found.append(Relaxation("drop", params.changed(**{param: empty}), param))
    return found


def build_facets(
    filters: "ListingFilter", params: SearchParams, counts: dict[str, dict[str, int]]
) -> list[Facet]:
    facets = []
    for param, legend in FACETS:
        chosen = set(params.keys(param))
        options = [
            FacetOption(
                term.key, term.label, counts.get(param, {}).get(str(term.id), 0), term.key in chosen
            )
            for term in filters.vocabularies.terms.get(TERM_PARAMS[param], [])
        ]
        facets.append(Facet(param, str(legend), options))
    return facets


# Suggestions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    lead: str  # "No results within 10 miles."
    text: str  # "4 providers who speak Korean are within 50 miles."
    querystring: str | None  # the relaxed search, or None when nothing helps
    count: int = 0


def or_list(labels: Iterable[str]) -> str:
    """ "Korean", "Korean or Vietnamese", "Korean, Tagalog or Vietnamese"."""
    labels = list(labels)
    if len(labels) <= 1:
        return "".join(labels)
    separator = pgettext("list separator", ", ")
    return _("%(items)s or %(last)s") % {"items": separator.join(labels[:-1]), "last": labels[-1]}


def describe_filter(param: str, params: SearchParams) -> str:
    """A filter as the seeker chose it, in a few words ("Identifies as Black")."""
    values = or_list(term.label for term in params.terms(param)) if param in TERM_PARAMS else ""
    descriptions = {
        "place": lambda: (
            _("Within %(radius)s miles of %(near)s")
            % {"radius": params.radius, "near": params.near}
        ),
        "online": lambda: _("Online in %(state)s") % {"state": params.online_state_name},
        "lang": lambda: _("Language: %(values)s") % {"values": values},
        "identity": lambda: _("Identifies as %(values)s") % {"values": values},
        "experience": lambda: _("Experienced with %(values)s") % {"values": values},
        "specialty": lambda: _("Concern: %(values)s") % {"values": values},
        "approach": lambda: _("Approach: %(values)s") % {"values": values},
        "insurance": lambda: _("Insurance: %(values)s") % {"values": values},
        "kind": lambda: _("Kind of support: %(values)s") % {"values": values},
        "age": lambda: _("Age group: %(values)s") % {"values": values},
        "format": lambda: _("Format: %(values)s") % {"values": values},
        "max_fee": lambda: _("Up to %(amount)s per session") % {"amount": money(params.max_fee)},
        "sliding": lambda: _("Sliding scale"),
        "free": lambda: _("Free option"),
        "accepting": lambda: _("Accepting new clients"),
        "q": lambda: _("Words: %(q)s") % {"q": params.q},
    }
    return str(descriptions[param]())


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
    values["filter"] = describe_filter(relaxation.dropped, params)
    return (
        ngettext(
            "%(count)s result without “%(filter)s”.",
            "%(count)s results without “%(filter)s”.",
            count,
        )
        % values
    )


def suggest(
    params: SearchParams, total: int, candidates: list[Relaxation], counts: list[int]
) -> Suggestion | None:
    """When a search finds little, the single relaxation that finds the most.

    Reaching further (interpreters, a wider radius, online in the ZIP code's state)
    is preferred over dropping a filter; among those, the most results win, and
    the earliest candidate (the smallest widening) breaks ties.
    """
    if total >= FEW_RESULTS or not candidates:
        return None
    if params.place is not None:
        values = {"count": total, "radius": params.radius}
        lead = (
            _("No results within %(radius)s miles.") % values
            if total == 0
            else ngettext(
                "Only %(count)s result within %(radius)s miles.",
                "Only %(count)s results within %(radius)s miles.",
                total,
            )
            % values
        )
    else:
        lead = (
            _("No results.")
            if total == 0
            else ngettext("Only %(count)s result.", "Only %(count)s results.", total)
            % {"count": total}
        )
    helpful = [(c, n) for c, n in zip(candidates, counts, strict=True) if n > total]
    wider = [(c, n) for c, n in helpful if c.kind == "radius"]
    if wider:
        # Only the nearest radius that finds enough, else the nearest that finds most.
        enough = [(c, n) for c, n in wider if n >= FEW_RESULTS]
        nearest = enough[0] if enough else max(wider, key=lambda pair: pair[1])
        helpful = [(c, n) for c, n in helpful if c.kind != "radius" or (c, n) == nearest]
    preferred = [(c, n) for c, n in helpful if c.keeps_what_was_asked] or helpful
    if not preferred:
        return Suggestion(lead, _("Try fewer filters, a wider distance or other words."), None)
    # max() keeps the first of equals, so the order of `relaxations` breaks ties.
    best, count = max(preferred, key=lambda pair: pair[1])
    return Suggestion(lead, suggestion_text(best, count, params), best.params.querystring(), count)


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

    First the order alone: the ids, a narrow query that PostgreSQL answers from
    listing_searchable_idx without reading the wide listing rows it sorts. Then
    the full rows of that page's 20 listings, with what their cards show and the
    annotations their match reasons read. Sorting all the rows a search matches
    only to keep 20 is what made a broad search slow. The order of each page is
    cached (directory.caching).
    """

    def __init__(self, results: QuerySet[Listing], params: SearchParams, scope: Any) -> None:
        self.results = results
        self.params = params
        self.scope = (*scope, params.applied_sort)

    def order(self, window: slice) -> list[int]:
        ordered = untranslated(ranked(self.results, self.params, reasons=False))
        return list(ordered.values_list("pk", flat=True)[window])

    def __getitem__(self, window: slice) -> SimpleLazyObject:
        """The page, read when first used: not at all when its fragment is cached."""
        return SimpleLazyObject(lambda: self.read(window))

    def read(self, window: slice) -> list[Listing]:
        # The order of a page is the same for every seeker who asks for it.
        where = (*self.scope, window.start, window.stop)
        ids = caching.cached("order", where, lambda: self.order(window))
        # Then the page's listings with all the ranking annotations the reasons read.
        listings = ranked(for_cards(Listing.objects.filter(pk__in=ids)), self.params)
        by_pk = {listing.pk: listing for listing in listings}
        # A listing deleted since the order was cached is left out.
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


def miles_between(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """The great-circle distance in Python, to pick the nearest place to show on a card."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(min(a, 1.0)))


@dataclass(frozen=True)
class SearchResult:
    listing: Listing
    reasons: list[str]
    location: Location | None
    summary: str
    summary_language: str

    @property
    def summary_is_foreign(self) -> bool:
        return bool(self.summary) and self.summary_language != (
            get_language() or settings.LANGUAGE_CODE
        )

    @property
    def speaks(self) -> list[str]:
        return [
            str(item.language.name)
            for item in self.listing.listing_languages.all()
            if item.offered == ListingLanguage.Offered.SPEAKS
        ]

    @property
    def interpreter(self) -> list[str]:
        return [
            str(item.language.name)
            for item in self.listing.listing_languages.all()
            if item.offered == ListingLanguage.Offered.INTERPRETER
        ]


def search_result(listing: Listing, params: SearchParams) -> SearchResult:
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
    return SearchResult(
        listing=listing,
        reasons=match_reasons(listing, params),
        location=locations[0] if locations else None,
        summary=summary,
        summary_language=summary_language,
    )


@dataclass
class SearchResults:
    params: SearchParams
    page: Page
    total: int
    facets: list[Facet]
    flags: dict[str, int]  # results with a sliding scale, a free option, accepting
    suggestion: Suggestion | None
    messages: list[str] = field(default_factory=list)
    # The filters form, and a page of results, are the same for everyone who runs
    # this search in a language: the keys of their cached fragments.
    filters_key: str = ""
    results_key: str = ""

    @property
    def querystring(self) -> str:
        return self.params.querystring()

    @cached_property
    def results(self) -> list[SearchResult]:
        """The page's cards; read only when the page's cached fragment is not."""
        return [search_result(listing, self.params) for listing in self.page.object_list]

    radius_choices = RADII
    states = US_STATES
    cache_timeout = caching.TIMEOUT

    @property
    def page_numbers(self) -> list[int | str]:
        """Page numbers for the pagination, long runs elided ("1 2 3 … 9")."""
        paginator = self.page.paginator
        return list(paginator.get_elided_page_range(self.page.number, on_each_side=2))


def listing_search(*, filters: "ListingFilter", page: str | None) -> SearchResults:
    """The page of listings a search finds, best first, with counts, facets and suggestions."""
    params = filters.params
    # The changes worth counting when the search finds little (plain Python).
    candidates = relaxations(params)

    def count() -> tuple[int, dict[str, int], dict[str, dict[str, int]], list[int], int | None]:
        counter = facets.Counter(params, filters.kinds)
        few = counter.total < FEW_RESULTS
        relaxed = counter.count([c.params for c in candidates]) if few else []
        # A narrow search is ordered among the listings it matches, read by id,
        # rather than by testing its filters again on every searchable listing.
        matching = counter.matching if counter.conditions and counter.total <= NARROW else None
        return counter.total, counter.flags(), counter.facets(), relaxed, matching

    # The counts are the same for every page and order of one search, and for
    # every seeker who runs it: counted once per generation (directory.caching).
    # Words are searched in the current language's texts; nothing else depends on it.
    language = current_language_suffix() if params.q else None
    scope = (filters.kinds, language, params.pairs(include_sort=False))
    total, flags, counts, relaxed, matching = caching.cached("counts", scope, count)
    if matching is None:
        results = filters.qs
    else:
        # Still within the search's scope: the cached ids may be minutes old.
        results = filters.queryset.filter(pk__in=facets.ids(matching))
    paginator = CountedPaginator(RankedWindow(results, params, scope), PAGE_SIZE, count=total)
    current = paginator.get_page(page_number(page))
    return SearchResults(
        params=params,
        page=current,
        total=total,
        facets=build_facets(filters, params, counts),
        flags=flags,
        suggestion=suggest(params, total, candidates, relaxed),
        messages=list(params.messages),
        filters_key=caching.key("filters", (filters.kinds, params.pairs())),
        results_key=caching.key("results", (filters.kinds, params.pairs(), current.number)),
    )
