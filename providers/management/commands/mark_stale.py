"""`manage.py mark_stale`: record listings that became stale or left search.

Safe to run every hour: each transition is recorded once per confirmation.
"""

from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from providers.curation import listings_mark_stale
from providers.joblock import ScheduledJob


class Command(ScheduledJob):
    job = "mark_stale"

    @property
    def help(self) -> str:  # type: ignore[override]
        return _(
            "Record in their history the listings that became stale (180 days unconfirmed) "
            "or left search (365 days), and email the owners of those that left search. "
            "Each transition is recorded once, so it is safe to run every hour."
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-email", action="store_true", help=_("record only; email no one"))

    def run(self, **options: Any) -> None:
        run = listings_mark_stale(notify=not options["no_email"])
        self.stdout.write(
            _("marked stale: %(stale)d, left search: %(expired)d")
            % {"stale": len(run.stale), "expired": len(run.expired)}
        )
