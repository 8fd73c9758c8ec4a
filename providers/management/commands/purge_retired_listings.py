"""`manage.py purge_retired_listings`: erase listings their owners deleted while
suspended or reported, once their retention is over (providers.retention).

Safe to run daily.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from providers.retention import purge_retired


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        return _(
            "Delete for good the listings their owners deleted while suspended or reported, "
            "once no report is open and a year has passed since the last report or history "
            "entry. Safe to run daily."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = purge_retired()
        self.stdout.write(_("deleted for good: %(count)d") % {"count": count})
