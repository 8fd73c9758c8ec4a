"""Browser tests: Playwright driving Debian's Chromium against a live server.

Chromium cannot be downloaded here, so we launch Debian's. Without it the tests
skip with a reason, except under CI, where a skip counts as a failure.
"""

import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.world import World, build_world

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make to set up data are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Debian's Chromium headless shell (package chromium-headless-shell) where it is
# installed: the build Playwright itself runs for headless tests, without the full
# browser's windowing. The browser tests took a third less CPU with it than with
# the full browser in headless mode (README, Tests). Else the full browser.
SHELL, BROWSER = "/usr/bin/chromium-headless-shell", "/usr/bin/chromium"
CHROMIUM = os.environ.get("CHROMIUM") or (SHELL if Path(SHELL).exists() else BROWSER)
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
            if SERVED not in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.django_db(transaction=True))


SERVED = "served_world"


@dataclass(frozen=True)
class Served:
    url: str
    world: World


@pytest.fixture(scope="module")
def served_world(request, django_db_setup, django_db_blocker):
    """One world for a whole module whose browser tests only look (searches counted
    for the gap report aside): built once with the module's WORLD_CROWD, served by a
    live server of the module's own, and the database flushed once after the
    module's last test, where `live_server` flushes after every test. Every test of
    such a module takes this fixture, so the module runs as one block."""
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        # pytest-django makes the test database only when a collected test asks for
        # it by marker or `db`; these tests do neither, so alone they make their own.
        own_database = None
        if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
            own_database = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        world = build_world(crowd=getattr(request.module, "WORLD_CROWD", False))
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield Served(url=server.url, world=world)
        finally:
            server._live_server_modified_settings.disable()
            finish_requests(server)
            server.stop()
            call_command("flush", interactive=False, verbosity=0)
            if own_database is not None:
                teardown_databases(own_database, verbosity=0)


def finish_requests(server, timeout: float = 5) -> None:
    """Let the requests the server is still answering end (a closed page's connection
    is closed by the browser a moment later) before `stop` takes back the test
    database's connection they share: a request thread that closes it after that
    raises "DatabaseWrapper objects created in a thread can only be used in that same
    thread" on SQLite. Each of the server's request threads runs its
    process_request_thread."""
    httpd = server.thread.httpd
    for thread in threading.enumerate():
        if getattr(getattr(thread, "_target", None), "__self__", None) is httpd:
            thread.join(timeout)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium-headless-shell")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
