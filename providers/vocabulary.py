"""Listing's vocabularies as one table: which relations hold terms, where their links
live, and every term by its slug (and language by its code) for an import to read."""

from dataclasses import dataclass
from typing import Any

from django.db import connection, models

from providers.models import Language, Listing, vocabulary_relations


def vocabulary_fields() -> dict[str, type[models.Model]]:
    """Listing's vocabulary relations (identifies_as, specialties, ...) -> their term model."""
    return vocabulary_relations()


def through_of(name: str) -> tuple[Any, str]:
    """A vocabulary relation's through model and its column holding the term's id."""
    relation = Listing._meta.get_field(name)
    assert isinstance(relation, models.ManyToManyField)
    through = relation.remote_field.through
    return through, f"{relation.m2m_reverse_field_name()}_id"


@dataclass
class Vocabularies:
    """Every language by its lower-case code and every term by its slug, read once per
    import; `terms` is keyed by Listing's relation (experienced_with shares identities)."""

    languages: dict[str, Language]
    terms: dict[str, dict[str, Any]]

    @classmethod
    def load(cls) -> "Vocabularies":
        by_model: dict[type[models.Model], dict[str, Any]] = {}
        terms = {}
        for name, model in vocabulary_fields().items():
            if model not in by_model:
                by_model[model] = {t.slug: t for t in model._default_manager.all()}  # type: ignore[attr-defined]
            terms[name] = by_model[model]
        languages = {language.code.lower(): language for language in Language.objects.all()}
        return cls(languages=languages, terms=terms)

    def language_codes(self) -> dict[int, str]:
        return {language.pk: language.code for language in self.languages.values()}

    def term_slugs(self, name: str) -> dict[int, str]:
        return {term.pk: slug for slug, term in self.terms[name].items()}


def insert_rows(model: type[models.Model], columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """Plain rows into a model's table, a thousand an INSERT: for link tables, where
    building a model instance for each row costs more than writing it."""
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) VALUES "
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 1000):
            chunk = rows[start : start + 1000]
            cursor.execute(head + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])
