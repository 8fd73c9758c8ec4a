"""The curator area, shaped for the work: the review queue with a diff of what
changed, licence checks, seeker reports, stale listings, every listing's history,
CSV export and import; and the vocabularies, with every translation in tabs.

Writes go through `providers.services` and `providers.curation`, so an action in
the admin records the same history as the same action anywhere else.

One module per area; importing each registers its admins.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy

from providers.admin import (  # noqa: F401 (each registers its admins)
    accounts,
    claims,
    listings,
    queue,
    reports,
    translations,
    vocabularies,
)

admin.site.site_header = gettext_lazy("Rooted curator area")
admin.site.site_title = gettext_lazy("Rooted curators")
admin.site.index_title = gettext_lazy("Curation")
