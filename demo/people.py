"""Who a demo clinician or practice is: their name, licence and pronouns."""

import random
from datetime import timedelta
from typing import Any

from demo import content as data
from providers.models import LicenceCheck, Listing

Status = Listing.Status


def person_name(r: random.Random, community: data.Community, gender: str) -> tuple[str, str]:
    if gender == "nonbinary":
        pool = data.NEUTRAL_NAMES if r.random() < 0.4 else community.women + community.men
    else:
        pool = community.women if gender == "woman" else community.men
    given = r.choice(pool)
    if community.family:
        family = r.choice(community.family)
        if community.key == "latine" and r.random() < 0.15:
            family = f"{family} {r.choice(community.family)}"
    else:
        others = [c for c in data.COMMUNITIES.values() if c.family]
        family = r.choice(r.choice(others).family)
        if r.random() < 0.35:
            family = f"{family}-{r.choice(r.choice(others).family)}"
    return given, f"{given} {family}"


def practice_name(r: random.Random, community: data.Community, place: str) -> str:
    suffix = r.choice(data.PRACTICE_SUFFIXES)
    if community.family and r.random() < 0.2:
        a, b = r.sample(community.family, 2)
        return f"{a} & {b} {suffix}"
    name = f"{r.choice(community.practice_words)} {suffix}"
    # A practice is named for where it is as often as not.
    if place and r.random() < 0.4:
        name = f"{place} {name}"
    return name


def licence_fields(
    r: random.Random, licence: data.Licence, state: str, lifecycle: dict[str, Any]
) -> dict[str, Any]:
    counselor = data.COUNSELOR_LICENCE.get(state, "LPC")
    credentials = r.choice(licence.credentials).format(counselor=counselor)
    licence_type = licence.licence_type.format(counselor=data.COUNSELOR_TITLE[counselor])
    verified = None
    confirmed = lifecycle["last_confirmed_at"]
    if lifecycle["status"] == Status.PUBLISHED and confirmed and r.random() < 0.55:
        verified = confirmed - timedelta(days=r.randint(0, 365))
    return {
        "credentials": credentials,
        "licence_type": licence_type,
        # Fictional by construction: no state issues numbers that start with DEMO.
        "licence_number": f"DEMO-{r.randint(100000, 999999)}",
        "licence_state": state,
        "licence_verified_at": verified,
        "licence_verification_method": LicenceCheck.BOARD_WEBSITE if verified else "",
        "licence_verification_note": (
            "Demo data: a fictional licence; nothing was actually checked." if verified else ""
        ),
    }


def pronouns(r: random.Random, gender: str, trans: bool, queer: bool) -> str:
    if gender == "nonbinary":
        return r.choice(("they/them", "they/them", "they/she", "they/he", "ze/zir"))
    if not trans and r.random() >= 0.45:
        return ""
    if queer and r.random() < 0.2:
        return "she/they" if gender == "woman" else "he/they"
    return "she/her" if gender == "woman" else "he/him"
