"""The review queue: submitted listings and changes to published ones, oldest
first, each reviewed on a page with a diff of what changed and the decision.

Its working tools: how long each item has waited, filters by assignment, what is
reviewed, kind and source, "assign to me", and the licence check on the review
page itself (with the state board's look-up link)."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from providers import curation, merging, services
from providers.admin.shared import _form_errors, _site_url
from providers.dashboard import unverified_licences_q
from providers.licence_boards import board_lookup_url
from providers.models import LicenceCheck, Listing, ReviewItem, User


class LicenceVerificationForm(forms.Form):
    method = forms.ChoiceField(
        label=gettext_lazy("How was the licence checked?"),
        choices=LicenceCheck.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("For example the board's record number or who you spoke to."),
    )


class LicenceFilter(admin.SimpleListFilter):
    """Listings by whether a curator has checked the licence they name."""

    title = gettext_lazy("licence")
    parameter_name = "licence"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("unverified", _("Not verified")), ("verified", _("Verified"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "unverified":
            return queryset.filter(unverified_licences_q())
        if self.value() == "verified":
            return queryset.filter(licence_verified_at__isnull=False)
        return queryset


class AssignedFilter(admin.SimpleListFilter):
    title = gettext_lazy("assigned to")
    parameter_name = "assigned"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("me", _("Me")), ("nobody", _("Nobody")), ("others", _("Someone else"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "me":
            return queryset.filter(review_assignee=request.user)
        if self.value() == "nobody":
            return queryset.filter(review_assignee__isnull=True)
        if self.value() == "others":
            return queryset.filter(review_assignee__isnull=False).exclude(
                review_assignee=request.user
            )
        return queryset


class ReviewStateFilter(admin.SimpleListFilter):
    """A new listing, or a change to a published one."""

    title = gettext_lazy("what is reviewed")
    parameter_name = "reviewing"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("new", _("New listing")), ("change", _("Changes to a published listing"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "new":
            return queryset.filter(draft_of__isnull=True)
        if self.value() == "change":
            return queryset.filter(draft_of__isnull=False)
        return queryset


class SourceFilter(admin.SimpleListFilter):
    """Where the listing came from: a provider (no source) or an import."""

    title = gettext_lazy("source")
    parameter_name = "source"
    PROVIDER = "provider"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        sources = (
            Listing.objects.filter(draft_of__isnull=True)
            .exclude(source="")
            .values_list("source", flat=True)
            .distinct()
            .order_by("source")
        )
        return [(self.PROVIDER, _("Added by a provider")), *((s, s) for s in sources)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if value is None:
            return queryset
        source = "" if value == self.PROVIDER else value
        return queryset.filter(Q(draft_of__isnull=True, source=source) | Q(draft_of__source=source))


class ReviewQueueTools:
    """Mixed into the review queue's ModelAdmin."""

    list_display = [
        "name_link",
        "review_type",
        "kind",
        "waiting",
        "assignee",
        "owner_list",
    ]
    list_filter = [AssignedFilter, ReviewStateFilter, "kind", SourceFilter]
    actions = ["assign_to_me", "unassign"]

    @admin.display(description=gettext_lazy("waiting"), ordering="updated_at")
    def waiting(self, item: ReviewItem) -> str:
        return timesince(item.updated_at)

    @admin.display(description=gettext_lazy("assigned to"), ordering="review_assignee__email")
    def assignee(self, item: ReviewItem) -> str:
        return item.review_assignee.email if item.review_assignee else "—"

    @admin.action(description=gettext_lazy("Assign to me"), permissions=["change"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        count = queryset.update(review_assignee=request.user)
        messages.success(request, _("Assigned to you: %(count)d.") % {"count": count})

    @admin.action(description=gettext_lazy("Remove the assignment"), permissions=["change"])
    def unassign(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        count = queryset.update(review_assignee=None)
        messages.success(request, _("No longer assigned: %(count)d.") % {"count": count})

    # The licence check on the review page.

    def licence_context(self, item: ReviewItem) -> dict[str, Any]:
        """What the review page shows about the licence, and whether it can be
        verified from there: a new listing's, or an unchanged one on a pending change."""
        if not (item.licence_number or item.licence_type):
            return {"licence": None}
        target = item.draft_of or item
        changed = item.draft_of is not None and curation.licence_changed(
            stored=item.draft_of, edited=item
        )
        url, is_board = board_lookup_url(item.licence_state, item.licence_type)
        return {
            "licence": {
                "target": target,
                "changed": changed,
                "verified_at": None if changed else target.licence_verified_at,
                "lookup_url": url,
                "lookup_is_board": is_board,
                "form": curation_form(),
            }
        }

    def get_urls(self) -> list[URLPattern]:
        wrap = self.admin_site.admin_view  # type: ignore[attr-defined]
        return [
            path(
                "<path:object_id>/verify-licence/",
                wrap(self.review_verify_licence_view),
                name="providers_reviewitem_verify_licence",
            ),
            *super().get_urls(),  # type: ignore[misc]
        ]

    def review_verify_licence_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        item = self.get_object(request, object_id)  # type: ignore[attr-defined]
        if item is None or request.method != "POST":
            return HttpResponseRedirect(reverse("admin:providers_reviewitem_changelist"))
        if not self.has_change_permission(request, item):  # type: ignore[attr-defined]
            raise PermissionDenied
        review_url = reverse("admin:providers_reviewitem_change", args=[item.pk])
        licence = self.licence_context(item)["licence"]
        form = curation_form(request.POST)
        if licence is None or licence["changed"] or not form.is_valid():
            messages.error(
                request, _("The licence check was not recorded: choose how it was checked.")
            )
            return HttpResponseRedirect(review_url)
        assert isinstance(request.user, User)
        try:
            curation.listing_verify_licence(
                listing=licence["target"], curator=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The licence check is recorded."))
        return HttpResponseRedirect(review_url)


def curation_form(data: Any = None) -> LicenceVerificationForm:
    return LicenceVerificationForm(data)


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
