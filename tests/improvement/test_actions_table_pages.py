"""The actions table reads a page of rows and how many there are in one query, and pages past the
end, before the start or not numbers are shown as Django's paginator would show them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.access import build_side
from tests.improvement.test_query_counts import grow

pytestmark = pytest.mark.django_db
URL = reverse("improvement:actions")


@pytest.fixture
def officer_client(client):
    side = build_side("Aldwick", 1)
    grow(side, 59)  # 60 actions: three pages of 25
    client.force_login(side.officer)
    return client


def shown(response):
    table = response.context["table"]
    return table.page.number, table.paginator.count, [s.action.pk for s in table.states]


def test_a_page_and_the_count_are_one_query(officer_client):
    with CaptureQueriesContext(connection) as captured:
        response = officer_client.get(URL + "?sort=reference&page=2")
    actions = [q["sql"] for q in captured if 'FROM "improvement_action"' in q["sql"]]
    assert len(actions) == 1
    assert "OVER ()" in actions[0]
    number, count, pks = shown(response)
    assert (number, count, len(pks)) == (2, 60, 25)
    first = officer_client.get(URL + "?sort=reference&page=1")
    assert not set(pks) & set(shown(first)[2])
    assert "60 actions" in response.content.decode()


@pytest.mark.parametrize(
    ("page", "number", "rows"), [("3", 3, 10), ("99", 3, 10), ("0", 3, 10), ("x", 1, 25)]
)
def test_pages_out_of_range_are_shown_as_before(officer_client, page, number, rows):
    response = officer_client.get(URL + f"?page={page}")
    assert response.status_code == 200
    assert shown(response)[0:2] == (number, 60)
    assert len(shown(response)[2]) == rows


def test_no_action_matching_is_an_empty_table(officer_client):
    response = officer_client.get(URL + "?q=nothing-like-this")
    assert shown(response) == (1, 0, [])
    assert "No actions match." in response.content.decode()


def test_the_rows_written_in_python_escape_what_they_show(client):
    side = build_side("Aldwick", 1)
    side.action.title = "<b>Audit</b> & review"
    side.action.lead_name = "Head of <i>Service</i>"
    side.action.save()
    client.force_login(side.manager)
    page = client.get(URL).content.decode()
    assert "&lt;b&gt;Audit&lt;/b&gt; &amp; review" in page
    assert "Head of &lt;i&gt;Service&lt;/i&gt;" in page
    assert "<b>Audit" not in page
    assert f'name="version-{side.action.pk}"' in page  # the manager's tick box and version
