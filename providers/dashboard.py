"""The curator dashboard on the admin home: what is waiting, how many and since
when, each figure a link to the admin list that shows exactly those.

Read in a fixed number of queries (one per section), whatever the numbers.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, F, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from providers.claim_models import ListingClaim
from providers.models import HIDDEN_AFTER, STALE_AFTER, Listing, Report, User

# A stale listing leaves search within this long: "about to leave search".
LEAVING_WITHIN = timedelta(days=30)


@dataclass(frozen=True)
class Figure:
    """One count on the dashboard: how many, since when the oldest waits, and where
    the list of them is."""

    key: str
    label: Any
    count: int
    oldest: datetime | None
    url: str


def _changelist(model: str, **params: str) -> str:
    url = reverse(f"admin:providers_{model}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def unverified_licences_q() -> Q:
    """Published listings that name a licence no curator has checked."""
    return Q(licence_verified_at__isnull=True) & (~Q(licence_number="") | ~Q(licence_type=""))


def awaiting_reconfirmation_q() -> Q:
    """Listings whose owners were asked to confirm them (seekers could not reach
    them) and have not since."""
    return Q(reconfirm_requested_at__isnull=False) & (
        Q(last_confirmed_at__isnull=True) | Q(last_confirmed_at__lt=F("reconfirm_requested_at"))
    )


def review_figures(*, user: User) -> list[Figure]:
    row = Listing.objects.filter(status=Listing.Status.SUBMITTED).aggregate(
        count=Count("pk"),
        oldest=Min("updated_at"),
        mine=Count("pk", filter=Q(review_assignee=user)),
        mine_oldest=Min("updated_at", filter=Q(review_assignee=user)),
        unassigned=Count("pk", filter=Q(review_assignee__isnull=True)),
        unassigned_oldest=Min("updated_at", filter=Q(review_assignee__isnull=True)),
    )
    return [
        Figure(
            "review",
            _("Waiting for review"),
            row["count"],
            row["oldest"],
            _changelist("reviewitem"),
        ),
        Figure(
            "review_unassigned",
            _("Waiting for review, not assigned"),
            row["unassigned"],
            row["unassigned_oldest"],
            _changelist("reviewitem", assigned="nobody"),
        ),
        Figure(
            "review_mine",
            _("Assigned to you"),
            row["mine"],
            row["mine_oldest"],
            _changelist("reviewitem", assigned="me"),
        ),
    ]


def report_figures() -> list[Figure]:
    """Open reports by severity, most severe first; every severity, even at 0."""
    rows: dict[int, dict[str, Any]] = {
        row["severity"]: dict(row)
        for row in Report.objects.filter(status=Report.Status.OPEN)
        .values("severity")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
        .order_by()
    }
    empty: dict[str, Any] = {"count": 0, "oldest": None}
    return [
        Figure(
            f"reports_{severity.value}",
            severity.label,
            rows.get(severity.value, empty)["count"],
            rows.get(severity.value, empty)["oldest"],
            _changelist("report", severity__exact=str(severity.value)),
        )
        for severity in Report.Severity
    ]


def listing_figures(*, now: datetime | None = None) -> list[Figure]:
    now = now or timezone.now()
    stale = Q(last_confirmed_at__lt=now - STALE_AFTER, last_confirmed_at__gte=now - HIDDEN_AFTER)
    leaving = stale & Q(last_confirmed_at__lt=now - HIDDEN_AFTER + LEAVING_WITHIN)
    unverified = unverified_licences_q()
    reconfirm = awaiting_reconfirmation_q()
    row = (
        Listing.objects.published()
        .filter(draft_of__isnull=True)
        .aggregate(
            stale=Count("pk", filter=stale),
            stale_oldest=Min("last_confirmed_at", filter=stale),
            leaving=Count("pk", filter=leaving),
            leaving_oldest=Min("last_confirmed_at", filter=leaving),
            unverified=Count("pk", filter=unverified),
            unverified_oldest=Min("created_at", filter=unverified),
            reconfirm=Count("pk", filter=reconfirm),
            reconfirm_oldest=Min("reconfirm_requested_at", filter=reconfirm),
        )
    )
    return [
        Figure(
            "stale",
            _("Stale: not confirmed for 180 days"),
            row["stale"],
            row["stale_oldest"],
            _changelist("listing", freshness="stale"),
        ),
        Figure(
            "leaving",
            _("Leaving search within 30 days"),
            row["leaving"],
            row["leaving_oldest"],
            _changelist("listing", freshness="leaving"),
        ),
        Figure(
            "reconfirm",
            _("Asked to re-confirm: seekers could not reach it"),
            row["reconfirm"],
            row["reconfirm_oldest"],
            _changelist("listing", freshness="reconfirm"),
        ),
        Figure(
            "unverified",
            _("Published with an unverified licence"),
            row["unverified"],
            row["unverified_oldest"],
            _changelist("listing", licence="unverified"),
        ),
    ]


def claims_waiting_q() -> Q:
    """Claims a curator must act on: a phone code to read out, or a proved claim
    to approve. An email proof waits for the claimant, not for a curator."""
    return Q(status=ListingClaim.Status.PROVED) | Q(
        status=ListingClaim.Status.OPEN, method=ListingClaim.Method.PHONE
    )


def claim_figures() -> list[Figure]:
    row = ListingClaim.objects.filter(claims_waiting_q()).aggregate(
        count=Count("pk"), oldest=Min("created_at")
    )
    return [
        Figure(
            "claims",
            _("Claims waiting for a curator"),
            row["count"],
            row["oldest"],
            _changelist("listingclaim", waiting="curator"),
        )
    ]
