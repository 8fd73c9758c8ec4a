"""What each thing a seeker can ask for means: the search's criteria, in one table.

A search (`SearchParams`) is a set of criteria. Each criterion in `CRITERIA`
says, once, everything the product needs from it:

- `condition`: the listings that meet it, as a condition on the search index
  (providers.search_index: `SearchEntry`, whose primary key is the listing's id,
  and its `SearchTerm` codes). A listing must meet every criterion asked for.
- `preferences`: the points a listing earns for it, which rank the results: a
  full match 2, a partial match 1 (a language through an interpreter, an
  identity the provider is experienced with rather than identifies as).
- `reasons`: why a listing fits it, in the seeker's language ("Speaks Korean").
- `describe`: the criterion as the seeker chose it ("Language: Korean"), for
  suggestions.
- `widen`: changes that reach further without giving it up (an interpreter, a
  wider radius, video sessions in the state); any criterion may also be dropped.
- `facet`: for vocabularies, the term code each choice is counted by.

The search page (directory/selectors.py), its facet counts and suggestions, the
listing page's reasons and the HSDS API's filters (providers/hsds/views.py) all read this
table, so a search and the API answer the same question the same way.

Within one parameter the choices are alternatives (`lang=vi&lang=ko`: either will
do; meeting more of them ranks higher); different parameters all apply. With both
`near` and `online`, a listing matches if it meets people within the radius *or*
sees clients by video or phone in that state.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext_lazy, ngettext, pgettext
from django.utils.translation import gettext as _

from providers.models import (
    AVAILABILITY_FRESH_FOR,
    Listing,
    Location,
    SearchDocument,
    SearchEntry,
    SearchTerm,
)
from providers.money import money
from providers.places import GreatCircleMiles, Place, within
from providers.states import US_STATES

RADII = (5, 10, 25, 50, 100)
DEFAULT_RADIUS = 25
FULL, PARTIAL = 2, 1
MAX_QUERY_WORDS = 8
STATE_NAMES = dict(US_STATES)


# What the seeker asked for ----------------------------------------------------------


def whole(number: float) -> float:
    """25.0 as 25, for URLs and text; 2.5 as it is."""
    return int(number) if float(number).is_integer() else number


@dataclass(frozen=True)
class Term:
    """One choice a seeker can make: a language, an identity, a kind, ..."""

    vocabulary: str
    id: int | str
    key: str  # what the URL holds: a language code, a slug, a kind
    label: str  # its name in the current language


@dataclass(frozen=True)
class Recognised:
    """A term the seeker named in the search words (directory/words.py)."""

    param: str  # the parameter it applies: "lang", "experience", "kind", ...
    term: Term
    words: str  # as the seeker typed them: "español"


@dataclass(frozen=True)
class SearchParams:
    """A search, cleaned: only known choices, corrected numbers, a resolved place."""

    near: str = ""
    place: Place | None = None
    radius: float = DEFAULT_RADIUS
    online: str = ""
    lang: tuple[Term, ...] = ()
    interpreter: bool = False
    identity: tuple[Term, ...] = ()
    experience: tuple[Term, ...] = ()
    specialty: tuple[Term, ...] = ()
    approach: tuple[Term, ...] = ()
    insurance: tuple[Term, ...] = ()
    kind: tuple[Term, ...] = ()
    age: tuple[Term, ...] = ()
    format: tuple[Term, ...] = ()
    access: tuple[Term, ...] = ()
    payment: tuple[Term, ...] = ()
    max_fee: int | None = None
    sliding: bool = False
    free: bool = False
    accepting: bool = False
    q: str = ""
    sort: str = "match"
    messages: tuple[str, ...] = field(default=(), compare=False)
    # Terms read from the words the seeker typed, already applied above, and `q`
    # the words left over.
    recognised: tuple[Recognised, ...] = field(default=(), compare=False)

    def terms(self, param: str) -> tuple[Term, ...]:
        return getattr(self, param)

    def keys(self, param: str) -> list[str]:
        return [term.key for term in self.terms(param)]

    def ids(self, param: str) -> list[Any]:
        return [term.id for term in self.terms(param)]

    @property
    def online_state_name(self) -> str:
        return str(STATE_NAMES.get(self.online, self.online))

    @property
    def applied_sort(self) -> str:
        """The order actually used: distance needs a place, so it falls back to match."""
        return "match" if self.sort == "distance" and self.place is None else self.sort

    @property
    def is_search(self) -> bool:
        """Whether the seeker asked for anything at all (besides a sort order)."""
        return bool(self.pairs(include_sort=False))

    def pairs(self, *, include_sort: bool = True) -> list[tuple[str, str]]:
        """The search as query-string pairs, in the contract's order, without `page`."""
        pairs: list[tuple[str, str]] = []
        if self.near:
            pairs += [("near", self.near), ("radius", str(whole(self.radius)))]
        if self.online:
            pairs.append(("online", self.online))
        pairs += [("lang", key) for key in self.keys("lang")]
        if self.interpreter:
            pairs.append(("interpreter", "1"))
        for param in TERM_PARAMS:
            if param != "lang":
                pairs += [(param, key) for key in self.keys(param)]
        if self.max_fee is not None:
            pairs.append(("max_fee", str(self.max_fee)))
        pairs += [(flag, "1") for flag in ("sliding", "free", "accepting") if getattr(self, flag)]
        if self.q:
            pairs.append(("q", self.q))
        if include_sort and self.sort != "match":
            pairs.append(("sort", self.sort))
        return pairs

    def querystring(self) -> str:
        return urlencode(self.pairs())

    def changed(self, **changes: Any) -> "SearchParams":
        return replace(self, **changes)


@dataclass(frozen=True)
class Relaxation:
    """One change to a search that may find more: a wider radius, one filter fewer, ..."""

    kind: str  # "interpreter", "radius", "online" or "drop"
    params: SearchParams
    dropped: str = ""  # for "drop": the filter given up, as the seeker chose it
    param: str = ""  # for "drop": the criterion given up

    @property
    def keeps_what_was_asked(self) -> bool:
        """Wider reach rather than giving up a filter: preferred when both help."""
        return self.kind != "drop"


def or_list(labels: Any) -> str:
    """ "Korean", "Korean or Vietnamese", "Korean, Tagalog or Vietnamese"."""
    labels = list(labels)
    if len(labels) <= 1:
        return "".join(labels)
    separator = pgettext("list separator", ", ")
    return _("%(items)s or %(last)s") % {"items": separator.join(labels[:-1]), "last": labels[-1]}


# The index ---------------------------------------------------------------------------


def having(codes: list[str]) -> Q:
    """Listings with any of these term codes (one look-up in the term index)."""
    return Q(pk__in=SearchTerm.objects.filter(term__in=codes).values("entry_id"))


def has(code: str) -> Exists:
    """Whether the listing (a Listing or SearchEntry row: the same id) has this term."""
    return Exists(SearchTerm.objects.filter(entry_id=OuterRef("pk"), term=code))


# The criteria ------------------------------------------------------------------------


class Criterion:
    """One thing a seeker can ask for. `param` names it in the search URL."""

    param: str

    def asked(self, params: SearchParams) -> bool:
        return bool(getattr(params, self.param))

    def codes(self, params: SearchParams) -> list[str] | None:
        """The term codes of which a listing must have one, when that is the whole
        condition (None when it is not: a place, a price, words)."""
        return None

    def condition(self, params: SearchParams) -> Q:
        """The listings that meet it: by default, those with any of its codes."""
        codes = self.codes(params)
        if codes is None:
            raise NotImplementedError
        return having(codes)

    def preferences(self, params: SearchParams, *, varying: bool) -> dict[str, Expression]:
        """Points annotations, named `match_<param>_<term id>`. With `varying`, only those
        that can differ between results the hard filters already admit."""
        return {}

    def annotations(self, params: SearchParams) -> dict[str, Any]:
        """Other values the order and the reasons read (a distance, a text rank)."""
        return {}

    def reason_annotations(self, params: SearchParams) -> dict[str, Any]:
        """Values only the reasons read, for the listings a page shows (not ranked)."""
        return {}

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        return []

    def describe(self, params: SearchParams) -> str:
        raise NotImplementedError

    def widen(self, params: SearchParams) -> list[Relaxation]:
        return []

    def drops(self, params: SearchParams) -> list[Relaxation]:
        empty = SearchParams.__dataclass_fields__[self.param].default
        changed = params.changed(**{self.param: empty})
        return [Relaxation("drop", changed, self.describe(params), self.param)]


def points(listing: Listing, param: str, term_id: Any) -> int:
    return int(getattr(listing, f"match_{param}_{term_id}", 0) or 0)


class VocabularyCriterion(Criterion):
    """Any of the chosen terms of one vocabulary: `specialty=anxiety&specialty=grief`."""

    def __init__(
        self, param: str, *, describe: Any, reason: Any = None, scored: bool = True
    ) -> None:
        self.param = param
        self.template = describe
        self.reason = reason
        self.scored = scored

    def facet(self, params: SearchParams) -> str:
        """The code prefix a facet choice of this vocabulary is counted by."""
        return f"{self.param}:"

    def code(self, term: Term) -> str:
        return f"{self.param}:{term.id}"

    def codes(self, params: SearchParams) -> list[str] | None:
        return [self.code(term) for term in params.terms(self.param)]

    def varies(self, params: SearchParams) -> bool:
        """Whether results the filter admits can earn different points for it."""
        return len(params.terms(self.param)) > 1

    def preferences(self, params: SearchParams, *, varying: bool) -> dict[str, Expression]:
        if not self.scored or (varying and not self.varies(params)):
            return {}
        return {
            f"match_{self.param}_{term.id}": self.score(term, params)
            for term in params.terms(self.param)
        }

    def score(self, term: Term, params: SearchParams) -> Expression:
        return Case(When(has(self.code(term)), then=Value(FULL)), default=Value(0))

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        if self.reason is None:
            return []
        return [
            str(self.reason) % {"name": term.label, "identity": term.label}
            for term in params.terms(self.param)
            if points(listing, self.param, term.id)
        ]

    def describe(self, params: SearchParams) -> str:
        values = or_list(term.label for term in params.terms(self.param))
        return str(self.template) % {"values": values}


class LanguageCriterion(VocabularyCriterion):
    """Speaks the language, or, with `interpreter=1`, offers an interpreter for it."""

    def facet(self, params: SearchParams) -> str:
        return "language:" if params.interpreter else "speaks:"

    def code(self, term: Term, *, interpreter: bool = False) -> str:
        return f"{'language' if interpreter else 'speaks'}:{term.id}"

    def codes(self, params: SearchParams) -> list[str] | None:
        return [self.code(term, interpreter=params.interpreter) for term in params.lang]

    def varies(self, params: SearchParams) -> bool:
        return params.interpreter or len(params.lang) > 1

    def score(self, term: Term, params: SearchParams) -> Expression:
        return Case(
            When(has(self.code(term)), then=Value(FULL)),
            When(has(self.code(term, interpreter=True)), then=Value(PARTIAL)),
            default=Value(0),
        )

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        found = []
        for term in params.lang:
            if points(listing, "lang", term.id) == FULL:
                found.append(_("Speaks %(language)s") % {"language": term.label})
            elif points(listing, "lang", term.id) == PARTIAL:
                found.append(_("Interpreter available for %(language)s") % {"language": term.label})
        return found

    def widen(self, params: SearchParams) -> list[Relaxation]:
        if params.lang and not params.interpreter:
            return [Relaxation("interpreter", params.changed(interpreter=True))]
        return []

    def drops(self, params: SearchParams) -> list[Relaxation]:
        changed = params.changed(lang=(), interpreter=False)
        return [Relaxation("drop", changed, self.describe(params), self.param)]


class ExperienceCriterion(VocabularyCriterion):
    """Experienced with a community: who identifies as part of it knows it from within."""

    def varies(self, params: SearchParams) -> bool:
        return True

    def score(self, term: Term, params: SearchParams) -> Expression:
        return Case(
            When(has(f"identity:{term.id}"), then=Value(FULL)),
            When(has(f"experience:{term.id}"), then=Value(PARTIAL)),
            default=Value(0),
        )

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        found = []
        for term in params.experience:
            if points(listing, "experience", term.id) == FULL:
                found.append(_("Identifies as %(identity)s") % {"identity": term.label})
            elif points(listing, "experience", term.id) == PARTIAL:
                found.append(_("Experienced with %(identity)s") % {"identity": term.label})
        return found


class KindCriterion(VocabularyCriterion):
    def code(self, term: Term) -> str:
        return f"kind:{term.key}"


class FlagCriterion(Criterion):
    """`sliding=1`, `free=1`, `accepting=1`: the listing has that term."""

    def __init__(self, param: str, *, describe: Any) -> None:
        self.param = param
        self.description = describe

    def codes(self, params: SearchParams) -> list[str] | None:
        return [self.param]

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        if self.param == "sliding":
            return cost_reasons(listing, sliding=True)
        if self.param == "free":
            return [_("Free option")] if listing.free else []
        return [_("Accepting new clients")] if listing.accepting_new_clients else []

    def describe(self, params: SearchParams) -> str:
        return str(self.description)


class AcceptingCriterion(FlagCriterion):
    """`accepting=1`, which ranks higher a listing whose "accepting new clients" was
    set or confirmed within the last 30 days: an older claim still matches, but is
    no longer a strength (evaluated now, from `SearchEntry.accepting_as_of`)."""

    def preferences(self, params: SearchParams, *, varying: bool) -> dict[str, Expression]:
        # On index entries and on listings alike (an entry's key is its listing's).
        recent = Exists(
            SearchEntry.objects.filter(
                pk=OuterRef("pk"), accepting_as_of__gte=timezone.now() - AVAILABILITY_FRESH_FOR
            )
        )
        return {"match_accepting_recent": Case(When(recent, then=Value(FULL)), default=Value(0))}

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        if not listing.accepting_new_clients:
            return []
        if listing.availability_is_dated:
            return [accepting_as_of(listing)]
        return [_("Accepting new clients")]


def accepting_as_of(listing: Listing) -> str:
    as_of = listing.availability_as_of
    if as_of is None:  # never confirmed: not on the public pages
        return _("Accepting new clients")
    month = formats.date_format(timezone.localtime(as_of), "YEAR_MONTH_FORMAT")
    return _("Accepting new clients as of %(month)s; confirm before you go") % {"month": month}


def cost_reasons(
    listing: Listing, *, sliding: bool = False, max_fee: int | None = None
) -> list[str]:
    found = []
    if listing.sliding_scale_min is not None:
        amount = money(listing.sliding_scale_min)
        found.append(_("Sliding scale from %(amount)s") % {"amount": amount})
    elif sliding:
        found.append(_("Sliding scale"))
    if max_fee is not None:
        if listing.free:
            found.append(_("Free option"))
        if listing.fee_min is not None and listing.fee_min <= max_fee:
            found.append(_("Fees from %(amount)s") % {"amount": money(listing.fee_min)})
    return found


class MaxFeeCriterion(Criterion):
    """The listing's lowest price (free, a sliding-scale floor, or its lowest fee)."""

    param = "max_fee"

    def asked(self, params: SearchParams) -> bool:
        return params.max_fee is not None

    def condition(self, params: SearchParams) -> Q:
        return Q(lowest_fee__lte=params.max_fee)

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        return cost_reasons(listing, max_fee=params.max_fee)

    def describe(self, params: SearchParams) -> str:
        return _("Up to %(amount)s per session") % {"amount": money(params.max_fee)}


class PlaceCriterion(Criterion):
    """`near` and `radius`, or `online` in a state, or either when both are given."""

    param = "place"

    def asked(self, params: SearchParams) -> bool:
        return params.place is not None or bool(params.online)

    def condition(self, params: SearchParams) -> Q:
        online = SearchTerm.objects.filter(term=f"online:{params.online}").values("entry_id")
        if params.place is None:
            return Q(pk__in=online)
        near = locations_within(params.place, params.radius).order_by().values("listing_id")
        # Either one: a union of the two sets of ids, each read from its own index
        # (an OR of the two conditions would test every entry against both).
        return Q(pk__in=near.union(online) if params.online else near)

    def codes(self, params: SearchParams) -> list[str] | None:
        return [f"online:{params.online}"] if params.place is None else None

    def annotations(self, params: SearchParams) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if params.place is not None:
            found["distance"] = nearest_location_miles(params.place)
        if params.online:
            online = has(f"online:{params.online}")
            found["online_here"] = ExpressionWrapper(online, output_field=BooleanField())
        return found

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        found = []
        if params.online and getattr(listing, "online_here", False):
            state = {"state": params.online_state_name}
            if listing.video and listing.phone_sessions:
                found.append(_("Video and phone sessions in %(state)s") % state)
            elif listing.video:
                found.append(_("Video sessions in %(state)s") % state)
            else:
                found.append(_("Phone sessions in %(state)s") % state)
        distance = getattr(listing, "distance", None)
        searched_zip = params.place.postal_code if params.place is not None else ""
        if distance is not None and searched_zip:
            # A distance from a ZIP code's centre says little inside it ("0.0 miles").
            nearest_zip = (getattr(listing, "nearest_zip", None) or "")[:5]
            found.append(
                _("In your ZIP code") if nearest_zip == searched_zip else miles_text(distance)
            )
        elif distance is not None:
            found.append(miles_text(distance))
        return found

    def reason_annotations(self, params: SearchParams) -> dict[str, Any]:
        if params.place is None or not params.place.postal_code:
            return {}
        return {"nearest_zip": nearest_location(params.place, "postal_code")}

    def describe(self, params: SearchParams, part: str = "place") -> str:
        if part == "online":
            return _("Online in %(state)s") % {"state": params.online_state_name}
        return _("Within %(radius)s miles of %(near)s") % {
            "radius": formats.number_format(whole(params.radius)),
            "near": params.near,
        }

    def widen(self, params: SearchParams) -> list[Relaxation]:
        if params.place is None:
            return []
        found = [
            Relaxation("radius", params.changed(radius=radius))
            for radius in RADII
            if radius > params.radius
        ]
        if params.place.state and not params.online:
            found.append(Relaxation("online", params.changed(online=params.place.state)))
        return found

    def drops(self, params: SearchParams) -> list[Relaxation]:
        found = []
        if params.place is not None:
            changed = params.changed(near="", place=None)
            found.append(Relaxation("drop", changed, self.describe(params), self.param))
        if params.online:
            changed = params.changed(online="")
            found.append(Relaxation("drop", changed, self.describe(params, "online"), self.param))
        return found


class WordsCriterion(Criterion):
    """`q`: every word in the listing's name or texts, in the page's language or English."""

    param = "q"

    def condition(self, params: SearchParams) -> Q:
        return text_condition(params.q)

    def annotations(self, params: SearchParams) -> dict[str, Any]:
        return {"text_rank": search_rank(params.q)} if uses_full_text_search() else {}

    def describe(self, params: SearchParams) -> str:
        return _("Words: %(q)s") % {"q": params.q}


# The table, in the order reasons are given and relaxations tried.
CRITERIA: tuple[Criterion, ...] = (
    LanguageCriterion("lang", describe=gettext_lazy("Language: %(values)s")),
    VocabularyCriterion(
        "identity",
        describe=gettext_lazy("Identifies as %(values)s"),
        reason=gettext_lazy("Identifies as %(identity)s"),
    ),
    ExperienceCriterion("experience", describe=gettext_lazy("Experienced with %(values)s")),
    VocabularyCriterion(
        "specialty",
        describe=gettext_lazy("Concern: %(values)s"),
        reason=gettext_lazy("Specialty: %(name)s"),
    ),
    VocabularyCriterion(
        "approach",
        describe=gettext_lazy("Approach: %(values)s"),
        reason=gettext_lazy("Approach: %(name)s"),
    ),
    VocabularyCriterion(
        "age",
        describe=gettext_lazy("Age group: %(values)s"),
        reason=gettext_lazy("Age group: %(name)s"),
    ),
    VocabularyCriterion(
        "format",
        describe=gettext_lazy("Format: %(values)s"),
        reason=gettext_lazy("Format: %(name)s"),
    ),
    VocabularyCriterion(
        "access",
        describe=gettext_lazy("Accessibility: %(values)s"),
        reason=gettext_lazy("Accessibility: %(name)s"),
    ),
    VocabularyCriterion(
        "payment",
        describe=gettext_lazy("Ways to pay: %(values)s"),
        reason=gettext_lazy("Takes %(name)s"),
    ),
    VocabularyCriterion(
        "insurance",
        describe=gettext_lazy("Insurance: %(values)s"),
        reason=gettext_lazy("Accepts %(name)s"),
    ),
    KindCriterion("kind", describe=gettext_lazy("Kind of support: %(values)s"), scored=False),
    MaxFeeCriterion(),
    FlagCriterion("sliding", describe=gettext_lazy("Sliding scale")),
    FlagCriterion("free", describe=gettext_lazy("Free option")),
    AcceptingCriterion("accepting", describe=gettext_lazy("Accepting new clients")),
    PlaceCriterion(),
    WordsCriterion(),
)
# The vocabulary criteria, by parameter; what vocabulary each one's terms come from.
VOCABULARY_CRITERIA = {c.param: c for c in CRITERIA if isinstance(c, VocabularyCriterion)}
TERM_PARAMS = {
    "lang": "lang",
    "identity": "identity",
    "experience": "identity",
    "specialty": "specialty",
    "approach": "approach",
    "insurance": "insurance",
    "kind": "kind",
    "age": "age",
    "format": "format",
    "access": "accessibility",
    "payment": "payment",
}


def asked(params: SearchParams) -> Iterator[Criterion]:
    return (criterion for criterion in CRITERIA if criterion.asked(params))


def search_conditions(params: SearchParams) -> dict[str, Q]:
    """Each criterion the search asks for, as a condition on the search index, by param."""
    return {criterion.param: criterion.condition(params) for criterion in asked(params)}


def match_preferences(params: SearchParams, *, varying: bool = False) -> dict[str, Expression]:
    """Points a listing earns for each thing the seeker asked for, one annotation each."""
    found: dict[str, Expression] = {}
    for criterion in asked(params):
        found.update(criterion.preferences(params, varying=varying))
    return found


def match_annotations(params: SearchParams) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for criterion in asked(params):
        found.update(criterion.annotations(params))
    return found


def reason_annotations(params: SearchParams) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for criterion in asked(params):
        found.update(criterion.reason_annotations(params))
    return found


def criteria_reasons(listing: Listing, params: SearchParams) -> list[str]:
    """Why `listing` fits each criterion of the search, strongest first, without repeats."""
    reasons: dict[str, None] = {}
    for criterion in asked(params):
        reasons.update(dict.fromkeys(criterion.reasons(listing, params)))
    return list(reasons)


# What a seeker is, or needs to be understood in, is given up last (only when
# nothing anywhere offers it); what they can pay first among the filters.
KEPT = ("lang", "identity", "experience")
COST = ("max_fee", "sliding", "free")


def relaxations(params: SearchParams) -> list[Relaxation]:
    """Every single change to `params` worth counting, in the order they are offered:
    reaching further (an interpreter, a wider radius, video or phone sessions in the
    state), then each cost filter dropped, then each other filter, then the place,
    and last the language and identity filters."""
    chosen = list(asked(params))
    widened = [relaxation for c in chosen for relaxation in c.widen(params)]

    def order(criterion: Criterion) -> int:
        if criterion.param in COST:
            return 0
        if criterion.param in KEPT:
            return 3
        return 2 if isinstance(criterion, PlaceCriterion) else 1

    dropped = sorted(chosen, key=order)  # sorted() keeps the table's order within each
    return widened + [relaxation for c in dropped for relaxation in c.drops(params)]


def only_kept(params: SearchParams) -> dict[str, SearchParams]:
    """Each language or identity filter of `params` alone, by param: whether anything
    anywhere offers it."""
    empty = SearchParams()
    return {
        param: empty.changed(**{param: params.terms(param)}, interpreter=params.interpreter)
        for param in KEPT
        if params.terms(param)
    }


# Places ------------------------------------------------------------------------------


def locations_within(place: Place, miles: float) -> QuerySet[Location]:
    """Locations within `miles` of `place`, each annotated with its `miles` away."""
    return within(Location.objects.all(), place.latitude, place.longitude, miles)


def within_miles(place: Place, miles: float) -> Q:
    """Listings with a location within `miles` of `place`."""
    return Q(pk__in=locations_within(place, miles).values("listing_id"))


def nearest_location_miles(place: Place) -> Subquery:
    """A listing's distance: that of its nearest location."""
    return nearest_location(place, "miles", FloatField())


def nearest_location(place: Place, column: str, output_field: Any = None) -> Subquery:
    """A value (`miles`, `postal_code`) of the listing's location nearest `place`."""
    return Subquery(
        Location.objects.filter(
            listing_id=OuterRef("pk"), latitude__isnull=False, longitude__isnull=False
        )
        .annotate(miles=GreatCircleMiles(place.latitude, place.longitude))
        .order_by("miles")
        .values(column)[:1],
        output_field=output_field,
    )


def miles_text(miles: float) -> str:
    """ "2.4 miles away", with the current locale's decimal separator."""
    rounded = round(miles, 1)
    # Plural rules take whole numbers; a fraction reads as plural ("0.5 miles") in
    # every interface language, and 100 selects that form in all of them.
    count = int(rounded) if rounded.is_integer() else 100
    return ngettext("%(miles)s mile away", "%(miles)s miles away", count) % {
        "miles": formats.number_format(rounded, 1)
    }


# Words --------------------------------------------------------------------------------


def current_language_suffix() -> str:
    """The current interface language as a modeltranslation column suffix ("zh_hans")."""
    code = get_language() or settings.LANGUAGE_CODE
    if code not in {language for language, _name in settings.LANGUAGES}:
        code = settings.LANGUAGE_CODE
    return code.replace("-", "_")


def text_columns() -> list[str]:
    """The about and approach texts in the current language, then in English."""
    suffixes = dict.fromkeys([current_language_suffix(), settings.LANGUAGE_CODE])
    return [f"{text}_{suffix}" for suffix in suffixes for text in ("about", "approach_text")]


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def document_languages() -> list[str]:
    """The current interface language and English, as SearchDocument languages."""
    return list(dict.fromkeys([current_language_suffix(), settings.LANGUAGE_CODE]))


def search_query(q: str) -> Any:
    """PostgreSQL: the words as typed, by their English stems, or as the start of a word.

    "counselling" matches itself, "counsel" matches it by its stem, and "Nguy"
    matches "Nguyen" as the beginning of a longer word.
    """
    from django.contrib.postgres.search import SearchQuery

    query = SearchQuery(q, config="simple", search_type="websearch") | SearchQuery(
        q, config="english", search_type="websearch"
    )
    # Not with "quoted phrases" or -excluded words, which the prefixes would undo;
    # not for one- or two-letter words, which begin too many.
    words = re.findall(r"\w+", q)[:MAX_QUERY_WORDS]
    if words and '"' not in q and not re.search(r"(^|\s)-", q) and min(map(len, words)) > 2:
        prefixes = " & ".join(f"{word}:*" for word in words)
        query |= SearchQuery(prefixes, config="simple", search_type="raw")
    return query


def documents() -> QuerySet[SearchDocument]:
    """The listing's SearchDocuments a search in the current language reads (PostgreSQL):
    its own language's, else the English one."""
    return SearchDocument.objects.filter(
        listing_id=OuterRef("pk"), language__in=document_languages()
    )


def search_rank(q: str) -> Subquery:
    """How well the listing's document in the current language matches `q` (PostgreSQL)."""
    from django.contrib.postgres.search import SearchRank

    rank = SearchRank(F("document"), search_query(q))
    return Subquery(documents().annotate(rank=rank).order_by("-rank").values("rank")[:1])


# Scripts written without spaces between words, where a word is found only as a
# part of a longer run of text: Chinese and Japanese.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def text_condition(q: str) -> Q:
    """Every word of `q` in the name or the texts in the current language, or in English.

    On PostgreSQL a full-text match against the listing's SearchDocument (GIN
    indexed). Elsewhere, and for words in scripts without spaces (Chinese), where
    full-text search cannot find part of a run of text, a plain contains match.
    """
    if uses_full_text_search():
        condition = Q(Exists(documents().filter(document=search_query(q))))
        if not UNSPACED.search(q):
            return condition
    contains = Listing.objects.all()
    for word in q.split()[:MAX_QUERY_WORDS]:
        anywhere = Q(name__icontains=word)
        for column in text_columns():
            anywhere |= Q(**{f"{column}__icontains": word})
        contains = contains.filter(anywhere)
    by_contains = Q(pk__in=contains.values("pk"))
    return condition | by_contains if uses_full_text_search() else by_contains
