"""`manage.py seed_demo`: a realistic, clearly fictional directory to try Rooted with.

Several hundred clinicians, practices and community supports in metro areas across the
US, plus the real national crisis and warm lines. The same seed gives the same data
(dates are relative to today), and running it again replaces only what it made itself:
demo listings have `source` "demo" (and an `imported` history entry saying so), and
listings without it are never touched, even when one has a slug the demo would use.
"""

import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models, transaction
from django.utils import timezone, translation

from demo import content as data
from demo import facts as demo_texts
from providers.models import (
    LicenceCheck,
    Listing,
    ListingLanguage,
    Location,
)
from providers.places import zip_lookup
from providers.search_index import search_index_remove
from providers.states import US_STATES
from providers.vocabulary import Vocabularies, vocabulary_fields
from providers.writing import ImportWriter, Incoming, free_slug, validation_messages

SEED = 20240611
SOURCE = "demo"
# uuid5 of the slug: a demo listing keeps its public identifier across runs.
UUID_NAMESPACE = uuid.UUID("5f0c3a52-9d7e-4c1b-8f1e-6b2f6d1c9a01")
CONTRACT_SPECIALTIES = tuple(data.TEXTS["en"].specialties)
CONTRACT_APPROACHES = tuple(data.TEXTS["en"].approaches)

Kind = Listing.Kind
Status = Listing.Status


@dataclass
class Planned:
    """One listing to create, with everything that hangs off it."""

    fields: dict[str, Any]
    locations: list[dict[str, Any]] = field(default_factory=list)
    speaks: list[str] = field(default_factory=list)
    interpreter: list[str] = field(default_factory=list)
    identifies_as: list[str] = field(default_factory=list)
    experienced_with: list[str] = field(default_factory=list)
    specialties: list[str] = field(default_factory=list)
    approaches: list[str] = field(default_factory=list)
    insurance: list[str] = field(default_factory=list)
    ages: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    payment_methods: list[str] = field(default_factory=list)
    accessibility: list[str] = field(default_factory=list)
    licence_types: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return str(self.fields["slug"])


class Vocabulary:
    """The terms that exist right now. Anything the demo asks for that is missing is
    skipped, so the command works with whatever the curators keep."""

    def __init__(self) -> None:
        with translation.override("en"):
            self.shared = Vocabularies.load()
            self.languages = {code: lang for code, lang in self.shared.languages.items()}
            self.identities = self.shared.terms["identifies_as"]
            self.specialties = self.shared.terms["specialties"]
            self.approaches = self.shared.terms["approaches"]
            self.insurance = self.shared.terms["insurance"]
            self.ages = self.shared.terms["ages"]
            self.formats = self.shared.terms["formats"]
            self.payment_methods = self.shared.terms["payment_methods"]
            self.accessibility = self.shared.terms["accessibility"]
            self.licence_types = self.shared.terms["licence_types"]
            self.language_names = {code: str(lang.name) for code, lang in self.languages.items()}
            self.approach_names = {
                slug: (str(term.name), str(term.originating_community))
                for slug, term in self.approaches.items()
            }
            self.specialty_names = {slug: str(term.name) for slug, term in self.specialties.items()}
        self.other_specialties = sorted(set(self.specialties) - set(CONTRACT_SPECIALTIES))
        rooted = {slug for slug, (_n, origin) in self.approach_names.items() if origin}
        self.other_approaches = sorted(
            set(self.approaches) - set(CONTRACT_APPROACHES) - rooted - {"medication-management"}
        )
        # Sliding scales have their own field; the rest are plans a provider may take.
        self.commercial_plans = sorted(
            slug
            for slug in self.insurance
            if slug not in ("medicaid", "medicare") and "sliding" not in slug
        )

    def language(self, codes: tuple[str, ...]) -> str | None:
        return next((code for code in codes if code in self.languages), None)


def _join(items: list[str], sep: str, last: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return sep.join(items[:-1]) + last + items[-1]


def _lower_first(name: str) -> str:
    """'Person-centered therapy' reads as 'person-centered therapy' mid-sentence;
    'Internal Family Systems (IFS)' keeps its capitals."""
    words = name.split()
    if (
        words
        and words[0][1:].islower()
        and all(w.islower() or w.startswith("(") for w in words[1:])
    ):
        return name[:1].lower() + name[1:]
    return name


def _quotas(weights: dict[str, int], total: int) -> list[str]:
    """`total` keys in proportion to `weights` (largest remainder): a metro of 35
    listings gets its share of each community, not whatever a few dice rolls give."""
    whole = sum(weights.values())
    exact = {key: total * weight / whole for key, weight in weights.items()}
    counts = {key: int(share) for key, share in exact.items()}
    by_remainder = sorted(exact, key=lambda key: (counts[key] - exact[key], key))
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return [key for key, count in counts.items() for _ in range(count)]


class DemoBuilder:
    """Plans the demo data set in memory: no queries beyond the vocabulary."""

    def __init__(self, *, vocabulary: Vocabulary, today: datetime, seed: int) -> None:
        self.vocab = vocabulary
        self.today = today
        self.seed = seed
        self.used_slugs: dict[str, str] = {}
        self.used_names: set[str] = set()

    def build(self) -> list[Planned]:
        planned = [self.crisis_line(line) for line in data.CRISIS_LINES]
        for metro in data.METROS:
            planned.extend(self.metro(metro))
        return planned

    # Helpers --------------------------------------------------------------

    def claim_slug(self, name: str) -> str:
        slug = free_slug(name, self.used_slugs)
        self.used_slugs[slug] = name
        return slug

    def present(self, slugs: list[str] | tuple[str, ...], terms: dict[str, Any]) -> list[str]:
        return list(dict.fromkeys(slug for slug in slugs if slug in terms))

    def ago(self, r: random.Random, low: int, high: int) -> datetime:
        return self.today - timedelta(days=r.randint(low, high), minutes=r.randrange(24 * 60))

    # Crisis and warm lines ------------------------------------------------

    def crisis_line(self, line: data.CrisisLine) -> Planned:
        r = random.Random(f"{self.seed}:crisis:{line.slug}")
        self.used_slugs[line.slug] = line.name
        texts = {f"about_{lang}": text for lang, text in line.about.items()}
        fields: dict[str, Any] = {
            "kind": Kind.CRISIS_LINE,
            "community_type": line.community_type,
            "status": Status.PUBLISHED,
            "name": line.name,
            "slug": line.slug,
            "phone": line.phone,
            "website": line.website,
            "in_person": False,
            "video": line.video,
            "phone_sessions": True,
            "free": True,
            "accepting_new_clients": True,
            "last_confirmed_at": self.ago(r, 1, 21),
            **texts,
        }
        speaks = [c for c in line.speaks if c in self.vocab.languages]
        return Planned(
            fields=fields,
            speaks=speaks,
            interpreter=[
                c for c in line.interpreter if c in self.vocab.languages and c not in speaks
            ],
            identifies_as=self.present(line.identifies_as, self.vocab.identities),
            experienced_with=self.present(line.experienced_with, self.vocab.identities),
            specialties=self.present(line.specialties, self.vocab.specialties),
            ages=self.present(line.ages, self.vocab.ages),
            formats=self.present(["individual"], self.vocab.formats),
            states=[code for code, _name in US_STATES],
        )

    # Metro areas ----------------------------------------------------------

    def metro(self, metro: data.Metro) -> list[Planned]:
        r = random.Random(f"{self.seed}:{metro.key}")
        n_community = max(5, round(metro.size * 0.12))
        n_practice = round(metro.size * 0.16)
        kinds = (
            [Kind.COMMUNITY] * n_community
            + [Kind.PRACTICE] * n_practice
            + [Kind.CLINICIAN] * (metro.size - n_community - n_practice)
        )
        r.shuffle(kinds)
        communities = _quotas(metro.communities, metro.size)
        r.shuffle(communities)
        planned = []
        for i, (kind, key) in enumerate(zip(kinds, communities, strict=True)):
            lr = random.Random(f"{self.seed}:{metro.key}:{i}")
            community = data.COMMUNITIES[key]
            if kind == Kind.COMMUNITY:
                planned.append(self.community_support(lr, metro, community))
            else:
                planned.append(self.provider(lr, metro, community, kind))
        return planned

    def place(
        self, r: random.Random, metro: data.Metro, community: data.Community, *, name: str = ""
    ) -> dict[str, Any]:
        local = [z for z in metro.zips if community.key in z.communities]
        zip_ = r.choice(local if local and r.random() < 0.8 else metro.zips)
        found = zip_lookup(zip_.code)
        if found is None:  # every demo ZIP is checked by the tests; this is belt and braces
            raise ValueError(f"Unknown demo ZIP code {zip_.code}")
        address = ""
        if zip_.streets:
            address = f"{r.randint(1, 48) * 100 + r.randint(0, 99)} {r.choice(zip_.streets)}"
            if r.random() < 0.3:
                address += f", Suite {r.randint(1, 4)}{r.randint(0, 2)}{r.randint(1, 9)}"
        # A little jitter so listings in one ZIP don't stack on one point; a few
        # hundred metres keeps them inside it.
        return {
            "name": name,
            "address": address,
            "city": found.city,
            "region": found.state,
            "postal_code": zip_.code,
            "latitude": round(found.latitude + r.uniform(-0.004, 0.004), 6),
            "longitude": round(found.longitude + r.uniform(-0.004, 0.004), 6),
            "wheelchair_accessible": r.random() < 0.7,
            "transit_notes": metro.transit if zip_.streets and r.random() < 0.45 else "",
            "_place": zip_.place,
        }

    def languages(
        self, r: random.Random, metro: data.Metro, community: data.Community, english: float
    ) -> list[str]:
        speaks = ["en"] if r.random() < english else []
        for codes, chance in community.languages:
            if r.random() < chance:
                speaks.append(self.vocab.language(codes) or "")
        for code, chance in metro.extra_languages:
            if r.random() < chance:
                speaks.append(code)
        speaks = [c for c in dict.fromkeys(speaks) if c in self.vocab.languages]
        if not speaks:
            speaks = [c for c in ("en",) if c in self.vocab.languages]
        return speaks

    def interpreters(
        self, r: random.Random, metro: data.Metro, speaks: list[str], chance: float
    ) -> list[str]:
        if r.random() >= chance:
            return []
        candidates = [c for c in metro.interpreted if c not in speaks]
        chosen = r.sample(candidates, min(len(candidates), r.randint(1, 3)))
        if r.random() < 0.15 and "ase" not in speaks:
            chosen.append("ase")
        return [c for c in chosen if c in self.vocab.languages]

    def identities(
        self,
        r: random.Random,
        community: data.Community,
        *,
        gender: str,
        trans: bool,
        queer: bool,
    ) -> list[str]:
        chosen = [slug for slug, chance in community.identities if r.random() < chance]
        if gender in ("woman", "man") and r.random() < 0.4:
            chosen.append("women" if gender == "woman" else "men")
        if gender == "nonbinary":
            chosen.append("nonbinary")
        if trans:
            chosen.append("transgender")
        if queer:
            chosen.append("lgbtq")
            if r.random() < 0.5:
                chosen.append(r.choice(("queer", "gay", "lesbian", "bisexual")))
            if "indigenous" in chosen and r.random() < 0.5:
                chosen.append("two-spirit")
        if community.faiths and r.random() < 0.12:
            chosen.append(r.choice(community.faiths))
        return self.present(chosen, self.vocab.identities)

    def experience(self, r: random.Random, community: data.Community) -> list[str]:
        core = [slug for slug, chance in community.identities if chance >= 0.9]
        extra = r.sample(
            [
                "immigrant",
                "refugee",
                "lgbtq",
                "transgender",
                "nonbinary",
                "muslim",
                "first-generation",
                "children-of-immigrants",
                "multiracial",
                "black",
                "latine",
                "indigenous",
                "asylum-seeker",
                "undocumented",
                "two-spirit",
            ],
            r.randint(1, 4),
        )
        return self.present(core + extra, self.vocab.identities)

    def specialties(self, r: random.Random, community: data.Community) -> list[str]:
        weights = {
            "anxiety": 0.6,
            "depression": 0.55,
            "trauma": 0.45,
            "racial-trauma": 0.25,
            "intergenerational-trauma": 0.2,
            "immigration-stress": 0.15,
            "grief": 0.25,
            "substance-use": 0.12,
            "relationships": 0.3,
        }
        for slug in community.specialties:
            weights[slug] = weights.get(slug, 0) + 0.35
        chosen = [slug for slug, chance in weights.items() if r.random() < chance]
        if not any(slug in CONTRACT_SPECIALTIES for slug in chosen):
            chosen.insert(0, r.choice(("anxiety", "depression", "trauma", "grief")))
        if self.vocab.other_specialties and r.random() < 0.5:
            chosen += r.sample(self.vocab.other_specialties, r.randint(1, 2))
        return self.present(chosen, self.vocab.specialties)

    def approaches(
        self,
        r: random.Random,
        community: data.Community,
        metro: data.Metro,
        *,
        prescriber: bool,
        rooted: float,
        women: bool,
    ) -> list[str]:
        weights = {
            "cbt": 0.45,
            "emdr": 0.2,
            "somatic": 0.2,
            "narrative": 0.2,
            "culturally-adapted": 0.35,
            "faith-integrated": 0.1 if community.faiths else 0.04,
        }
        chosen = [slug for slug, chance in weights.items() if r.random() < chance]
        if not chosen:
            chosen.append(r.choice(("cbt", "culturally-adapted", "narrative")))
        if self.vocab.other_approaches and r.random() < 0.45:
            chosen += r.sample(self.vocab.other_approaches, r.randint(1, 2))
        if r.random() < rooted:
            chosen += self.rooted(r, community, metro, women=women)
        if prescriber:
            chosen.insert(0, "medication-management")
        return self.present(chosen, self.vocab.approaches)

    def rooted(
        self, r: random.Random, community: data.Community, metro: data.Metro, *, women: bool
    ) -> list[str]:
        """One of the community's own culturally rooted practices that fits here, if any."""
        fitting = [
            slug
            for slug in community.rooted_approaches
            if (women or slug not in data.ROOTED_FOR_WOMEN)
            and metro.key in data.ROOTED_IN_METROS.get(slug, (metro.key,))
        ]
        return [r.choice(fitting)] if fitting else []

    def telehealth_states(self, r: random.Random, metro: data.Metro, home: str) -> list[str]:
        states = [home]
        if metro.state != home:
            states.append(metro.state)
        if metro.neighbours and r.random() < 0.35:
            states += r.sample(metro.neighbours, r.randint(1, min(2, len(metro.neighbours))))
        return list(dict.fromkeys(states))

    def status_and_dates(self, r: random.Random) -> dict[str, Any]:
        status = r.choices(
            (Status.PUBLISHED, Status.SUBMITTED, Status.DRAFT, Status.CHANGES_REQUESTED),
            (91, 4, 3, 2),
        )[0]
        roll = r.random()
        if status == Status.DRAFT:
            confirmed = None
        elif status == Status.SUBMITTED:
            confirmed = self.ago(r, 0, 30)
        elif roll < 0.72:
            confirmed = self.ago(r, 0, 179)
        elif roll < 0.95:
            confirmed = self.ago(r, 181, 364)  # stale
        else:
            confirmed = self.ago(r, 366, 400)  # hidden until the provider confirms
        return {"status": status, "last_confirmed_at": confirmed}

    def contact(self, r: random.Random, metro: data.Metro, slug: str) -> dict[str, Any]:
        return {
            "phone": f"({r.choice(metro.area_codes)}) 555-01{r.randrange(100):02d}",
            "email": f"{slug}@example.org",
            "website": f"https://example.org/{slug}/" if r.random() < 0.65 else "",
            "booking_url": f"https://example.org/{slug}/book/" if r.random() < 0.25 else "",
        }

    # Clinicians and practices ---------------------------------------------

    def person_name(
        self, r: random.Random, community: data.Community, gender: str
    ) -> tuple[str, str]:
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

    def practice_name(self, r: random.Random, community: data.Community, place: str) -> str:
        suffix = r.choice(data.PRACTICE_SUFFIXES)
        if community.family and r.random() < 0.2:
            a, b = r.sample(community.family, 2)
            return f"{a} & {b} {suffix}"
        name = f"{r.choice(community.practice_words)} {suffix}"
        # A practice is named for where it is as often as not.
        if place and r.random() < 0.4:
            name = f"{place} {name}"
        return name

    def provider(
        self, r: random.Random, metro: data.Metro, community: data.Community, kind: str
    ) -> Planned:
        clinician = kind == Kind.CLINICIAN
        gender = r.choices(("woman", "man", "nonbinary"), (58, 34, 8))[0]
        trans = gender != "nonbinary" and r.random() < 0.05
        queer = r.random() < (0.7 if gender == "nonbinary" or trans else 0.14)
        licence = r.choices(data.LICENCES, [lic.weight for lic in data.LICENCES])[0]
        prescriber = licence.role in ("psychiatrist", "psychiatric nurse practitioner")

        # Where and how
        remote_only = clinician and r.random() < 0.12
        in_person = not remote_only
        video = remote_only or r.random() < (0.75 if clinician else 0.7)
        phone = r.random() < (0.3 if clinician else 0.35)
        locations = []
        if in_person:
            count = 2 if r.random() < (0.1 if clinician else 0.25) else 1
            for n in range(count):
                label = "" if clinician else ("Main office" if n == 0 else "Second office")
                locations.append(self.place(r, metro, community, name=label))
        place = locations[0]["_place"] if locations else ""
        first = ""
        for _attempt in range(10):
            if clinician:
                first, name = self.person_name(r, community, gender)
            else:
                name = self.practice_name(r, community, place)
            if name not in self.used_names:
                break
        self.used_names.add(name)
        slug = self.claim_slug(name)
        home = locations[0]["region"] if locations else metro.state
        city = locations[0]["city"] if locations else metro.name

        # Who
        speaks = self.languages(r, metro, community, english=0.97)
        interpreter = self.interpreters(r, metro, speaks, 0.05 if clinician else 0.4)
        identifies = (
            self.identities(r, community, gender=gender, trans=trans, queer=queer)
            if r.random() < (0.75 if clinician else 0.35)
            else []
        )
        if not clinician:
            # A practice identifies as a community (say, Black-owned), not as a gender.
            identifies = [s for s in identifies if s not in ("women", "men", "nonbinary")]
        experienced = self.experience(r, community)
        specialties = self.specialties(r, community)
        approaches = self.approaches(
            r,
            community,
            metro,
            prescriber=clinician and prescriber,
            rooted=0.12 if clinician else 0.2,
            women=not clinician or gender == "woman",
        )

        # Whom and how
        ages = ["adults"] if r.random() < 0.95 or not clinician else []
        if r.random() < (0.35 if clinician else 0.6):
            ages.append("teens")
            if r.random() < 0.45:
                ages.append("children")
        if r.random() < (0.3 if clinician else 0.5):
            ages.append("older-adults")
        if not ages:
            ages = ["teens", "children"]
        formats = ["individual"] if r.random() < 0.97 or not clinician else []
        for fmt, chance in (("couples", 0.25), ("family", 0.25), ("group", 0.12)):
            if r.random() < (chance if clinician else chance * 2.2):
                formats.append(fmt)
        if not formats:
            formats = ["family"]

        # Cost
        cost: dict[str, Any] = {"free": False}
        insurance: list[str] = []
        if r.random() >= (0.1 if clinician else 0.08):
            if prescriber and clinician:
                low = r.randrange(150, 230, 5)
            else:
                low = r.randrange(60, 205, 5) if clinician else r.randrange(80, 185, 5)
            cost["fee_min"] = low
            cost["fee_max"] = min(250, low + r.choice((0, 20, 30, 40, 50, 60, 80)))
            if r.random() < (0.45 if clinician else 0.6):
                cost["sliding_scale_min"] = min(r.randrange(20, 85, 5), low - 10)
            cost["free"] = r.random() < (0.03 if clinician else 0.1)
            if self.vocab.commercial_plans and r.random() < (0.55 if clinician else 0.7):
                insurance += r.sample(
                    self.vocab.commercial_plans,
                    min(len(self.vocab.commercial_plans), r.randint(1, 3)),
                )
            if r.random() < (0.28 if clinician else 0.65):
                insurance.append("medicaid")
            if r.random() < (0.4 if "older-adults" in ages else 0.15) * (1 if clinician else 2):
                insurance.append("medicare")

        facts = demo_texts.demo_facts(
            random.Random(f"{self.seed}:facts:{slug}"),
            community=community.key,
            role=licence.role if clinician else "",
            places=locations,
            speaks=speaks,
            video=video,
            paid="fee_min" in cost,
        )
        cost["payment_options"] = facts.payment_note
        lifecycle = self.status_and_dates(r)
        fields: dict[str, Any] = {
            "kind": kind,
            "name": name,
            "slug": slug,
            "accessibility_note": facts.accessibility_note,
            "accepting_new_clients": r.random() < (0.82 if clinician else 0.9),
            "in_person": in_person,
            "video": video,
            "phone_sessions": phone,
            **self.contact(r, metro, slug),
            **cost,
            **lifecycle,
        }
        if clinician:
            fields.update(self.licence_fields(r, licence, home, lifecycle))
            fields["pronouns"] = self.pronouns(r, gender, trans, queer)

        years = r.randint(3, 28)
        ctx = {
            "name": name,
            "first": first,
            "city": city,
            "years": years,
            "role": licence.role,
            "modes": {"in_person": in_person, "video": video, "phone": phone},
            "specialties": specialties,
            "approaches": approaches,
            "speaks": speaks,
            "interpreter": interpreter,
            "identifies": identifies,
            "accepting": fields["accepting_new_clients"],
        }
        fields.update(self.provider_texts(r, kind, community, ctx))
        return Planned(
            fields=fields,
            locations=locations,
            speaks=speaks,
            interpreter=interpreter,
            identifies_as=identifies,
            experienced_with=experienced,
            specialties=specialties,
            approaches=approaches,
            insurance=self.present(insurance, self.vocab.insurance),
            ages=self.present(ages, self.vocab.ages),
            formats=self.present(formats, self.vocab.formats),
            **self.facts(facts),
            states=self.telehealth_states(r, metro, home) if video or phone else [],
        )

    def facts(self, facts: demo_texts.Facts) -> dict[str, list[str]]:
        return {
            "payment_methods": self.present(facts.payment_methods, self.vocab.payment_methods),
            "accessibility": self.present(facts.accessibility, self.vocab.accessibility),
            "licence_types": self.present(facts.licence_types, self.vocab.licence_types),
        }

    def licence_fields(
        self, r: random.Random, licence: data.Licence, state: str, lifecycle: dict[str, Any]
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

    def pronouns(self, r: random.Random, gender: str, trans: bool, queer: bool) -> str:
        if gender == "nonbinary":
            return r.choice(("they/them", "they/them", "they/she", "they/he", "ze/zir"))
        if not trans and r.random() >= 0.45:
            return ""
        if queer and r.random() < 0.2:
            return "she/they" if gender == "woman" else "he/they"
        return "she/her" if gender == "woman" else "he/him"

    # Community supports ---------------------------------------------------

    def community_support(
        self, r: random.Random, metro: data.Metro, community: data.Community
    ) -> Planned:
        for _attempt in range(10):
            group = r.choice(community.groups)
            warm_line = group.community_type == "warm-line"
            in_person = not warm_line and r.random() < 0.88
            video = not warm_line and (not in_person or r.random() < 0.3)
            venue = r.choice(data.COMMUNITY_VENUES) if in_person else ""
            location = self.place(r, metro, community, name=venue)
            name = group.name.format(place=location.pop("_place"))
            if name not in self.used_names:
                break
        self.used_names.add(name)
        slug = self.claim_slug(name)
        city = location["city"]
        home = location["region"]

        speaks = self.languages(r, metro, community, english=0.9)
        identifies = []
        if r.random() < 0.7:
            identifies = [slug_ for slug_, chance in community.identities if chance >= 0.9]
        identifies = self.present(identifies + list(group.identities), self.vocab.identities)
        experienced = self.present(
            [s for s, _c in community.identities] + list(group.identities), self.vocab.identities
        )
        specialties = self.present(
            list(community.specialties[:2])
            + r.sample(("grief", "anxiety", "depression", "racial-trauma", "trauma"), 2),
            self.vocab.specialties,
        )
        approaches = []
        if r.random() < 0.7:
            approaches += self.rooted(r, community, metro, women="women" in group.identities)
        if group.community_type == "healing-circle" and r.random() < 0.5:
            approaches.append("culturally-adapted")
        approaches = self.present(approaches, self.vocab.approaches)

        ages = {
            "adults": ["adults"],
            "youth": ["teens", "adults"],
            "elders": ["older-adults"],
            "all": ["children", "teens", "adults", "older-adults"],
        }[group.ages]
        formats = ["individual"] if warm_line or group.community_type == "peer-support" else []
        if not warm_line:
            formats.append("group")
        if group.ages == "all" and not warm_line:
            formats.append("family")

        free = r.random() < 0.75
        cost: dict[str, Any] = {"free": free}
        if not free:
            fee = r.choice((5, 10, 15, 20))
            cost.update(fee_min=fee, fee_max=fee)
        facts = demo_texts.demo_facts(
            random.Random(f"{self.seed}:facts:{slug}"),
            community=community.key,
            places=[location] if in_person else [],
            speaks=speaks,
            video=video,
            paid=False,
            donation=not free,
        )

        lifecycle = self.status_and_dates(r)
        fields: dict[str, Any] = {
            "kind": Kind.COMMUNITY,
            "community_type": group.community_type,
            "name": name,
            "slug": slug,
            "accepting_new_clients": r.random() < 0.97,
            "in_person": in_person,
            "video": video,
            "phone_sessions": warm_line or r.random() < 0.05,
            **self.contact(r, metro, slug),
            **cost,
            **lifecycle,
        }
        fields["accessibility_note"] = facts.accessibility_note
        ctx = {
            "name": name,
            "city": city,
            "ctype": group.community_type,
            "free": free,
            "approaches": approaches,
            "speaks": speaks,
        }
        fields.update(self.community_texts(r, community, group, ctx))
        return Planned(
            fields=fields,
            locations=[location] if in_person else [],
            speaks=speaks,
            interpreter=self.interpreters(r, metro, speaks, 0.1),
            identifies_as=identifies,
            experienced_with=experienced,
            specialties=specialties,
            approaches=approaches,
            ages=self.present(ages, self.vocab.ages),
            formats=self.present(formats, self.vocab.formats),
            **self.facts(facts),
            states=[home] if warm_line or video else [],
        )

    # Texts ----------------------------------------------------------------

    def text_languages(self, r: random.Random, speaks: list[str]) -> list[str]:
        """The interface languages a provider writes in besides English: every one
        they speak (Mandarin in traditional characters for some)."""
        written = []
        for code in (c for c in speaks if c in data.TEXT_LANGUAGE_FOR):
            lang = data.TEXT_LANGUAGE_FOR[code]
            if code == "cmn" and r.random() < 0.3:
                lang = "zh_hant"  # Taiwanese and Hong Kong Mandarin speakers
            written.append(lang)
        return list(dict.fromkeys(written))

    def specialty_phrases(self, lang: str, slugs: list[str], limit: int = 3) -> list[str]:
        words = data.TEXTS[lang].specialties
        phrases = [words[s] for s in slugs if s in words]
        if lang == "en":
            phrases += [
                _lower_first(self.vocab.specialty_names[s])
                for s in slugs
                if s not in words and s in self.vocab.specialty_names
            ]
        return phrases[:limit]

    def approach_phrases(self, lang: str, slugs: list[str], limit: int = 3) -> list[str]:
        words = data.TEXTS[lang].approaches
        phrases = [words[s] for s in slugs if s in words]
        if lang == "en":
            phrases += [
                _lower_first(self.vocab.approach_names[s][0])
                for s in slugs
                if s not in words and not self.vocab.approach_names[s][1]
            ]
        return phrases[:limit]

    def modes_phrase(self, lang: str, modes: dict[str, bool]) -> str:
        t = data.TEXTS[lang]
        return _join([t.modes[m] for m, on in modes.items() if on], t.list_sep, t.modes_last)

    def language_sentence(self, ctx: dict[str, Any], practice: bool) -> str:
        names = self.vocab.language_names
        spoken = [names[c] for c in ctx["speaks"]]
        sentence = ""
        if len(spoken) > 1:
            who = "We offer" if practice else "I offer"
            sentence = f"{who} therapy in {_join(spoken, ', ', ' and ')}."
        if ctx["interpreter"]:
            interpreted = _join([names[c] for c in ctx["interpreter"]], ", ", " and ")
            sentence += f" Interpreters are available for {interpreted}."
        return sentence.strip()

    def rooted_sentence(self, slugs: list[str], *, who: str) -> str:
        """Credit a culturally rooted practice to the community it comes from."""
        for slug in slugs:
            name, origin = self.vocab.approach_names.get(slug, ("", ""))
            if origin:
                if who == "community":
                    return f"Our gatherings draw on a practice from {origin}: {name}."
                return f"{who} also bring in a practice from {origin}: {name}."
        return ""

    def provider_texts(
        self, r: random.Random, kind: str, community: data.Community, ctx: dict[str, Any]
    ) -> dict[str, str]:
        practice = kind == Kind.PRACTICE
        en = data.TEXTS["en"]
        common = {
            "name": ctx["name"],
            "first": ctx["first"],
            "years": ctx["years"],
            "role": ctx["role"],
        }
        # The last clinician template is about living between two cultures.
        templates = (
            en.practice if practice else en.clinician[: None if community.bicultural else -1]
        )
        sentences = [
            r.choice(templates).format(
                city=ctx["city"],
                served=community.served["en"],
                specialties=_join(self.specialty_phrases("en", ctx["specialties"]), ", ", " and "),
                modes=self.modes_phrase("en", ctx["modes"]),
                **common,
            ),
            self.language_sentence(ctx, practice),
        ]
        if not practice and "transgender" in ctx["identifies"]:
            sentences.append(
                "As a trans therapist, I know how much it matters to be seen as who you are."
            )
        elif not practice and "lgbtq" in ctx["identifies"]:
            sentences.append("I'm queer, and LGBTQ+ and trans clients are especially welcome.")
        if not ctx["accepting"]:
            sentences.append(
                "We are not taking new clients right now; ask about the waitlist."
                if practice
                else "My caseload is full right now; you are welcome to join the waitlist."
            )
        sentences.append(en.demo_note)
        approach_items = _join(self.approach_phrases("en", ctx["approaches"]), ", ", " and ")
        approach = (en.practice_approach if practice else r.choice(en.approach)).format(
            approaches=approach_items
        )
        rooted = self.rooted_sentence(ctx["approaches"], who="We" if practice else "I")
        texts = {
            "about_en": " ".join(s for s in sentences if s),
            "approach_text_en": f"{approach} {rooted}".strip() if approach_items else rooted,
        }
        for lang in self.text_languages(r, ctx["speaks"]):
            t = data.TEXTS[lang]
            phrases = self.specialty_phrases(lang, ctx["specialties"])
            key = "practice" if practice else "clinician"
            choices = (
                (*getattr(t, key), *demo_texts.templates(lang, key))
                if phrases
                else demo_texts.templates(lang, f"{key}_general")
            )
            sep = "" if lang.startswith("zh") else " "
            about = r.choice(choices).format(
                city=t.cities.get(ctx["city"], ctx["city"]),
                served=community.served.get(lang, t.served_generic),
                specialties=_join(phrases, t.list_sep, t.list_last),
                modes=self.modes_phrase(lang, ctx["modes"]),
                **common,
            )
            own = demo_texts.closing(r, lang, practice=practice)
            about = f"{about}{sep}{own}" if own else about
            texts[f"about_{lang}"] = f"{about}{sep}{t.demo_note}"
            items = self.approach_phrases(lang, ctx["approaches"])
            if items:
                template = t.practice_approach if practice else r.choice(t.approach)
                texts[f"approach_text_{lang}"] = template.format(
                    approaches=_join(items, t.list_sep, t.list_last)
                )
        return texts

    def community_texts(
        self,
        r: random.Random,
        community: data.Community,
        group: data.CommunityGroup,
        ctx: dict[str, Any],
    ) -> dict[str, str]:
        texts: dict[str, str] = {}
        ctype = ctx["ctype"]
        activity = ctype if ctype in ("warm-line", "mutual-aid") else "default"
        for lang in ["en", *self.text_languages(r, ctx["speaks"])]:
            t = data.TEXTS[lang]
            sep = "" if lang.startswith("zh") else " "
            about = r.choice((t.community, *demo_texts.templates(lang, "community"))).format(
                name=ctx["name"],
                city=t.cities.get(ctx["city"], ctx["city"]),
                served=group.served.get(lang) or community.served.get(lang, t.served_generic),
                ctype=t.ctypes[ctype],
                activity=t.activity[activity],
                cost=t.cost_free if ctx["free"] else t.cost_low,
            )
            if lang == "en":
                rooted = self.rooted_sentence(ctx["approaches"], who="community")
                about = f"{about} {rooted}".strip()
            texts[f"about_{lang}"] = f"{about}{sep}{t.demo_note}"
            texts[f"approach_text_{lang}"] = t.community_approach
        return texts


# Writing -------------------------------------------------------------------


def demo_listings() -> models.QuerySet[Listing]:
    """Listings the demo made, and nothing else: their `source` is "demo"."""
    return Listing.objects.filter(source=SOURCE)


def remove_demo() -> int:
    ids = list(demo_listings().values_list("pk", flat=True))
    search_index_remove(listing_ids=ids)
    Listing.objects.filter(pk__in=ids).delete()
    return len(ids)


def write_demo(
    planned: list[Planned], vocab: Vocabulary, today: datetime
) -> tuple[int, int, list[str]]:
    """Replace the demo listings with `planned`: returns (created, removed, skipped slugs)."""
    removed = remove_demo()
    # A slug someone else's listing already has stays theirs.
    taken = set(
        Listing.objects.filter(slug__in=[p.slug for p in planned]).values_list("slug", flat=True)
    )
    skipped = [p.slug for p in planned if p.slug in taken]
    planned = [p for p in planned if p.slug not in taken]

    # One batch: the demo's own data, all or nothing, indexed in one go.
    writer = ImportWriter(
        source=SOURCE, vocabularies=vocab.shared, when=today, batch=max(len(planned), 1)
    )
    written = writer.write([_incoming(plan, vocab) for plan in planned])
    refused = [
        f"{plan.slug}: {'; '.join(validation_messages(result.error, {}))}"
        for plan, result in zip(planned, written, strict=True)
        if result.error is not None
    ]
    if refused:  # the demo's own data is wrong: say so rather than seed less
        raise CommandError("The demo data does not validate: " + " | ".join(refused))
    return len(written), removed, skipped


def _incoming(plan: Planned, vocab: Vocabulary) -> Incoming:
    """A planned listing as the import writer takes it; its ids and its places' ids are
    made from its slug, so they hold across runs."""
    fields = {key: value for key, value in plan.fields.items() if not key.startswith("_")}
    fields.update(source=SOURCE, source_id=plan.slug)
    places = [
        Location(
            uuid=uuid.uuid5(UUID_NAMESPACE, f"{plan.slug}/location/{n}"),
            **{k: v for k, v in loc.items() if k != "_place"},
        )
        for n, loc in enumerate(plan.locations)
    ]
    return Incoming(
        fields=fields,
        source=SOURCE,
        source_id=plan.slug,
        defaults={"uuid": uuid.uuid5(UUID_NAMESPACE, plan.slug)},
        languages={
            ListingLanguage.Offered.SPEAKS: [vocab.languages[code] for code in plan.speaks],
            ListingLanguage.Offered.INTERPRETER: [
                vocab.languages[code] for code in plan.interpreter
            ],
        },
        terms={
            name: [vocab.shared.terms[name][slug] for slug in getattr(plan, name)]
            for name in vocabulary_fields()
        },
        places=places,
        areas=plan.states,
        message="Demo data from manage.py seed_demo.",
    )


class Command(BaseCommand):
    help = (
        "Replace the demo listings with a fresh, deterministic demo data set: fictional "
        "providers and community supports in US metro areas, and the real national crisis "
        "lines. Listings the demo did not create are never touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=SEED, help="random seed")
        parser.add_argument("--remove", action="store_true", help="only remove the demo listings")
        parser.add_argument(
            "--shares",
            action="store_true",
            help="only report the share of demo listings with text in each interface language",
        )

    def handle(
        self, *args: Any, seed: int, remove: bool, shares: bool = False, **options: Any
    ) -> None:
        started = time.monotonic()
        if shares:
            self.stdout.write(demo_texts.shares_report(demo_listings()))
            return
        if remove:
            with transaction.atomic():
                removed = remove_demo()
            self.stdout.write(f"Removed {removed} demo listings.")
            return
        # Midnight today: two runs on the same day write identical dates.
        today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        with translation.override("en"), transaction.atomic():
            vocab = Vocabulary()
            planned = DemoBuilder(vocabulary=vocab, today=today, seed=seed).build()
            created, removed, skipped = write_demo(planned, vocab, today)
        kinds = Counter(p.fields["kind"] for p in planned if p.slug not in skipped)
        note = (
            f"; kept {len(skipped)} existing listing(s) whose slugs the demo would use"
            if skipped
            else ""
        )
        self.stdout.write(
            f"Seeded {created} demo listings ({kinds[Kind.CLINICIAN]} clinicians, "
            f"{kinds[Kind.PRACTICE]} practices, {kinds[Kind.COMMUNITY]} community supports, "
            f"{kinds[Kind.CRISIS_LINE]} crisis and warm lines) in {len(data.METROS)} metro "
            f"areas; replaced {removed}{note}; {time.monotonic() - started:.1f}s."
        )
