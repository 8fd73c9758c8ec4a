"""Listings in the curator area: the edit form with every translation in tabs,
freshness and licence filters, history, suspend and restore, the licence check,
and the directory as CSV out and in."""

import io
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from providers import concurrency, curation
from providers.admin.queue import LicenceFilter, LicenceVerificationForm
from providers.admin.shared import _form_errors, action_page
from providers.dashboard import LEAVING_WITHIN, awaiting_reconfirmation_q
from providers.exporting import export_listings_csv
from providers.importing import ImportFileError, import_listings_csv
from providers.models import (
    HIDDEN_AFTER,
    STALE_AFTER,
    Listing,
    ListingEvent,
    ListingLanguage,
    Location,
    ServiceArea,
    User,
)
from providers.search_index import search_index_remove, search_index_update
from providers.selectors import value_text
from providers.vocabulary import vocabulary_fields


def event_change_rows(event: ListingEvent) -> list[tuple[str, str, str]]:
    """A history entry's `changes` as (what, before, after) rows for a table;
    entries without before and after (imports, licence checks) give (what, "", value)."""
    rows = []
    for key, value in (event.changes or {}).items():
        if isinstance(value, dict) and "label" in value:
            rows.append(
                (
                    str(value["label"]),
                    value_text(value.get("before")),
                    value_text(value.get("after")),
                )
            )
        else:
            rows.append((str(key), "", value_text(value)))
    return rows


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
    filter_horizontal = [*vocabulary_fields(), "owners"]
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
        return action_page(
            self,
            request,
            listing,
            form,
            title=title,
            submit=submit,
            template="admin/providers/listing/action_form.html",
        )

    def _curator_action(
        self,
        request: HttpRequest,
        object_id: str,
        *,
        form_class: type[forms.Form],
        service: Callable[..., object],
        done: str,
        title: str,
        submit: str,
    ) -> HttpResponse:
        """A curator's action on one listing: its form, whose fields are the `service`'s
        arguments besides the listing and curator, then back to the listing."""
        listing = self._changeable(request, object_id)
        form = form_class(request.POST or None)
        if request.method == "POST" and form.is_valid():
            assert isinstance(request.user, User)
            try:
                service(listing=listing, curator=request.user, **form.cleaned_data)
            except ValidationError as error:
                for message in _form_errors(error):
                    form.add_error(None, message)
            else:
                messages.success(request, done)
                return HttpResponseRedirect(self._change_url(listing))
        return self._action_page(request, listing, form, title % {"name": listing}, submit)

    def verify_licence_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._curator_action(
            request,
            object_id,
            form_class=LicenceVerificationForm,
            service=curation.listing_verify_licence,
            done=_("The licence check is recorded."),
            title=_("Verify licence: %(name)s"),
            submit=_("Record check"),
        )

    def suspend_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._curator_action(
            request,
            object_id,
            form_class=MessageForm,
            service=curation.listing_suspend,
            done=_("The listing is suspended and out of the directory."),
            title=_("Suspend: %(name)s"),
            submit=_("Suspend"),
        )

    def restore_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._curator_action(
            request,
            object_id,
            form_class=OptionalMessageForm,
            service=curation.listing_restore,
            done=_("The listing is published again."),
            title=_("Restore: %(name)s"),
            submit=_("Restore"),
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
