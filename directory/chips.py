"""The filters a search applies, as removable chips: one per choice, each a link
to the same search without it.

Chips are read from the cleaned search (`SearchParams`), never from the form, so
whatever put a criterion into the search (a checkbox, a suggestion's link, words
recognised in `q`) shows as a chip. Their labels are the criteria's own
descriptions (directory/criteria.py), one chosen term at a time.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from directory.criteria import CRITERIA, VOCABULARY_CRITERIA
from directory.criterion_types import PlaceCriterion
from directory.params import SearchParams, Term
from providers.money import isolate


@dataclass(frozen=True)
class Chip:
    label: str
    param: str  # the search parameter it removes, for tests and styling
    querystring: str  # the same search without it


PLACE = next(criterion for criterion in CRITERIA if isinstance(criterion, PlaceCriterion))


def search_chips(params: SearchParams) -> list[Chip]:
    """Every applied filter, in the order of the search form."""
    chips: list[Chip] = []
    if params.place is not None:
        # A ZIP code or a latitude and longitude reads in its own order in any page.
        shown = params.changed(near=isolate(params.near))
        chips.append(chip(PLACE.describe(shown), "near", params.changed(near="", place=None)))
    if params.online:
        label = PLACE.describe(params, "online")
        chips.append(chip(label, "online", params.changed(online="")))
    for param, criterion in VOCABULARY_CRITERIA.items():
        terms: tuple[Term, ...] = params.terms(param)
        for term in terms:
            rest = tuple(other for other in terms if other != term)
            without = params.changed(**{param: rest})
            if param == "lang" and not rest:
                without = without.changed(interpreter=False)
            label = criterion.describe(params.changed(**{param: (term,)}))
            chips.append(chip(label, param, without))
        if param == "lang" and terms and params.interpreter:
            label = _("Also show providers who offer an interpreter")
            chips.append(chip(label, "interpreter", params.changed(interpreter=False)))
    if params.max_fee is not None:
        chips.append(chip(describe("max_fee", params), "max_fee", params.changed(max_fee=None)))
    for flag in ("sliding", "free", "accepting"):
        if getattr(params, flag):
            chips.append(chip(describe(flag, params), flag, params.changed(**{flag: False})))
    if params.q:
        chips.append(chip(describe("q", params), "q", params.changed(q="")))
    return chips


def describe(param: str, params: SearchParams) -> str:
    criterion = next(criterion for criterion in CRITERIA if criterion.param == param)
    return str(criterion.describe(params))


def chip(label: str, param: str, without: SearchParams) -> Chip:
    return Chip(label=label, param=param, querystring=without.querystring())
