"""What a seeker asked for: a search, cleaned (`SearchParams`), each choice in it
(`Term`), and one change to it that may find more (`Relaxation`).

directory/filters.py reads a `SearchParams` from the query string; what each of its
parameters asks of a listing is in the table of criteria (directory/criteria.py).
"""

from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from providers.places import Place
from providers.states import STATE_NAMES

RADII = (5, 10, 25, 50, 100)
DEFAULT_RADIUS = 25
# What vocabulary the terms of each vocabulary parameter come from.
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
    "access": "accessibility",
    "payment": "payment",
}


def whole(number: float) -> float:
    """25.0 as 25, for URLs and text; 2.5 as it is."""
    return int(number) if float(number).is_integer() else number


@dataclass(frozen=True)
class Term:
    """One choice a seeker can make: a language, an identity, a kind, ..."""

    vocabulary: str
    id: int | str
    key: str  # what the URL holds: a language code, a slug, a kind
    label: str  # its name in the current language


@dataclass(frozen=True)
class Recognised:
    """A term the seeker named in the search words (directory/words.py)."""

    param: str  # the parameter it applies: "lang", "experience", "kind", ...
    term: Term
    words: str  # as the seeker typed them: "español"


@dataclass(frozen=True)
class SearchParams:
    """A search, cleaned: only known choices, corrected numbers, a resolved place."""

    near: str = ""
    place: Place | None = None
    radius: float = DEFAULT_RADIUS
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
    access: tuple[Term, ...] = ()
    payment: tuple[Term, ...] = ()
    max_fee: int | None = None
    sliding: bool = False
    free: bool = False
    accepting: bool = False
    q: str = ""
    sort: str = "match"
    messages: tuple[str, ...] = field(default=(), compare=False)
    # Terms read from the words the seeker typed, already applied above, and `q`
    # the words left over.
    recognised: tuple[Recognised, ...] = field(default=(), compare=False)

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
            pairs += [("near", self.near), ("radius", str(whole(self.radius)))]
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


@dataclass(frozen=True)
class Relaxation:
    """One change to a search that may find more: a wider radius, one filter fewer, ..."""

    kind: str  # "interpreter", "radius", "online" or "drop"
    params: SearchParams
    dropped: str = ""  # for "drop": the filter given up, as the seeker chose it
    param: str = ""  # for "drop": the criterion given up

    @property
    def keeps_what_was_asked(self) -> bool:
        """Wider reach rather than giving up a filter: preferred when both help."""
        return self.kind != "drop"


def or_list(labels: Any) -> str:
    """ "Korean", "Korean or Vietnamese", "Korean, Tagalog or Vietnamese"."""
    labels = list(labels)
    if len(labels) <= 1:
        return "".join(labels)
    separator = pgettext("list separator", ", ")
    return _("%(items)s or %(last)s") % {"items": separator.join(labels[:-1]), "last": labels[-1]}
