"""What a demo listing offers and whom it is for: its languages, identities,
specialties and approaches, drawn from its community's and its metro's."""

import random

from demo import content as data
from demo.plans import CONTRACT_SPECIALTIES, Vocabulary, present


class Traits:
    """Draws a listing's traits: no queries beyond the vocabulary."""

    def __init__(self, *, vocabulary: Vocabulary) -> None:
        self.vocab = vocabulary

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
        return present(chosen, self.vocab.identities)

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
        return present(core + extra, self.vocab.identities)

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
        return present(chosen, self.vocab.specialties)

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
        return present(chosen, self.vocab.approaches)

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
