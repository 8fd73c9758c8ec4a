"""`manage.py export_listings FILE.csv`: the published directory in the import format."""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from providers.exporting import export_listings_csv


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        return _(
            "Write every published listing to a UTF-8 CSV file in the bulk import format "
            "('-' writes to standard output)."
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=_("where to write the CSV, or - for standard output"))

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        if file == "-":
            count = export_listings_csv(file=sys.stdout)
        else:
            try:
                with open(file, "w", encoding="utf-8", newline="") as csv_file:
                    count = export_listings_csv(file=csv_file)
            except OSError as error:
                raise CommandError(
                    _("Cannot write %(file)s: %(error)s") % {"file": file, "error": error.strerror}
                ) from error
            self.stdout.write(
                ngettext("%(count)d listing exported.", "%(count)d listings exported.", count)
                % {"count": count}
            )
