"""What each thing a seeker can ask for means: the search's criteria, in one table.

A search (`SearchParams`, directory/params.py) is a set of criteria. Each
criterion in `CRITERIA` (an object of a kind in directory/criterion_types.py)
says, once, everything the product needs from it:

- `condition`: the listings that meet it, as a condition on the search index
  (providers.search_index: `SearchEntry`, whose primary key is the listing's id,
  and its `SearchTerm` codes). A listing must meet every criterion asked for.
- `preferences`: the points a listing earns for it, which rank the results: a
  full match 2, a partial match 1 (a language through an interpreter, an
  identity the provider is experienced with rather than identifies as).
  `in_full` says which listings earn every one of them, the first of the order.
- `reasons`: why a listing fits it, in the seeker's language ("Speaks Korean").
- `describe`: the criterion as the seeker chose it ("Language: Korean"), for
  suggestions.
- `widen`: changes that reach further without giving it up (an interpreter, a
  wider radius, video sessions in the state); any criterion may also be dropped.
- `facet`: for vocabularies, the term code each choice is counted by.

The search page (directory/selectors.py), its facet counts (directory/counts.py)
and suggestions (directory/suggestions.py), the listing page's reasons and the HSDS
API's filters (providers/hsds/views.py) all read this table, so a search and the API
answer the same question the same way.

Within one parameter the choices are alternatives (`lang=vi&lang=ko`: either will
do; meeting more of them ranks higher); different parameters all apply. With both
`near` and `online`, a listing matches if it meets people within the radius *or*
sees clients by video or phone in that state.
"""

from collections.abc import Iterator
from typing import Any

from django.db.models import Expression, Q, QuerySet
from django.utils.translation import gettext_lazy

from directory.criterion_types import (
    AcceptingCriterion,
    Criterion,
    ExperienceCriterion,
    FlagCriterion,
    KindCriterion,
    LanguageCriterion,
    MaxFeeCriterion,
    PlaceCriterion,
    VocabularyCriterion,
    WordsCriterion,
)
from directory.params import Relaxation, SearchParams
from providers.models import Listing, SearchEntry

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
# The vocabulary criteria, by parameter.
VOCABULARY_CRITERIA = {c.param: c for c in CRITERIA if isinstance(c, VocabularyCriterion)}
(PLACE,) = [c for c in CRITERIA if isinstance(c, PlaceCriterion)]


def asked(params: SearchParams) -> Iterator[Criterion]:
    return (criterion for criterion in CRITERIA if criterion.asked(params))


def search_conditions(params: SearchParams) -> dict[str, Q]:
    """Each criterion the search asks for, as a condition on the search index, by param."""
    return {criterion.param: criterion.condition(params) for criterion in asked(params)}


def search_entries(entries: QuerySet[SearchEntry], params: SearchParams) -> QuerySet[SearchEntry]:
    """Those of `entries` that meet every criterion of the search, for its order: as
    `search_conditions` say, a place alone joined so that each listing's distance
    is read as it is found (PlaceCriterion.joined), not looked up result by result."""
    conditions = search_conditions(params)
    place = conditions.pop(PLACE.param, None)
    entries = entries.filter(*conditions.values())
    if place is None:
        return entries
    joined = PLACE.joined(entries, params)
    return joined if joined is not None else entries.filter(place)


def match_preferences(params: SearchParams, *, varying: bool = False) -> dict[str, Expression]:
    """Points a listing earns for each thing the seeker asked for, one annotation each."""
    found: dict[str, Expression] = {}
    for criterion in asked(params):
        found.update(criterion.preferences(params, varying=varying))
    return found


def in_full(params: SearchParams) -> list[Any]:
    """Conditions the listings that earn every point the search gives (`match_preferences`,
    varying) meet, all of them."""
    return [condition for criterion in asked(params) for condition in criterion.in_full(params)]


def _gathered(params: SearchParams, hook: str) -> dict[str, Any]:
    """The annotations one hook of every criterion the search asks for gives."""
    found: dict[str, Any] = {}
    for criterion in asked(params):
        found.update(getattr(criterion, hook)(params))
    return found


def match_annotations(params: SearchParams) -> dict[str, Any]:
    return _gathered(params, "annotations")


def order_annotations(params: SearchParams) -> dict[str, Any]:
    return _gathered(params, "order_annotations")


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
