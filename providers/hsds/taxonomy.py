"""Rooted's vocabularies published as HSDS taxonomies.

Each vocabulary is one taxonomy (languages, identities, specialties, approaches,
insurance, age groups, formats) and so are the listing kinds. A listing links to their
terms through service attributes whose `link_type` says how: an identity term appears
with `identifies_as` or `experienced_with`, never inferred one from the other.

The `details` taxonomy names the facts about a listing that HSDS has no field for
(pronouns, licence number, the ways it meets people, each translation of its texts...):
such an attribute carries the fact in its `value`. Together they let another directory,
or Rooted itself, read back exactly what was published.

Term codes are the vocabulary slugs (ISO 639 codes for languages) and term ids derive
from them, so they are the same in every Rooted directory.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from providers.hsds import ids
from providers.models import (
    Approach,
    Identity,
    Language,
    Listing,
)
from providers.vocabulary import vocabulary_fields

TAXONOMY_VERSION = "1"


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: Promise
    description: Promise
    # The Listing vocabulary relation whose terms it publishes (providers.vocabulary);
    # identities serve two (VOCABULARY_LINKS), languages and the rest none.
    field: str = ""

    @property
    def id(self) -> str:
        return ids.taxonomy_id(self.key)


LANGUAGES = Taxonomy(
    "languages",
    _("Rooted languages"),
    _("Languages care is offered in, by ISO 639 code (639-1 where one exists, else 639-3)."),
)
IDENTITIES = Taxonomy(
    "identities",
    _("Rooted identities"),
    _(
        "Identities a provider identifies as, or has experience with, in groups: race and "
        "ethnicity, gender identity, sexual orientation, faith, immigrant and refugee "
        "experience. Self-described by the provider; never inferred."
    ),
)
SPECIALTIES = Taxonomy(
    "specialties",
    _("Rooted specialties"),
    _("Concerns a provider works with."),
    field="specialties",
)
APPROACHES = Taxonomy(
    "approaches",
    _("Rooted approaches"),
    _("Therapies and practices; a culturally rooted practice credits its originating community."),
    field="approaches",
)
INSURANCE = Taxonomy(
    "insurance",
    _("Rooted insurance"),
    _("Insurance plans a provider accepts."),
    field="insurance",
)
AGE_GROUPS = Taxonomy(
    "age-groups", _("Rooted age groups"), _("Ages a provider serves."), field="ages"
)
FORMATS = Taxonomy(
    "formats",
    _("Rooted formats"),
    _("Individual, couples, family or group sessions."),
    field="formats",
)
PAYMENT_METHODS = Taxonomy(
    "payment-methods",
    _("Rooted payment methods"),
    _("Ways to pay a provider besides insurance; each is one of the service's cost options."),
    field="payment_methods",
)
ACCESSIBILITY = Taxonomy(
    "accessibility",
    _("Rooted accessibility features"),
    _("What makes a provider's places and sessions accessible; each is listed at every place."),
    field="accessibility",
)
LICENCE_TYPES = Taxonomy(
    "licence-types",
    _("Rooted licence types"),
    _("Kinds of licence to practise."),
    field="licence_types",
)
KINDS = Taxonomy(
    "kinds",
    _("Rooted listing kinds"),
    _("Clinicians, practices and clinics, community supports, and crisis or warm lines."),
)
DETAILS = Taxonomy(
    "details",
    _("Rooted listing details"),
    _(
        "Facts about a listing that HSDS has no field for. An attribute linked to one of "
        "these terms carries the fact in its value."
    ),
)
TAXONOMIES = (
    LANGUAGES,
    IDENTITIES,
    SPECIALTIES,
    APPROACHES,
    INSURANCE,
    AGE_GROUPS,
    FORMATS,
    PAYMENT_METHODS,
    ACCESSIBILITY,
    LICENCE_TYPES,
    KINDS,
    DETAILS,
)
TAXONOMIES_BY_ID = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}
TAXONOMIES_BY_KEY = {taxonomy.key: taxonomy for taxonomy in TAXONOMIES}

# Attribute link types: how a service relates to a term.
VOCABULARY_LINKS: dict[str, tuple[Taxonomy, str]] = {
    # link_type: (taxonomy, Listing many-to-many field)
    "identifies_as": (IDENTITIES, "identifies_as"),
    "experienced_with": (IDENTITIES, "experienced_with"),
    **{
        link_type: (taxonomy, taxonomy.field)
        for link_type, taxonomy in (
            ("specialty", SPECIALTIES),
            ("approach", APPROACHES),
            ("insurance", INSURANCE),
            ("age_group", AGE_GROUPS),
            ("format", FORMATS),
            ("licence_type", LICENCE_TYPES),
        )
    },
}
# Linked from a cost option and from a location's accessibility, not from the service.
PAYMENT_LINK = "payment_method"
ACCESSIBILITY_LINK = "accessibility_feature"
INTERPRETER_LINK = "interpreter_language"
KIND_LINK = "kind"
COMMUNITY_TYPE_LINK = "community_type"
DETAIL_LINK = "detail"
COST_LINK = "cost"

# The details taxonomy: code -> label. Booleans carry "true" or "false".
BOOLEAN_DETAILS = {
    "accepting-new-clients": "accepting_new_clients",
    "in-person": "in_person",
    "video": "video",
    "phone-sessions": "phone_sessions",
}
TEXT_DETAILS = {
    "slug": "slug",
    "pronouns": "pronouns",
    "credentials": "credentials",
    "licence-type": "licence_type",
    "licence-number": "licence_number",
    "licence-state": "licence_state",
    "payment-options": "payment_options",
    "accessibility-note": "accessibility_note",
    "source": "source",
    "source-id": "source_id",
}
# Translated texts: one term per field and interface language, e.g. "about-es".
TRANSLATED_DETAILS = ("about", "approach_text")
COST_DETAILS = ("fee-min", "fee-max", "sliding-scale-min", "free")
DETAIL_LABELS: dict[str, Promise] = {
    "slug": _("Slug (the listing's address on Rooted)"),
    "pronouns": _("Pronouns"),
    "credentials": _("Credentials"),
    "licence-type": _("Licence type"),
    "licence-number": _("Licence number"),
    "licence-state": _("Licence state"),
    "licence-verified": _("Licence verified by a curator (date)"),
    "payment-options": _("Payment options"),
    "accessibility-note": _("Accessibility note"),
    "source": _("Imported from"),
    "source-id": _("Id at the source it was imported from"),
    "accepting-new-clients": _("Accepting new clients"),
    "in-person": _("Meets in person"),
    "video": _("Sessions by video"),
    "phone-sessions": _("Sessions by phone"),
    "last-confirmed": _("Last confirmed current by the provider (date and time)"),
    "wheelchair-accessible": _("Wheelchair accessible"),
    "fee-min": _("Lowest fee per session"),
    "fee-max": _("Highest fee per session"),
    "sliding-scale-min": _("Sliding scale from (per session)"),
    "free": _("Free option"),
}


def translated_detail_code(field: str, language: str) -> str:
    return f"{field.replace('_text', '')}-{language}"


@dataclass(frozen=True)
class Term:
    taxonomy: Taxonomy
    code: str
    name: str
    description: str
    parent_code: str = ""

    @property
    def id(self) -> str:
        return ids.term_id(self.taxonomy.key, self.code)

    @property
    def parent_id(self) -> str | None:
        return ids.term_id(self.taxonomy.key, self.parent_code) if self.parent_code else None


def language_term(language: Language) -> Term:
    return Term(
        LANGUAGES,
        language.code,
        language.name,
        str(_("ISO 639 code %(code)s") % {"code": language.code}),
    )


def identity_term(identity: Identity) -> Term:
    return Term(
        IDENTITIES, identity.slug, identity.name, str(identity.get_group_display()), identity.group
    )


def approach_term(approach: Approach) -> Term:
    if approach.originating_community:
        description = str(
            _("A culturally rooted practice from %(community)s.")
            % {"community": approach.originating_community}
        )
    else:
        description = str(APPROACHES.description)
    return Term(APPROACHES, approach.slug, approach.name, description)


def vocabulary_term(taxonomy: Taxonomy, term: object) -> Term:
    """The HSDS term for any vocabulary instance."""
    if isinstance(term, Language):
        return language_term(term)
    if isinstance(term, Identity):
        return identity_term(term)
    if isinstance(term, Approach):
        return approach_term(term)
    return Term(taxonomy, term.slug, term.name, str(taxonomy.description))  # type: ignore[attr-defined]


def kind_term(kind: str) -> Term:
    return Term(KINDS, kind, str(Listing.Kind(kind).label), str(KINDS.description))


def community_type_term(community_type: str) -> Term:
    label = str(Listing.CommunityType(community_type).label)
    return Term(KINDS, community_type, label, label, parent_code=Listing.Kind.COMMUNITY)


def detail_term(code: str) -> Term:
    if code in DETAIL_LABELS:
        label = str(DETAIL_LABELS[code])
    else:
        field, _sep, language = code.partition("-")
        label = str(
            _("%(field)s, in %(language)s")
            % {"field": _("About") if field == "about" else _("Approach"), "language": language}
        )
    return Term(DETAILS, code, label, label)


def detail_codes() -> list[str]:
    codes = list(DETAIL_LABELS)
    for field in TRANSLATED_DETAILS:
        codes += [translated_detail_code(field, code) for code, _name in settings.LANGUAGES]
    return codes


class TermIndex:
    """Every term of every Rooted taxonomy, read from the vocabularies in seven queries."""

    @cached_property
    def terms(self) -> list[Term]:
        terms: list[Term] = [language_term(language) for language in Language.objects.all()]
        for group in Identity.Group:
            terms.append(Term(IDENTITIES, group.value, str(group.label), str(group.label)))
        terms += [identity_term(identity) for identity in Identity.objects.all()]
        models = vocabulary_fields()
        for taxonomy in TAXONOMIES:
            if taxonomy.field:
                model = models[taxonomy.field]._default_manager
                terms += [vocabulary_term(taxonomy, term) for term in model.all()]
        terms += [kind_term(kind) for kind in Listing.Kind.values]
        terms += [community_type_term(value) for value in Listing.CommunityType.values]
        terms += [detail_term(code) for code in detail_codes()]
        return terms

    @cached_property
    def by_id(self) -> dict[str, Term]:
        return {term.id: term for term in self.terms}

    def children_of(self, term_id: str) -> list[Term]:
        return [term for term in self.terms if term.parent_id == term_id]

    @cached_property
    def parent_ids(self) -> set[str]:
        return {term.parent_id for term in self.terms if term.parent_id}


def term_language() -> str:
    """The ISO 639-1 code of the language term names are given in (zh for zh-hans)."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def taxonomy_object(taxonomy: Taxonomy) -> dict[str, object]:
    return {
        "id": taxonomy.id,
        "name": str(taxonomy.name),
        "description": str(taxonomy.description),
        "version": TAXONOMY_VERSION,
    }


def term_object(term: Term, *, detail: bool = False) -> dict[str, object]:
    """An HSDS taxonomy_term; `detail` nests the taxonomy, as /taxonomy_terms does."""
    obj: dict[str, object] = {
        "id": term.id,
        "code": term.code,
        "name": term.name,
        "description": term.description,
        "taxonomy": str(term.taxonomy.name),
        "taxonomy_id": term.taxonomy.id,
        "language": term_language(),
    }
    if term.parent_id:
        obj["parent_id"] = term.parent_id
    if detail:
        obj["taxonomy_detail"] = taxonomy_object(term.taxonomy)
    return obj
