from typing import Any

from django import template

from insights.curation import top_gaps

register = template.Library()


@register.inclusion_tag("admin/insights/top_gaps.html")
def insights_top_gaps() -> dict[str, Any]:
    """The admin home's panel: the top ten gaps of the last 30 days."""
    return {"gaps": top_gaps()}
