import io
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db.models.signals import post_migrate
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Property tests: a few examples on a developer's machine, the full number under CI
# (HYPOTHESIS_PROFILE chooses either one by name).
hypothesis_settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile("dev", hypothesis_settings.get_profile("ci"), max_examples=10)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
)

# Reference data kept beside the repository (HSDS 3.0's schemas and examples,
# SAMHSA's directory), not in it: tests that read it say which part with
# @pytest.mark.shared_data("hsds-3.0/schema"), and skip on a clone without it.
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
# Small samples written for the tests, kept in the repository.
TEST_DATA = Path(__file__).resolve().parent / "data"


def shared_data_missing(item: pytest.Item) -> list[str]:
    marker = item.get_closest_marker("shared_data")
    if marker is None:
        return []
    return [part for part in marker.args if not (SHARED_DATA / part).exists()]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests first (browser, then slow), so that pytest-xdist's workers share
    them out at the start and finish together, rather than one worker running the last
    long test alone. After pytest-django's order (database, transactional, the rest),
    which still holds among the others; no test depends on it (_after_migrate_or_flush)."""
    items.sort(key=lambda item: (not item.get_closest_marker("browser"),
                                 not item.get_closest_marker("slow")))  # fmt: skip


def pytest_runtest_setup(item: pytest.Item) -> None:
    if missing := shared_data_missing(item):
        pytest.skip(f"needs the reference data {', '.join(missing)} in {SHARED_DATA}")


LOCMEM = "django.core.cache.backends.locmem.LocMemCache"

# What the migrations write (the vocabularies, the Curators and Translators groups
# with their permissions), as each test database is left by `migrate`, by alias.
# Content types and permissions are not kept: every flush makes them again.
MIGRATED: dict[str, list[tuple[type, list[dict]]]] = {}
MADE_AGAIN_BY_FLUSH = {"contenttypes.ContentType", "auth.Permission"}


def _after_migrate_or_flush(sender, *, using, **kwargs):
    """After `migrate` makes a test database, keep what its migrations wrote; after a
    flush (a transactional test's teardown, a live server module's end), write it back.
    So every test starts from the migrated database, whichever tests ran before it on
    the same database, as pytest-xdist's workers need: Django's own order (transactional
    tests last) no longer has to hold. Flush sends post_migrate once per application
    and without a plan; this runs on the last one's, after contenttypes and auth have
    made their rows again."""
    from django.apps import apps

    if sender is not [a for a in apps.get_app_configs() if a.models_module][-1]:
        return
    if "plan" in kwargs:
        MIGRATED[using] = _migrated_rows(using)
    elif using in MIGRATED:
        _write_back(using, MIGRATED[using])


def _migrated_rows(using: str) -> list[tuple[type, list[dict]]]:
    from django.apps import apps
    from django.core import serializers

    rows = []
    for model in apps.get_models():
        if model._meta.label in MADE_AGAIN_BY_FLUSH or model._meta.proxy:
            continue
        found = model._base_manager.using(using).order_by("pk")
        if found.exists():
            # Natural keys for the permissions, whose ids a flush does not keep.
            data = serializers.serialize("python", found, use_natural_foreign_keys=True)
            rows.append((model, data))
    return rows


def _write_back(using: str, rows: list[tuple[type, list[dict]]]) -> None:
    from django.core import serializers
    from django.core.management.color import no_style
    from django.db import connections, transaction

    connection = connections[using]
    with transaction.atomic(using=using):
        for model, data in rows:
            found = list(serializers.deserialize("python", data, using=using))
            model._base_manager.using(using).bulk_create([each.object for each in found])
            for each in found:
                for name, values in (each.m2m_data or {}).items():
                    getattr(each.object, name).set(values)
        # Rows written with their ids leave PostgreSQL's sequences behind.
        models = [model for model, _data in rows]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


post_migrate.connect(_after_migrate_or_flush, dispatch_uid="tests.migrated_rows")


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    """Fast password hashing, a private cache, media and bulk folder for every test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": LOCMEM}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BULK_ROOT = tmp_path / "bulk"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Each search computed afresh; tests/directory/test_search_cache.py turns it on.
    settings.SEARCH_PAGE_SECONDS = 0
    # The application has no default schema folder; the tests use the reference copy.
    settings.HSDS_SCHEMA_DIR = str(SHARED_DATA / "hsds-3.0" / "schema")
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    # A request under /vi/ leaves Vietnamese active in this thread; start each test in English.
    with translation.override("en"):
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI a skipped browser test is a failure: CI must prove the browser journeys;
    so is a test skipped for want of the reference data, which CI must have."""
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or os.environ.get("CI") != "true":
        return
    for marker in ("browser", "shared_data"):
        if item.get_closest_marker(marker):
            report.outcome = "failed"
            report.longrepr = f"{marker} test skipped under CI: {report.longrepr}"


@pytest.fixture
def curator(db):
    """A staff account in the Curators group (created by a migration)."""
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    user = UserFactory(email="curator@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Curators"))
    return user


@pytest.fixture
def as_curator(client, curator):
    """The test client, signed in as the curator."""
    client.force_login(curator)
    return client


@dataclass(frozen=True)
class Seeded:
    output: str
    seconds: float


@pytest.fixture(scope="module")
def demo_seeded(django_db_setup, django_db_blocker):
    """`seed_demo` run once for a whole test module, inside a transaction rolled back
    after the module's last test. Each test's own transaction (the `db` fixture) is a
    savepoint inside it, so what a test writes is undone and the next one sees the demo
    as seeded. For modules whose tests do not use a transactional database."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    with (
        django_db_blocker.unblock(),
        override_settings(CACHES={"default": {"BACKEND": LOCMEM}}),
    ):
        module = transaction.atomic()
        module._from_testcase = True  # type: ignore[attr-defined]  # as TestCase marks its own
        module.__enter__()
        try:
            out = io.StringIO()
            started = time.monotonic()
            call_command("seed_demo", stdout=out)
            yield Seeded(output=out.getvalue(), seconds=time.monotonic() - started)
        finally:
            transaction.set_rollback(True)
            module.__exit__(None, None, None)
