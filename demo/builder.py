"""Plans the demo data set from its content (demo/content.py): the real crisis and
warm lines, then each metro's clinicians, practices and community supports."""

import random
from datetime import datetime, timedelta
from typing import Any

from demo import content as data
from demo.facts import Facts, demo_facts
from demo.people import licence_fields, person_name, practice_name, pronouns
from demo.plans import Planned, Vocabulary, present, quotas
from demo.texts import DemoTexts
from demo.traits import Traits
from providers.models import Listing
from providers.places import zip_lookup
from providers.states import US_STATES
from providers.writing import free_slug

Kind = Listing.Kind
Status = Listing.Status


class DemoBuilder:
    """Plans the demo data set in memory: no queries beyond the vocabulary."""

    def __init__(self, *, vocabulary: Vocabulary, today: datetime, seed: int) -> None:
        self.vocab = vocabulary
        self.today = today
        self.seed = seed
        self.used_slugs: dict[str, str] = {}
        self.used_names: set[str] = set()
        self.traits = Traits(vocabulary=vocabulary)
        self.texts = DemoTexts(vocabulary=vocabulary)

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
            identifies_as=present(line.identifies_as, self.vocab.identities),
            experienced_with=present(line.experienced_with, self.vocab.identities),
            specialties=present(line.specialties, self.vocab.specialties),
            ages=present(line.ages, self.vocab.ages),
            formats=present(["individual"], self.vocab.formats),
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
        communities = quotas(metro.communities, metro.size)
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
                first, name = person_name(r, community, gender)
            else:
                name = practice_name(r, community, place)
            if name not in self.used_names:
                break
        self.used_names.add(name)
        slug = self.claim_slug(name)
        home = locations[0]["region"] if locations else metro.state
        city = locations[0]["city"] if locations else metro.name

        # Who
        speaks = self.traits.languages(r, metro, community, english=0.97)
        interpreter = self.traits.interpreters(r, metro, speaks, 0.05 if clinician else 0.4)
        identifies = (
            self.traits.identities(r, community, gender=gender, trans=trans, queer=queer)
            if r.random() < (0.75 if clinician else 0.35)
            else []
        )
        if not clinician:
            # A practice identifies as a community (say, Black-owned), not as a gender.
            identifies = [s for s in identifies if s not in ("women", "men", "nonbinary")]
        experienced = self.traits.experience(r, community)
        specialties = self.traits.specialties(r, community)
        approaches = self.traits.approaches(
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

        facts = demo_facts(
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
            fields.update(licence_fields(r, licence, home, lifecycle))
            fields["pronouns"] = pronouns(r, gender, trans, queer)

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
        fields.update(self.texts.provider_texts(r, kind, community, ctx))
        return Planned(
            fields=fields,
            locations=locations,
            speaks=speaks,
            interpreter=interpreter,
            identifies_as=identifies,
            experienced_with=experienced,
            specialties=specialties,
            approaches=approaches,
            insurance=present(insurance, self.vocab.insurance),
            ages=present(ages, self.vocab.ages),
            formats=present(formats, self.vocab.formats),
            **self.facts(facts),
            states=self.telehealth_states(r, metro, home) if video or phone else [],
        )

    def facts(self, facts: Facts) -> dict[str, list[str]]:
        return {
            "payment_methods": present(facts.payment_methods, self.vocab.payment_methods),
            "accessibility": present(facts.accessibility, self.vocab.accessibility),
            "licence_types": present(facts.licence_types, self.vocab.licence_types),
        }

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

        speaks = self.traits.languages(r, metro, community, english=0.9)
        identifies = []
        if r.random() < 0.7:
            identifies = [slug_ for slug_, chance in community.identities if chance >= 0.9]
        identifies = present(identifies + list(group.identities), self.vocab.identities)
        experienced = present(
            [s for s, _c in community.identities] + list(group.identities), self.vocab.identities
        )
        specialties = present(
            list(community.specialties[:2])
            + r.sample(("grief", "anxiety", "depression", "racial-trauma", "trauma"), 2),
            self.vocab.specialties,
        )
        approaches = []
        if r.random() < 0.7:
            approaches += self.traits.rooted(r, community, metro, women="women" in group.identities)
        if group.community_type == "healing-circle" and r.random() < 0.5:
            approaches.append("culturally-adapted")
        approaches = present(approaches, self.vocab.approaches)

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
        facts = demo_facts(
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
        fields.update(self.texts.community_texts(r, community, group, ctx))
        return Planned(
            fields=fields,
            locations=[location] if in_person else [],
            speaks=speaks,
            interpreter=self.traits.interpreters(r, metro, speaks, 0.1),
            identifies_as=identifies,
            experienced_with=experienced,
            specialties=specialties,
            approaches=approaches,
            ages=present(ages, self.vocab.ages),
            formats=present(formats, self.vocab.formats),
            **self.facts(facts),
            states=[home] if warm_line or video else [],
        )
