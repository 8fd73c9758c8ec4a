"""Seeker reports, triaged: what a curator did about each (an outcome with a note,
reversible by reopening the report), and listings that seekers cannot reach.

Every outcome and every reversal is one transaction and is recorded in the
listing's history.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from providers import curation, emails
from providers.models import Listing, ListingEvent, Report, User
from providers.search_index import search_index_update
from providers.services import listing_event_record

# This many open wrong-contact reports and the owners are asked to confirm the listing.
UNREACHABLE_REPORTS = 2


def _record(report: Report, action: str, *, by: User, message: str) -> None:
    listing_event_record(
        report.listing,
        action,
        by=by,
        message=message,
        changes={
            "report": str(report.get_reason_display()),
            "severity": str(report.get_severity_display()),
            "outcome": str(report.get_outcome_display()) if report.outcome else "",
        },
        source="curator",
    )


@transaction.atomic
def report_file(
    *, listing: Listing, reason: str, note: str = "", base_url: str | None = None
) -> Report:
    """A seeker's report; a listing seekers cannot reach is marked for re-confirmation."""
    report = curation.report_create(listing=listing, reason=reason, note=note)
    if report.severity == Report.Severity.WRONG_CONTACT:
        listing_request_reconfirmation_if_unreachable(listing=listing, base_url=base_url)
    return report


@transaction.atomic
def report_triage(
    *, report: Report, curator: User, outcome: str, note: str, severity: int | None = None
) -> Report:
    """Resolve a report with an outcome: fixed, listing hidden, listing suspended or
    no action. Hiding and suspending take the listing out of the directory."""
    report = Report.objects.select_for_update().select_related("listing").get(pk=report.pk)
    note = note.strip()
    if report.status != Report.Status.OPEN:
        raise ValidationError(_("This report is already resolved."))
    if outcome not in Report.Outcome.values:
        raise ValidationError(_("Choose what was done about the report."))
    if not note:
        raise ValidationError(_("Say what was done about the report."))
    listing = Listing.objects.select_for_update().get(pk=report.listing_id)
    if outcome == Report.Outcome.SUSPENDED:
        if listing.status != Listing.Status.SUSPENDED:
            curation.listing_suspend(listing=listing, curator=curator, message=note)
    elif outcome == Report.Outcome.LISTING_HIDDEN and listing.hidden_by_curator_at is None:
        listing.hidden_by_curator_at = timezone.now()
        listing.save(update_fields=["hidden_by_curator_at", "updated_at"])
        search_index_update(listing_ids=[listing.pk])
    if severity is not None:
        report.severity = severity
    report.status = Report.Status.RESOLVED
    report.outcome = outcome
    report.resolved_by = curator
    report.resolved_at = timezone.now()
    report.resolution_note = note
    report.full_clean()
    report.save()
    _record(report, ListingEvent.Action.REPORT_RESOLVED, by=curator, message=note)
    return report


@transaction.atomic
def report_reopen(*, report: Report, curator: User, note: str) -> Report:
    """Open a resolved report again and undo its outcome: a listing it hid is shown,
    a listing it suspended is restored (unless another open outcome still holds it)."""
    report = Report.objects.select_for_update().select_related("listing").get(pk=report.pk)
    note = note.strip()
    if report.status != Report.Status.RESOLVED:
        raise ValidationError(_("Only a resolved report can be reopened."))
    if not note:
        raise ValidationError(_("Say why the report is reopened."))
    listing = Listing.objects.select_for_update().get(pk=report.listing_id)
    others = Report.objects.filter(
        listing=listing, status=Report.Status.RESOLVED, outcome=report.outcome
    ).exclude(pk=report.pk)
    if report.outcome == Report.Outcome.SUSPENDED and not others.exists():
        if listing.status == Listing.Status.SUSPENDED:
            curation.listing_restore(listing=listing, curator=curator, message=note)
    elif report.outcome == Report.Outcome.LISTING_HIDDEN and not others.exists():
        listing.hidden_by_curator_at = None
        listing.save(update_fields=["hidden_by_curator_at", "updated_at"])
        search_index_update(listing_ids=[listing.pk])
    _record(report, ListingEvent.Action.REPORT_REOPENED, by=curator, message=note)
    report.status = Report.Status.OPEN
    report.outcome = ""
    report.resolved_by = None
    report.resolved_at = None
    report.resolution_note = ""
    report.full_clean()
    report.save()
    return report


# Listings seekers cannot reach --------------------------------------------------


def is_awaiting_reconfirmation(listing: Listing) -> bool:
    requested, confirmed = listing.reconfirm_requested_at, listing.last_confirmed_at
    return requested is not None and (confirmed is None or confirmed < requested)


def listing_request_reconfirmation_if_unreachable(
    *, listing: Listing, base_url: str | None = None
) -> bool:
    """With two open wrong-contact reports, mark the listing for re-confirmation
    (once until it is confirmed again) and email its owners a one-click link."""
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    unreachable = Report.objects.filter(
        listing=listing, status=Report.Status.OPEN, severity=Report.Severity.WRONG_CONTACT
    ).count()
    if unreachable < UNREACHABLE_REPORTS or is_awaiting_reconfirmation(listing):
        return False
    listing.reconfirm_requested_at = timezone.now()
    listing.save(update_fields=["reconfirm_requested_at", "updated_at"])
    listing_event_record(
        listing,
        ListingEvent.Action.RECONFIRM_REQUESTED,
        by=None,
        changes={"open wrong-contact reports": unreachable},
        source="system",
    )
    emails.send_confirm_links(
        "reconfirm_contact",
        listing=listing,
        context={
            "listing_name": listing.name,
            "phone": listing.phone,
            "email": listing.email,
            "website": listing.website,
        },
        links={"dashboard_url": ("providers:dashboard", {})},
        base_url=base_url,
    )
    return True
