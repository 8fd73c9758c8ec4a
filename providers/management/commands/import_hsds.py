"""manage.py import_hsds DIR_OR_FILE: listings from Open Referral HSDS 3.0 data."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from providers.hsds.importer import import_hsds
from providers.hsds.reading import HsdsFileError


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0 JSON (or a CSV data package): one listing per service, updated in "
        "place when imported again. New listings await review unless --publish."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", type=Path, help="A JSON, NDJSON or CSV file, or a folder of them."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the listings instead of submitting them for review.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = import_hsds(path=options["path"], publish=options["publish"])
        except HsdsFileError as error:
            raise CommandError(str(error)) from error
        for line in report.ignored:
            self.stdout.write(line)
        for record in report.records:
            stream = self.stderr if record.outcome == "failed" else self.stdout
            stream.write(str(record))
        self.stdout.write(report.summary)
