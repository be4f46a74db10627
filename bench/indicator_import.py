"""Benchmark: importing every row of the largest DfE tidy file, first and again.

    .venv/bin/python bench/indicator_import.py FILE [--measure care_leaver_percent]
        [--database-url postgres://...]

FILE is a full EES tidy CSV (the largest of the DfE's files,
la_care_leavers_accommodation_suitability.csv, has 6,680 rows; the repository keeps only a subset
for the tests). Times, in a throwaway SQLite database unless --database-url is given:

- one indicator, as `import_indicator` imports it: the whole file read, the values of one
  breakdown combination written (the first combination of the file's breakdown values);
- every row: one indicator for each combination of breakdown values, so that every national,
  regional and authority row of the file is written; then the same again (nothing changes).

Prints wall-clock and CPU seconds (the CPU time is what the import costs on a machine shared with
other work) and the load average; exits 1 if the single indicator's import takes 5 s or more.
"""

import argparse
import itertools
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
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("loaddata", "authorities", verbosity=0)


def indicators_for(data, name, measure):
    """An unsaved indicator for each combination of breakdown values in the file."""
    from indicators.ees import describe
    from indicators.models import Indicator

    breakdowns, _ = describe(data, name)
    columns = list(breakdowns)
    for values in itertools.product(*(breakdowns[c] for c in columns)):
        filters = dict(zip(columns, values, strict=True))
        label = " / ".join(values) or measure
        yield Indicator(
            name=label,
            unit="percent",
            polarity="higher",
            source="DfE",
            frequency="annual",
            measure_column=measure,
            breakdown_filters=filters,
        )


def timed(indicators, data, name):
    """(wall seconds, CPU seconds, values imported)."""
    from indicators import ees, services

    start, cpu, values = time.perf_counter(), time.process_time(), 0
    for indicator in indicators:
        try:
            outcome = services.import_file(
                indicator, data, name, indicator.measure_column, indicator.breakdown_filters
            )
        except ees.ImportError_ as error:  # a combination the file does not have
            if "no row has" not in str(error):
                raise
            continue
        values += outcome.created + outcome.updated + outcome.unchanged
    return time.perf_counter() - start, time.process_time() - cpu, values


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--measure", default="care_leaver_percent")
    parser.add_argument("--database-url", help="Default: a throwaway SQLite file.")
    args = parser.parse_args()
    data = args.file.read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        indicators = list(indicators_for(data, args.file.name, args.measure))
        one = timed(indicators[:1], data, args.file.name)
        every = timed(indicators[1:], data, args.file.name)
        again = timed(indicators, data, args.file.name)
    print(f"{args.file.name} (load average {os.getloadavg()[0]:.1f}):")
    report("one indicator", one)
    report(
        f"every row ({len(indicators)} combinations)",
        (one[0] + every[0], one[1] + every[1], one[2] + every[2]),
    )
    report("every row again, unchanged", again)
    print(f"  target: one indicator under {TARGET_SECONDS:.0f} s")
    return 0 if one[0] < TARGET_SECONDS else 1


def report(what, figures):
    wall, cpu, values = figures
    print(f"  {what}: {values} values, {wall:.2f} s ({cpu:.2f} s CPU)")


if __name__ == "__main__":
    sys.exit(main())
