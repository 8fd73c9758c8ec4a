"""The vocabularies, with every translation in tabs; a term deleted or a slug
changed re-indexes the listings that have it."""

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest
from modeltranslation.admin import TabbedTranslationAdmin

from providers.models import Approach, Identity, Language, Listing
from providers.search_index import search_index_update
from providers.vocabulary import vocabulary_fields


def listings_with(term: Any) -> set[int]:
    """The listings linked to a vocabulary term, through any of Listing's fields."""
    return {
        pk
        for relation in type(term)._meta.related_objects
        if relation.related_model is Listing
        for pk in getattr(term, relation.get_accessor_name()).values_list("pk", flat=True)
    }


class VocabularyAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}

    # The search index holds terms by id, so a renamed name changes nothing there;
    # deleting a term, or changing a slug search reads (the sliding-scale
    # insurance), changes what its listings match.

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            search_index_update(listing_ids=listings_with(obj))

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            listings = listings_with(obj)
            super().delete_model(request, obj)
            search_index_update(listing_ids=listings)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic():
            listings = set().union(*(listings_with(term) for term in queryset))
            super().delete_queryset(request, queryset)
            search_index_update(listing_ids=listings)


@admin.register(Language)
class LanguageAdmin(TabbedTranslationAdmin):
    list_display = ["name", "code", "position"]
    list_editable = ["position"]
    search_fields = ["name", "code"]


@admin.register(Identity)
class IdentityAdmin(VocabularyAdmin):
    list_display = ["name", "slug", "group", "position"]
    list_filter = ["group"]


@admin.register(Approach)
class ApproachAdmin(VocabularyAdmin):
    list_display = ["name", "slug", "originating_community", "position"]


# Every other vocabulary Listing links to (providers.vocabulary) as it is.
admin.site.register(
    [
        model
        for model in dict.fromkeys(vocabulary_fields().values())
        if model not in (Identity, Approach)
    ],
    VocabularyAdmin,
)
