"""The kinds of criterion the table of criteria (directory/criteria.py) is made of.

A `Criterion` is one thing a seeker can ask for: its condition on the search index,
its points, its match reasons, its description and how it may be widened or dropped
(the table's docstring says what each promises). Its subclasses are a vocabulary's
terms (and, with their own levels of points, a language and an experience), a flag
(sliding scale, free, accepting new clients), a price, a place and words.
"""

from typing import Any

from django.db.models import (
    Case,
    Exists,
    Expression,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from directory.distances import (
    locations_within,
    miles_text,
    nearest_location_miles,
    nearest_of,
    nearest_places,
)
from directory.params import RADII, Relaxation, SearchParams, Term, or_list, whole
from directory.text_search import (
    matching_documents,
    text_condition,
    text_rank,
    uses_full_text_search,
)
from providers.models import AVAILABILITY_FRESH_FOR, Listing, SearchEntry, SearchTerm
from providers.money import money
from providers.months import month_text

FULL, PARTIAL = 2, 1


# The index ---------------------------------------------------------------------------


def having(codes: list[str]) -> Q:
    """Listings with any of these term codes (one look-up in the term index)."""
    return Q(pk__in=SearchTerm.objects.filter(term__in=codes).values("entry_id"))


def has(code: str) -> Exists:
    """Whether the listing (a Listing or SearchEntry row: the same id) has this term."""
    return Exists(SearchTerm.objects.filter(entry_id=OuterRef("pk"), term=code))


def held(listing: Listing) -> set[str]:
    """The term codes of one listing in hand, as a results page read them from the index
    (`index_terms`, directory/selectors.py): what `has` tests in a query."""
    return listing.index_terms  # type: ignore[attr-defined]


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

    def found_ids(self, params: SearchParams) -> QuerySet[Any]:
        """The ids of the listings that meet it, as one column, for sets that are only
        ever met with the index's own (the counts' bits): by default the index
        entries its condition selects; a criterion may read them more directly."""
        return SearchEntry.objects.filter(self.condition(params)).order_by().values_list("pk")

    def preferences(self, params: SearchParams, *, varying: bool) -> dict[str, Expression]:
        """Points annotations, named `match_<param>_<term id>`. With `varying`, only those
        that can differ between results the hard filters already admit."""
        return {}

    def in_full(self, params: SearchParams) -> list[Any]:
        """Conditions the listings that earn every point of its `preferences`
        (`varying`) meet, all of them: none when it gives no points. A criterion that
        gives points says which listings earn them in full (the first tier of the
        order, directory/selectors.py, `first_tier`)."""
        if self.preferences(params, varying=True):
            raise NotImplementedError
        return []

    def annotations(self, params: SearchParams) -> dict[str, Any]:
        """Other values the order reads (a distance)."""
        return {}

    def order_annotations(self, params: SearchParams) -> dict[str, Any]:
        """Values only the order reads, on the search index's entries (a text rank)."""
        return {}

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        """Why `listing` meets it. The listing carries its search index term codes as
        `index_terms` and its places prefetched (directory/selectors.py): a page's
        20 reasons are read from what its cards show, not from a query of their own."""
        return []

    def describe(self, params: SearchParams) -> str:
        raise NotImplementedError

    def widen(self, params: SearchParams) -> list[Relaxation]:
        return []

    def drops(self, params: SearchParams) -> list[Relaxation]:
        empty = SearchParams.__dataclass_fields__[self.param].default
        changed = params.changed(**{self.param: empty})
        return [Relaxation("drop", changed, self.describe(params), self.param)]


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

    def in_full(self, params: SearchParams) -> list[Any]:
        if not self.preferences(params, varying=True):
            return []
        # Each term's best level, which earns FULL points.
        return [having([self.levels(term, params)[0][0]]) for term in params.terms(self.param)]

    def levels(self, term: Term, params: SearchParams) -> tuple[tuple[str, int], ...]:
        """The term codes that earn points for `term`, best first, with their points:
        one rule, read by the ranking in SQL (`score`), by the first tier
        (`in_full`) and by the reasons (`points`)."""
        return ((self.code(term), FULL),)

    def score(self, term: Term, params: SearchParams) -> Expression:
        """The points for `term` of each listing (or index entry) in a query."""
        levels = self.levels(term, params)
        return Case(*(When(has(code), then=Value(p)) for code, p in levels), default=Value(0))

    def points(self, listing: Listing, term: Term, params: SearchParams) -> int:
        """The points for `term` of one listing, from its index terms."""
        codes = held(listing)
        return next((p for code, p in self.levels(term, params) if code in codes), 0)

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        if self.reason is None:
            return []
        return [
            str(self.reason) % {"name": term.label, "identity": term.label}
            for term in params.terms(self.param)
            if self.points(listing, term, params)
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

    def levels(self, term: Term, params: SearchParams) -> tuple[tuple[str, int], ...]:
        return ((self.code(term), FULL), (self.code(term, interpreter=True), PARTIAL))

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        found = []
        for term in params.lang:
            points = self.points(listing, term, params)
            if points == FULL:
                found.append(_("Speaks %(language)s") % {"language": term.label})
            elif points == PARTIAL:
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

    def levels(self, term: Term, params: SearchParams) -> tuple[tuple[str, int], ...]:
        return ((f"identity:{term.id}", FULL), (f"experience:{term.id}", PARTIAL))

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        found = []
        for term in params.experience:
            points = self.points(listing, term, params)
            if points == FULL:
                found.append(_("Identifies as %(identity)s") % {"identity": term.label})
            elif points == PARTIAL:
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

    def recent(self) -> Exists:
        """Accepting as of the last 30 days, on index entries and on listings alike
        (an entry's key is its listing's)."""
        return Exists(
            SearchEntry.objects.filter(
                pk=OuterRef("pk"), accepting_as_of__gte=timezone.now() - AVAILABILITY_FRESH_FOR
            )
        )

    def preferences(self, params: SearchParams, *, varying: bool) -> dict[str, Expression]:
        return {
            "match_accepting_recent": Case(When(self.recent(), then=Value(FULL)), default=Value(0))
        }

    def in_full(self, params: SearchParams) -> list[Any]:
        return [self.recent()]

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
    month = month_text(as_of)
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
        online = SearchTerm.objects.filter(term__in=self.online_codes(params)).values("entry_id")
        if params.place is None:
            return Q(pk__in=online)
        # (directory/counts.py builds the same as bits, from the places found once.)
        near = locations_within(params.place, params.radius).order_by().values("listing_id")
        # Either one: a union of the two sets of ids, each read from its own index
        # (an OR of the two conditions would test every entry against both).
        return Q(pk__in=near.union(online) if params.online else near)

    def joined(
        self, entries: QuerySet[SearchEntry], params: SearchParams
    ) -> QuerySet[SearchEntry] | None:
        """The condition as a join, for the order: `entries` near the place, each with
        its nearest place's `distance` read as it is found (nearest_places). None
        where the place is not the whole of it (online in a state too)."""
        if params.place is None or params.online:
            return None
        return nearest_places(entries, params.place, params.radius)

    def codes(self, params: SearchParams) -> list[str] | None:
        return self.online_codes(params) if params.place is None else None

    def online_codes(self, params: SearchParams) -> list[str]:
        """Sessions online in the state asked for (none: no state asked for)."""
        return [f"online:{params.online}"] if params.online else []

    def annotations(self, params: SearchParams) -> dict[str, Any]:
        if params.place is None:
            return {}
        return {"distance": nearest_location_miles(params.place)}

    def reasons(self, listing: Listing, params: SearchParams) -> list[str]:
        found = []
        if any(code in held(listing) for code in self.online_codes(params)):
            state = {"state": params.online_state_name}
            if listing.video and listing.phone_sessions:
                found.append(_("Video and phone sessions in %(state)s") % state)
            elif listing.video:
                found.append(_("Video sessions in %(state)s") % state)
            else:
                found.append(_("Phone sessions in %(state)s") % state)
        place = params.place
        nearest = None if place is None else nearest_of(list(listing.locations.all()), place)
        if place is not None and nearest is not None:
            location, miles = nearest
            # A distance from a ZIP code's centre says little inside it ("0.0 miles").
            searched = place.postal_code
            in_zip = bool(searched) and (location.postal_code or "")[:5] == searched
            found.append(_("In your ZIP code") if in_zip else miles_text(miles))
        return found

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

    def found_ids(self, params: SearchParams) -> QuerySet[Any]:
        # Straight from the documents, where they are the whole condition: a word
        # most of them hold is then matched once, without a pass over the entries.
        matching = matching_documents(params.q)
        if matching is None:
            return super().found_ids(params)
        return matching.order_by().values_list("listing_id")

    def order_annotations(self, params: SearchParams) -> dict[str, Any]:
        return {"text_rank": text_rank(params.q)} if uses_full_text_search() else {}

    def describe(self, params: SearchParams) -> str:
        return _("Words: %(q)s") % {"q": params.q}
