"""Import speed on PostgreSQL and on SQLite, the search index kept current as rows arrive.

    python -m bench.imports [--rows 5000]

On each database, a fresh one (on the server, `BENCH_DATABASE` with `_imports`
appended; a SQLite file in a scratch folder), migrated, then times through the
management commands a curator runs:

1. `import_samhsa` of SAMHSA's national directory (../shared/data/samhsa-2022,
   9,037 facilities), published;
2. `import_listings` of `--rows` listings that `export_listings` wrote from the
   bench database (`bench.seed`), as new listings;
3. the same file again: every row an update that changes nothing.

Budget: at least 300 rows a second for each.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import common

SAMHSA = common.ROOT.parent / "shared" / "data" / "samhsa-2022" / "MH_2022_Facilities_List.csv"
BUDGET = 300


def manage(*args: str, database: str) -> float:
    """Run a management command against `database` (a URL); returns its seconds."""
    env = {**os.environ, **common.production_env(), "DATABASE_URL": database}
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=common.ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    if not SAMHSA.exists():
        raise SystemExit(f"{SAMHSA} is missing: the SAMHSA file comes with shared/data")
    fresh = f"{common.NAME}_imports"
    common.recreate_database(fresh)

    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        exported = Path(scratch) / "listings.csv"
        manage("export_listings", str(exported), database=common.DATABASE_URL)
        lines = exported.read_text(encoding="utf-8").splitlines(keepends=True)
        sample = Path(scratch) / "sample.csv"
        sample.write_text("".join(lines[: args.rows + 1]), encoding="utf-8")
        rows = len(lines[: args.rows + 1]) - 1
        facilities = sum(1 for _ in SAMHSA.open(encoding="utf-8", errors="replace")) - 1

        steps = [
            ("import_samhsa", SAMHSA, facilities, "new"),
            ("import_listings", sample, rows, "new"),
            ("import_listings", sample, rows, "again"),
        ]
        runs = []
        targets = [
            ("PostgreSQL", f"{common.SERVER}/{fresh}"),
            ("SQLite", f"sqlite:///{scratch}/db.sqlite3"),
        ]
        for name, target in targets:
            manage("migrate", "--no-input", "-v", "0", database=target)
            for command, path, count, label in steps:
                seconds = manage(command, str(path), database=target)
                runs.append((f"{command} ({label}), {name}", count, seconds))
    print(f"{'command':<38}{'rows':>8}{'seconds':>9}{'rows/s':>9}{'budget':>8}  ok")
    for name, count, seconds in runs:
        rate = count / seconds
        ok = rate >= BUDGET
        if not ok:
            failures.append(name)
        print(
            f"{name:<38}{count:>8}{seconds:>9.1f}{rate:>9.0f}{BUDGET:>8}  {'yes' if ok else 'NO'}"
        )
    print("\n" + ("every budget holds" if not failures else f"OVER BUDGET: {', '.join(failures)}"))
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
