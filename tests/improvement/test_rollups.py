"""The home page's groupings of action states, on plain values without the database."""

import datetime

from improvement import rules
from improvement.state import ActionState

TODAY = datetime.date(2025, 6, 2)


def state(due_on=None, status="in_progress", overdue=False, update_due=False):
    return ActionState(
        action=None,
        as_at=TODAY,
        rag="green",
        status=status,
        due_on=due_on,
        overdue=overdue,
        update=None,
        update_due=update_due,
        due_date_changes=None,
    )


def test_each_action_falls_in_exactly_one_group():
    overdue = state(due_on=TODAY - datetime.timedelta(days=1), overdue=True, update_due=True)
    stale = state(due_on=TODAY + datetime.timedelta(days=90), update_due=True)
    soon = state(due_on=TODAY + datetime.timedelta(days=30))
    later = state(due_on=TODAY + datetime.timedelta(days=31))
    done_soon = state(due_on=TODAY + datetime.timedelta(days=9), status="complete")
    groups = rules.group_my_actions([overdue, stale, soon, later, done_soon])
    assert groups == {
        "overdue": [overdue],
        "update_due": [stale],
        "due_soon": [soon],
        "rest": [later, done_soon],
    }
