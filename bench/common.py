"""What every bench script shares: its own PostgreSQL database and production-like settings.

The bench never touches the development or test database: it works in
`BENCH_DATABASE` (default `rooted_bench`) on the server in `BENCH_PG` (default
`postgres://postgres@127.0.0.1:5432`), which `bench.seed` drops and creates.
"""

import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
NAME = os.environ.get("BENCH_DATABASE", "rooted_bench")
DATABASE_URL = f"{SERVER}/{NAME}"


def recreate_database(name: str) -> None:
    """Drop and create a bench database (never call it with any other name)."""
    import psycopg2

    admin = psycopg2.connect(f"{SERVER}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def production_env() -> dict[str, str]:
    """Settings as in production (DEBUG off, manifest static files), against the bench DB.

    Plain HTTP on loopback, so no SSL redirect or HSTS.
    """
    return {
        "DJANGO_SETTINGS_MODULE": "rooted.settings",
        "DATABASE_URL": DATABASE_URL,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "CONN_MAX_AGE": "600",
        "REDIS_URL": os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/1"),
    }


def setup_django(settings_module: str = "rooted.settings") -> None:
    os.environ.update(production_env())
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def bench_client() -> Any:
    """A test client on the bench database with production settings and static files."""
    setup_django("bench.settings")
    from django.core.management import call_command
    from django.test import Client

    call_command("collectstatic", "--no-input", verbosity=0)
    import rooted.wsgi  # noqa: F401  start up as gunicorn's workers do

    # A browser's Accept header, so that searches are counted for the gap report
    # as a person's are (insights/counting.py); INSIGHTS_COUNTING=0 to compare.
    return Client(HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
