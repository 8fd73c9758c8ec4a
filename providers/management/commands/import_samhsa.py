"""manage.py import_samhsa FILE.csv: start a directory from SAMHSA's national directory."""

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from providers.samhsa import SamhsaFileError, import_samhsa


class Command(BaseCommand):
    help = (
        "Import SAMHSA's National Directory of Mental Health Treatment Facilities (CSV) as "
        "published practice listings marked with their source, licences unverified."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", type=Path, help="The facility list, e.g. MH_2022_Facilities_List.csv."
        )
        parser.add_argument(
            "--codes",
            type=Path,
            default=None,
            help="The service code reference CSV (default: beside the facility list).",
        )
        parser.add_argument(
            "--review",
            action="store_true",
            help="Submit the listings for curator review instead of publishing them.",
        )
        parser.add_argument(
            "--confirmed",
            default="",
            help="Date the data was last confirmed current (default: now).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        confirmed_at = None
        if options["confirmed"]:
            day = parse_date(options["confirmed"])
            if day is None:
                raise CommandError(_("--confirmed must be a date such as 2025-03-31."))
            confirmed_at = datetime(day.year, day.month, day.day, tzinfo=UTC)
        started = time.monotonic()
        try:
            report = import_samhsa(
                path=options["path"],
                reference_path=options["codes"],
                publish=not options["review"],
                confirmed_at=confirmed_at,
            )
        except SamhsaFileError as error:
            raise CommandError(str(error)) from error
        for line in report.skipped + report.notes:
            self.stdout.write(line)
        self.stdout.write(
            _("%(summary)s in %(seconds).1f s.")
            % {"summary": report.summary, "seconds": time.monotonic() - started}
        )
