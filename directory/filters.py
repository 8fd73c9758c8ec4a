"""The search URL, read leniently, and the hard filters it asks for.

`ListingFilter` (a django-filter FilterSet) turns the query string of
`/<lang>/search/` (see "Contracts" in DESIGN.md) into a `SearchParams` and applies
`search_conditions(params)`. Bad input never fails the page: unknown choices are
dropped, numbers out of range are corrected to the nearest allowed value, and
anything unusable is ignored, with a message when the seeker should know (a ZIP
code that does not exist).

Within one parameter the choices are alternatives (`lang=vi&lang=ko`: either
language will do; meeting more of them ranks higher, see selectors.py); different
parameters all apply. With both `near` and `online`, a listing matches if it meets
people within the radius *or* sees clients by video or phone in that state.
"""

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

import django_filters
from django import forms
from django.conf import settings
from django.db import connection
from django.db.models import CharField, Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import ASin, Coalesce, Cos, Least, NullIf, Power, Radians, Sin, Sqrt
from django.http import QueryDict
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from directory import caching
from providers.models import (
    AgeGroup,
    Approach,
    Format,
    Identity,
    Insurance,
    Language,
    Listing,
    ListingLanguage,
    Location,
    SearchDocument,
    ServiceArea,
    Specialty,
)
from providers.places import Place, zip_lookup
from providers.states import US_STATES

RADII = (5, 10, 25, 50, 100)
DEFAULT_RADIUS = 25
SORTS = ("match", "distance", "confirmed")
# More choices than this in one parameter are ignored: nobody needs them, and it
# keeps every query a bounded size whatever the query string holds.
MAX_CHOICES = 10
MAX_FEE = 100_000
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
EARTH_RADIUS_MILES = 3958.8

STATE_NAMES = dict(US_STATES)
# Parameters whose values are terms of a vocabulary, and which vocabulary.
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
}
# Many-to-many relations to vocabularies: the through model and its term column.
RELATIONS: dict[str, tuple[Any, str]] = {
    "identity": (Listing.identifies_as.through, "identity_id"),
    "experience": (Listing.experienced_with.through, "identity_id"),
    "specialty": (Listing.specialties.through, "specialty_id"),
    "approach": (Listing.approaches.through, "approach_id"),
    "insurance": (Listing.insurance.through, "insurance_id"),
    "age": (Listing.ages.through, "agegroup_id"),
    "format": (Listing.formats.through, "format_id"),
}


# Vocabularies -----------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One choice a seeker can make: a language, an identity, a kind, ..."""

    vocabulary: str
    id: int | str
    key: str  # what the URL holds: a language code, a slug, a kind
    label: str  # its name in the current language


VOCABULARY_MODELS = (
    ("lang", Language, "code"),
    ("identity", Identity, "slug"),
    ("specialty", Specialty, "slug"),
    ("approach", Approach, "slug"),
    ("insurance", Insurance, "slug"),
    ("age", AgeGroup, "slug"),
    ("format", Format, "slug"),
)


class Vocabularies:
    """The terms of every vocabulary, by key and by id."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms: dict[str, list[Term]] = {}
        self._by_key: dict[tuple[str, str], Term] = {}
        self._by_id: dict[tuple[str, str], Term] = {}
        for term in terms:
            self.terms.setdefault(term.vocabulary, []).append(term)
            self._by_key[term.vocabulary, term.key] = term
            self._by_id[term.vocabulary, str(term.id)] = term

    def choices(self, vocabulary: str) -> list[tuple[str, str]]:
        return [(term.key, term.label) for term in self.terms.get(vocabulary, [])]

    def get(self, vocabulary: str, key: str) -> Term | None:
        return self._by_key.get((vocabulary, key))

    def by_id(self, vocabulary: str, term_id: object) -> Term | None:
        return self._by_id.get((vocabulary, str(term_id)))


def current_language_suffix() -> str:
    """The current interface language as a modeltranslation column suffix ("zh_hans")."""
    code = get_language() or settings.LANGUAGE_CODE
    if code not in {language for language, _name in settings.LANGUAGES}:
        code = settings.LANGUAGE_CODE
    return code.replace("-", "_")


def untranslated(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """`queryset` without modeltranslation's rewriting of values(), which loses the
    column order a UNION needs."""
    rewrite = getattr(queryset, "rewrite", None)
    return rewrite(False) if rewrite is not None else queryset


def search_vocabularies(kinds: Iterable[str] | None = None) -> Vocabularies:
    """Every vocabulary a seeker can search by, named in the current language.

    One UNION query for all seven tables keeps the results page inside its query
    budget. A name missing in the current language falls back to English.
    """
    suffix = current_language_suffix()
    chosen = None if kinds is None else tuple(kinds)
    return caching.cached("vocabularies", (suffix, chosen), lambda: _vocabularies(suffix, chosen))


def _vocabularies(suffix: str, kinds: tuple[str, ...] | None) -> Vocabularies:
    parts = [
        untranslated(model.objects.order_by())
        .annotate(
            v_vocabulary=Value(vocabulary, output_field=CharField()),
            v_key=F(key_field),
            v_label=Coalesce(
                NullIf(F(f"name_{suffix}"), Value("")),
                NullIf(F("name_en"), Value("")),
                F(key_field),
                output_field=CharField(),
            ),
            v_position=F("position"),
        )
        .values_list("id", "v_vocabulary", "v_key", "v_label", "v_position")
        for vocabulary, model, key_field in VOCABULARY_MODELS
    ]
    rows = parts[0].union(*parts[1:], all=True)
    order = {vocabulary: index for index, (vocabulary, _m, _k) in enumerate(VOCABULARY_MODELS)}
    rows = sorted(rows, key=lambda row: (order[row[1]], row[4], row[3]))
    terms = [Term(vocabulary, pk, key, label) for pk, vocabulary, key, label, _pos in rows]
    allowed = set(kinds) if kinds is not None else None
    terms += [
        Term("kind", value, value, str(label))
        for value, label in Listing.Kind.choices
        if allowed is None or value in allowed
    ]
    return Vocabularies(terms)


# What the seeker asked for ------------------------------------------------------


@dataclass(frozen=True)
class SearchParams:
    """A search, cleaned: only known choices, corrected numbers, a resolved place."""

    near: str = ""
    place: Place | None = None
    radius: int = DEFAULT_RADIUS
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
    max_fee: int | None = None
    sliding: bool = False
    free: bool = False
    accepting: bool = False
    q: str = ""
    sort: str = "match"
    messages: tuple[str, ...] = field(default=(), compare=False)

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
            pairs += [("near", self.near), ("radius", str(self.radius))]
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


# Lenient form fields: each cleans what it can and never raises ----------------------

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_text(value: object, max_length: int) -> str:
    """Printable text on one line, at most `max_length` characters."""
    if not isinstance(value, str):
        return ""
    return " ".join(_CONTROL_CHARACTERS.sub(" ", value).split())[:max_length].strip()


def parse_number(value: object) -> float | None:
    text = clean_text(value, 40)
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


class LenientField(forms.Field):
    widget: type[forms.Widget] = forms.TextInput

    def validate(self, value: Any) -> None:
        """Nothing is ever invalid: `to_python` has already corrected or dropped it."""


class ChoicesField(LenientField):
    """Known choices only, each once, in the order given, at most MAX_CHOICES."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, choices: Iterable[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.choices = list(choices)

    def to_python(self, value: Any) -> list[str]:
        values = value if isinstance(value, list | tuple) else [value]
        known = {key for key, _label in self.choices}
        chosen: list[str] = []
        for item in values:
            key = clean_text(item, 80).lower()
            if key in known and key not in chosen:
                chosen.append(key)
        return chosen[:MAX_CHOICES]


class FlagField(LenientField):
    def to_python(self, value: Any) -> bool:
        return clean_text(value, 10).lower() in {"1", "true", "on", "yes"}


class RadiusField(LenientField):
    """One of RADII: the nearest to what was given, or the default."""

    def to_python(self, value: Any) -> int:
        number = parse_number(value)
        if number is None:
            return DEFAULT_RADIUS
        return min(RADII, key=lambda radius: (abs(radius - number), -radius))


class FeeField(LenientField):
    """Whole dollars from 0 up to MAX_FEE, or None."""

    def to_python(self, value: Any) -> int | None:
        number = parse_number(value)
        if number is None or number < 0:
            return None
        return int(min(number, MAX_FEE))


class StateField(LenientField):
    def to_python(self, value: Any) -> str:
        code = clean_text(value, 10).upper()
        return code if code in STATE_NAMES else ""


class SortField(LenientField):
    def to_python(self, value: Any) -> str:
        sort = clean_text(value, 20).lower()
        return sort if sort in SORTS else "match"


class TextField(LenientField):
    def __init__(self, *, max_length: int = MAX_QUERY_LENGTH, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_length = max_length

    def to_python(self, value: Any) -> str:
        return clean_text(value, self.max_length)


class Param(django_filters.Filter):
    """A search parameter cleaned by `field_class`; ListingFilter applies them together."""

    def __init__(self, field_class: type[forms.Field], **kwargs: Any) -> None:
        self.field_class = field_class
        super().__init__(**kwargs)


# The FilterSet --------------------------------------------------------------------


class ListingFilter(django_filters.FilterSet):
    """Every parameter of the search URL contract.

    Its form always validates; `params` is the cleaned search, and the queryset is
    filtered by `search_conditions(params)`. `kinds` narrows the `kind` choices to
    the page's scope (the community page offers only community kinds).
    """

    near = Param(TextField, max_length=100, label=gettext_lazy("ZIP code or coordinates"))
    radius = Param(RadiusField, label=gettext_lazy("Distance"))
    online = Param(StateField, label=gettext_lazy("Online in state"))
    lang = Param(ChoicesField, label=gettext_lazy("Language"))
    interpreter = Param(FlagField, label=gettext_lazy("Include interpreters"))
    identity = Param(ChoicesField, label=gettext_lazy("Identifies as"))
    experience = Param(ChoicesField, label=gettext_lazy("Experienced with"))
    specialty = Param(ChoicesField, label=gettext_lazy("Concern"))
    approach = Param(ChoicesField, label=gettext_lazy("Approach"))
    insurance = Param(ChoicesField, label=gettext_lazy("Insurance"))
    kind = Param(ChoicesField, label=gettext_lazy("Kind of support"))
    age = Param(ChoicesField, label=gettext_lazy("Age group"))
    format = Param(ChoicesField, label=gettext_lazy("Format"))
    max_fee = Param(FeeField, label=gettext_lazy("Most I can pay per session"))
    sliding = Param(FlagField, label=gettext_lazy("Sliding scale"))
    free = Param(FlagField, label=gettext_lazy("Free option"))
    accepting = Param(FlagField, label=gettext_lazy("Accepting new clients"))
    q = Param(TextField, label=gettext_lazy("Search by words"))
    sort = Param(SortField, label=gettext_lazy("Sort by"))

    class Meta:
        model = Listing
        fields: list[str] = []

    def __init__(
        self,
        data: QueryDict | dict[str, Any] | None = None,
        queryset: Any = None,
        *,
        request: Any = None,
        prefix: str | None = None,
        kinds: Iterable[str] | None = None,
    ) -> None:
        if queryset is None:
            queryset = Listing.objects.searchable()
        super().__init__(
            data if data is not None else QueryDict(), queryset, request=request, prefix=prefix
        )
        # The kinds of listing this search is scoped to (None: every kind); the
        # queryset given must hold only those.
        self.kinds = None if kinds is None else tuple(kinds)
        self.vocabularies = search_vocabularies(self.kinds)
        for param, vocabulary in TERM_PARAMS.items():
            self.filters[param].extra["choices"] = self.vocabularies.choices(vocabulary)

    @property
    def params(self) -> SearchParams:
        if not hasattr(self, "_params"):
            self.form.is_valid()
            data = self.form.cleaned_data
            place, message = resolve_place(data["near"])
            terms = {
                param: tuple(
                    term
                    for key in data[param]
                    if (term := self.vocabularies.get(vocabulary, key)) is not None
                )
                for param, vocabulary in TERM_PARAMS.items()
            }
            self._params = SearchParams(
                near=data["near"],
                place=place,
                radius=data["radius"],
                online=data["online"],
                interpreter=data["interpreter"],
                max_fee=data["max_fee"],
                sliding=data["sliding"],
                free=data["free"],
                accepting=data["accepting"],
                q=data["q"],
                sort=data["sort"],
                messages=(message,) if message else (),
                **terms,
            )
        return self._params

    def filter_queryset(self, queryset: Any) -> Any:
        return queryset.filter(*search_conditions(self.params).values())


# Place ------------------------------------------------------------------------------

_ZIP = re.compile(r"^(\d{5})(?:-\d{4})?$")
_COORDINATES = re.compile(r"^([-+]?\d{1,3}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)$")


def resolve_place(near: str) -> tuple[Place | None, str]:
    """`near` as a place, or None and a message for the seeker when it cannot be found."""
    if not near:
        return None, ""
    if match := _ZIP.match(near):
        place = zip_lookup(match.group(1))
        if place is None:
            return None, _(
                "We couldn't find ZIP code %(zip)s. Showing results from everywhere; "
                "check the ZIP code and search again."
            ) % {"zip": match.group(1)}
        return place, ""
    if match := _COORDINATES.match(near):
        latitude, longitude = float(match.group(1)), float(match.group(2))
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            return Place("", "", "", latitude, longitude), ""
    return None, _(
        "We couldn't understand the place “%(near)s”. Enter a 5-digit ZIP code, or a "
        "latitude and longitude such as 37.75,-122.42. Showing results from everywhere."
    ) % {"near": near[:40]}


def great_circle_miles(latitude: float, longitude: float, prefix: str = "") -> Combinable:
    """Miles from a point to the row's `latitude`/`longitude`, computed in the database.

    The haversine formula with functions SQLite and PostgreSQL both have; the
    argument of ASIN is capped at 1 against rounding.
    """
    lat, lng = F(f"{prefix}latitude"), F(f"{prefix}longitude")
    half_dlat = Radians(lat - Value(latitude)) / Value(2.0)
    half_dlng = Radians(lng - Value(longitude)) / Value(2.0)
    haversine = Power(Sin(half_dlat), 2) + Value(math.cos(math.radians(latitude))) * Cos(
        Radians(lat)
    ) * Power(Sin(half_dlng), 2)
    return Value(2 * EARTH_RADIUS_MILES) * ASin(Sqrt(Least(haversine, Value(1.0))))


def bounding_box(latitude: float, longitude: float, miles: float) -> Q:
    """A box of Location coordinates around a point that holds every place within `miles`.

    Cheap to test against the (latitude, longitude) index; the exact distance is
    checked afterwards.
    """
    angle = miles / EARTH_RADIUS_MILES * 1.01  # a little slack against rounding
    dlat = math.degrees(angle)
    box = Q(latitude__gte=latitude - dlat, latitude__lte=latitude + dlat)
    cos_lat = math.cos(math.radians(latitude))
    if math.sin(angle) < cos_lat:
        dlng = math.degrees(math.asin(math.sin(angle) / cos_lat))
        if longitude - dlng >= -180 and longitude + dlng <= 180:
            box &= Q(longitude__gte=longitude - dlng, longitude__lte=longitude + dlng)
    return box


def locations_within(place: Place, miles: float) -> QuerySet[Location]:
    """Locations within `miles` of `place`, each annotated with its `miles` away."""
    return (
        Location.objects.filter(bounding_box(place.latitude, place.longitude, miles))
        .annotate(miles=great_circle_miles(place.latitude, place.longitude))
        .filter(miles__lte=miles)
    )


def within_miles(place: Place, miles: float) -> Q:
    """Listings with a location within `miles` of `place`."""
    return Q(pk__in=locations_within(place, miles).values("listing_id"))


def online_in(state: str) -> Q:
    """Listings that see clients by video or phone in `state`."""
    serves = ServiceArea.objects.filter(listing_id=OuterRef("pk"), state=state)
    return (Q(video=True) | Q(phone_sessions=True)) & Q(Exists(serves))


# Languages and vocabularies ------------------------------------------------------------


def offers_language(ids: list[Any], *, interpreter: bool) -> Exists:
    offered = [ListingLanguage.Offered.SPEAKS]
    if interpreter:
        offered.append(ListingLanguage.Offered.INTERPRETER)
    return Exists(
        ListingLanguage.objects.filter(
            listing_id=OuterRef("pk"), language_id__in=ids, offered__in=offered
        )
    )


def has_terms(relation: str, ids: list[Any]) -> Exists:
    """Listings linked to any of these terms through `relation` (a RELATIONS key)."""
    through, column = RELATIONS[relation]
    return Exists(through.objects.filter(listing_id=OuterRef("pk"), **{f"{column}__in": ids}))


# Free text ------------------------------------------------------------------------------


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
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def text_condition(q: str) -> Q:
    """Every word of `q` in the name or the texts in the current language, or in English.

    On PostgreSQL a full-text match against the listing's SearchDocument (GIN
    indexed). Elsewhere, and for words in scripts without spaces (Chinese), where
    full-text search cannot find part of a run of text, a plain contains match.
    """
    contains = Q()
    for word in q.split()[:MAX_QUERY_WORDS]:
        anywhere = Q(name__icontains=word)
        for column in text_columns():
            anywhere |= Q(**{f"{column}__icontains": word})
        contains &= anywhere
    if not uses_full_text_search():
        return contains
    condition = Q(Exists(documents().filter(document=search_query(q))))
    return condition | contains if _UNSPACED.search(q) else condition


# The hard filters -------------------------------------------------------------------------


def search_conditions(params: SearchParams) -> dict[str, Q]:
    """Each hard filter of a search as a condition on Listing, keyed by what it came from.

    A listing must meet all of them. Keys: place, lang, identity, experience,
    specialty, approach, insurance, kind, age, format, max_fee, sliding, free,
    accepting, q.
    """
    conditions: dict[str, Q] = {}
    places = []
    if params.place is not None:
        places.append(within_miles(params.place, params.radius))
    if params.online:
        places.append(online_in(params.online))
    if places:
        conditions["place"] = places[0] if len(places) == 1 else places[0] | places[1]
    if params.lang:
        conditions["lang"] = Q(offers_language(params.ids("lang"), interpreter=params.interpreter))
    if params.identity:
        conditions["identity"] = Q(has_terms("identity", params.ids("identity")))
    if params.experience:
        # Someone who identifies as part of a community also knows it from within.
        ids = params.ids("experience")
        conditions["experience"] = Q(has_terms("identity", ids)) | Q(has_terms("experience", ids))
    for param in ("specialty", "approach", "insurance", "age", "format"):
        if params.terms(param):
            conditions[param] = Q(has_terms(param, params.ids(param)))
    if params.kind:
        conditions["kind"] = Q(kind__in=params.keys("kind"))
    if params.max_fee is not None:
        conditions["max_fee"] = (
            Q(free=True) | Q(sliding_scale_min__lte=params.max_fee) | Q(fee_min__lte=params.max_fee)
        )
    if params.sliding:
        conditions["sliding"] = Q(sliding_scale_min__isnull=False)
    if params.free:
        conditions["free"] = Q(free=True)
    if params.accepting:
        conditions["accepting"] = Q(accepting_new_clients=True)
    if params.q:
        conditions["q"] = text_condition(params.q)
    return conditions
