"""Benchmark: the plan page at 30, 300 and 3,000 actions, against its JSON baseline.

Builds three plans (an update every four weeks for two years on every action) in a throwaway
PostgreSQL database made from DATABASE_URL's server, then times the plan page and the minimal
JSON view of the same rows (bench/views.py), median of --runs, through Django's test client.
Prints each time and ratio; exits 1 if a ratio is over 2.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker .venv/bin/python bench/plan_scale.py
"""

import argparse
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (30, 300, 3000)
TARGET_RATIO = 2.0


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ["BENCH_JSON_VIEWS"] = "true"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # this run's own, thrown away
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL server: this measures PostgreSQL.")
    setup_test_environment()
    return connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)


def median_seconds(client, urls, runs):
    """Each URL's median time; the URLs take turns, so a busy machine slows them alike."""
    times = {url: [] for url in urls}
    for _ in range(runs):
        for url in urls:
            start = time.perf_counter()
            response = client.get(url)
            times[url].append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
    return [statistics.median(times[url]) for url in urls]


def measure(runs):
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from authorities.models import LocalAuthority, Membership
    from workspace import volume

    call_command("collectstatic", interactive=False, verbosity=0)  # hashed names, as deployed
    call_command("loaddata", "authorities", verbosity=0)
    authorities = LocalAuthority.objects.filter(is_current=True).order_by("name")[: len(SIZES)]
    rows = []
    for authority, size in zip(authorities, SIZES, strict=True):
        volume.generate([authority], seed=1, actions=(size, size))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's statistics, as autovacuum would keep them
        member = Membership.objects.filter(authority=authority, role="manager").first()
        client = Client()
        client.force_login(member.user)
        plan = authority.plans.get()
        page = reverse("improvement:plan", args=[plan.pk])
        baseline = reverse("bench:plan", args=[plan.pk])
        client.get(page), client.get(baseline)  # warm
        rows.append((size, *median_seconds(client, [page, baseline], runs)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    old_name = None
    from django.db import connection

    try:
        old_name = setup_django()
        rows = measure(args.runs)
    finally:
        if old_name is not None:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"Plan page against its JSON baseline (median of {args.runs}, PostgreSQL):")
    worst = 0
    for size, page, baseline in rows:
        ratio = page / baseline
        worst = max(worst, ratio)
        print(
            f"  {size:>5} actions: page {page * 1000:6.1f} ms, JSON {baseline * 1000:6.1f} ms, "
            f"ratio {ratio:.2f}x"
        )
    print(
        f"  growth 30 to 3,000 actions: {rows[-1][1] / rows[0][1]:.2f}x (target: ratios within 2x)"
    )
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
