"""The gap report's figures: published cells with the listings that could serve them.

Reads only. `published(period)` is every cell that may be published for a period
(insights.suppression), each with its searches, how many found nothing (when that
may be shown) and its supply; it is computed once an hour per period and shared
(the cache), since it asks the search index one count per cell. `report()` narrows
it to a state and a need, and adds the months, the languages and the states.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from directory import caching
from directory.criteria import asked, search_conditions
from directory.filters import ListingFilter
from insights.cells import Cell, params_of, supply
from insights.models import SearchCell
from insights.suppression import nested_ok, publishable, suppress
from providers.models import SearchEntry
from providers.months import month_text
from providers.states import STATE_NAMES

# Periods in whole calendar months ending with the last complete one; None: all kept.
PERIODS: dict[str, tuple[Any, int | None]] = {
    "3": (gettext_lazy("The last 3 months"), 3),
    "12": (gettext_lazy("The last 12 months"), 12),
    "24": (gettext_lazy("The last 24 months"), 24),
    "all": (gettext_lazy("Everything kept"), None),
}
DEFAULT_PERIOD = "12"
CACHE_SECONDS = 60 * 60
TOP = 20


def month_start(day: datetime.date, months_back: int = 0) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months_back
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    key: str
    start: datetime.date | None  # the first day counted (None: from the first kept)
    end: datetime.date  # the first day not counted: the first of the current month

    @property
    def last_day(self) -> datetime.date:
        return self.end - datetime.timedelta(days=1)


def period(key: str, today: datetime.date | None = None) -> Period:
    key = key if key in PERIODS else DEFAULT_PERIOD
    end = month_start(today or timezone.localdate())
    months = PERIODS[key][1]
    return Period(key, month_start(end, months) if months else None, end)


@dataclass
class Need:
    """A published cell over a period."""

    cell: Cell
    searches: int
    nothing: int | None  # searches that found nothing; None when it may not be shown
    listings: int
    months: dict[datetime.date, int] = field(default_factory=dict)  # never shown alone

    @property
    def gap(self) -> str:
        return self.cell.gap()

    @property
    def nothing_percent(self) -> int | None:
        return None if self.nothing is None else round(100 * self.nothing / self.searches)

    @property
    def pressure(self) -> float:
        """How the report ranks needs: searches for each listing that could serve them."""
        return self.searches / (self.listings + 1)

    def has(self, param: str, value: str) -> bool:
        return (param, value) in self.cell.pairs()


def published(key: str, today: datetime.date | None = None) -> list[Need]:
    """Every publishable cell of the period, with its supply; shared for an hour."""
    chosen = period(key, today)
    cache_key = f"insights:{chosen.key}:{chosen.end.isoformat()}"
    found = caching.cache_get(cache_key)
    if found is None:
        found = _published(chosen)
        caching.cache_set(cache_key, found, CACHE_SECONDS)
    return found


def _published(chosen: Period) -> list[Need]:
    # Each period's count, so that rule 4 compares this period with the shorter ones.
    shorter = [period(key, chosen.end) for key, (_l, months) in PERIODS.items()]
    shorter = [p for p in shorter if _months(p) < _months(chosen)]
    sums: dict[str, Any] = {"total": Sum("searches", filter=_within(chosen))}
    sums["zero"] = Sum("searches", filter=_within(chosen) & Q(band=SearchCell.Band.NONE))
    for index, other in enumerate(shorter):
        sums[f"shorter{index}"] = Sum("searches", filter=_within(other))
    rows = (
        SearchCell.objects.filter(_within(chosen))
        .values("filters", "zip3", "state")
        .annotate(**sums)
        .order_by()
    )
    needs: dict[Cell, Need] = {}
    row: dict[str, Any]
    for row in rows:  # type: ignore[assignment]
        searches = row["total"] or 0
        others = [row[f"shorter{index}"] or 0 for index in range(len(shorter))]
        if not (publishable(searches) and nested_ok(searches, others)):
            continue
        nothing = row["zero"] or 0
        split = suppress([nothing, searches - nothing])
        cell = Cell(row["filters"], row["zip3"], row["state"])
        needs[cell] = Need(cell, searches, split[0], supply(cell))
    monthly = (
        SearchCell.objects.filter(_within(chosen))
        .annotate(month=TruncMonth("day"))
        .values("filters", "zip3", "state", "month")
        .annotate(count=Sum("searches"))
        .order_by()
    )
    for month in monthly:
        need = needs.get(Cell(month["filters"], month["zip3"], month["state"]))
        if need is not None:
            need.months[month["month"]] = month["count"]
    return sorted(needs.values(), key=lambda n: (-n.pressure, -n.searches, n.gap))


def _months(chosen: Period) -> int:
    months = PERIODS[chosen.key][1]
    return months if months is not None else 10**6


def _within(chosen: Period) -> Q:
    condition = Q(day__lt=chosen.end)
    return condition & Q(day__gte=chosen.start) if chosen.start else condition


# What the page shows ----------------------------------------------------------------


@dataclass
class Row:
    """A figure with its label: a month, a language, a state."""

    label: str
    key: str
    searches: int | None
    listings: int | None = None
    extra: int | None = None


@dataclass
class Report:
    period: Period
    state: str
    need: str
    needs: list[Need]
    top: list[Need]
    months: list[Row]
    languages: list[Row]
    states: list[Row]
    need_choices: list[tuple[str, str]]

    @property
    def searches(self) -> int:
        return sum(need.searches for need in self.needs)


def report(*, period_key: str, state: str, need: str) -> Report:
    chosen = period(period_key)
    every = published(chosen.key)
    choices = need_choices(every)
    state = state if state in STATE_NAMES else ""
    need = need if need in dict(choices) else ""
    needs = [n for n in every if not state or n.cell.state == state]
    if need:
        param, _sep, value = need.partition("=")
        needs = [n for n in needs if n.has(param, value)]
    return Report(
        period=chosen,
        state=state,
        need=need,
        needs=needs,
        top=needs[:TOP],
        months=month_rows(chosen, needs),
        languages=language_rows(needs),
        states=state_rows(needs),
        need_choices=choices,
    )


def describe(cell: Cell) -> str:
    """The cell in the seeker's words: "Language: Vietnamese, Sliding scale, ZIP 941xx"."""
    params = params_of(cell)
    parts = [c.describe(params) for c in asked(params) if c.param != "place"]
    if cell.zip3:
        parts.append(_("ZIP codes %(prefix)sxx") % {"prefix": cell.zip3})
    elif cell.online:
        parts.append(_("Online in %(state)s") % {"state": STATE_NAMES[cell.state]})
    return pgettext("list separator", ", ").join(parts) if parts else _("Anything, anywhere")


def need_choices(needs: list[Need]) -> list[tuple[str, str]]:
    """Each filter (one parameter and value) some published cell has, described."""
    pairs = {pair for need in needs for pair in need.cell.pairs() if pair[0] != "interpreter"}
    labelled = [(f"{p}={v}", describe(Cell(f"{p}={v}"))) for p, v in pairs]
    return sorted(labelled, key=lambda choice: choice[1])


def month_rows(chosen: Period, needs: list[Need]) -> list[Row]:
    """Searches in each month of the period, of the needs searched for at least K times
    in each month they were searched at all (rule 1 for a cell's months): then the
    months of two views of the report (a state, a need) differ only by months of
    K or more, and no subtraction between them reveals a few searches."""
    totals: dict[datetime.date, int] = defaultdict(int)
    for need in needs:
        if any(not publishable(count) for count in need.months.values() if count):
            continue
        for month, count in need.months.items():
            totals[month] += count
    if not totals:
        return []
    first = chosen.start or min(totals)
    months = []
    month = first
    while month < chosen.end:
        months.append(month)
        month = month_start(month, -1)
    shown = suppress([totals[m] for m in months])
    return [
        Row(month_text(m), m.isoformat()[:7], count) for m, count in zip(months, shown, strict=True)
    ]


def language_rows(needs: list[Need]) -> list[Row]:
    """Each language asked for: searches asking for it, listings offering it."""
    asked_for: dict[str, int] = defaultdict(int)
    for need in needs:
        for param, value in need.cell.pairs():
            if param == "lang":
                asked_for[value] += need.searches
    rows = []
    for code, searches in asked_for.items():
        params = ListingFilter({"lang": code}).params
        if not params.lang:
            continue
        offered = SearchEntry.objects.filter(*search_conditions(params).values()).count()
        rows.append(Row(params.lang[0].label, code, searches, offered))
    return sorted(rows, key=lambda row: (-(row.searches or 0), row.label))


def state_rows(needs: list[Need]) -> list[Row]:
    """Each state: searches, and searches for needs that no listing could serve."""
    searches: dict[str, int] = defaultdict(int)
    unserved: dict[str, int] = defaultdict(int)
    for need in needs:
        if need.cell.state:
            searches[need.cell.state] += need.searches
            unserved[need.cell.state] += need.searches if need.listings == 0 else 0
    rows = [
        Row(str(STATE_NAMES[code]), code, count, extra=unserved[code] or 0)
        for code, count in searches.items()
    ]
    return sorted(rows, key=lambda row: (-(row.searches or 0), row.label))
