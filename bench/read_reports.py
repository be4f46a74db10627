"""Benchmark: reading each of the 27 real Ofsted report PDFs into a draft (no database).

Prints each report's time and the median, best of --runs; exits 1 if the median is 1 s or more.

    .venv/bin/python bench/read_reports.py [--runs 3]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "tests" / "data" / "ofsted").glob("*.pdf"))
TARGET_SECONDS = 1.0


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")  # a local key
    import django

    django.setup()


def time_one(pdf, runs):
    from inspections.report_reader.reader import read_report

    best = None
    for _ in range(runs):
        start = time.perf_counter()
        reading = read_report(pdf)
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return best, reading


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    setup_django()
    times = []
    for pdf in PDFS:
        seconds, reading = time_one(pdf, args.runs)
        times.append(seconds)
        print(
            f"  {seconds:5.2f} s  {reading.pages:3d} pages  {len(reading.flags)} flags  {pdf.name}"
        )
    median = statistics.median(times)
    print(
        f"{len(PDFS)} reports: median {median:.2f} s, slowest {max(times):.2f} s "
        f"(target: median under {TARGET_SECONDS:.0f} s)"
    )
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
