"""Seeker reports, triaged: how severe each is, what a curator did about it (an
outcome, reversible), and listings that seekers cannot reach.

Every outcome and every reversal is recorded in the listing's history.
"""

from providers.models import Report

# A new report's severity, from the reason the seeker chose; a curator may change it.
SEVERITY_FOR_REASON = {
    Report.Reason.HARMFUL: Report.Severity.HARMFUL,
    Report.Reason.SAFETY: Report.Severity.SAFETY,
    Report.Reason.WRONG_PHONE: Report.Severity.WRONG_CONTACT,
    Report.Reason.CLOSED: Report.Severity.CLOSED,
}


def severity_for_reason(reason: str) -> int:
    return SEVERITY_FOR_REASON.get(reason, Report.Severity.OTHER)  # type: ignore[call-overload]
