import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/0"


def manage(*args, **env):
    # Start from a clean slate: the browser tests relax async safety for this process.
    unset = {
        "DEBUG",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "REDIS_URL",
        "BEHIND_PROXY",
        "DATABASE_REPLICA_URL",
        "EMAIL_USE_TLS",
        "EMAIL_USE_SSL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DEBUG="0", ALLOWED_HOSTS="rooted.example.org", REDIS_URL=REDIS)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", DEBUG="0", SECRET_KEY="x" * 60, ALLOWED_HOSTS="", REDIS_URL=REDIS)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-long-random-production-secret-" + "k7Qz" * 10,
        ALLOWED_HOSTS="rooted.example.org",
        REDIS_URL=REDIS,
    )
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    """Rate limits must hold across app servers: production needs Redis."""
    result = manage("check", DEBUG="0", SECRET_KEY="x" * 60, ALLOWED_HOSTS="rooted.example.org")
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "rooted.example.org",
    "REDIS_URL": REDIS,
}


def setting(expression, **env):
    result = manage(
        "shell", "-c", f"from django.conf import settings as s; print({expression})", **env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_proxy_header_is_trusted_only_when_a_proxy_is_declared():
    assert setting("getattr(s, 'SECURE_PROXY_SSL_HEADER', None)", **PRODUCTION) == "None"
    assert (
        setting("s.SECURE_PROXY_SSL_HEADER", BEHIND_PROXY="1", **PRODUCTION)
        == "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_a_replica_url_adds_a_replica_that_tests_see_as_the_primary():
    replica = setting(
        "(s.DATABASES['replica']['PORT'], s.DATABASES['replica']['TEST']['MIRROR'], "
        "s.DATABASES['replica']['OPTIONS']['connect_timeout'])",
        DATABASE_URL="postgres://rooted@db.internal:5432/rooted",
        DATABASE_REPLICA_URL="postgres://rooted@replica.internal:5433/rooted",
        **PRODUCTION,
    )
    assert replica == "(5433, 'default', 2)"
    assert setting("sorted(s.DATABASES)", **PRODUCTION) == "['default']"


def test_mail_uses_starttls_unless_implicit_tls_is_asked_for():
    assert setting("(s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)", **PRODUCTION) == "(True, False)"
    assert (
        setting("(s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)", EMAIL_USE_SSL="1", **PRODUCTION)
        == "(False, True)"
    )
