"""At volume, no page query scans a large table, and each page runs as many queries as at demo size.

The volume is moderate for the test's speed (20 authorities of 150 actions, an update every four
weeks for two years: 3,000 actions, about 78,000 updates). The generator leaves the planner fresh
statistics (ANALYZE), as a bulk load must: autovacuum may be late or off.
"""

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from authorities.models import LocalAuthority
from improvement.models import Action
from workspace import volume

# A table of more rows than this is large: reading it all for one page is a missing index. Smaller
# ones (users, memberships, themes of 20 authorities) fit in a few pages, which PostgreSQL rightly
# reads whole rather than through an index.
LARGE_ROWS = 2000


def large_tables():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > %s", [LARGE_ROWS]
        )
        return {name for (name,) in cursor.fetchall()}


def pages(officer):
    action = Action.objects.filter(lead_officer=officer).order_by("pk").first()
    return {
        "home": reverse("home"),
        "plan": reverse("improvement:plan", args=[action.plan_id]),
        "actions filtered and sorted": reverse("improvement:actions")
        + f"?plan={action.plan_id}&rag=amber&status=in_progress&sort=-due_on",
        "actions searched": reverse("improvement:actions") + "?q=supervision&sort=lead",
        "action": reverse("improvement:action", args=[action.pk]),
        "spreadsheet": reverse("improvement:actions_xlsx") + f"?plan={action.plan_id}",
    }


def officer_of(authority):
    """An officer of the authority who leads actions."""
    first = (
        Action.objects.filter(plan__authority=authority, lead_officer__memberships__role="officer")
        .select_related("lead_officer")
        .order_by("pk")
        .first()
    )
    return first.lead_officer


def run(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in captured.captured_queries]


def scans(plan):
    """Every (node type, relation) in an EXPLAIN (FORMAT JSON) plan tree."""
    yield plan["Node Type"], plan.get("Relation Name")
    for child in plan.get("Plans", []):
        yield from scans(child)


def sequential_scans_of_large_tables(sql, large):
    if not sql.lstrip().upper().startswith("SELECT"):
        return []
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        (plan,) = cursor.fetchone()
    plan = plan if isinstance(plan, list) else json.loads(plan)
    return [rel for node, rel in scans(plan[0]["Plan"]) if node == "Seq Scan" and rel in large]


@pytest.mark.postgres
@pytest.mark.django_db
def test_pages_at_volume_use_indexes_and_as_many_queries_as_at_demo_size():
    from django.core.management import call_command

    call_command("loaddata", "authorities", verbosity=0)
    authorities = list(LocalAuthority.objects.filter(is_current=True).order_by("name")[:21])
    volume.generate(authorities[:1], seed=1, actions=(20, 20))
    small = Client()
    small.force_login(officer_of(authorities[0]))
    small_urls = pages(officer_of(authorities[0]))
    for url in small_urls.values():
        small.get(url)  # warm what is per process
    at_demo_size = {page: len(run(small, url)) for page, url in small_urls.items()}

    volume.generate(authorities[1:], seed=1, actions=(150, 150))
    large = large_tables()
    assert {"improvement_action", "improvement_progressupdate"} <= large
    big = Client()
    big.force_login(officer_of(authorities[1]))
    problems = []
    for page, url in pages(officer_of(authorities[1])).items():
        queries = run(big, url)
        if len(queries) != at_demo_size[page]:
            problems.append(f"{page}: {len(queries)} queries at volume, {at_demo_size[page]} small")
        for sql in queries:
            for table in sequential_scans_of_large_tables(sql, large):
                problems.append(f"{page}: Seq Scan on {table} in {sql[:300]}")
    assert Action.objects.count() == 20 + 20 * 150
    assert not problems, "\n".join(problems)
