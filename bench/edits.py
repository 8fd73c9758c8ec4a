"""A provider editing beside the load: one availability change a second, through the
services, for a bounded time. Prints how many edits it made and their p50.

    python -m bench.edits --seconds 20
"""

import argparse
import random
import statistics
import time

from bench import common


class ProviderEdits:
    """A provider's self-service changes, through the services, to listings in search."""

    def __init__(self, seed: int) -> None:
        from providers.models import AgeGroup, Format, SearchEntry, User

        self.editor, _created = User.objects.get_or_create(email="bench-editor@example.org")
        self.ids = list(SearchEntry.objects.values_list("pk", flat=True)[:5000])
        self.ages = list(AgeGroup.objects.all()[:2])
        self.formats = list(Format.objects.all()[:2])
        self.rng = random.Random(seed)

    def make(self) -> int:
        """Turn a listing's "accepting new clients" over; returns the listing's id."""
        from providers.models import Listing
        from providers.services import listing_set_availability

        listing = Listing.objects.get(pk=self.rng.choice(self.ids))
        listing_set_availability(
            listing=listing,
            by=self.editor,
            accepting_new_clients=not listing.accepting_new_clients,
            in_person=listing.in_person,
            video=listing.video,
            phone_sessions=listing.phone_sessions,
            ages=self.ages,
            formats=self.formats,
        )
        return listing.pk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=20)
    args = parser.parse_args()
    common.setup_django()

    edits = ProviderEdits(seed=3)
    timings = []
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        edits.make()
        timings.append((time.monotonic() - started) * 1000)
        time.sleep(max(0.0, 1 - (time.monotonic() - started)))
    print(f"{len(timings)} provider edits, p50 {statistics.median(timings):.0f} ms")


if __name__ == "__main__":
    main()
