"""The search URL, read leniently, as a search.

`ListingFilter` (a django-filter FilterSet) turns the query string of
`/<lang>/search/` (see "Contracts" in DESIGN.md) into a `SearchParams` and
filters the search index by what each criterion means (directory/criteria.py).
Bad input never fails the page: unknown choices are dropped, numbers out of
range are corrected to the nearest allowed value, and anything unusable is
ignored, with a message when the seeker should know (a ZIP code that does not
exist).
"""

import copy
import functools
import math
import re
from collections.abc import Iterable
from typing import Any

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Case, CharField, F, QuerySet, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from directory.caching import kept_a_while
from directory.criteria import search_conditions
from directory.params import DEFAULT_RADIUS, RADII, STATE_NAMES, TERM_PARAMS, SearchParams, Term
from directory.text_search import current_language_suffix
from directory.words import Words, filler_words, kind_synonyms
from providers.models import (
    AccessibilityFeature,
    AgeGroup,
    Approach,
    Format,
    Identity,
    Insurance,
    Language,
    Listing,
    PaymentMethod,
    SearchEntry,
    Specialty,
)
from providers.places import Place, zip_lookup

SORTS = ("match", "distance", "confirmed")
# More choices than this in one parameter are ignored: nobody needs them, and it
# keeps every query a bounded size whatever the query string holds.
MAX_CHOICES = 10
MAX_FEE = 100_000
MAX_QUERY_LENGTH = 200


# Vocabularies -----------------------------------------------------------------


VOCABULARY_MODELS = (
    ("lang", Language, "code"),
    ("identity", Identity, "slug"),
    ("specialty", Specialty, "slug"),
    ("approach", Approach, "slug"),
    ("insurance", Insurance, "slug"),
    ("age", AgeGroup, "slug"),
    ("format", Format, "slug"),
    ("accessibility", AccessibilityFeature, "slug"),
    ("payment", PaymentMethod, "slug"),
)


class Vocabularies:
    """The terms of every vocabulary, by key, and the words that name them."""

    def __init__(self, terms: Iterable[Term], words: Words | None = None) -> None:
        self.words = words if words is not None else Words(())
        self.terms: dict[str, list[Term]] = {}
        self._by_key: dict[tuple[str, str], Term] = {}
        for term in terms:
            self.terms.setdefault(term.vocabulary, []).append(term)
            self._by_key[term.vocabulary, term.key] = term
        # Each search's form offers them (ListingFilter): listed once, not per search.
        self._choices = {
            vocabulary: [(term.key, term.label) for term in vocabulary_terms]
            for vocabulary, vocabulary_terms in self.terms.items()
        }

    def choices(self, vocabulary: str) -> list[tuple[str, str]]:
        return self._choices.get(vocabulary, [])

    def get(self, vocabulary: str, key: str) -> Term | None:
        return self._by_key.get((vocabulary, key))


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
    chosen = None if kinds is None else tuple(kinds)
    return _recent_vocabularies(current_language_suffix(), chosen)


# Like a search page, a renamed term may take SEARCH_PAGE_SECONDS to show. Each
# process keeps the few hundred names it reads for that long: every search page,
# a shared one too, needs them to read its query string.
@kept_a_while(maxsize=64)
def _recent_vocabularies(suffix: str, kinds: tuple[str, ...] | None) -> Vocabularies:
    # Read again each period, but built again only when the names have changed:
    # building what the words name (directory/words.py) is most of the cost.
    return _built_vocabularies(suffix, kinds, _vocabulary_rows(suffix))


def _vocabulary_rows(suffix: str) -> tuple[tuple[Any, ...], ...]:
    """Every term's id, vocabulary, key, label, position and the names that may be
    typed for it, in the current language; in the vocabularies' order."""
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
            # What a seeker may type for it (directory/words.py): its English name,
            # and curators' synonyms in the current language and in English.
            v_english=F("name_en"),
            v_synonyms=Coalesce(F(f"synonyms_{suffix}"), Value(""), output_field=CharField()),
            v_english_synonyms=Coalesce(F("synonyms_en"), Value(""), output_field=CharField()),
            v_own_name=own_name() if model is Language else Value("", output_field=CharField()),
        )
        .values_list(
            "id",
            "v_vocabulary",
            "v_key",
            "v_label",
            "v_position",
            "v_english",
            "v_synonyms",
            "v_english_synonyms",
            "v_own_name",
        )
        for vocabulary, model, key_field in VOCABULARY_MODELS
    ]
    rows = parts[0].union(*parts[1:], all=True)
    order = {vocabulary: index for index, (vocabulary, _m, _k) in enumerate(VOCABULARY_MODELS)}
    return tuple(sorted(rows, key=lambda row: (order[row[1]], row[4], row[3])))


@functools.lru_cache(maxsize=64)
def _built_vocabularies(
    _suffix: str, kinds: tuple[str, ...] | None, rows: tuple[tuple[Any, ...], ...]
) -> Vocabularies:
    terms = []
    names: list[tuple[Term, str]] = []
    for pk, vocabulary, key, label, _position, *other_names in rows:
        term = Term(vocabulary, pk, key, label)
        terms.append(term)
        names += [(term, label), *((term, name or "") for name in other_names)]
    allowed = set(kinds) if kinds is not None else None
    for value, label in Listing.Kind.choices:
        if allowed is None or value in allowed:
            term = Term("kind", value, value, str(label))
            terms.append(term)
            names.append((term, str(label)))
    names += kind_words(terms)
    return Vocabularies(terms, Words(names, fillers=filler_words()))


def own_name() -> Case:
    """A language's name in itself, where it is an interface language ("español",
    "中文", "Tiếng Việt"): seekers type it on a page in any language."""
    suffixes: dict[str, str] = {}
    for code, _name in settings.LANGUAGES:
        suffixes.setdefault(code.split("-")[0], code.replace("-", "_"))
    return Case(
        *(
            When(code=code, then=Coalesce(F(f"name_{suffix}"), Value("")))
            for code, suffix in suffixes.items()
        ),
        default=Value(""),
        output_field=CharField(),
    )


def kind_words(terms: list[Term]) -> list[tuple[Term, str]]:
    """The kinds' English names and the common words for each kind, in the current
    language and in English."""
    kinds = {term.key: term for term in terms if term.vocabulary == "kind"}
    found = [(kinds[key], words) for key, words in kind_synonyms().items() if key in kinds]
    with translation.override(settings.LANGUAGE_CODE):
        english = dict(Listing.Kind.choices)
        found += [(term, str(english[key])) for key, term in kinds.items()]
        found += [(kinds[key], words) for key, words in kind_synonyms().items() if key in kinds]
    return found


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
    """Never shown (templates/includes/search_filters.html writes the controls), only
    read: each reads its value from the query string as its widget does."""

    widget: type[forms.Widget] = forms.TextInput

    def __deepcopy__(self, memo: dict[int, Any]) -> "LenientField":
        """A form copies each of its fields for itself (Django). Each search builds its
        own fields, with its own choices (django-filter's `Filter.field`, on the
        search's own copies of the filters), and only its own form reads them, never
        changing or rendering them: the form can share them. (Never build a field
        on the class's filters: every search would then share one search's choices.)"""
        return self

    def validate(self, value: Any) -> None:
        """Nothing is ever invalid: `to_python` has already corrected or dropped it."""


class ChoicesField(LenientField):
    """Known choices only, each once, in the order given, at most MAX_CHOICES."""

    widget = forms.MultipleHiddenInput  # every value of the parameter, as a list

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

    def __deepcopy__(self, memo: dict[int, Any]) -> "Param":
        """Every search copies its FilterSet's filters, deeply (django-filter), and then
        changes only their `extra` (the choices it offers). A copy that shares the rest
        spares copying each label's lazy translation on every request: that was a
        third of the time a page taken from the cache cost."""
        copied = copy.copy(self)
        copied.extra = dict(self.extra)
        memo[id(self)] = copied
        return copied


# The FilterSet --------------------------------------------------------------------


class ListingFilter(django_filters.FilterSet):
    """Every parameter of the search URL contract.

    Its form always validates; `params` is the cleaned search, and `qs` the search
    index (`SearchEntry`) filtered by `search_conditions(params)`. `kinds` scopes
    the search and its `kind` choices (the community page: community kinds only).
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
    access = Param(ChoicesField, label=gettext_lazy("Accessibility"))
    payment = Param(ChoicesField, label=gettext_lazy("Ways to pay"))
    max_fee = Param(FeeField, label=gettext_lazy("Most I can pay per session"))
    sliding = Param(FlagField, label=gettext_lazy("Sliding scale"))
    free = Param(FlagField, label=gettext_lazy("Free option"))
    accepting = Param(FlagField, label=gettext_lazy("Accepting new clients"))
    q = Param(TextField, label=gettext_lazy("Search by words"))
    sort = Param(SortField, label=gettext_lazy("Sort by"))

    class Meta:
        model = SearchEntry
        fields: list[str] = []

    def __init__(
        self,
        data: QueryDict | dict[str, Any] | None = None,
        *,
        request: Any = None,
        prefix: str | None = None,
        kinds: Iterable[str] | None = None,
    ) -> None:
        queryset = SearchEntry.objects.all()
        if kinds is not None:
            queryset = queryset.filter(kind__in=kinds)
        super().__init__(
            data if data is not None else QueryDict(), queryset, request=request, prefix=prefix
        )
        # The kinds of listing this search is scoped to (None: every kind).
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
            # Words that name a term apply it, as if it were chosen (directory/words.py).
            reading = self.vocabularies.words.read(data["q"])
            for param, named in reading.terms.items():
                terms[param] = (*terms[param], *(t for t in named if t not in terms[param]))
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
                q=reading.rest,
                sort=data["sort"],
                messages=(message,) if message else (),
                recognised=reading.found,
                **terms,
            )
        return self._params

    def filter_queryset(self, queryset: Any) -> Any:
        return queryset.filter(*search_conditions(self.params).values())


def read_search(query_string: str, kinds: tuple[str, ...] | None = None) -> SearchParams:
    """The search a query string asks for, as ListingFilter reads it.

    Reading one (a form of twenty fields, built and cleaned) costs more than sending
    its page from the shared cache (directory.caching), whose key it is. So, like the
    vocabularies it is read with, each process keeps what it read for
    SEARCH_PAGE_SECONDS: the last 4,096 query strings it was asked, junk included.
    """
    return _recent_search(query_string, kinds, get_language())


@kept_a_while(maxsize=4096)
def _recent_search(
    query_string: str, kinds: tuple[str, ...] | None, _language: str | None
) -> SearchParams:
    return ListingFilter(QueryDict(query_string), kinds=kinds).params


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
