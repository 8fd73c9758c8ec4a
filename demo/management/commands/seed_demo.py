"""`manage.py seed_demo`: a realistic, clearly fictional directory to try Rooted with.

Several hundred clinicians, practices and community supports in metro areas across the
US, plus the real national crisis and warm lines. The same seed gives the same data
(dates are relative to today), and running it again replaces only what it made itself:
demo listings have `source` "demo" (and an `imported` history entry saying so), and
listings without it are never touched, even when one has a slug the demo would use.
The content is in demo/data/, the builder in demo/builder.py.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from demo.listings import demo_listings, demo_seed, remove_demo, shares_report
from demo.plans import SEED


class Command(BaseCommand):
    help = (
        "Replace the demo listings with a fresh, deterministic demo data set: fictional "
        "providers and community supports in US metro areas, and the real national crisis "
        "lines. Listings the demo did not create are never touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=SEED, help="random seed")
        parser.add_argument("--remove", action="store_true", help="only remove the demo listings")
        parser.add_argument(
            "--shares",
            action="store_true",
            help="only report the share of demo listings with text in each interface language",
        )

    def handle(
        self, *args: Any, seed: int, remove: bool, shares: bool = False, **options: Any
    ) -> None:
        if shares:
            self.stdout.write(shares_report(demo_listings()))
        elif remove:
            with transaction.atomic():
                removed = remove_demo()
            self.stdout.write(f"Removed {removed} demo listings.")
        else:
            self.stdout.write(demo_seed(seed=seed))
