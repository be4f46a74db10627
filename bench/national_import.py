"""Benchmark: the whole national import (156 authorities, 497 inspection rows), first and again.

Runs in a throwaway SQLite database (or the DATABASE_URL you give with --database-url, such as
a PostgreSQL database of your own): the first run creates everything, the second finds every
row unchanged. Prints each run's time and query count; exits 1 if the first run takes 5 s or more.

    .venv/bin/python bench/national_import.py [--database-url postgres://...]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 5.0


def setup_django(database_url):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")  # a local key
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed_import():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from inspections.importers.national import import_national

    tables = ROOT / "fixtures" / "ofsted"
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        changes = import_national(
            tables / "la_reference_england.csv", tables / "la_inspection_history.csv"
        )
        seconds = time.perf_counter() - start
    return seconds, len(queries.captured_queries), changes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="Default: a throwaway SQLite file.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        first, first_queries, changes = timed_import()
        again, again_queries, _ = timed_import()
    print("Whole national import (156 authorities, 497 rows):")
    for line in changes.summary():
        print(f"  {line}")
    print(
        f"  first run:  {first:.2f} s, {first_queries} queries (target under {TARGET_SECONDS:.0f} s)"
    )
    print(f"  second run: {again:.2f} s, {again_queries} queries (nothing changes)")
    return 0 if first < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
