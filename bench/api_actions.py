"""Benchmark: the API's actions list at the generated volume, against the same rows by plain SQL.

On the PostgreSQL database DATABASE_URL names (its own: it is filled), generated once with every
authority's plan (workspace/volume.py, as `manage.py generate_volume`) and kept for the next run.
For the authority with the most actions, one of its managers reads the actions list with a
personal token, through Django's test client: GET /api/v1/actions/ (the ORM, the read model
improvement.state, django-ninja) and its baseline, bench/api_baseline.py (one SQL query for the
page and one for the count unless the page is the last, the same JSON, behind the same token and
rate limit), taking turns, median of --runs. Then the same rows without the request around them
(no HTTP, token or rate limit): the API's rows as its view gathers them against the baseline's
queries, each written as JSON. Prints each time and ratio; exits 1 if a request's ratio is over 1.5.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_api_bench .venv/bin/python bench/api_actions.py
"""

import argparse
import datetime
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


def measure(runs):
    from django.test import Client

    from api.tokens import create_token
    from bench.plan_scale import median_seconds

    user, authority, actions, listed, updates = reader()
    _, secret = create_token(user, "Benchmark", 1)
    client = Client(headers={"Authorization": f"Bearer {secret}"})
    print(
        f"{actions:,} actions, {updates:,} progress updates; reading {authority.name}'s "
        f"{listed} actions as {user.username} (median of {runs}, PostgreSQL):"
    )
    requests, rows = [], []
    for limit, label in ((100, "a page (100 rows)"), (1000, f"the whole list ({listed})")):
        urls = [f"/api/v1/actions/?limit={limit}", f"/bench/api/actions.json?limit={limit}"]
        for url in urls:
            client.get(url)  # warm
        requests.append((label, *median_seconds(client, urls, runs)))
        rows.append((label, *median_calls(gatherers(user, limit), runs)))
    # As at a year ago the read model works each state back from the updates and due-date
    # changes since (improvement/state.py): plain SQL has no such baseline here.
    year_ago = datetime.date.today() - datetime.timedelta(days=365)
    past = f"/api/v1/actions/?as_of={year_ago}"
    client.get(past)
    print(f"  a page as at {year_ago}: API {median_seconds(client, [past], runs)[0] * 1000:.1f} ms")
    return requests, rows


def gatherers(user, limit):
    """The API's rows and the baseline's, each to JSON, with no request around them."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder
    from django.test import RequestFactory
    from django.utils import timezone

    from api import listing, plan_rows
    from bench import api_baseline

    request = RequestFactory().get("/", {"limit": limit})
    request.user = user

    def api():
        source = plan_rows.action_source(user)
        page = plan_rows.action_rows(source[:limit])
        count = listing.count_of(source, len(page), 0, limit)
        return json.dumps({"count": count, "results": page}, cls=DjangoJSONEncoder)

    def sql():
        today = timezone.localdate()
        count, fetched = api_baseline.fetch(request, today, limit, 0)
        page = [api_baseline.row(values, today) for values in fetched]
        return json.dumps({"count": count, "results": page}, cls=DjangoJSONEncoder)

    return [api, sql]


def median_calls(calls, runs):
    times = {call: [] for call in calls}
    for _ in range(runs):
        for call in calls:
            start = time.perf_counter()
            call()
            times[call].append(time.perf_counter() - start)
    return [statistics.median(times[call]) for call in calls]


def show(title, results):
    print(title)
    worst = 0
    for label, api, sql in results:
        worst = max(worst, api / sql)
        print(
            f"  {label:>22}: API {api * 1000:6.1f} ms, plain SQL {sql * 1000:6.1f} ms, "
            f"ratio {api / sql:.2f}x"
        )
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--authorities", type=int, default=0, help="Default: all of them.")
    args = parser.parse_args()
    setup_django()
    prepare(args.authorities)
    requests, rows = measure(args.runs)
    worst = show("Requests (token, rate limit, JSON page):", requests)
    show("The rows alone (no request around them):", rows)
    print(f"Target: a request within {TARGET_RATIO}x of plain SQL's.")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
