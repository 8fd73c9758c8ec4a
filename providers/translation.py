"""Fields translated into every interface language (django-modeltranslation)."""

from collections.abc import Mapping
from typing import Any

from django.db import models
from modeltranslation.fields import TranslationField
from modeltranslation.translator import TranslationOptions, register

from providers.models import (
    AccessibilityFeature,
    AgeGroup,
    Approach,
    Format,
    Identity,
    Insurance,
    Language,
    LicenceType,
    Listing,
    PaymentMethod,
    Specialty,
)


@register(Language)
@register(Identity)
@register(Specialty)
@register(Insurance)
@register(AgeGroup)
@register(Format)
@register(PaymentMethod)
@register(AccessibilityFeature)
@register(LicenceType)
class NameTranslation(TranslationOptions):
    fields = ("name", "synonyms")


@register(Approach)
class ApproachTranslation(TranslationOptions):
    fields = ("name", "synonyms", "originating_community")


@register(Listing)
class ListingTranslation(TranslationOptions):
    fields = ("about", "approach_text")
    # Listing texts fall back visibly in Listing.text(), not silently here.
    fallback_languages = {"default": ()}


class TranslationDefaults:
    """A model's translation columns ("about_es"), each with the field it translates
    ("about") and its default, worked out once: an import building thousands of rows
    gives them to each, sparing modeltranslation switching the language to work
    out every column's default for every row."""

    def __init__(self, model: type[models.Model]) -> None:
        self.columns: dict[tuple[str, str], Any] = {}
        for field in model._meta.concrete_fields:
            if isinstance(field, TranslationField):
                column: Any = field  # modeltranslation's fields carry no types
                name = column.translated_field.name
                self.columns[column.attname, name] = column.get_default()

    def missing(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The columns that a model's keyword arguments `given` leave unset, at their
        defaults (a column is set by its own name or by the field it translates)."""
        return {
            column: default
            for (column, name), default in self.columns.items()
            if column not in given and name not in given
        }
