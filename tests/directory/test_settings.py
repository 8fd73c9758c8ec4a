import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/0"


def manage(*args, **env):
    # Start from a clean slate: the browser tests relax async safety for this process.
    unset = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
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
