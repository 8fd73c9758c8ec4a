"""The demo's texts in the languages its providers speak, and the facts it picks from
the vocabularies (ways to pay, accessibility, licence types), read from
demo/texts.json; and how much of the demo each interface language can read.

The templates add to those in demo/content.py: each language has several, and a
provider may close with a sentence of their own, so no two read as copies of one
English text.
"""

import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

DEMO_TEXTS = Path(__file__).resolve().parent / "texts.json"


@cache
def demo_texts() -> dict[str, Any]:
    return dict(json.loads(DEMO_TEXTS.read_text(encoding="utf-8")))


def templates(lang: str, key: str) -> tuple[str, ...]:
    """More templates of one kind (clinician, practice, community, ...) in `lang`."""
    return tuple(demo_texts()["texts"].get(lang, {}).get(key, ()))


def closing(r: random.Random, lang: str, *, practice: bool) -> str:
    """A sentence a provider might end with, or none."""
    choices = templates(lang, "closing_practice" if practice else "closing_clinician")
    return r.choice(choices) if choices and r.random() < 0.6 else ""


@dataclass(frozen=True)
class Facts:
    payment_methods: list[str]
    payment_note: str
    accessibility: list[str]
    accessibility_note: str
    licence_types: list[str]


def demo_facts(
    r: random.Random,
    *,
    community: str,
    role: str = "",
    places: list[dict[str, Any]] | None = None,
    speaks: list[str] | None = None,
    video: bool = False,
    paid: bool = True,
    donation: bool = False,
) -> Facts:
    """Ways to pay, accessibility features and licence types for one demo listing."""
    facts = demo_texts()["facts"]
    methods: list[str] = []
    note = ""
    if paid:
        choice = r.choice(facts["payment"])
        methods, note = list(choice["methods"]), choice.get("note", "")
    if donation:
        methods += facts["community_payment"]
    if community in facts["indigenous_communities"] and r.random() < 0.6:
        methods.append(facts["indigenous_payment"])
    access: list[str] = []
    access_note = ""
    if places:
        if any(place.get("wheelchair_accessible") for place in places):
            access.append("wheelchair-accessible")
        access += r.sample(facts["accessibility"], r.randint(0, 3))
        if r.random() < 0.08:
            access_note = r.choice(facts["accessibility_notes"])
    if "ase" in (speaks or []):
        access.append("asl-on-site")
    if video and r.random() < 0.2:
        access.append("captioned-video")
    licences = [facts["licence_types"][role]] if role in facts["licence_types"] else []
    return Facts(
        payment_methods=list(dict.fromkeys(methods)),
        payment_note=note,
        accessibility=list(dict.fromkeys(access)),
        accessibility_note=access_note,
        licence_types=licences,
    )


@dataclass(frozen=True)
class TextShare:
    language: str  # an interface language code: es, zh-hans, ...
    with_text: int
    listings: int

    @property
    def share(self) -> float:
        return self.with_text / self.listings if self.listings else 0.0


def text_shares(listings: Any) -> list[TextShare]:
    """For each interface language, how many of these listings have an about text in it."""
    total = listings.count()
    found = []
    for code, _name in settings.LANGUAGES:
        column = f"about_{code.replace('-', '_')}"
        written = listings.exclude(**{column: ""}).exclude(**{f"{column}__isnull": True})
        found.append(TextShare(code, written.count(), total))
    return found


def shares_report(listings: Any) -> str:
    """The shares as the README prints them, one language a line."""
    names = dict(settings.LANGUAGES)
    return "\n".join(
        f"{share.language} ({names[share.language]}): {share.with_text} of {share.listings} "
        f"listings ({share.share:.0%})"
        for share in text_shares(listings)
    )
