"""The counts beside a search, from an in-memory index of which listings have what.

Beside its results a search shows how many results each choice of each filter
would give, the other filters kept (facets); how many results have a sliding
scale, a free option or are accepting clients; and, when it finds little, how
many each relaxation would find. In SQL that is a grouped count over every
many-to-many table once per filter, which at 50,000 listings takes from half a
second to several seconds for a search nobody has run yet.

Here the listings that have a term are held as a bitset: a Python int whose bit
n is set when listing n (its primary key) has the term. Whether a listing meets
a filter is then an OR of its terms' bitsets, the listings meeting a search an
AND, and a count a popcount: every count of a results page takes about a
millisecond. A search's place and words are not indexed here: each is read from
the database once (directory.filters) and turned into a bitset too.

The index is what every search shares: the searchable listings, each term's
listings, kinds, flags, online states and fees, read in two queries. It belongs
to a generation of the search cache: any change to a searched model starts a new
one (directory.caching), and so does the calendar after caching.TIMEOUT, since
listings fall out of search a year after their last confirmation. The first
process to need the new generation's index builds it and puts it in the shared
cache for the others; each process keeps the one it uses.

The results themselves still come from SQL (`search_conditions`), and
`conditions` below must mean exactly what it means; tests/directory/
test_search_facets.py checks the two agree on generated searches.
"""

import operator
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import reduce
from itertools import takewhile
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import CharField, Value
from django.db.models.functions import Cast

from directory import caching
from directory.filters import RELATIONS, SearchParams, locations_within, text_condition
from providers.models import Listing, ListingLanguage, ServiceArea
from providers.places import Place

FLAGS = ("sliding", "free", "accepting")
# The facets and the index vocabulary each counts in; experience counts both
# those who identify as a community and those experienced with it.
FACET_VOCABULARIES = {
    "lang": ("speaks",),
    "identity": ("identity",),
    "experience": ("identity", "experience"),
    "specialty": ("specialty",),
    "approach": ("approach",),
    "insurance": ("insurance",),
    "kind": ("kind",),
    "age": ("age",),
    "format": ("format",),
}


def bitset(ids: Iterable[int]) -> int:
    """The ids as one int with those bits set."""
    ids = list(ids)
    if not ids:
        return 0
    bits = bytearray(max(ids) // 8 + 1)
    for id_ in ids:
        bits[id_ >> 3] |= 1 << (id_ & 7)
    return int.from_bytes(bits, "little")


def ids(bits: int) -> list[int]:
    """The ids in a bitset, in order."""
    binary = bin(bits)[:1:-1]  # bit 0 first
    return [id_ for id_, bit in enumerate(binary) if bit == "1"]


def any_of(bitsets: Iterable[int]) -> int:
    return reduce(operator.or_, bitsets, 0)


def all_of(bitsets: Iterable[int], within: int) -> int:
    return reduce(operator.and_, bitsets, within)


@dataclass
class Index:
    """Who has what, as bitsets of listing ids, at one generation of the search cache."""

    generation: int
    built_at: float
    searchable: int
    # (vocabulary, key) -> listings: ("speaks", "12"), ("interpreter", "12"),
    # ("identity", "3"), ("experience", "3"), ("specialty", ...), ("kind",
    # "clinician"), ("online", "CA"), ("flag", "free"), ...
    bits: dict[tuple[str, str], int]
    # Each searchable listing's lowest price in dollars (0 when free), lowest first.
    fees: list[tuple[float, int]]

    @classmethod
    def build(cls, generation: int) -> "Index":
        columns = ("id", "kind", "free", "sliding_scale_min", "fee_min", "accepting_new_clients")
        rows = Listing.objects.searchable().values_list(*columns, "video", "phone_sessions")
        members: dict[tuple[str, str], list[int]] = defaultdict(list)
        searchable, fees, remote = [], [], set()
        for id_, kind, free, sliding_min, fee_min, accepting, video, phone in rows:
            searchable.append(id_)
            members["kind", kind].append(id_)
            for flag, has in zip(FLAGS, (sliding_min is not None, free, accepting), strict=True):
                if has:
                    members["flag", flag].append(id_)
            prices = [0.0] if free else []
            prices += [float(price) for price in (sliding_min, fee_min) if price is not None]
            if prices:
                fees.append((min(prices), id_))
            if video or phone:
                remote.add(id_)
        for vocabulary, key, id_ in memberships():
            if vocabulary != "online" or id_ in remote:
                members[vocabulary, key].append(id_)
        return cls(
            generation=generation,
            built_at=time.time(),
            searchable=bitset(searchable),
            bits={name: bitset(listings) for name, listings in members.items()},
            fees=sorted(fees),
        )

    def get(self, vocabulary: str, keys: Iterable[Any]) -> int:
        """Listings with any of these terms."""
        return any_of(self.bits.get((vocabulary, str(key)), 0) for key in keys)

    def keys(self, vocabulary: str) -> set[str]:
        return {key for name, key in self.bits if name == vocabulary}

    def fee_at_most(self, amount: int) -> int:
        """Listings with a price (a fee, a sliding scale floor, or free) of `amount` or less."""
        cheap_enough = takewhile(lambda fee: fee[0] <= amount, self.fees)
        return bitset(id_ for _price, id_ in cheap_enough)


def memberships() -> Iterator[tuple[str, str, int]]:
    """(vocabulary, key, listing id) for every term of every listing, in one query."""

    def rows(queryset: Any, vocabulary: str, key: str) -> Any:
        return queryset.annotate(
            m_vocabulary=Value(vocabulary, output_field=CharField()),
            m_key=Cast(key, output_field=CharField()),
        ).values_list("m_vocabulary", "m_key", "listing_id")

    languages = ListingLanguage.objects.order_by()
    parts = [
        rows(languages.filter(offered=ListingLanguage.Offered.SPEAKS), "speaks", "language_id"),
        rows(
            languages.filter(offered=ListingLanguage.Offered.INTERPRETER),
            "interpreter",
            "language_id",
        ),
        rows(ServiceArea.objects.order_by(), "online", "state"),
    ]
    for vocabulary, (through, column) in RELATIONS.items():
        parts.append(rows(through.objects.order_by(), vocabulary, column))
    # A million rows at 50,000 listings: read as plain tuples, without the ORM's
    # work per row, which took longer than the query.
    sql, params = parts[0].union(*parts[1:], all=True).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(10_000):
            yield from chunk


_index: Index | None = None


def current_index() -> Index:
    """The index of the current generation: this process's, another's, or built now.

    A process keeps the index it used last. When the generation has changed it
    takes the one another process has put in the shared cache (directory.caching),
    or builds it and puts it there.
    """
    global _index
    generation = caching.generation()  # before reading, so a change meanwhile is seen

    def fresh(index: Index | None) -> bool:
        return (
            index is not None
            and index.generation == generation
            and time.time() - index.built_at < caching.TIMEOUT
        )

    if not fresh(_index):
        index_key = caching.key("facet-index", (), generation)
        shared = cache.get(index_key)
        if not fresh(shared):
            shared = Index.build(generation)
            cache.set(index_key, shared, caching.TIMEOUT)
        _index = shared
    assert _index is not None
    return _index


class Reader:
    """Searches' filters as bitsets, reading each place and words from the database once."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._near: tuple[Place, int, dict[int, float]] | None = None
        self._words: dict[str, int] = {}

    def reach(self, place: Place, radius: int) -> None:
        """Read the distances to every listing within `radius` miles of `place`, once."""
        if self._near is not None:
            read_place, read_radius, _distances = self._near
            if read_place == place and read_radius >= radius:
                return
        nearest: dict[int, float] = {}
        nearby = locations_within(place, radius).order_by()
        distances = nearby.values_list("listing_id", "miles")  # type: ignore[misc]
        for id_, miles in distances:
            nearest[id_] = min(miles, nearest.get(id_, miles))
        self._near = (place, radius, nearest)

    def near(self, place: Place, radius: int) -> int:
        """Listings with a location within `radius` miles of `place`."""
        self.reach(place, radius)
        assert self._near is not None
        return bitset(id_ for id_, miles in self._near[2].items() if miles <= radius)

    def words(self, q: str) -> int:
        """Listings whose name or texts in the current language have every word of `q`."""
        if q not in self._words:
            found = Listing.objects.searchable().filter(text_condition(q)).order_by()
            self._words[q] = bitset(found.values_list("id", flat=True))
        return self._words[q]

    def conditions(self, params: SearchParams) -> dict[str, int]:
        """`search_conditions(params)` as bitsets, under the same keys."""
        index = self.index
        found: dict[str, int] = {}
        places = []
        if params.place is not None:
            places.append(self.near(params.place, params.radius))
        if params.online:
            places.append(index.get("online", [params.online]))
        if places:
            found["place"] = any_of(places)
        if params.lang:
            found["lang"] = index.get("speaks", params.ids("lang"))
            if params.interpreter:
                found["lang"] |= index.get("interpreter", params.ids("lang"))
        for param in ("identity", "specialty", "approach", "insurance", "age", "format"):
            if params.terms(param):
                found[param] = index.get(param, params.ids(param))
        if params.experience:
            wanted = params.ids("experience")
            found["experience"] = index.get("identity", wanted) | index.get("experience", wanted)
        if params.kind:
            found["kind"] = index.get("kind", params.keys("kind"))
        if params.max_fee is not None:
            found["max_fee"] = index.fee_at_most(params.max_fee)
        for flag in FLAGS:
            if getattr(params, flag):
                found[flag] = index.get("flag", [flag])
        if params.q:
            found["q"] = self.words(params.q)
        return found


class Counter:
    """What a results page counts for one search, scoped to `kinds` (None: every kind)."""

    def __init__(self, params: SearchParams, kinds: Iterable[str] | None) -> None:
        self.index = index = current_index()
        self.params = params
        self.scope = index.searchable
        if kinds is not None:
            self.scope &= index.get("kind", kinds)
        self.reader = Reader(index)
        self.conditions = self.reader.conditions(params)
        self.matching = all_of(self.conditions.values(), self.scope)
        self.total = self.matching.bit_count()

    def flags(self) -> dict[str, int]:
        """Results with a sliding scale, a free option, accepting new clients."""
        return {
            flag: (self.matching & self.index.get("flag", [flag])).bit_count() for flag in FLAGS
        }

    def facets(self) -> dict[str, dict[str, int]]:
        """By facet, how many results each term would give with the other filters kept.

        Terms are keyed by id (kinds by value) as text; terms that give none are left out.
        """
        index, conditions = self.index, self.conditions
        facets = {}
        for param, vocabularies in FACET_VOCABULARIES.items():
            if param == "lang" and self.params.interpreter:
                vocabularies = ("speaks", "interpreter")
            others = all_of((bits for key, bits in conditions.items() if key != param), self.scope)
            counts = {}
            for key in set().union(*(index.keys(vocabulary) for vocabulary in vocabularies)):
                has = any_of(index.bits.get((vocabulary, key), 0) for vocabulary in vocabularies)
                if count := (others & has).bit_count():
                    counts[key] = count
            facets[param] = counts
        return facets

    def count(self, searches: list[SearchParams]) -> list[int]:
        """How many results each of these searches (changes to this one) finds."""
        place = self.params.place
        wider = [search.radius for search in searches if place and search.place == place]
        if place is not None and wider:
            self.reader.reach(place, max(wider))  # one query for every wider radius
        return [
            all_of(self.reader.conditions(search).values(), self.scope).bit_count()
            for search in searches
        ]
