"""The actions list: each action's state as at a date, read from improvement.state, on the
Gateshead plan of 2017 (fixtures/seeds.json)."""

import datetime

import pytest

from authorities.models import LocalAuthority, Membership
from improvement.models import Action
from improvement.state import action_states
from tests import factories as f
from tests.api.world import token_client

GATESHEAD_PLAN = 100  # the Looked After Children plan, 2017 (fixtures/seeds.json)
GATESHEAD_ACTION = 1000  # "Improve the quality of all children's plans", updated 1 March 2017
UPDATE = 5000  # its update of 1 March 2017, green, by the Interim Strategic Director


def gateshead_manager():
    gateshead = LocalAuthority.objects.get(name="Gateshead")
    return f.member(gateshead, Membership.Role.MANAGER, username="gateshead-manager")


def row_of(client, as_of):
    rows = client.get(f"/api/v1/actions/?plan={GATESHEAD_PLAN}&as_of={as_of}").json()["results"]
    return next(row for row in rows if row["id"] == GATESHEAD_ACTION)


@pytest.mark.django_db
def test_an_action_stands_as_it_did_on_the_day_asked(seeds):
    client = token_client(gateshead_manager())
    on_the_day = row_of(client, "2017-03-01")
    assert on_the_day["rag"] == "green"
    assert on_the_day["rag_words"] == "Green"
    assert on_the_day["update_id"] == UPDATE
    assert on_the_day["update_reported_on"] == "2017-03-01"
    assert on_the_day["lead"] == "Interim Strategic Director, Care Wellbeing and Learning"
    before = row_of(client, "2017-02-28")
    assert before["update_id"] is None
    assert before["rag"] == ""
    assert before["as_of"] == "2017-02-28"


@pytest.mark.django_db
def test_each_row_is_the_read_models_state(seeds):
    client = token_client(gateshead_manager())
    for as_of in (datetime.date(2017, 2, 28), datetime.date(2017, 6, 30), None):
        query = f"&as_of={as_of}" if as_of else ""
        url = f"/api/v1/actions/?plan={GATESHEAD_PLAN}&limit=1000{query}"
        rows = client.get(url).json()["results"]
        actions = Action.objects.filter(plan_id=GATESHEAD_PLAN).select_related("plan")
        states = {s.action.pk: s for s in action_states(actions.order_by("pk"), as_of)}
        assert len(rows) == len(states) == 7
        for row in rows:
            state = states[row["id"]]
            assert (row["rag"], row["status"], row["overdue"]) == (
                state.rag,
                state.status,
                state.overdue,
            )
            assert row["due_on"] == (state.due_on.isoformat() if state.due_on else None)
            assert row["update_id"] == (state.update.pk if state.update else None)
