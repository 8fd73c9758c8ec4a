"""`manage.py import_listings FILE.csv`: the bulk import contract in DESIGN.md."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from providers.importing import ImportFileError, import_listings_csv

# Exit codes: 1 when some rows were refused (the good ones are imported regardless),
# 2 when the file itself cannot be read and nothing was imported.
ROWS_FAILED = 1
FILE_UNUSABLE = 2


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # A property, not a lazy string: argparse needs a real str, in the active language.
        return _(
            "Create or update listings from a UTF-8 CSV file, one transaction per row. "
            "Rows whose slug exists update that listing. Exits with 1 if any row was refused, "
            "2 if the file cannot be read."
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=_("the CSV file to import"))

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        try:
            # utf-8-sig: spreadsheet programs often start the file with a byte order mark.
            with open(file, encoding="utf-8-sig", newline="") as csv_file:
                report = import_listings_csv(file=csv_file)
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror},
                returncode=FILE_UNUSABLE,
            ) from error
        except ImportFileError as error:
            raise CommandError(str(error), returncode=FILE_UNUSABLE) from error

        for failure in report.failures:
            self.stderr.write(str(failure))
        for row in report.warned:
            for warning in row.warnings:
                self.stderr.write(
                    _("line %(line)d: %(warning)s") % {"line": row.line, "warning": warning}
                )
        self.stdout.write(report.summary)
        if report.failed:
            raise CommandError(
                ngettext(
                    "%(failed)d row was not imported; fix it and run the import again.",
                    "%(failed)d rows were not imported; fix them and run the import again.",
                    report.failed,
                )
                % {"failed": report.failed},
                returncode=ROWS_FAILED,
            )
