"""Fields translated into every interface language (django-modeltranslation)."""

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
