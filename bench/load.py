"""Throughput under load: gunicorn on 127.0.0.1, driven by wrk at 32 connections.

    python -m bench.load [--seconds 20] [--connections 32]

Serves the app as production would (gunicorn, DEBUG off, Redis as the shared
cache, the bench database built by `bench.seed`), then drives it with wrk
(Debian's `wrk` package) for a bounded time: first over the fixed search mix
(bench.mix.SEARCHES), each connection walking it in turn, while a provider edits
a listing once a second through the services (bench.edits); then over the
minimal view the same way. Prints requests per
second, p95 latency and errors for each, and the ratio of the two.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import common, mix

# wrk's Lua hooks: each thread walks the paths from its own starting point, and
# at the end the totals are printed as one line of JSON for this script to read.
SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local counter = 0
function setup(thread) thread:set("offset", math.random(#paths)) end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter + offset) % #paths + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "errors": %d, "non2xx": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def drive(base: str, paths: list[str], seconds: int, connections: int, folder: Path) -> dict:
    listing = folder / "paths.txt"
    listing.write_text("\n".join(paths) + "\n")
    script = folder / "mix.lua"
    script.write_text(SCRIPT)
    threads = min(connections, os.cpu_count() or 1)
    result = subprocess.run(
        [
            *("wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"),
            *("-s", str(script), base),
        ],
        env={**os.environ, "BENCH_PATHS": str(listing)},
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    env = {**os.environ, **common.production_env(), "DJANGO_SETTINGS_MODULE": "bench.settings"}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=common.ROOT,
        env=env,
        check=True,
    )
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "rooted.wsgi:application"),
            *("--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers)),
            *("--log-level", "warning"),
        ],
        cwd=common.ROOT,
        env=env,
    )
    try:
        wait_for(base + mix.MINIMAL)
        # A burst of people asking the same few dozen searches (after a news story,
        # a shared link), while providers edit: the pages are shared for a minute
        # (directory.caching), and no edit throws them away. bench.run measures
        # the searches nobody asked before.
        searches = [url for _name, url in mix.all_urls()]
        for url in searches:  # each asked once before the clock starts
            with urllib.request.urlopen(base + url, timeout=60):
                pass
        with tempfile.TemporaryDirectory() as scratch:
            drive(base, [mix.MINIMAL], 3, args.connections, Path(scratch))  # warm connections
            editor = subprocess.Popen(
                [sys.executable, "-m", "bench.edits", f"--seconds={args.seconds}"],
                cwd=common.ROOT,
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            load = drive(base, searches, args.seconds, args.connections, Path(scratch))
            edits = (editor.communicate(timeout=60)[0] or "").strip()
            floor = drive(base, [mix.MINIMAL], args.seconds, args.connections, Path(scratch))
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"gunicorn, {args.workers} workers; wrk, {args.connections} connections, "
        f"{args.seconds} s each, on {os.cpu_count()} cores; beside the searches: {edits}"
    )
    print(f"{'':<14}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
    for name, figures in [("search mix", load), ("minimal view", floor)]:
        errors = figures["errors"] + figures["non2xx"]
        print(
            f"{name:<14}{figures['requests']:>10}{figures['rps']:>9.1f}"
            f"{figures['p50']:>9.1f}{figures['p95']:>9.1f}{errors:>8}"
        )
    ratio = load["rps"] / floor["rps"]
    errors = load["errors"] + load["non2xx"]
    ok = errors == 0 and ratio >= 0.40
    print(
        f"\nsummary: search throughput is {ratio:.0%} of the minimal view's "
        f"(budget at least 40%), {errors} errors (budget 0): "
        + ("within budget" if ok else "OVER BUDGET")
    )
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
