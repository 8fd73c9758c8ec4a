"""Browser tests: Playwright driving Debian's Chromium against a live server.

Chromium cannot be downloaded here, so we launch the system one. Without it the
tests skip with a reason, except under CI, where a skip counts as a failure.
"""

import importlib
import os
import shutil
from pathlib import Path

import pytest
from django.apps import apps

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make to set up data are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(autouse=True)
def vocabularies(transactional_db):
    """The vocabularies the migration loads. A live server needs a transactional
    database, which is flushed after every test, so load them again each time."""
    from providers.models import Language

    if not Language.objects.exists():
        migration = importlib.import_module("providers.migrations.0002_vocabularies")
        migration.load_vocabularies(apps, None)
        later = importlib.import_module(
            "providers.migrations.0019_load_payment_accessibility_licence"
        )
        later.load_vocabularies(apps, None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
