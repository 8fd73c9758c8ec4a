"""`{% curator_dashboard %}`: the curator dashboard on the admin home."""

from typing import Any

from django import template

from providers import dashboard

register = template.Library()


@register.inclusion_tag("admin/providers/dashboard.html", takes_context=True)
def curator_dashboard(context: dict[str, Any]) -> dict[str, Any]:
    user = context["request"].user
    return {
        "sections": [
            ("review", dashboard.review_figures(user=user)),
            ("reports", dashboard.report_figures()),
            ("listings", dashboard.listing_figures()),
            ("claims", dashboard.claim_figures()),
        ],
    }
