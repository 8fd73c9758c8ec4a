"""The curator area, shaped for the work: the review queue with a diff of what
changed, licence checks, seeker reports, stale listings, every listing's history,
CSV export and import; and the vocabularies, with every translation in tabs.

Writes go through `providers.services` and `providers.curation`, so an action in
the admin records the same history as the same action anywhere else.
"""

import io
from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from providers import concurrency, curation, merging, services
from providers.admin_claims import ListingClaimAdmin  # noqa: F401 (registers it)
from providers.admin_queue import LicenceFilter, LicenceVerificationForm, ReviewQueueTools
from providers.admin_reports import ReportAdmin
from providers.dashboard import LEAVING_WITHIN, awaiting_reconfirmation_q
from providers.exporting import export_listings_csv
from providers.importing import ImportFileError, import_listings_csv
from providers.models import (
    HIDDEN_AFTER,
    STALE_AFTER,
    AccessibilityFeature,
    AgeGroup,
    Approach,
    Format,
    Identity,
    Insurance,
    Language,
    LicenceType,
    Listing,
    ListingEvent,
    ListingLanguage,
    Location,
    PaymentMethod,
    Report,
    ReviewItem,
    ServiceArea,
    Specialty,
    User,
)
from providers.search_index import search_index_remove, search_index_update

admin.site.site_header = gettext_lazy("Rooted curator area")
admin.site.site_title = gettext_lazy("Rooted curators")
admin.site.index_title = gettext_lazy("Curation")


def _site_url(request: HttpRequest) -> str:
    """Where links in emails sent from the admin point: this site."""
    return request.build_absolute_uri("/").rstrip("/")


def _form_errors(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def event_change_rows(event: ListingEvent) -> list[tuple[str, str, str]]:
    """A history entry's `changes` as (what, before, after) rows for a table;
    entries without before and after (imports, licence checks) give (what, "", value)."""
    rows = []
    for key, value in (event.changes or {}).items():
        if isinstance(value, dict) and "label" in value:
            rows.append(
                (str(value["label"]), _text(value.get("before")), _text(value.get("after")))
            )
        else:
            rows.append((str(key), "", _text(value)))
    return rows


def _text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


# Accounts (superusers only: curators have no permission on accounts) -----


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "email_verified_at", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email_verified_at")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


# Vocabularies ---------------------------------------------------------------


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


admin.site.register(
    [Specialty, Insurance, AgeGroup, Format, PaymentMethod, AccessibilityFeature, LicenceType],
    VocabularyAdmin,
)


# Listings -------------------------------------------------------------------


class LocationInline(admin.StackedInline):
    model = Location
    extra = 0
    fields = [
        ("name", "address"),
        ("city", "region", "postal_code"),
        ("latitude", "longitude"),
        ("wheelchair_accessible", "transit_notes"),
    ]


class ListingLanguageInline(admin.TabularInline):
    model = ListingLanguage
    extra = 0
    autocomplete_fields = ["language"]


class ServiceAreaInline(admin.TabularInline):
    model = ServiceArea
    extra = 0


class ListingEventInline(admin.TabularInline):
    """The latest history entries; the full history is behind the History button."""

    model = ListingEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = ("created_at", "action", "actor", "source", "message", "what")
    ordering = ["-created_at", "-id"]
    verbose_name_plural = gettext_lazy("history (newest first)")

    @admin.display(description=gettext_lazy("what changed"))
    def what(self, event: ListingEvent) -> str:
        rows = event_change_rows(event)
        return "; ".join(row[0] for row in rows) or "—"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FreshnessFilter(admin.SimpleListFilter):
    """Published listings by how recently they were confirmed current."""

    title = gettext_lazy("confirmation")
    parameter_name = "freshness"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("current", _("Current (confirmed within 180 days)")),
            ("stale", _("Stale (180 to 365 days)")),
            ("leaving", _("Leaving search within 30 days")),
            ("hidden", _("Left search (over 365 days)")),
            ("hidden_by_owner", _("Hidden by owner")),
            ("hidden_by_curator", _("Hidden by a curator")),
            ("reconfirm", _("Asked to re-confirm: seekers could not reach it")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        now = timezone.now()
        published = queryset.filter(status=Listing.Status.PUBLISHED)
        if self.value() == "current":
            return published.filter(last_confirmed_at__gte=now - STALE_AFTER)
        if self.value() == "stale":
            return published.filter(
                last_confirmed_at__lt=now - STALE_AFTER, last_confirmed_at__gte=now - HIDDEN_AFTER
            )
        if self.value() == "leaving":
            return published.filter(
                last_confirmed_at__lt=now - HIDDEN_AFTER + LEAVING_WITHIN,
                last_confirmed_at__gte=now - HIDDEN_AFTER,
            )
        if self.value() == "hidden":
            return published.filter(
                Q(last_confirmed_at__lt=now - HIDDEN_AFTER) | Q(last_confirmed_at__isnull=True)
            )
        if self.value() == "hidden_by_owner":
            return published.filter(hidden_by_owner_at__isnull=False)
        if self.value() == "hidden_by_curator":
            return published.filter(hidden_by_curator_at__isnull=False)
        if self.value() == "reconfirm":
            return published.filter(awaiting_reconfirmation_q())
        return queryset


class MessageForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 4})
    )


class OptionalMessageForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8, with a header row, in the bulk import format. A row whose slug exists "
            "updates that listing."
        ),
    )


@admin.register(Listing)
class ListingAdmin(TabbedTranslationAdmin):
    form = concurrency.VersionedAdminForm
    list_display = [
        "name",
        "kind",
        "status",
        "freshness",
        "licence_verified_at",
        "awaiting_review",
        "last_confirmed_at",
    ]
    list_filter = [
        FreshnessFilter,
        LicenceFilter,
        "status",
        "kind",
        "community_type",
        "accepting_new_clients",
        "video",
    ]
    search_fields = ["name", "slug", "email", "phone", "locations__city"]
    prepopulated_fields = {"slug": ("name",)}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    date_hierarchy = "last_confirmed_at"
    filter_horizontal = [
        "identifies_as",
        "experienced_with",
        "specialties",
        "approaches",
        "insurance",
        "ages",
        "formats",
        "licence_types",
        "accessibility",
        "payment_methods",
        "owners",
    ]
    inlines = [LocationInline, ListingLanguageInline, ServiceAreaInline, ListingEventInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "community_type", "status", "owners"]}),
        (_("About"), {"fields": ["pronouns", "credentials", "about", "approach_text"]}),
        (_("Photo"), {"fields": ["photo", "photo_alt"]}),
        (_("Contact"), {"fields": ["phone", "email", "website", "booking_url"]}),
        (
            _("Licence"),
            {
                "description": _(
                    "Changing the licence type, number or state clears its verification. "
                    "Use “Verify licence” above to record a check."
                ),
                "fields": [
                    "licence_types",
                    ("licence_type", "licence_number", "licence_state"),
                    ("licence_verified_at", "licence_verified_by"),
                    ("licence_verification_method", "licence_verification_note"),
                ],
            },
        ),
        (
            _("Identity"),
            {
                "description": _("Self-described by the provider; never inferred."),
                "fields": ["identifies_as", "experienced_with"],
            },
        ),
        (_("Care"), {"fields": ["specialties", "approaches", "ages", "formats"]}),
        (_("Accessibility"), {"fields": ["accessibility", "accessibility_note"]}),
        (
            _("Availability"),
            {"fields": ["accepting_new_clients", ("in_person", "video", "phone_sessions")]},
        ),
        (
            _("Cost"),
            {
                "fields": [
                    ("fee_min", "fee_max", "sliding_scale_min"),
                    "free",
                    "insurance",
                    "payment_methods",
                    "payment_options",
                ]
            },
        ),
        (
            _("Record"),
            {"fields": ["last_confirmed_at", "uuid", "created_at", "updated_at", "seen_version"]},
        ),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = ["uuid", "created_at", "updated_at", *curation.LICENCE_VERIFICATION_FIELDS]
        if obj is not None:
            # Status changes only through review, suspend and restore, which keep history.
            fields.append("status")
        return fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # Pending changes are copies waiting in the review queue, not listings.
        submitted = Listing.objects.filter(draft_of=OuterRef("pk"), status=Listing.Status.SUBMITTED)
        return (
            super()
            .get_queryset(request)
            .filter(draft_of__isnull=True)
            .annotate(has_submitted_change=Exists(submitted))
        )

    @admin.display(description=gettext_lazy("freshness"))
    def freshness(self, listing: Listing) -> str:
        if listing.status != Listing.Status.PUBLISHED:
            return "—"
        if listing.is_hidden:
            return _("Left search")
        if listing.is_stale:
            return _("Stale")
        return _("Current")

    @admin.display(description=gettext_lazy("changes awaiting review"), boolean=True)
    def awaiting_review(self, listing: Listing) -> bool:
        return bool(getattr(listing, "has_submitted_change", False))

    # Saving: clear a licence check the edit invalidates, and record the edit.

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            stored = Listing.objects.get(pk=obj.pk)
            request._listing_before = curation.listing_snapshot_for_history(stored)  # type: ignore[attr-defined]
            if curation.licence_changed(stored=stored, edited=obj):
                curation.clear_licence_verification(obj)
        super().save_model(request, obj, form, change)
        concurrency.bump(obj)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        listing = form.instance
        assert isinstance(request.user, User)
        before = getattr(request, "_listing_before", None)
        if change and before is not None:
            curation.listing_record_curator_edit(
                listing=listing, curator=request.user, before=before
            )
        elif not change:
            ListingEvent.objects.create(
                listing=listing,
                action=ListingEvent.Action.CREATED,
                actor=request.user,
                source="curator",
            )
        search_index_update(listing_ids=[listing.pk])

    # Deleting: out of the search index first, so its counts go with it.

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        search_index_remove(listing_ids=[obj.pk])
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        search_index_remove(listing_ids=list(queryset.values_list("pk", flat=True)))
        super().delete_queryset(request, queryset)

    # Curator actions on one listing, and the directory as CSV.

    def get_urls(self) -> list[URLPattern]:  # type: ignore[override]
        wrap = self.admin_site.admin_view
        return [
            path("export/", wrap(self.export_view), name="providers_listing_export"),
            path("import/", wrap(self.import_view), name="providers_listing_import"),
            path(
                "<path:object_id>/verify-licence/",
                wrap(self.verify_licence_view),
                name="providers_listing_verify_licence",
            ),
            path(
                "<path:object_id>/suspend/",
                wrap(self.suspend_view),
                name="providers_listing_suspend",
            ),
            path(
                "<path:object_id>/restore/",
                wrap(self.restore_view),
                name="providers_listing_restore",
            ),
            *super().get_urls(),
        ]

    def _changeable(self, request: HttpRequest, object_id: str) -> Listing:
        listing = get_object_or_404(Listing, pk=object_id, draft_of__isnull=True)
        if not self.has_change_permission(request, listing):
            raise PermissionDenied
        return listing

    def _change_url(self, listing: Listing) -> str:
        return reverse("admin:providers_listing_change", args=[listing.pk])

    def _action_page(
        self, request: HttpRequest, listing: Listing, form: forms.Form, title: str, submit: str
    ) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "listing": listing,
            "form": form,
            "submit_label": submit,
        }
        return TemplateResponse(request, "admin/providers/listing/action_form.html", context)

    def verify_licence_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        listing = self._changeable(request, object_id)
        form = LicenceVerificationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            assert isinstance(request.user, User)
            try:
                curation.listing_verify_licence(
                    listing=listing, curator=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                for message in _form_errors(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("The licence check is recorded."))
                return HttpResponseRedirect(self._change_url(listing))
        return self._action_page(
            request,
            listing,
            form,
            _("Verify licence: %(name)s") % {"name": listing},
            _("Record check"),
        )

    def suspend_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        listing = self._changeable(request, object_id)
        form = MessageForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            assert isinstance(request.user, User)
            try:
                curation.listing_suspend(
                    listing=listing, curator=request.user, message=form.cleaned_data["message"]
                )
            except ValidationError as error:
                for message in _form_errors(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("The listing is suspended and out of the directory."))
                return HttpResponseRedirect(self._change_url(listing))
        return self._action_page(
            request, listing, form, _("Suspend: %(name)s") % {"name": listing}, _("Suspend")
        )

    def restore_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        listing = self._changeable(request, object_id)
        form = OptionalMessageForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            assert isinstance(request.user, User)
            try:
                curation.listing_restore(
                    listing=listing, curator=request.user, message=form.cleaned_data["message"]
                )
            except ValidationError as error:
                for message in _form_errors(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("The listing is published again."))
                return HttpResponseRedirect(self._change_url(listing))
        return self._action_page(
            request, listing, form, _("Restore: %(name)s") % {"name": listing}, _("Restore")
        )

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """Every entry in the listing's history, with what changed, oldest first."""
        listing = get_object_or_404(Listing, pk=object_id, draft_of__isnull=True)
        if not self.has_view_or_change_permission(request, listing):
            raise PermissionDenied
        events = listing.events.select_related("actor").order_by("created_at", "id")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("History: %(name)s") % {"name": listing},
            "listing": listing,
            "events": [(event, event_change_rows(event)) for event in events],
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/providers/listing/history.html", context)

    def export_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"rooted-listings-{timezone.now():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        export_listings_csv(file=response)  # type: ignore[arg-type]
        return response

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            assert isinstance(request.user, User)
            text = io.TextIOWrapper(upload.file, encoding="utf-8-sig", newline="")
            try:
                report = import_listings_csv(file=text, actor=request.user)
            except ImportFileError as error:
                form.add_error("file", str(error))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import listings from CSV"),
            "form": form,
            "report": report,
        }
        return TemplateResponse(request, "admin/providers/listing/import.html", context)


# Review queue -------------------------------------------------------------


class ReviewDecisionForm(forms.Form):
    class Decision:
        APPROVE = "approve"
        REQUEST_CHANGES = "request_changes"
        REJECT = "reject"

    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (Decision.APPROVE, gettext_lazy("Approve and publish")),
            (Decision.REQUEST_CHANGES, gettext_lazy("Request changes")),
            (Decision.REJECT, gettext_lazy("Reject")),
        ],
    )
    message = forms.CharField(
        label=gettext_lazy("Message to the provider"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Sent by email in the provider's language settings and shown on their "
            "dashboard. Required to request changes or reject."
        ),
    )

    def __init__(
        self, *args: Any, conflicts: Sequence[merging.Conflict] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.conflicts = list(conflicts)
        for conflict in self.conflicts:
            self.fields[f"keep_{conflict.part}"] = forms.ChoiceField(
                label=conflict.label,
                widget=forms.RadioSelect,
                required=False,
                choices=[
                    (
                        merging.KEEP_PUBLISHED,
                        _("Keep the published version: %(value)s")
                        % {"value": conflict.published_text},
                    ),
                    (
                        merging.TAKE_PROPOSED,
                        _("Take the provider's: %(value)s") % {"value": conflict.proposed_text},
                    ),
                ],
            )

    def merge_choices(self) -> dict[str, str]:
        """The curator's choice for each part both sides changed."""
        return {c.part: self.cleaned_data.get(f"keep_{c.part}") or "" for c in self.conflicts}


@admin.register(ReviewItem)
class ReviewQueueAdmin(ReviewQueueTools, admin.ModelAdmin):  # type: ignore[misc]
    """Submitted listings and submitted changes to published ones, oldest first."""

    list_display_links = None
    search_fields = ["name", "draft_of__name"]
    ordering = ["updated_at", "id"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # The same set as providers.selectors.listings_awaiting_review, as the proxy.
        return (
            ReviewItem.objects.filter(status=Listing.Status.SUBMITTED)
            .select_related("draft_of", "review_assignee")
            .prefetch_related("owners", "draft_of__owners")
            .order_by("updated_at", "id")
        )

    @admin.display(description=gettext_lazy("name"))
    def name_link(self, item: ReviewItem) -> str:
        url = reverse("admin:providers_reviewitem_change", args=[item.pk])
        return format_html('<a href="{}">{}</a>', url, item.name or _("Untitled listing"))

    @admin.display(description=gettext_lazy("what is reviewed"))
    def review_type(self, item: ReviewItem) -> str:
        return _("Changes to a published listing") if item.draft_of_id else _("New listing")

    @admin.display(description=gettext_lazy("owners"))
    def owner_list(self, item: ReviewItem) -> str:
        source = item.draft_of or item
        return ", ".join(owner.email for owner in source.owners.all())

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        """The diff and the decision, instead of a model form."""
        item = self.get_object(request, object_id)
        if item is None:
            messages.info(request, _("That item is no longer waiting for review."))
            return HttpResponseRedirect(reverse("admin:providers_reviewitem_changelist"))
        if not self.has_view_or_change_permission(request, item):
            raise PermissionDenied
        can_decide = self.has_change_permission(request, item)
        original = item.draft_of
        conflicts = merging.plan(change=item, original=original).conflicts if original else ()
        form = ReviewDecisionForm(request.POST or None, conflicts=conflicts)
        if request.method == "POST":
            if not can_decide:
                raise PermissionDenied
            if form.is_valid() and self._decide(request, item, form):
                return HttpResponseRedirect(reverse("admin:providers_reviewitem_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Review: %(name)s") % {"name": item},
            "item": item,
            "original": original,
            "owners": (original or item).owners.all(),
            "changes": curation.review_diff(item),
            "conflicts": conflicts,
            "history": (original or item).events.select_related("actor")[:10],
            "form": form,
            "can_decide": can_decide,
            **self.licence_context(item),
        }
        return TemplateResponse(request, "admin/providers/reviewitem/review.html", context)

    def _decide(self, request: HttpRequest, item: ReviewItem, form: ReviewDecisionForm) -> bool:
        assert isinstance(request.user, User)
        decision, message = form.cleaned_data["decision"], form.cleaned_data["message"]
        base_url = _site_url(request)
        try:
            if decision == ReviewDecisionForm.Decision.APPROVE:
                published = services.listing_approve(
                    listing=item,
                    curator=request.user,
                    note=message,
                    base_url=base_url,
                    choices=form.merge_choices(),
                )
                messages.success(
                    request,
                    _("“%(name)s” is published; its owners were told.") % {"name": published},
                )
            elif decision == ReviewDecisionForm.Decision.REQUEST_CHANGES:
                services.listing_request_changes(
                    listing=item, curator=request.user, message=message, base_url=base_url
                )
                messages.success(
                    request, _("Changes requested from the owners of “%(name)s”.") % {"name": item}
                )
            else:
                services.listing_reject(
                    listing=item, curator=request.user, message=message, base_url=base_url
                )
                messages.success(
                    request,
                    _("“%(name)s” is rejected; its owners were told why.") % {"name": item},
                )
        except ValidationError as error:
            for text in _form_errors(error):
                form.add_error(None, text)
            return False
        return True


# Seeker reports (providers.admin_reports) -----------------------------------

admin.site.register(Report, ReportAdmin)

# The translators' queue and reviews (registered on import).
from providers import admin_translations  # noqa: E402, F401
