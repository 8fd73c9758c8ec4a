"""Claims on imported listings in the curator area: the code to read over the
listing's phone, and approving or refusing. Writes go through `providers.claims`."""

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy, ngettext

from providers import claims
from providers.claim_models import ListingClaim
from providers.dashboard import claims_waiting_q
from providers.models import User


class WaitingFilter(admin.SimpleListFilter):
    title = gettext_lazy("waiting for")
    parameter_name = "waiting"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("curator", gettext_lazy("a curator"))]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[ListingClaim]
    ) -> QuerySet[ListingClaim]:
        if self.value() == "curator":
            return queryset.filter(claims_waiting_q())
        return queryset


@admin.register(ListingClaim)
class ListingClaimAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = [
        "listing",
        "claimant",
        "role",
        "method",
        "status",
        "code_to_read",
        "listing_phone",
        "created_at",
    ]
    list_filter = [WaitingFilter, "status", "method"]
    list_select_related = ["listing", "claimant"]
    search_fields = ["listing__name", "claimant__email", "email"]
    readonly_fields = [
        "listing",
        "claimant",
        "role",
        "method",
        "email",
        "code_to_read",
        "listing_phone",
        "status",
        "created_at",
        "proved_at",
        "decided_at",
        "decided_by",
    ]
    fields = list(readonly_fields)  # type: ignore[assignment]
    actions = ["approve", "refuse"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.display(description=gettext_lazy("code to read by phone"))
    def code_to_read(self, claim: ListingClaim) -> str:
        """Shown only while a phone claim waits for it: call, then read it out."""
        waiting = claim.method == ListingClaim.Method.PHONE and claim.status == "open"
        return claim.phone_code if waiting else "—"

    @admin.display(description=gettext_lazy("listing's phone"))
    def listing_phone(self, claim: ListingClaim) -> str:
        return claim.listing.phone or "—"

    def _decide(
        self, request: HttpRequest, queryset: QuerySet[ListingClaim], approve: bool
    ) -> None:
        curator = request.user
        assert isinstance(curator, User)
        done = 0
        for claim in queryset:
            try:
                if approve:
                    claims.claim_approve(claim=claim, curator=curator)
                else:
                    claims.claim_refuse(claim=claim, curator=curator)
            except ValidationError as error:
                messages.error(request, f"{claim}: {' '.join(error.messages)}")
            else:
                done += 1
        if done:
            message = (
                ngettext("%(count)d claim approved.", "%(count)d claims approved.", done)
                if approve
                else ngettext("%(count)d claim refused.", "%(count)d claims refused.", done)
            )
            messages.success(request, message % {"count": done})

    @admin.action(
        description=gettext_lazy("Approve: the claimant becomes the owner"),
        permissions=["change"],
    )
    def approve(self, request: HttpRequest, queryset: QuerySet[ListingClaim]) -> None:
        self._decide(request, queryset, approve=True)

    @admin.action(description=gettext_lazy("Refuse the claim"), permissions=["change"])
    def refuse(self, request: HttpRequest, queryset: QuerySet[ListingClaim]) -> None:
        self._decide(request, queryset, approve=False)
