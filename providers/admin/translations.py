"""The translators' part of the curator area: the queue of listings to translate,
most wanted first, a side-by-side form, and the review of others' translations.

Translators (the group made by migration 0019) see only these two lists; the
writes, and the rule that nobody reviews their own translation, are in
providers.translating.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from providers import translating
from providers.models import CommunityTranslation, Listing, TranslationNeed, User
from providers.selectors import suffix


def _missing_text() -> Q:
    """Needs whose listing still has no about text in the need's language."""
    missing = Q()
    for code, _name in settings.LANGUAGES:
        column = f"listing__about_{suffix(code)}"
        missing |= Q(language=code) & (Q(**{column: ""}) | Q(**{f"{column}__isnull": True}))
    return missing


def _direction(code: str) -> str:
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


def _texts(listing: Listing, language: str) -> list[dict[str, str]]:
    """The listing's texts in `language`, labelled, for the side-by-side pages."""
    labels = {"about": _("About"), "approach_text": _("Approach")}
    return [
        {"label": str(label), "text": getattr(listing, f"{name}_{suffix(language)}", "") or ""}
        for name, label in labels.items()
    ]


def _beside_original(
    model_admin: admin.ModelAdmin[Any], request: HttpRequest, listing: Listing, language: str
) -> dict[str, Any]:
    """What a side-by-side page needs: the listing's original texts, and the language
    put beside them."""
    original = listing.original_text_language
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "listing": listing,
        "original": original,
        "original_direction": _direction(original),
        "original_texts": _texts(listing, original),
        "language": language,
    }


class TranslationForm(forms.Form):
    about = forms.CharField(
        label=gettext_lazy("About"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000
    )
    approach_text = forms.CharField(
        label=gettext_lazy("Approach"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.update({"lang": language, "dir": _direction(language)})


@admin.register(TranslationNeed)
class TranslationQueueAdmin(admin.ModelAdmin):
    list_display = ("listing_name", "language", "searches", "requests", "need", "translate")
    list_filter = ("language",)
    list_display_links = None
    list_per_page = 50

    class Media:
        css = {"all": ("css/curator.css",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[TranslationNeed]:
        pending = CommunityTranslation.objects.filter(
            listing=OuterRef("listing"),
            language=OuterRef("language"),
            status=CommunityTranslation.Status.PENDING,
        )
        return (
            super()
            .get_queryset(request)
            .filter(listing__in=Listing.objects.shown())
            .filter(_missing_text())
            .select_related("listing")
            .annotate(total=F("searches") + F("requests"), waiting=Exists(pending))
            .order_by("-total", "-requests", "listing__name")
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=gettext_lazy("listing"), ordering="listing__name")
    def listing_name(self, need: TranslationNeed) -> str:
        return need.listing.name

    @admin.display(description=gettext_lazy("need"), ordering="total")
    def need(self, need: Any) -> int:
        return int(need.total)

    @admin.display(description=gettext_lazy("translation"))
    def translate(self, need: Any) -> str:
        if need.waiting:
            return str(_("Waiting for review"))
        url = reverse("admin:providers_translationneed_translate", args=[need.pk])
        return format_html('<a href="{}">{}</a>', url, _("Translate"))

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.translate_view)
        return [
            path("<int:pk>/translate/", view, name="providers_translationneed_translate"),
            *super().get_urls(),
        ]

    def translate_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The original beside a form for the same texts in the need's language."""
        if not request.user.has_perm("providers.add_communitytranslation"):
            raise PermissionDenied
        need = get_object_or_404(self.get_queryset(request), pk=pk)
        listing, language = need.listing, need.language
        form = TranslationForm(request.POST or None, language=language)
        if request.method == "POST" and form.is_valid():
            assert isinstance(request.user, User)
            try:
                translating.translation_submit(
                    listing=listing, language=language, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Thank you. The translation waits for another person's review.")
                )
                return HttpResponseRedirect(reverse("admin:providers_translationneed_changelist"))
        context = {
            **_beside_original(self, request, listing, language),
            "title": _("Translate: %(name)s") % {"name": listing},
            "form": form,
        }
        return TemplateResponse(request, "admin/providers/translate.html", context)


@admin.register(CommunityTranslation)
class CommunityTranslationAdmin(admin.ModelAdmin):
    list_display = ("listing", "language", "translator", "status", "created_at", "review")
    list_filter = ("status", "language")
    list_display_links = None
    list_select_related = ("listing", "translator")

    class Media:
        css = {"all": ("css/curator.css",)}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=gettext_lazy("review"))
    def review(self, translation: CommunityTranslation) -> str:
        if translation.status != CommunityTranslation.Status.PENDING:
            return ""
        url = reverse("admin:providers_communitytranslation_review", args=[translation.pk])
        return format_html('<a href="{}">{}</a>', url, _("Review"))

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.review_view)
        return [
            path("<int:pk>/review/", view, name="providers_communitytranslation_review"),
            *super().get_urls(),
        ]

    def review_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The original beside the translation, to approve (publish) or reject it."""
        translation = get_object_or_404(
            CommunityTranslation.objects.select_related("listing", "translator"), pk=pk
        )
        assert isinstance(request.user, User)
        if not translating.may_review(request.user, translation):
            raise PermissionDenied
        if request.method == "POST":
            base_url = request.build_absolute_uri("/")
            if request.POST.get("decision") == "approve":
                translating.translation_approve(
                    translation=translation, by=request.user, base_url=base_url
                )
                messages.success(request, _("The translation is published on the listing."))
            else:
                translating.translation_reject(translation=translation, by=request.user)
                messages.success(request, _("The translation is rejected."))
            return HttpResponseRedirect(reverse("admin:providers_communitytranslation_changelist"))
        listing, language = translation.listing, translation.language
        context = {
            **_beside_original(self, request, listing, language),
            "title": _("Review translation: %(name)s") % {"name": listing},
            "direction": _direction(language),
            "translated_texts": [
                {"label": _("About"), "text": translation.about},
                {"label": _("Approach"), "text": translation.approach_text},
            ],
            "translation": translation,
        }
        return TemplateResponse(request, "admin/providers/translation_review.html", context)
