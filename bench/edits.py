"""A provider editing beside the load: one availability change a second, through the
services, for a bounded time. Prints how many edits it made and their p50.

    python -m bench.edits --seconds 20
"""

import argparse
import random
import statistics
import time
from typing import Any

from bench import common


def provider_edit(listing_id: int, editor: Any, ages: list[Any], formats: list[Any]) -> None:
    """A provider's self-service change: accepting new clients or not, ages, formats."""
    from providers.models import Listing
    from providers.services import listing_set_availability

    listing = Listing.objects.get(pk=listing_id)
    listing_set_availability(
        listing=listing,
        by=editor,
        accepting_new_clients=not listing.accepting_new_clients,
        in_person=listing.in_person,
        video=listing.video,
        phone_sessions=listing.phone_sessions,
        ages=ages,
        formats=formats,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=20)
    args = parser.parse_args()
    common.setup_django()

    from providers.models import AgeGroup, Format, SearchEntry, User

    editor, _created = User.objects.get_or_create(email="bench-editor@example.org")
    ids = list(SearchEntry.objects.values_list("pk", flat=True)[:5000])
    ages, formats = list(AgeGroup.objects.all()[:1]), list(Format.objects.all()[:1])
    rng = random.Random(3)
    timings = []
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        provider_edit(rng.choice(ids), editor, ages, formats)
        timings.append((time.monotonic() - started) * 1000)
        time.sleep(max(0.0, 1 - (time.monotonic() - started)))
    print(f"{len(timings)} provider edits, p50 {statistics.median(timings):.0f} ms")


if __name__ == "__main__":
    main()
