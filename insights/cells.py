"""A search as the gap report keeps it: a cell of structured filters and a coarse place.

The filters are the search's own cleaned parameters (directory.filters,
directory.params), less everything that could point at a person or is free to
type: the place (`near`, `radius`, `online`), the words (`q`) and the order
(`sort`). The place becomes the 3-digit prefix of the ZIP code searched near (and
its state), or, for a search for online care only, the state. A fee limit is
rounded up to the next of a few steps, so that odd amounts do not make cells of
their own. What "matches" a cell is asked of the search's criteria, never
written again here.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from django.db.models import Q
from django.http import QueryDict

from directory.criteria import search_conditions
from directory.filters import ListingFilter
from directory.params import TERM_PARAMS, SearchParams
from providers.models import Location, SearchEntry

# Parameters never kept: the place is coarsened instead, the rest is free text or order.
NOT_KEPT = frozenset({"near", "radius", "online", "q", "sort"})
FEE_STEPS = (25, 50, 75, 100, 150, 200, 300)
# The order the filters are written in a cell: the search URL contract's.
ORDER = ["lang", "interpreter", *[p for p in TERM_PARAMS if p != "lang"]]
ORDER += ["max_fee", "sliding", "free", "accepting"]


@dataclass(frozen=True)
class Cell:
    """The filters as a query string, and the coarse place: a ZIP prefix, or a state."""

    filters: str
    zip3: str = ""
    state: str = ""

    @property
    def online(self) -> bool:
        """A search for care online in a state, not near a place."""
        return not self.zip3 and bool(self.state)

    def gap(self) -> str:
        """The cell as one query string: its filters, and `zip3` or `online`."""
        place = [("zip3", self.zip3)] if self.zip3 else []
        place += [("online", self.state)] if self.online else []
        return "&".join(part for part in (self.filters, urlencode(place)) if part)

    def pairs(self) -> list[tuple[str, str]]:
        return parse_qsl(self.filters)


def fee_step(fee: int) -> int | None:
    """A fee limit rounded up to a step; None above the last (it then limits little)."""
    return next((step for step in FEE_STEPS if fee <= step), None)


def canonical(pairs: list[tuple[str, str]]) -> str:
    """Query-string pairs in the contract's order, values sorted, each once."""
    position = {param: index for index, param in enumerate(ORDER)}
    chosen = {(param, value) for param, value in pairs if param in position}
    ordered = sorted(chosen, key=lambda pair: (position[pair[0]], pair[1]))
    return urlencode(ordered)


def cell_of(params: SearchParams, kinds: tuple[str, ...] | None = None) -> Cell:
    """The cell a search belongs to; `kinds` scopes it (the community page)."""
    pairs = [(p, v) for p, v in params.pairs(include_sort=False) if p not in NOT_KEPT]
    if params.max_fee is not None:
        step = fee_step(params.max_fee)
        pairs = [(p, v) for p, v in pairs if p != "max_fee"]
        pairs += [("max_fee", str(step))] if step is not None else []
    if kinds is not None and not params.kind:
        pairs += [("kind", kind) for kind in kinds]
    place = params.place
    if place is not None and place.postal_code:
        return Cell(canonical(pairs), place.postal_code[:3], place.state)
    if place is not None:  # coordinates: no ZIP prefix, so no place is kept
        return Cell(canonical(pairs))
    return Cell(canonical(pairs), "", params.online)


def params_of(cell: Cell) -> SearchParams:
    """The cell as a search (for online care in its state when it is an online cell)."""
    data = QueryDict(mutable=True)
    for param, value in cell.pairs():
        data.appendlist(param, value)
    if cell.online:
        data["online"] = cell.state
    return ListingFilter(data).params


def area_condition(cell: Cell) -> Q:
    """Listings that meet people in the cell's 3-digit ZIP area."""
    places = Location.objects.filter(postal_code__startswith=cell.zip3)
    return Q(pk__in=places.values("listing_id"))


def supply_conditions(cell: Cell, params: SearchParams | None = None) -> list[Any]:
    """The search index conditions for listings that could serve the cell: its
    filters (the search's criteria), and in its ZIP area or online in its state."""
    found = list(search_conditions(params or params_of(cell)).values())
    if cell.zip3:
        found.append(area_condition(cell))
    return found


def supply(cell: Cell) -> int:
    """How many searchable listings could serve the cell."""
    return SearchEntry.objects.filter(*supply_conditions(cell)).count()
