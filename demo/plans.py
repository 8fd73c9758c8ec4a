"""What the demo builder plans: one listing and everything that hangs off it, among
the vocabulary terms that exist right now."""

from dataclasses import dataclass, field
from typing import Any

from django.utils import translation

from demo import content as data
from providers.vocabulary import Vocabularies

SEED = 20240611
CONTRACT_SPECIALTIES = tuple(data.TEXTS["en"].specialties)
CONTRACT_APPROACHES = tuple(data.TEXTS["en"].approaches)


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


def present(slugs: list[str] | tuple[str, ...], terms: dict[str, Any]) -> list[str]:
    """The slugs the vocabulary has, in order, once each."""
    return list(dict.fromkeys(slug for slug in slugs if slug in terms))


def quotas(weights: dict[str, int], total: int) -> list[str]:
    """`total` keys in proportion to `weights` (largest remainder): a metro of 35
    listings gets its share of each community, not whatever a few dice rolls give."""
    whole = sum(weights.values())
    exact = {key: total * weight / whole for key, weight in weights.items()}
    counts = {key: int(share) for key, share in exact.items()}
    by_remainder = sorted(exact, key=lambda key: (counts[key] - exact[key], key))
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return [key for key, count in counts.items() for _ in range(count)]
