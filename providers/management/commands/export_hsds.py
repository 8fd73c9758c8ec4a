"""manage.py export_hsds DIR: the whole public directory as HSDS 3.0 JSON and CSV."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from providers.hsds.export import export_directory
from providers.hsds.schemas import NoSchemaDir, SchemasUnavailable, Validator


class Command(BaseCommand):
    help = "Write every published listing as Open Referral HSDS 3.0 (JSON and a CSV data package)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--schemas",
            type=Path,
            default=None,
            help=(
                "Folder of the official HSDS 3.0 JSON Schemas "
                "(default: the HSDS_SCHEMA_DIR setting; there is no other)."
            ),
        )
        parser.add_argument(
            "--no-validate",
            action="store_true",
            help="Skip checking each object against the schemas.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        validator = None
        if not options["no_validate"]:
            try:
                validator = Validator(options["schemas"])
            except NoSchemaDir as error:
                raise CommandError(
                    _(
                        "Checking the export needs the HSDS 3.0 schema folder: give --schemas "
                        "or set HSDS_SCHEMA_DIR, or give --no-validate to export without checking."
                    )
                ) from error
            except SchemasUnavailable as error:
                raise CommandError(
                    _(
                        "The HSDS schemas are not available (%(error)s): give --schemas, or "
                        "--no-validate to export without checking."
                    )
                    % {"error": error}
                ) from error
        report = export_directory(directory=options["directory"], validator=validator)
        for problem in report.problems:
            self.stderr.write(problem)
        self.stdout.write(
            _("Exported %(services)d services and %(terms)d taxonomy terms to %(directory)s.")
            % {
                "services": report.services,
                "terms": report.taxonomy_terms,
                "directory": options["directory"],
            }
        )
        if report.problems:
            raise CommandError(
                ngettext(
                    "%(count)d problem: the object concerned was left out.",
                    "%(count)d problems: the objects concerned were left out.",
                    len(report.problems),
                )
                % {"count": len(report.problems)}
            )
