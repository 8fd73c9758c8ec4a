"""The curators' view of the gap report: the top gaps of the last 30 days, each with
a search for it and the searches that drop one of its filters (the listings that
nearly fit, whose providers a curator might recruit)."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

import zipcodes
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from directory.criteria import asked
from directory.params import SearchParams
from insights.cells import Cell, params_of, supply_conditions
from insights.models import SearchCell
from insights.report import describe
from insights.suppression import publishable
from providers.models import SearchEntry

DAYS = 30
TOP = 10
RADIUS = 25


@dataclass(frozen=True)
class NearFit:
    dropped: str  # the filter given up, as the seeker chose it
    listings: int
    url: str


@dataclass(frozen=True)
class Gap:
    label: str
    searches: int
    listings: int
    url: str
    near_fits: list[NearFit]


def search_url(cell: Cell, params: SearchParams) -> str:
    """The public search for a cell: near a ZIP code of its area, or online in its state."""
    pairs = [(p, v) for p, v in params.pairs(include_sort=False) if p != "online"]
    codes = zipcodes.similar_to(cell.zip3) if cell.zip3 else []
    if codes:
        pairs = [("near", codes[0]["zip_code"]), ("radius", str(RADIUS)), *pairs]
    elif cell.online:
        pairs.append(("online", cell.state))
    return reverse("directory:search") + "?" + urlencode(pairs)


def count(cell: Cell, params: SearchParams) -> int:
    return SearchEntry.objects.filter(*supply_conditions(cell, params)).count()


def top_gaps(today: datetime.date | None = None) -> list[Gap]:
    """The ten cells of the last 30 days with the most searches for each listing that
    could serve them (10 searches or more, as on the public page)."""
    since = (today or timezone.localdate()) - datetime.timedelta(days=DAYS)
    rows = (
        SearchCell.objects.filter(span=SearchCell.Span.DAY, day__gte=since)
        .values("filters", "zip3", "state")
        .annotate(total=Sum("searches"))
        .order_by("-total")[: TOP * 5]
    )
    ranked = []
    for row in rows:
        if not publishable(row["total"]):
            continue
        cell = Cell(row["filters"], row["zip3"], row["state"])
        params = params_of(cell)
        ranked.append((row["total"], cell, params, count(cell, params)))
    ranked.sort(key=lambda item: (-item[0] / (item[3] + 1), -item[0]))
    gaps = []
    for searches, cell, params, listings in ranked[:TOP]:
        near = [
            NearFit(relaxed.dropped, count(cell, relaxed.params), search_url(cell, relaxed.params))
            for criterion in asked(params)
            if criterion.param != "place"
            for relaxed in criterion.drops(params)
        ]
        gaps.append(Gap(describe(cell), searches, listings, search_url(cell, params), near))
    return gaps
