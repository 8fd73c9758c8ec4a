"""The facts a demo listing picks from the vocabularies: ways to pay, accessibility
features and licence types, from demo/data/facts.toml."""

import random
from dataclasses import dataclass
from typing import Any

from demo import content as data


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
    facts = data.FACTS
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
