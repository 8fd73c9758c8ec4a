"""Email the owners of listings nearing the 180-day stale mark. Run it daily
(cron, a systemd timer); a listing is reminded once per confirmation period, so
running it again, or twice at once, sends nothing twice."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from providers import joblock
from providers.services import listing_send_confirmation_reminders


class Command(BaseCommand):
    help = "Email owners of published listings last confirmed 150 to 180 days ago."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            help="Where the links point, e.g. https://rooted.example.org (default: SITE_URL).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with joblock.single_run("send_confirmation_reminders") as mine:
            if not mine:
                self.stdout.write(_("Another run of this job is under way; this one did nothing."))
                return
            count = listing_send_confirmation_reminders(base_url=options.get("base_url"))
        self.stdout.write(f"Reminded the owners of {count} listing(s).")
