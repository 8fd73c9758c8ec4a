"""The production settings (DEBUG off), plus a URLconf with the minimal view to compare with.

Production code needs no bench-only view: `bench.urls` adds it in front of the
project's own URLs. Static files are collected into a scratch folder.
"""

import os
from pathlib import Path

from rooted.settings import *  # noqa: F403
from rooted.settings import TEMPLATES

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", "/tmp/rooted-bench-static"))
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], Path(__file__).resolve().parent / "templates"]
