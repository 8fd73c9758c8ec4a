"""One run of a scheduled job at a time, however many machines schedule it.

Every app server may carry the same timers (deploy/), so two runs of a job can
start together. On PostgreSQL the run holds a session advisory lock named after
the job (`pg_try_advisory_lock`); a run that cannot take it does nothing. On
SQLite, which only one machine can use, a file lock does the same.
"""

import fcntl
import hashlib
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connections
from django.utils.translation import gettext as _

DATABASE = "default"


def lock_key(job: str) -> int:
    """The advisory lock's number: the same on every machine, for this job only."""
    return zlib.crc32(f"rooted:{job}".encode())


def lock_path(job: str) -> Path:
    """The lock file for SQLite: one per database and job."""
    database = str(connections[DATABASE].settings_dict["NAME"])
    digest = hashlib.sha256(database.encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"rooted-{job}-{digest}.lock"


@contextmanager
def single_run(job: str) -> Iterator[bool]:
    """True inside when this run holds the job's lock; False when another run does."""
    connection = connections[DATABASE]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key(job)])
            held = bool(cursor.fetchone()[0])
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_key(job)])
        return
    with lock_path(job).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class ScheduledJob(BaseCommand):
    """A management command run on a schedule (deploy/systemd): its `run` happens
    inside the job's lock, and a run that finds the lock taken does nothing."""

    job: str

    def handle(self, *args: Any, **options: Any) -> None:
        with single_run(self.job) as mine:
            if not mine:
                self.stdout.write(_("Another run of this job is under way; this one did nothing."))
                return
            self.run(**options)

    def run(self, **options: Any) -> None:
        raise NotImplementedError
