"""Measure what a seeker meets: searches nobody ran before, with providers editing.

    python -m bench.run [--searches 240] [--compare rooted_bench_200k]

Every request goes through django.test.Client with the production settings (DEBUG
off, Redis as the shared cache, emptied first; bench.settings) against the bench
database built by `bench.seed`. Every search is one nobody has asked before, so
no page comes from the cache; the vocabularies' names do, after one page in each
language before the clock, as in a worker that has served a while. Three passes:

1. distinct: `--searches` different searches generated from the mix's shapes
   (bench.mix.distinct_searches), each asked once;
2. after an edit: as many other distinct searches, each asked right after a
   provider changes a listing through the services (self-service availability),
   which keep the search index current in the edit's own transaction; the edit's
   extra cost for that is timed on its own (`search_index_update`);
3. the minimal view (a trivial template, the same middleware): the floor.

It prints p50 and p95 by class, the most SQL queries any page ran, and whether
each budget holds (bench.mix). With `--compare DATABASE` it measures the
distinct pass on a second bench database too and prints the two side by side.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict

from bench import common, mix
from bench.edits import ProviderEdits

QUERY_BUDGET = 12
EDIT_BUDGET_MS = 20


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def measure(searches: int) -> dict:
    client = common.bench_client()

    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from providers.models import Listing, SearchEntry
    from providers.search_index import search_index_update

    cache.clear()
    total = Listing.objects.count()
    searchable = SearchEntry.objects.count()

    def get(url: str) -> tuple[float, int]:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        return elapsed, len(captured.captured_queries)

    generated = mix.distinct_searches(2 * searches)
    distinct, after_edit = generated[:searches], generated[searches:]
    results: dict = {"listings": total, "searchable": searchable, "classes": {}}
    floor = [get(mix.MINIMAL)[0] for _ in range(50)]
    # A worker that has served a while has read each interface language's catalogue
    # and vocabulary names once (kept while they do not change): one browse page per
    # language and page, not measured, and not among the searches below.
    for language in mix.INTERFACE:
        for page in ("search", "community"):
            get(f"/{language}/{page}/?page=2")
    cache.clear()
    results["floor"] = {"p50": statistics.median(floor), "p95": percentile(floor, 0.95)}

    by_class: dict[str, list[float]] = defaultdict(list)
    queries: dict[str, int] = defaultdict(int)
    for name, url in distinct:
        elapsed, count = get(url)
        by_class[name].append(elapsed)
        queries[name] = max(queries[name], count)
    results["classes"] = {
        name: {
            "searches": len(times),
            "p50": statistics.median(times),
            "p95": percentile(times, 0.95),
            "queries": queries[name],
        }
        for name, times in by_class.items()
    }
    every = [t for times in by_class.values() for t in times]
    results["distinct"] = {"p50": statistics.median(every), "p95": percentile(every, 0.95)}

    # Edits beside the searches: a provider changes availability, then a seeker searches.
    provider = ProviderEdits(seed=7)
    edits, index_costs, after, after_text = [], [], [], []
    for name, url in after_edit:
        started = time.perf_counter()
        listing_id = provider.make()
        edits.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        search_index_update(listing_ids=[listing_id])
        index_costs.append((time.perf_counter() - started) * 1000)
        elapsed, count = get(url)
        (after_text if name == mix.FREE_TEXT else after).append(elapsed)
        queries["after an edit"] = max(queries["after an edit"], count)
    results["after_edit"] = {
        "p50": statistics.median(after),
        "p95": percentile(after, 0.95),
        "text_p95": percentile(after_text, 0.95),
        "queries": queries["after an edit"],
        "edit_p50": statistics.median(edits),
        "index_p50": statistics.median(index_costs),
        "index_p95": percentile(index_costs, 0.95),
    }
    return results


def report(results: dict, other: dict | None, other_name: str) -> list[str]:
    """Print the figures; return the budgets that do not hold."""
    failures = []
    print(
        f"{results['listings']} listings, {results['searchable']} searchable, in {common.NAME}"
        + (f"; {other['searchable']} searchable in {other_name}" if other else "")
    )
    floor = results["floor"]
    print(f"minimal view: p50 {floor['p50']:.1f} ms, p95 {floor['p95']:.1f} ms\n")
    header = f"{'distinct searches':<18}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}"
    if other:
        header += f"{'p95 ' + other_name:>26}"
    print(header + f"{'budget':>8}  ok")
    print("-" * (len(header) + 12))
    for name, figures in results["classes"].items():
        budget = mix.DISTINCT_BUDGET.get(name, mix.DEFAULT_BUDGET)
        ok = figures["p95"] <= budget and figures["queries"] <= QUERY_BUDGET
        line = (
            f"{name:<18}{figures['searches']:>5}{figures['p50']:>9.1f}{figures['p95']:>9.1f}"
            f"{figures['queries']:>9}"
        )
        if other:
            scaled = other["classes"][name]["p95"]
            line += f"{scaled:>26.1f}"
            ok = ok and scaled <= mix.DISTINCT_BUDGET.get(name, 120)
        print(f"{line}{budget:>8}  {'yes' if ok else 'NO'}")
        if not ok:
            failures.append(name)
    every = results["distinct"]
    line = f"all distinct: p50 {every['p50']:.1f} ms, p95 {every['p95']:.1f} ms"
    if other:
        line += f"; at {other['searchable']} searchable p95 {other['distinct']['p95']:.1f} ms"
        if other["distinct"]["p95"] > 120:
            failures.append(f"{other_name} p95")
    print(line)
    after = results["after_edit"]
    ok = (
        after["p95"] <= mix.DEFAULT_BUDGET
        and after["text_p95"] <= mix.DISTINCT_BUDGET[mix.FREE_TEXT]
        and after["index_p95"] <= EDIT_BUDGET_MS
        and after["queries"] <= QUERY_BUDGET
    )
    print(
        f"\nafter an edit each: searches p50 {after['p50']:.1f} ms, p95 {after['p95']:.1f} ms "
        f"(free text p95 {after['text_p95']:.1f} ms), at most {after['queries']} queries; "
        f"the edit {after['edit_p50']:.1f} ms p50, of which keeping the index current "
        f"p50 {after['index_p50']:.1f} ms, p95 {after['index_p95']:.1f} ms "
        f"(budget {EDIT_BUDGET_MS} ms)  {'yes' if ok else 'NO'}"
    )
    if not ok:
        failures.append("after an edit")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--searches", type=int, default=240)
    parser.add_argument("--compare", help="a second bench database, measured the same way")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    other = None
    if args.compare:
        command = [sys.executable, "-m", "bench.run", "--json", f"--searches={args.searches}"]
        env = {**os.environ, "BENCH_DATABASE": args.compare}
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        other = json.loads(done.stdout.splitlines()[-1])
    results = measure(args.searches)
    if args.json:
        print(json.dumps(results))
        return
    failures = report(results, other, args.compare or "")
    print("\n" + ("every budget holds" if not failures else f"OVER BUDGET: {', '.join(failures)}"))
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
