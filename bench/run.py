"""Measure the search page at scale, through the whole Django stack, in process.

    python -m bench.run [--repeat 15]

Every request goes through django.test.Client with the production middleware and
DEBUG off (bench.settings), against the bench database built by `bench.seed`. For
each search in bench.mix: one cold request (first use of that exact search), then
`--repeat` timed ones, which find the search's counts, order and page fragments
in the cache (directory.caching) as a repeated search does in production. A
search class reports p50 and p95 of its timed requests, p50 and max of its cold
ones, and the most SQL queries any of its cold pages ran (the cache has a
connection of its own). The minimal view (a trivial template, same middleware)
is measured the same way, so each figure also reads as a multiple of the
framework's floor on this machine.
"""

import argparse
import statistics
import time

from bench import common, mix


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    client = common.bench_client()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from directory import caching, facets
    from providers.models import Listing

    searchable = Listing.objects.searchable().count()
    print(f"{Listing.objects.count()} listings, {searchable} searchable, in {common.NAME}")
    # What the first search after any edit pays in each process (directory.facets).
    caching.forget()
    started = time.perf_counter()
    facets.current_index()
    print(f"facet index built in {(time.perf_counter() - started) * 1000:.0f} ms", flush=True)

    def get(url: str) -> float:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        return elapsed

    def measure(urls: list[str]) -> tuple[list[float], list[float], int]:
        timings: list[float] = []
        cold: list[float] = []
        queries = 0
        for url in urls:
            # The first request for a search finds nothing cached: its queries are
            # the page's real cost, and what the query budget is about.
            with CaptureQueriesContext(connection) as captured:
                cold.append(get(url))
            queries = max(queries, len(captured.captured_queries))
        for _round in range(args.repeat):
            timings += [get(url) for url in urls]  # round robin, as real traffic interleaves
        return timings, cold, queries

    floor, floor_cold, floor_queries = measure([mix.MINIMAL])
    floor_p50 = statistics.median(floor)
    header = (
        f"{'class':<15}{'searches':>9}{'p50 ms':>9}{'p95 ms':>9}{'cold p50':>10}{'cold max':>10}"
        f"{'queries':>9}{'p95/floor':>10}{'budget':>8}  ok"
    )
    print(header, flush=True)
    print("-" * len(header))
    floor_p95 = percentile(floor, 0.95)
    print(
        f"{'minimal view':<15}{1:>9}{floor_p50:>9.1f}{floor_p95:>9.1f}"
        f"{statistics.median(floor_cold):>10.1f}{max(floor_cold):>10.1f}"
        f"{floor_queries:>9}{1.0:>10.1f}{'':>8}"
    )
    everything: list[float] = []
    failures = []
    worst_queries = 0
    for name, urls in mix.SEARCHES.items():
        timings, cold, queries = measure(urls)
        everything += timings
        worst_queries = max(worst_queries, queries)
        p95 = percentile(timings, 0.95)
        budget = mix.budget_ms(name)
        ok = p95 <= budget and queries <= 12
        if not ok:
            failures.append(name)
        print(
            f"{name:<15}{len(urls):>9}{statistics.median(timings):>9.1f}{p95:>9.1f}"
            f"{statistics.median(cold):>10.1f}{max(cold):>10.1f}"
            f"{queries:>9}{p95 / floor_p95:>10.1f}{budget:>8}  "
            f"{'yes' if ok else 'NO'}"
        )
    total = sum(len(urls) for urls in mix.SEARCHES.values())
    print(
        f"\nsummary: {total} searches x {args.repeat}: p50 {statistics.median(everything):.1f} ms, "
        f"p95 {percentile(everything, 0.95):.1f} ms, at most {worst_queries} queries a page; "
        f"minimal view p50 {floor_p50:.1f} ms, p95 {floor_p95:.1f} ms; "
        + ("all within budget" if not failures else f"OVER BUDGET: {', '.join(failures)}")
    )


if __name__ == "__main__":
    main()
