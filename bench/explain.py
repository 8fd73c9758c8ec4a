"""Where a search spends its time: each SQL query of one page, slowest first.

    python -m bench.explain "/en/search/?q=anxiety" [--analyze N]

Prints every query the page ran, with whole-page caching off (nothing of it
cached), with its time; with --analyze N, the EXPLAIN ANALYZE of the N slowest
(the query plans in the README come from here).
"""

import argparse
import os

from bench import common


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--analyze", type=int, default=0)
    args = parser.parse_args()
    os.environ["SEARCH_PAGE_SECONDS"] = "0"
    client = common.bench_client()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/en/search/?lang=en")  # open the connection
    with CaptureQueriesContext(connection) as captured:
        response = client.get(args.url)
    queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
    print(f"{args.url}: HTTP {response.status_code}, {len(queries)} queries")
    for query in queries:
        print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:150]}")
    for query in queries[: args.analyze]:
        # A statement may set its own planner costs first ("SET LOCAL ...; WITH ..."):
        # explained with them.
        sql = query["sql"]
        local, statement = sql.split("; ", 1) if sql.startswith("SET LOCAL ") else ("", sql)
        explain = f"EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF) {statement}"
        with connection.cursor() as cursor:
            cursor.execute(f"{local}; {explain}" if local else explain)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"\n-- {query['sql'][:200]}...\n{plan}")


if __name__ == "__main__":
    main()
