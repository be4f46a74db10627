"""How every list pages, filters and refuses what it cannot read: the next link walks the whole
list, CSV is whole unless a page is asked for, a bad parameter is a 400 naming it; and the
actions list costs a fixed number of queries whatever the number of actions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.endpoints import LISTS
from improvement.models import Action
from tests import factories as f
from tests.api.world import token_client

pytestmark = pytest.mark.django_db


def test_the_next_links_walk_every_row_once(world):
    for n in range(2, 8):
        f.ActionFactory(plan=world.a.plan, theme=world.a.theme, reference=f"1.{n}")
    client = token_client(world.a.manager)
    whole = client.get("/api/v1/actions/").json()
    assert whole["count"] == 7
    assert whole["next"] is None
    seen, url = [], "/api/v1/actions/?limit=3"
    while url:
        page = client.get(url).json()
        assert page["count"] == 7
        assert len(page["results"]) <= 3
        seen.extend(row["id"] for row in page["results"])
        url = page["next"]
    assert seen == [row["id"] for row in whole["results"]]
    last = client.get("/api/v1/actions/?limit=3&offset=6").json()
    assert last["previous"] == "http://testserver/api/v1/actions/?limit=3&offset=3"


def test_every_page_counts_the_whole_list_and_the_last_counts_without_a_query(world):
    for n in range(2, 8):
        f.ActionFactory(plan=world.a.plan, theme=world.a.theme, reference=f"1.{n}")
    client = token_client(world.a.manager)
    for limit, offset, shown in ((3, 0, 3), (3, 3, 3), (3, 6, 1), (7, 0, 7), (8, 0, 7), (1, 6, 1),
                                 (3, 9, 0), (7, 7, 0), (1000, 0, 7)):  # fmt: skip
        page = client.get(f"/api/v1/actions/?limit={limit}&offset={offset}").json()
        assert (page["count"], len(page["results"])) == (7, shown), (limit, offset)
    with CaptureQueriesContext(connection) as full:
        client.get("/api/v1/actions/?limit=3&offset=3")
    with CaptureQueriesContext(connection) as last:
        client.get("/api/v1/actions/?limit=3&offset=6")

    def counts(queries):  # the list's count, not the rate limit's cache culling its own
        return [q for q in queries.captured_queries if 'COUNT(*) AS "__count"' in q["sql"]]

    assert len(counts(full)) == 1
    assert not counts(last)


def test_a_csv_is_whole_unless_a_page_is_asked_for(world):
    for n in range(2, 5):
        f.ActionFactory(plan=world.a.plan, theme=world.a.theme, reference=f"1.{n}")
    client = token_client(world.a.manager)
    whole = client.get("/api/v1/actions/?format=csv")
    assert whole.content.decode("utf-8-sig").count("\n") == 1 + 4
    assert "Link" not in whole
    assert whole["Content-Disposition"] == 'attachment; filename="actions.csv"'
    page = client.get("/api/v1/actions/?format=csv&limit=2")
    assert page.content.decode("utf-8-sig").count("\n") == 1 + 2
    assert page["Link"] == (
        '<http://testserver/api/v1/actions/?format=csv&limit=2&offset=2>; rel="next"'
    )


def test_a_filter_narrows_the_list_to_one_plan_or_action(world):
    other_plan = f.ImprovementPlanFactory(authority=world.a.authority)
    f.ActionFactory(plan=other_plan, reference="9.1")
    client = token_client(world.a.officer)
    assert client.get("/api/v1/actions/").json()["count"] == 2
    listed = client.get(f"/api/v1/actions/?plan={world.a.plan.pk}").json()["results"]
    assert [row["id"] for row in listed] == [world.a.action.pk]
    updates = client.get(f"/api/v1/progress-updates/?action={world.a.action.pk}").json()
    assert [row["id"] for row in updates["results"]] == [world.a.update.pk]


BAD = {
    "as_of": ["2025-13-01", "yesterday", "9" * 30],
    "limit": ["0", "1001", "-1", "ten"],
    "offset": ["-1", "9" * 30],
    "plan": ["abc", "1.5"],
    "format": ["xlsx"],
}


@pytest.mark.parametrize(("name", "values"), BAD.items())
def test_a_bad_parameter_is_a_400_naming_it_and_what_was_given(name, values, world):
    client = token_client(world.a.manager)
    for value in values:
        response = client.get("/api/v1/actions/", {name: value})
        assert response.status_code == 400, (name, value, response.status_code)
        assert response.json()["detail"].startswith(f"{name} “{value[:50]}”: "), response.json()


@pytest.mark.parametrize("name", LISTS)
def test_no_list_answers_a_nul_or_a_huge_id_with_500(name, world):
    client = token_client(world.a.manager)
    for query in ({"plan": "9" * 30}, {"authority": "1\x00"}, {"indicator": "-1"}, {"x": "y"}):
        response = client.get(f"/api/v1/{name}/", query)
        assert response.status_code in (200, 400, 404), (name, query, response.status_code)


def queries_for_actions(client, plan):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/v1/actions/?plan={plan.pk}&limit=1000&as_of=2025-01-31")
    assert response.status_code == 200
    return len(queries), response.json()["count"]


def test_the_actions_list_costs_the_same_queries_for_5_actions_or_50(world):
    client = token_client(world.a.manager)
    plan = world.a.plan
    counts = []
    for size in (5, 50):
        for n in range(Action.objects.filter(plan=plan).count(), size):
            action = f.ActionFactory(plan=plan, theme=world.a.theme, reference=f"2.{n}")
            f.ProgressUpdateFactory(action=action, author=world.a.officer)
            f.DueDateChangeFactory(action=action, changed_by=world.a.manager)
        client.get("/api/v1/plans/")  # the token's last use is noted once a minute: not counted
        counts.append(queries_for_actions(client, plan))
    assert [listed for _, listed in counts] == [5, 50]
    assert counts[0][0] == counts[1][0], counts
