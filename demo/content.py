"""The demo's content, read from the files in demo/data/: metro areas, communities,
name pools, licences, the facts it picks from the vocabularies, its texts in every
interface language (one file each, for translators), and the real national crisis
lines.

Everything except the crisis lines is fictional. Names are drawn at random from
common given and family names, phone numbers use the 555-01xx range reserved for
fiction, licence numbers start with DEMO, and every email and website is on
example.org. The order of what the files hold is part of the seed: the same files
give the same demo.
"""

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


def _read(name: str) -> dict[str, Any]:
    with (DATA / name).open("rb") as file:
        return tomllib.load(file)


def _tuples(row: dict[str, Any]) -> dict[str, Any]:
    """A record's lists as the tuples the dataclasses hold."""
    return {key: tuple(value) if isinstance(value, list) else value for key, value in row.items()}


# Metro areas ---------------------------------------------------------------


@dataclass(frozen=True)
class Zip:
    """A real ZIP code in a metro area, the neighbourhood it covers, a street or two
    there (none for rural places), and the communities most likely to be found there."""

    code: str
    place: str
    streets: tuple[str, ...]
    communities: tuple[str, ...]


@dataclass(frozen=True)
class Metro:
    key: str
    name: str
    state: str
    # States a telehealth provider here is most often also licensed in.
    neighbours: tuple[str, ...]
    area_codes: tuple[str, ...]
    size: int
    transit: str
    zips: tuple[Zip, ...]
    # Community key -> weight: who the listings here are by and for.
    communities: dict[str, int]
    # Languages clinics here most often bring an interpreter for.
    interpreted: tuple[str, ...]
    # Languages anyone here may also speak, with a probability.
    extra_languages: tuple[tuple[str, float], ...] = (("ase", 0.02),)


def _metro(row: dict[str, Any]) -> Metro:
    return Metro(
        key=row["key"],
        name=row["name"],
        state=row["state"],
        neighbours=tuple(row["neighbours"]),
        area_codes=tuple(row["area_codes"]),
        size=row["size"],
        transit=row["transit"],
        zips=tuple(
            Zip(z["code"], z["place"], tuple(z["streets"]), tuple(z["communities"]))
            for z in row["zips"]
        ),
        communities=dict(row["communities"]),
        interpreted=tuple(row["interpreted"]),
        extra_languages=tuple(row["extra_languages"].items()),
    )


METROS: tuple[Metro, ...] = tuple(_metro(row) for row in _read("metros.toml")["metro"])


# Communities ---------------------------------------------------------------


@dataclass(frozen=True)
class CommunityGroup:
    """A kind of community support a community runs: `{place}` is the neighbourhood."""

    name: str
    community_type: str
    ages: str = "adults"  # adults, youth, elders or all
    identities: tuple[str, ...] = ()  # beyond the community's own
    # Who it is for, when narrower than the community's `served` (per text language).
    served: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Community:
    """Who a listing is by and for: names, languages, identities, how texts speak of them."""

    key: str
    women: tuple[str, ...]
    men: tuple[str, ...]
    family: tuple[str, ...]
    # (codes, probability): the first code present in the vocabulary is used, so a
    # Cantonese speaker is listed under `yue`, or `zh` where there is no `yue`.
    languages: tuple[tuple[tuple[str, ...], float], ...]
    identities: tuple[tuple[str, float], ...]
    # How texts name the people served, per text language ("en" always present).
    served: dict[str, str]
    practice_words: tuple[str, ...]
    groups: tuple[CommunityGroup, ...]
    rooted_approaches: tuple[str, ...] = ()
    specialties: tuple[str, ...] = ()  # more likely here than elsewhere
    faiths: tuple[str, ...] = ()
    # Whether "navigating two cultures at once" describes the people served.
    bicultural: bool = True


def _community(row: dict[str, Any]) -> Community:
    return Community(
        key=row["key"],
        women=tuple(row["women"]),
        men=tuple(row["men"]),
        family=tuple(row["family"]),
        languages=tuple((tuple(lang["codes"]), lang["share"]) for lang in row["languages"]),
        identities=tuple(row["identities"].items()),
        served=dict(row["served"]),
        practice_words=tuple(row["practice_words"]),
        groups=tuple(
            CommunityGroup(
                name=group["name"],
                community_type=group["community_type"],
                ages=group["ages"],
                identities=tuple(group["identities"]),
                served=dict(group.get("served", {})),
            )
            for group in row["groups"]
        ),
        rooted_approaches=tuple(row["rooted_approaches"]),
        specialties=tuple(row["specialties"]),
        faiths=tuple(row["faiths"]),
        bicultural=row["bicultural"],
    )


_communities = _read("communities.toml")
COMMUNITIES: dict[str, Community] = {
    row["key"]: _community(row) for row in _communities["community"]
}
# Culturally rooted practices that belong to some people or places only.
ROOTED_FOR_WOMEN: tuple[str, ...] = tuple(_communities["rooted_for_women"])
ROOTED_IN_METROS: dict[str, tuple[str, ...]] = {
    slug: tuple(metros) for slug, metros in _communities["rooted_in_metros"].items()
}

_names = _read("names.toml")
NEUTRAL_NAMES: tuple[str, ...] = tuple(_names["neutral_names"])
PRACTICE_SUFFIXES: tuple[str, ...] = tuple(_names["practice_suffixes"])
COMMUNITY_VENUES: tuple[str, ...] = tuple(_names["community_venues"])


# Clinicians ----------------------------------------------------------------


@dataclass(frozen=True)
class Licence:
    credentials: tuple[str, ...]  # one is picked; {counselor} is the state's licence
    licence_type: str
    role: str  # how the clinician describes themselves in English
    weight: int


_licences = _read("licences.toml")
# The counselor licence each state issues, and its title.
COUNSELOR_LICENCE: dict[str, str] = _licences["counselor_licence"]
COUNSELOR_TITLE: dict[str, str] = _licences["counselor_title"]
LICENCES: tuple[Licence, ...] = tuple(
    Licence(tuple(row["credentials"]), row["licence_type"], row["role"], row["weight"])
    for row in _licences["licence"]
)

# Ways to pay, accessibility features and licence types (demo/facts.py).
FACTS: dict[str, Any] = _read("facts.toml")


# Texts ---------------------------------------------------------------------


@dataclass(frozen=True)
class Texts:
    """One language's templates, one of each list picked. Slots: {name} {first} {city}
    {years} {role} {served} {specialties} {approaches} {modes} {ctype} {activity} {cost}."""

    clinician: tuple[str, ...]  # in English the last is for people between two cultures
    practice: tuple[str, ...]
    community: tuple[str, ...]
    approach: tuple[str, ...]
    practice_approach: str
    community_approach: str
    demo_note: str
    served_generic: str
    modes: dict[str, str]  # in_person, video, phone
    list_sep: str
    list_last: str
    modes_last: str
    specialties: dict[str, str]
    approaches: dict[str, str]
    ctypes: dict[str, str]
    activity: dict[str, str]  # default, warm-line, mutual-aid
    cost_free: str
    cost_low: str
    cities: dict[str, str] = field(default_factory=dict)
    # When none of a provider's specialties has a word in this language.
    clinician_general: tuple[str, ...] = ()
    practice_general: tuple[str, ...] = ()
    # A sentence a provider may end their about text with.
    closing_clinician: tuple[str, ...] = ()
    closing_practice: tuple[str, ...] = ()
    # Providers who speak these languages write their texts in this one too.
    spoken: tuple[str, ...] = ()


# Interface language (as in a field name: zh_hans) -> its templates.
TEXTS: dict[str, Texts] = {
    path.stem: Texts(**_tuples(_read(f"texts/{path.name}")))
    for path in sorted((DATA / "texts").glob("*.toml"))
}
# The interface language a provider who speaks a language can write their texts in.
TEXT_LANGUAGE_FOR: dict[str, str] = {
    code: lang for lang, texts in TEXTS.items() for code in texts.spoken
}


# Crisis and warm lines: real, national, public --------------------------------


@dataclass(frozen=True)
class CrisisLine:
    slug: str
    name: str
    phone: str
    website: str
    about: dict[str, str]
    video: bool = False
    community_type: str = ""
    speaks: tuple[str, ...] = ("en",)
    interpreter: tuple[str, ...] = ()
    identifies_as: tuple[str, ...] = ()
    experienced_with: tuple[str, ...] = ()
    specialties: tuple[str, ...] = ()
    ages: tuple[str, ...] = ("children", "teens", "adults", "older-adults")


CRISIS_LINES: tuple[CrisisLine, ...] = tuple(
    CrisisLine(**_tuples(row)) for row in _read("crisis_lines.toml")["line"]
)


def neighbourhood_languages() -> Iterator[tuple[str, list[tuple[tuple[str, ...], float]]]]:
    """Each demo ZIP code with the languages of the communities found there, and their
    shares: the editor's likely languages (providers/forms/languages.py)."""
    for metro in METROS:
        for place in metro.zips:
            community_languages = [
                language
                for key in place.communities
                if key in COMMUNITIES
                for language in COMMUNITIES[key].languages
            ]
            yield place.code, community_languages
