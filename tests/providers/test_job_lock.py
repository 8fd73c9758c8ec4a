"""Scheduled jobs run once at a time even when several machines start them together:
a PostgreSQL advisory lock, or a file lock on SQLite."""

import fcntl
from contextlib import contextmanager
from datetime import timedelta
from io import StringIO
from pathlib import Path

import psycopg2
import pytest
from django.core import mail
from django.core.management import call_command, get_commands, load_command_class
from django.db import connection
from django.utils import timezone

from providers import joblock
from providers.models import ListingEvent
from tests.factories import OwnedListingFactory, UserFactory

pytestmark = pytest.mark.django_db


@contextmanager
def another_run_holds(job):
    """The lock as another machine's run of the job would hold it."""
    if connection.vendor == "postgresql":
        other = psycopg2.connect(**connection.get_connection_params())
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_lock(%s)", [joblock.lock_key(job)])
            yield
            # Let go before closing: a closed connection's lock is released only when
            # its server process has ended, which may be after the next run starts.
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [joblock.lock_key(job)])
        finally:
            other.close()
    else:
        with joblock.lock_path(job).open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield
            fcntl.flock(handle, fcntl.LOCK_UN)


def run(command):
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


@pytest.fixture
def listing_due_for_both_jobs():
    owner = UserFactory(email="amara@example.org")
    expired = OwnedListingFactory(
        owners=[owner], last_confirmed_at=timezone.now() - timedelta(days=400)
    )
    OwnedListingFactory(owners=[owner], last_confirmed_at=timezone.now() - timedelta(days=160))
    return expired


def test_mark_stale_does_nothing_while_another_run_holds_the_lock(listing_due_for_both_jobs):
    with another_run_holds("mark_stale"):
        output = run("mark_stale")

    assert "Another run of this job is under way" in output
    assert not ListingEvent.objects.filter(listing=listing_due_for_both_jobs).exists()
    assert mail.outbox == []

    assert "left search: 1" in run("mark_stale")  # the lock is free again
    assert ListingEvent.objects.filter(listing=listing_due_for_both_jobs).exists()


def test_reminders_do_nothing_while_another_run_holds_the_lock(listing_due_for_both_jobs):
    with another_run_holds("send_confirmation_reminders"):
        output = run("send_confirmation_reminders")

    assert "Another run of this job is under way" in output
    assert mail.outbox == []

    assert "Reminded the owners of 1 listing(s)." in run("send_confirmation_reminders")
    assert len(mail.outbox) == 1


def test_one_jobs_lock_does_not_hold_up_another(listing_due_for_both_jobs):
    with another_run_holds("send_confirmation_reminders"):
        assert "left search: 1" in run("mark_stale")


def test_a_run_releases_its_lock_when_it_fails(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the mail server went away")

    monkeypatch.setattr("providers.management.commands.mark_stale.listings_mark_stale", broken)
    with pytest.raises(RuntimeError):
        run("mark_stale")
    monkeypatch.undo()

    assert "Another run" not in run("mark_stale")


SYSTEMD = Path(__file__).resolve().parents[2] / "deploy" / "systemd"


def scheduled_commands():
    """The command each shipped timer starts (rooted-job@<command>.timer)."""
    return sorted(path.stem.split("@", 1)[1] for path in SYSTEMD.glob("rooted-job@?*.timer"))


def test_every_shipped_timer_starts_a_job_that_holds_its_lock():
    assert scheduled_commands() == [
        "mark_stale",
        "purge_retired_listings",
        "rollup_insights",
        "send_confirmation_reminders",
    ]
    for name in scheduled_commands():
        command = load_command_class(get_commands()[name], name)
        assert isinstance(command, joblock.ScheduledJob), name
        assert command.job == name


@pytest.mark.parametrize("name", ["rollup_insights", "purge_retired_listings"])
def test_the_daily_housekeeping_jobs_do_nothing_while_another_run_holds_the_lock(name):
    with another_run_holds(name):
        output = run(name)

    assert "this one did nothing" in output
