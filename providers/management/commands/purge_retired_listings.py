"""`manage.py purge_retired_listings`: erase listings their owners deleted while
suspended or reported, once their retention is over (providers.retention).

Safe to run daily.
"""

from typing import Any

from django.utils.translation import gettext as _

from providers.joblock import ScheduledJob
from providers.retention import purge_retired


class Command(ScheduledJob):
    job = "purge_retired_listings"

    @property
    def help(self) -> str:  # type: ignore[override]
        return _(
            "Delete for good the listings their owners deleted while suspended or reported, "
            "once no report is open and a year has passed since the last report or history "
            "entry. Safe to run daily."
        )

    def run(self, **options: Any) -> None:
        count = purge_retired()
        self.stdout.write(_("deleted for good: %(count)d") % {"count": count})
