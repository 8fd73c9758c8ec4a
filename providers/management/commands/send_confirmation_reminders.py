"""Email the owners of listings nearing the 180-day stale mark. Run it daily
(cron, a systemd timer); a listing is reminded once per confirmation period, so
running it again, or twice at once, sends nothing twice."""

from typing import Any

from django.core.management.base import CommandParser

from providers.joblock import ScheduledJob
from providers.services import listing_send_confirmation_reminders


class Command(ScheduledJob):
    job = "send_confirmation_reminders"
    help = "Email owners of published listings last confirmed 150 to 180 days ago."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            help="Where the links point, e.g. https://rooted.example.org (default: SITE_URL).",
        )

    def run(self, **options: Any) -> None:
        count = listing_send_confirmation_reminders(base_url=options.get("base_url"))
        self.stdout.write(f"Reminded the owners of {count} listing(s).")
