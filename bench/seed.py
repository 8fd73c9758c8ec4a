"""Build the bench database: 50,000 listings shaped like the demo data, at scale.

    python -m bench.seed [--listings 50000]

The demo generator (`manage.py seed_demo`) already knows how a directory looks:
listings clustered in metro areas around real ZIP codes, each metro with its own
communities, languages skewed to who lives there (Spanish everywhere, Cantonese in
Chinatown, Haitian Creole in Flatbush), identities following the community, about
12% community supports, a spread of confirmation dates (some stale, some hidden)
and statuses. The bench reuses it unchanged with every metro scaled up in
proportion, so the benchmark searches the same shape of data a real deployment
would, only larger. Same seed, same data.
"""

import argparse
import dataclasses
import importlib
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg2

from bench import common


def migrate() -> None:
    """The tables, the shared cache's table among them (production settings)."""
    env = {**os.environ, **common.production_env()}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=common.ROOT,
        env=env,
        check=True,
    )


DOCUMENTS_TRIGGER = "providers_search_documents_inserted"


def write_search_documents(parts: int = 2) -> None:
    """Every listing's search documents, in `parts` concurrent transactions.

    The same SQL as the trigger (migration 0028's), which the bulk load turned off.
    """
    migration = importlib.import_module("providers.migrations.0028_search_documents_read_by")

    def write(part: int) -> None:
        listings = f"(SELECT * FROM providers_listing WHERE id % {parts} = {part})"
        with psycopg2.connect(common.DATABASE_URL) as conn, conn.cursor() as cursor:
            cursor.execute(migration.insert_documents(listings))
        conn.close()

    with ThreadPoolExecutor(parts) as pool:
        list(pool.map(write, range(parts)))


def seed(listings: int) -> None:
    from django.db import connection, transaction
    from django.utils import timezone, translation

    from demo import content as data
    from demo.builder import DemoBuilder
    from demo.listings import write_demo
    from demo.plans import SEED, Vocabulary

    demo_size = sum(metro.size for metro in data.METROS)
    scale = (listings - len(data.CRISIS_LINES)) / demo_size
    metros = [dataclasses.replace(m, size=round(m.size * scale)) for m in data.METROS]
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    started = time.monotonic()
    with translation.override("en"):
        vocab = Vocabulary()
        builder = DemoBuilder(vocabulary=vocab, today=today, seed=SEED)
        planned = [builder.crisis_line(line) for line in data.CRISIS_LINES]
        for metro in metros:
            planned.extend(builder.metro(metro))
        planned_at = time.monotonic()
        print(f"planned {len(planned)} listings in {planned_at - started:.1f}s", flush=True)
        # The search documents are written afterwards, on both cores at once.
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE providers_listing DISABLE TRIGGER {DOCUMENTS_TRIGGER}")
        try:
            with transaction.atomic():
                created, _removed, _skipped = write_demo(planned, vocab, today)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE providers_listing ENABLE TRIGGER {DOCUMENTS_TRIGGER}")
    written_at = time.monotonic()
    print(f"wrote {created} listings in {written_at - planned_at:.1f}s", flush=True)
    write_search_documents()
    print(f"search documents in {time.monotonic() - written_at:.1f}s", flush=True)
    written_at = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"vacuum analyze in {time.monotonic() - written_at:.1f}s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listings", type=int, default=50_000)
    args = parser.parse_args()
    started = time.monotonic()
    common.recreate_database(common.NAME)
    migrate()
    print(f"created and migrated {common.NAME} in {time.monotonic() - started:.1f}s", flush=True)
    common.setup_django()
    seed(args.listings)
    print(f"bench database ready in {time.monotonic() - started:.1f}s", flush=True)


if __name__ == "__main__":
    main()
