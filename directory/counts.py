"""Every count beside a search's results, its facets, and the counts of wider searches.

The total, how many results have a sliding scale, a free option or are accepting
new clients, and each facet's choices with how many results each would give, in
one query over the search index (`count_search`); how many results each of a
list of wider searches finds, in one more (`count_relaxed`, for the suggestions,
directory/suggestions.py). Both read the criteria (directory/criteria.py).
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, F, QuerySet, Sum, Value
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from directory.criteria import VOCABULARY_CRITERIA, asked
from directory.criterion_types import Criterion
from directory.params import TERM_PARAMS, SearchParams
from providers.models import SearchEntry, SearchTerm, SearchTermPair

if TYPE_CHECKING:
    from directory.filters import Vocabularies

FLAGS = ("sliding", "free", "accepting")

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
