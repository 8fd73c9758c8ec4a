"""The deploy drill (`make deploy-check`; CI runs it): Rooted set up as README.md's
Production section says, on a scratch PostgreSQL cluster, Redis, two gunicorn app
servers behind nginx (deploy/nginx.conf) and a local SMTP sink, then walked through
over HTTPS as a seeker, a provider and a curator would; then a backup restored into
a new database, and a streaming replica serving search and then stopped.

Everything runs on free local ports in a scratch folder that is removed after; a
check that fails stops the drill with its name. Needs nginx, openssl, redis-server
and PostgreSQL's binaries (/usr/lib/postgresql/<version>/bin); run as root it runs
PostgreSQL as the `postgres` user.
"""

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drilllib import (
    Checks,
    Cluster,
    Services,
    SmtpSink,
    free_port,
    production_commands,
    read_env_example,
)
from walk import walk

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
HOST = "rooted.example.org"


def main() -> int:
    started = time.monotonic()
    checks = Checks()
    scratch = Path(tempfile.mkdtemp(prefix="rooted-drill-"))
    services = Services(scratch)
    try:
        run_drill(scratch, services, checks)
    except (checks.Failed, RuntimeError, OSError, AssertionError) as failure:
        print(f"\nDRILL FAILED: {failure!r}", file=sys.stderr)
        services.show_logs()
        return 1
    finally:
        services.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"\nDrill passed: {len(checks.passed)} checks in {time.monotonic() - started:.0f} s")
    return 0


def clean_clone(scratch: Path, checks: Checks) -> None:
    """A fresh clone with no ../shared beside it: the suite collects, and the tests
    that need the reference data skip, saying why (under CI they would fail)."""
    clone = scratch / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "DATABASE_URL")}
    pytest = [str(VENV / "pytest"), "-q", "-p", "no:cacheprovider"]
    skipped = subprocess.run(
        [*pytest, "-rs", "-m", "shared_data"], cwd=clone, env=env, capture_output=True, text=True
    )
    # Collecting for -m collects the whole suite: a collection error fails the run.
    checks.expect(
        "clean clone: the suite collects; tests needing ../shared/data skip with the reason",
        skipped.returncode == 0
        and " passed" not in skipped.stdout
        and "needs the reference data" in skipped.stdout,
        skipped.stdout[-2000:],
    )
    shutil.rmtree(clone)


def run_drill(scratch: Path, services: Services, checks: Checks) -> None:
    clean_clone(scratch, checks)
    primary = Cluster(scratch / "primary", free_port(), services)
    primary.init()
    primary.start()
    primary.psql("CREATE DATABASE rooted")
    redis_port = free_port()
    services.start(
        "redis",
        [
            "redis-server",
            "--port",
            str(redis_port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
    )
    sink = SmtpSink()
    services.add_closer(sink.stop)

    https_port, http_port = free_port(), free_port()
    app_ports = [free_port(), free_port()]
    # Every variable .env.example documents, with the drill's values.
    values = {
        "DEBUG": "0",
        "SECRET_KEY": "drill-" + os.urandom(24).hex(),
        "ALLOWED_HOSTS": HOST,
        "CSRF_TRUSTED_ORIGINS": f"https://{HOST}:{https_port}",
        "SITE_URL": f"https://{HOST}:{https_port}",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{primary.port}/rooted",
        "DATABASE_REPLICA_URL": "",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "BEHIND_PROXY": "1",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": "0",
        "DEFAULT_FROM_EMAIL": f"Rooted <hello@{HOST}>",
        "MEDIA_ROOT": str(scratch / "media"),
        "BULK_ROOT": str(scratch / "bulk"),
        "STAFF_UPLOAD_MAX_BYTES": str(64 * 1024 * 1024),
    }
    documented = read_env_example(ROOT / ".env.example")
    checks.expect(
        "every variable in .env.example has a value in the drill",
        set(documented) <= set(values),
        sorted(set(documented) - set(values)),
    )
    env_file = scratch / "env"
    env_file.write_text("".join(f"{key}={shlex.quote(value)}\n" for key, value in values.items()))
    environment = {
        **{k: v for k, v in os.environ.items() if k not in values and k != "CI"},
        **values,
        "DJANGO_SUPERUSER_EMAIL": "curator@example.org",
        "DJANGO_SUPERUSER_PASSWORD": "drill-curator-" + os.urandom(8).hex(),
        "PATH": f"{VENV}:{os.environ['PATH']}",
    }

    # README.md, Production: the commands, run as written (the env file and the
    # app servers' ports are the drill's own).
    for command in production_commands(ROOT / "README.md"):
        command = command.replace("/etc/rooted/env", str(env_file))
        for default, port in zip(("8001", "8002"), app_ports, strict=True):
            command = command.replace(f"127.0.0.1:{default}", f"127.0.0.1:{port}")
        if command.startswith("set -a"):
            continue  # the environment below is that file's
        if command.endswith("&"):
            name = f"gunicorn-{len(services.app_servers) + 1}"
            services.start(
                name,
                ["bash", "-c", f"exec {command[:-1]}"],
                cwd=ROOT,
                env=environment,
                app_server=True,
            )
            continue
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
        )
        checks.expect(
            f"README: {command}",
            result.returncode == 0,
            result.stdout[-2000:] + result.stderr[-2000:],
        )

    services.start_nginx(
        ROOT / "deploy" / "nginx.conf",
        HOST,
        https_port,
        http_port,
        app_ports,
        Path(values["MEDIA_ROOT"]),
    )
    for port in app_ports:
        services.wait_http(port)

    context = {
        "host": HOST,
        "https_port": https_port,
        "http_port": http_port,
        "app_ports": app_ports,
        "sink": sink,
        "curator": (
            environment["DJANGO_SUPERUSER_EMAIL"],
            environment["DJANGO_SUPERUSER_PASSWORD"],
        ),
        "cafile": services.certificate,
    }
    slug = walk(checks, context)

    checks.expect(
        "no response of 500 or more in any app server's log",
        not services.server_errors(),
        services.server_errors(),
    )
    checks.expect("no traceback in any log", not services.tracebacks(), services.tracebacks())

    manage = [str(VENV / "python"), "manage.py"]
    backup_and_restore(checks, primary, environment, manage, scratch)
    replica_drill(checks, primary, services, environment, manage, scratch, slug, context)
    checks.expect("still no traceback in any log", not services.tracebacks(), services.tracebacks())


def backup_and_restore(checks, primary, environment, manage, scratch) -> None:
    """README.md, Backups: pg_dump, then pg_restore into a new database; the public
    directory and every listing's history are the same."""
    dump = scratch / "rooted.dump"
    primary.run(["pg_dump", "--format=custom", "--file", str(dump), "rooted"], chown=dump.parent)
    primary.psql("CREATE DATABASE rooted_restored")
    primary.run(["pg_restore", "--no-owner", "--dbname", "rooted_restored", str(dump)])
    outputs = []
    for database in ("rooted", "rooted_restored"):
        env = {
            **environment,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{primary.port}/{database}",
        }
        csv_path = scratch / f"{database}.csv"
        subprocess.run(
            [*manage, "export_listings", str(csv_path)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        history = primary.psql(
            "SELECT * FROM providers_listingevent ORDER BY id", database=database
        )
        outputs.append((csv_path.read_text(), history))
    checks.expect(
        "restore: export_listings identical to the original's",
        outputs[0][0] == outputs[1][0] and outputs[0][0].count("\n") > 1,
    )
    checks.expect(
        "restore: every listing's history identical",
        outputs[0][1] == outputs[1][1] and outputs[0][1].strip() != "",
    )


def replica_drill(checks, primary, services, environment, manage, scratch, slug, context) -> None:
    """A streaming replica (pg_basebackup) on its own port; an app server reading
    search from it sees the approved listing; stopped, the site still answers."""
    from walk import Client

    replica = Cluster(scratch / "replica", free_port(), services, name="replica")
    primary.basebackup(replica)
    replica.start()
    replica.wait_for_replay(primary)
    rows = replica.psql(
        f"SELECT status FROM providers_listing WHERE slug = '{slug}'", database="rooted"
    )
    checks.expect("replica: the approved listing has replicated", "published" in rows, rows)

    port = free_port()
    env = {
        **environment,
        "DATABASE_REPLICA_URL": f"postgres://postgres@127.0.0.1:{replica.port}/rooted",
    }
    gunicorn = f"exec {VENV / 'gunicorn'} rooted.wsgi --bind 127.0.0.1:{port} --workers 1"
    services.start("gunicorn-replica", ["bash", "-c", gunicorn], cwd=ROOT, env=env, app_server=True)
    services.wait_http(port)
    client = Client("127.0.0.1", port, context["host"], plain=True)
    path = f"/en/search/?q={slug.split('-')[0]}"
    page = client.get(path, headers={"X-Forwarded-Proto": "https"})
    checks.expect(
        "replica: search through it finds the approved listing",
        page.status == 200 and f"/en/listings/{slug}/" in page.text,
        page.status,
    )
    queries = replica.app_queries()
    checks.expect(
        "replica: that search was read from the replica",
        any("providers_" in query for query in queries),
        queries,
    )

    replica.stop()
    page = client.get("/en/search/?q=care", headers={"X-Forwarded-Proto": "https"})
    checks.expect(
        "replica stopped: search still answers (from the primary)", page.status == 200, page.status
    )
    page = client.get(f"/en/listings/{slug}/", headers={"X-Forwarded-Proto": "https"})
    checks.expect(
        "replica stopped: the listing page still answers", page.status == 200, page.status
    )


if __name__ == "__main__":
    sys.exit(main())
