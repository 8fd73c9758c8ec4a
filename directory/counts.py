"""Every count beside a search's results, its facets, and the counts of wider searches.

The total, how many results have a sliding scale, a free option or are accepting
new clients, and each facet's choices with how many results each would give, in
one query over the search index (`count_search`); how many results each of a
list of wider searches finds, in one more (`count_relaxed`, for the suggestions,
directory/suggestions.py). Both read the criteria (directory/criteria.py).

Each count is of the term codes of a set of listings. On PostgreSQL the sets are
bits (providers.search_bits): each criterion's listings, ANDed, then ANDed with
each term's and the ones counted, at a cost that does not grow with the results.
The places around a searched place are found and measured once, within the
widest radius counted, and each narrower radius is read from them.
Elsewhere (SQLite) the term rows of the set's listings are grouped.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.db.models import Count, QuerySet, Value
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from directory.criteria import VOCABULARY_CRITERIA, asked
from directory.criterion_types import Criterion, PlaceCriterion
from directory.distances import locations_within
from directory.params import TERM_PARAMS, SearchParams
from providers import search_bits
from providers.models import SearchEntry, SearchTerm
from providers.places import Place

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


@dataclass(frozen=True)
class Part:
    """One count of a query: the term codes (those beginning with `prefix`) of the
    listings meeting `chosen` of `params`, as `name`."""

    name: str
    params: SearchParams
    chosen: list[Criterion]
    prefix: str = ""


def count_search(params: SearchParams, kinds: tuple[str, ...] | None = None) -> Counts:
    """Every count beside a search's results, in one query over the search index.

    A facet counts, for each of its choices, the results it would give with the
    other filters kept: for a facet the search does not filter on, the terms of
    the results themselves; for one it does, the terms of the results of the
    search without it. Every entry has one kind, so the kinds' counts among the
    results add up to their total. `kinds` scopes the search (the community page).
    """
    chosen = {criterion.param: criterion for criterion in asked(params)}
    parts = [Part("", params, list(chosen.values()))]
    for param in FACETS_BY_PARAM:
        if param in chosen:
            others = [criterion for key, criterion in chosen.items() if key != param]
            prefix = VOCABULARY_CRITERIA[param].facet(params)
            parts.append(Part(param, params, others, prefix))
    found = term_counts(parts, kind_codes(kinds))
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


def count_relaxed(searches: list[SearchParams], kinds: tuple[str, ...] | None) -> list[int]:
    """How many results each of these searches finds, in one query: each search's
    results counted by kind (a listing has one)."""
    if not searches:
        return []
    parts = [
        Part(str(index), search, list(asked(search)), prefix="kind:")
        for index, search in enumerate(searches)
    ]
    found = term_counts(parts, kind_codes(kinds))
    return [sum(found[part.name].values()) for part in parts]


def kind_codes(kinds: tuple[str, ...] | None) -> list[str] | None:
    """A search's scope (the community page's kinds) as term codes; None: every kind."""
    return [f"kind:{kind}" for kind in kinds] if kinds is not None else None


def term_counts(parts: list[Part], scope: list[str] | None) -> dict[str, dict[str, int]]:
    """By part, how many of its listings (of `scope`'s kinds) have each term code."""
    found: dict[str, dict[str, int]] = defaultdict(dict)
    rows = _from_bits(parts, scope) if search_bits.kept() else _grouped(parts, scope)
    for part, term, count in rows:
        found[part][term] = count
    return found


def _grouped(parts: list[Part], scope: list[str] | None) -> QuerySet[Any]:
    """(part, term, count) rows: each part's listings' term rows, grouped."""
    queries = []
    for part in parts:
        terms = SearchTerm.objects.all()
        if part.chosen or scope is not None:
            entries = SearchEntry.objects.filter(
                *(criterion.condition(part.params) for criterion in part.chosen)
            )
            if scope is not None:
                entries = entries.filter(kind__in=[code.removeprefix("kind:") for code in scope])
            terms = terms.filter(entry_id__in=entries.values("pk"))
        if part.prefix:
            terms = terms.filter(term__startswith=part.prefix)
        queries.append(
            terms.order_by()
            .values("term")
            .annotate(part=Value(part.name), count=Count("*"))
            .values_list("part", "term", "count")
        )
    return queries[0].union(*queries[1:], all=True)


def _from_bits(parts: list[Part], scope: list[str] | None) -> list[tuple[str, str, int]]:
    """(part, term, count) rows from the terms' bits: one query, each criterion's
    listings a named set (a WITH clause) that every part meeting it reads."""
    query = BitsQuery(widest_radii(parts))
    counts = []
    for part in parts:
        sets = [query.criterion(criterion, part.params) for criterion in part.chosen]
        if scope is not None:
            sets.append(query.named(*search_bits.codes_sql(scope)))
        counts.append(query.counted(part.name, sets, part.prefix))
    return query.run(counts)


def widest_radii(parts: list[Part]) -> dict[Place, float]:
    """By place, the widest radius around it any part counts within (a search that
    found nothing counts each wider radius for its suggestions)."""
    widest: dict[Place, float] = {}
    for part in parts:
        place = part.params.place
        if place is not None and any(isinstance(c, PlaceCriterion) for c in part.chosen):
            widest[place] = max(widest.get(place, 0), part.params.radius)
    return widest


# Sent in front of the counts statement, in the one implicit transaction of the
# two (so it ends with it). A search's words are a word, its English stem and its
# beginning, which the planner takes to be independent, so it thinks them two or
# three times as common as they are: a word a fifth of the documents hold would be
# read by a pass over all of them, not through their GIN index. With random reads
# costed as 2, not 4 (the tables are read from memory), the index is taken for
# those words: "somatic" on an Arabic page at 50,000 listings 57 to 20 ms. No
# other counts statement of the bench's 240 searches changed by more than noise
# (README, Performance).
PLANNER_COSTS = "SET LOCAL random_page_cost = 2"


class BitsQuery:
    """One query over the terms' bits, built a set and a count at a time."""

    def __init__(self, widest: dict[Place, float]) -> None:
        self.sets: dict[str, tuple[str, list]] = {}  # name: (SQL, parameters)
        self.names: dict[str, str] = {}  # each set's SQL, its parameters in it: its name
        self.widest = widest  # widest_radii(): each place's places are found once, within it
        self.measured: dict[tuple[Place, float], str] = {}  # (place, widest): its places' set

    def criterion(self, criterion: Criterion, params: SearchParams) -> str:
        """The listings meeting `criterion`: its term codes' bits, or else the bits of
        the ids its condition selects."""
        codes = criterion.codes(params)
        if codes is not None:
            return self.named(*search_bits.codes_sql(codes))
        if isinstance(criterion, PlaceCriterion) and params.place is not None:
            # PlaceCriterion.condition as bits: near the place, or online in the state.
            near = self.within(params.place, params.radius)
            if not params.online:
                return near
            return self.either(
                near, self.named(*search_bits.codes_sql(criterion.online_codes(params)))
            )
        sql, ids_params = criterion.found_ids(params).query.sql_with_params()
        return self.named(*search_bits.ids_sql(sql, ids_params))

    def within(self, place: Place, radius: float) -> str:
        """The listings within `radius` miles of `place`, read from its places within
        the widest radius counted, so each place is found and measured once.

        The set holds the ids of listings outside the index too (a draft's places):
        it is only ever ANDed with terms' bits, which hold none of them (`counted`)."""
        widest = max(self.widest.get(place, radius), radius)
        # Its query built once, not once for each part and relaxation that reads it.
        places = self.measured.get((place, widest))
        if places is None:
            measured: QuerySet[Any] = locations_within(place, widest).order_by()
            sql, params = measured.values_list("listing_id", "miles").query.sql_with_params()
            places = self.measured[place, widest] = self.named(sql, list(params))
        return self.named(
            *search_bits.ids_sql(f"SELECT listing_id FROM {places} WHERE miles <= %s", [radius])
        )

    def either(self, *sets: str) -> str:
        """The listings in any of these sets."""
        either = " UNION ALL ".join(f"SELECT segment, bits FROM {name}" for name in sets)
        return self.named(
            f"SELECT segment, bit_or(bits) AS bits FROM ({either}) AS either GROUP BY segment", []
        )

    def named(self, sql: str, params: list) -> str:
        """The name of this set in the query (the same set asked twice, one name: told
        apart by their SQL with the parameters in it, as some parameters, a JSON
        value's, are objects that never compare equal; PostgreSQL's operations)."""
        statement = connection.ops.compose_sql(sql, params)  # type: ignore[attr-defined]
        if statement not in self.names:
            self.names[statement] = name = f"set{len(self.sets)}"
            self.sets[name] = (sql, params)
        return self.names[statement]

    def counted(self, part: str, sets: list[str], prefix: str) -> tuple[str, list]:
        """(part, term, count) for each term: how many listings in every one of `sets`
        have it (every listing, without sets).

        Each term's segments are counted first, behind OFFSET 0, which PostgreSQL
        does not look through: the grouping then sorts or hashes (term, count)
        rows, not the bits they were counted from (1 kB a row: for a search that
        counts every term, 4 MB of sorting on disk, 3-7 ms of a common word's
        counts at 50,000 listings)."""
        where, params = ("WHERE b.term LIKE %s", [prefix + "%"]) if prefix else ("", [])
        bits, source = "b.bits", f"{search_bits.TABLE} b"
        if sets:
            meeting = " & ".join(f"{name}.bits" for name in sets)
            joined = " JOIN ".join([sets[0], *(f"{name} USING (segment)" for name in sets[1:])])
            bits = "b.bits & s.bits"
            source += (
                f" JOIN (SELECT {sets[0]}.segment, {meeting} AS bits FROM {joined}) s"
                " ON s.segment = b.segment"
            )
        return (
            f"SELECT %s, term, SUM(found)::int FROM (SELECT b.term, bit_count({bits}) AS found "
            f"FROM {source} {where} OFFSET 0) AS segments GROUP BY term",
            [part, *params],
        )

    def run(self, counts: list[tuple[str, list]]) -> list[tuple[str, str, int]]:
        with_sql = ", ".join(f"{name} AS ({sql})" for name, (sql, _) in self.sets.items())
        sql = (f"WITH {with_sql} " if self.sets else "") + " UNION ALL ".join(
            f"({count})" for count, _ in counts
        )
        params = [p for _, set_params in self.sets.values() for p in set_params]
        params += [p for _, count_params in counts for p in count_params]
        with connection.cursor() as cursor:
            cursor.execute(f"{PLANNER_COSTS}; {sql}", params)
            return cursor.fetchall()


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
