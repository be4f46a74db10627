"""Benchmark: the API's actions list at the generated volume, against the same rows by plain SQL.

On the PostgreSQL database DATABASE_URL names (its own: it is filled), generated once with every
authority's plan (workspace/volume.py, as `manage.py generate_volume`) and kept for the next run.
For the authority with the most actions, one of its managers reads the actions list with a
personal token, through Django's test client: GET /api/v1/actions/ (the ORM, the read model
improvement.state, django-ninja) and its baseline, bench/api_baseline.py (one SQL query for the
page, one for the count, the same JSON), taking turns, median of --runs. Prints each time and the
ratio; exits 1 if a ratio is over 1.5.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_api_bench .venv/bin/python bench/api_actions.py
"""

import argparse
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ["BENCH_JSON_VIEWS"] = "true"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # this run's own, thrown away
    # The bench asks far faster than a person's tools may: no 429 in the middle of a measure.
    os.environ["API_REQUESTS_PER_MINUTE"] = "1000000"
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database of its own: it is filled with data.")
    setup_test_environment()


def prepare(authorities):
    """The volume, generated once and kept; fresh planner statistics either way."""
    from django.core.management import call_command

    from improvement.models import ImprovementPlan
    from workspace.volume import refresh_statistics

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not ImprovementPlan.objects.exists():
        print("Generating the volume (once; kept in this database for the next run)...", flush=True)
        call_command("loaddata", "authorities", verbosity=0)
        extra = {"authorities": authorities} if authorities else {}
        call_command("generate_volume", verbosity=0, **extra)
    refresh_statistics()


def reader():
    """(a manager of the authority with the most actions, its number of actions, of updates)."""
    from django.db.models import Count

    from authorities.models import Membership
    from improvement.models import Action, ImprovementPlan, ProgressUpdate

    plan = ImprovementPlan.objects.annotate(n=Count("actions")).order_by("-n", "pk").first()
    manager = Membership.objects.filter(authority=plan.authority_id, role="manager").first()
    return (
        manager.user,
        plan.authority,
        Action.objects.count(),
        plan.n,
        ProgressUpdate.objects.count(),
    )


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
    from django.test import Client

    from api.tokens import create_token

    user, authority, actions, listed, updates = reader()
    _, secret = create_token(user, "Benchmark", 1)
    client = Client(headers={"Authorization": f"Bearer {secret}"})
    print(
        f"{actions:,} actions, {updates:,} progress updates; reading {authority.name}'s "
        f"{listed} actions as {user.username} (median of {runs}, PostgreSQL):"
    )
    results = []
    for query, label in (("", "a page (100 rows)"), ("?limit=1000", f"the whole list ({listed})")):
        urls = [f"/api/v1/actions/{query}", f"/bench/api/actions.json{query}"]
        for url in urls:
            client.get(url)  # warm
        api, sql = median_seconds(client, urls, runs)
        results.append((label, api, sql))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--authorities", type=int, default=0, help="Default: all of them.")
    args = parser.parse_args()
    setup_django()
    prepare(args.authorities)
    worst = 0
    for label, api, sql in measure(args.runs):
        ratio = api / sql
        worst = max(worst, ratio)
        print(
            f"  {label:>22}: API {api * 1000:6.1f} ms, plain SQL {sql * 1000:6.1f} ms, "
            f"ratio {ratio:.2f}x"
        )
    print(f"  target: the API within {TARGET_RATIO}x of plain SQL")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
