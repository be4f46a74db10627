"""The read model: an action as at a date, worked out once, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from improvement import services
from improvement.models import Action, DueDateChange
from improvement.state import action_state, action_states, with_standing_on
from tests import factories as f
from tests.access import build_side
from tests.improvement.test_query_counts import grow

pytestmark = pytest.mark.django_db

NOVEMBER = datetime.date(2024, 11, 5)
DECEMBER = datetime.date(2024, 12, 1)
JANUARY = datetime.date(2025, 1, 10)


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def fresh(action):
    return Action.objects.select_related("plan", "lead_officer").get(pk=action.pk)


def test_an_earlier_day_counts_only_what_was_reported_by_then(side):
    services.add_progress_update(side.action, side.officer, "amber", "Slipping.", NOVEMBER)
    services.add_progress_update(side.action, side.officer, "blue", "Done.", JANUARY)
    action = fresh(side.action)
    assert (action.rag, action.status) == ("blue", "complete")
    then = action_state(action, DECEMBER)
    assert (then.rag, then.rag_words, then.status, then.update.narrative) == (
        "amber",
        "Amber",
        "in_progress",
        "Slipping.",
    )
    now = action_state(action)
    assert (now.rag, now.status, now.update.narrative) == ("blue", "complete", "Done.")


def test_an_action_first_reported_on_after_the_day_was_not_rated_then(side):
    action = f.ActionFactory(plan=side.plan, reference="2.1", rag="", status="not_started")
    services.add_progress_update(action, side.officer, "red", "Stalled.", JANUARY)
    then = action_state(fresh(action), DECEMBER)
    assert (then.rag, then.rag_words, then.status, then.update) == (
        "",
        "Not rated",
        "not_started",
        None,
    )


def test_a_retracted_update_never_stands(side):
    services.add_progress_update(side.action, side.officer, "red", "Wrong action.")
    services.retract_progress_update(side.action.updates.latest(), side.officer, "Error.")
    state = action_state(fresh(side.action))
    assert (state.update, state.rag) == (side.update, "green")


def test_an_update_dated_before_the_standing_one_does_not_take_its_place(side):
    # The side's update of 1 June 2024 is green; a late entry for May says amber.
    services.add_progress_update(
        side.action, side.officer, "amber", "May.", datetime.date(2024, 5, 2)
    )
    action = fresh(side.action)
    assert (action.rag, action_state(action).update) == ("green", side.update)


def test_a_due_date_changed_after_the_day_stands_as_it_was(side):
    action = f.ActionFactory(plan=side.plan, reference="2.2", due_on=datetime.date(2024, 11, 30))
    services.change_due_date(
        action, datetime.date(2025, 3, 31), "Slipped.", side.manager, action.due_on
    )
    change = DueDateChange.objects.get(action=action)
    made = datetime.datetime(2024, 12, 20, 12, tzinfo=datetime.UTC)
    DueDateChange.objects.filter(pk=change.pk).update(changed_at=made)
    then = action_state(fresh(action), DECEMBER, due_date_changes=True)
    assert (then.due_on, then.overdue, then.due_date_changes) == (
        datetime.date(2024, 11, 30),
        True,
        (),
    )
    after = action_state(fresh(action), datetime.date(2024, 12, 21))
    assert (after.due_on, after.overdue, [c.pk for c in after.due_date_changes]) == (
        datetime.date(2025, 3, 31),
        False,
        [change.pk],
    )


def test_an_update_is_due_after_one_whole_cycle_without_one(side):
    cycle = datetime.timedelta(weeks=side.plan.update_cycle_weeks)
    on_cycle = action_state(fresh(side.action), side.update.reported_on + cycle)
    a_day_late = action_state(
        fresh(side.action), side.update.reported_on + cycle + datetime.timedelta(days=1)
    )
    assert (on_cycle.update_due, a_day_late.update_due) == (False, True)


def test_a_complete_action_is_neither_overdue_nor_due_an_update(side):
    services.add_progress_update(side.action, side.officer, "blue", "Done.")
    state = action_state(fresh(side.action))
    assert side.action.due_on < timezone.localdate()
    assert (state.status_words, state.overdue, state.update_due) == ("Complete", False, False)


def test_a_day_after_today_is_today(side):
    later = timezone.localdate() + datetime.timedelta(days=90)
    state = action_state(fresh(side.action), later)
    assert state.as_at == timezone.localdate()


@pytest.mark.parametrize(
    ("first_name", "last_name", "lead_name", "shown"),
    [
        ("Ann", "Officer", "Head of Service", "Ann Officer (Head of Service)"),
        ("Ann", "Officer", "", "Ann Officer"),
        ("Ann", "Officer", "ann officer", "Ann Officer"),
        (None, None, "Head of Service", "Head of Service"),
    ],
)
def test_the_lead_is_the_officer_with_the_plans_wording_of_the_post(
    side, first_name, last_name, lead_name, shown
):
    officer = None
    if first_name:
        officer = f.member(side.authority, "officer", first_name=first_name, last_name=last_name)
    action = f.ActionFactory(plan=side.plan, lead_officer=officer, lead_name=lead_name)
    assert action_state(fresh(action)).lead == shown


@pytest.mark.parametrize("as_at", [None, DECEMBER], ids=["today", "an earlier day"])
def test_the_states_of_many_actions_cost_as_many_queries_as_of_a_few(side, as_at):
    def queries():
        actions = Action.objects.filter(plan=side.plan).select_related("plan", "lead_officer")
        with CaptureQueriesContext(connection) as captured:
            states = action_states(actions, as_at, due_date_changes=True)
            [(s.lead, s.rag_words, s.update_due) for s in states]
        return len(captured)

    grow(side, 5)
    few = queries()
    grow(side, 200)
    assert queries() == few


def test_lists_that_show_no_update_read_nothing_more_as_at_today(side):
    actions = list(Action.objects.select_related("lead_officer"))
    with CaptureQueriesContext(connection) as captured:
        states = action_states(actions, updates=False)
    assert (len(captured), states[0].update_due) == (0, None)


def test_the_day_of_the_standing_update_read_with_the_actions_says_what_the_update_does(side):
    # Three actions: one with a retracted newer update, one never reported on, one a cycle late.
    cycle = datetime.timedelta(weeks=side.plan.update_cycle_weeks)
    today = timezone.localdate()
    retracted = f.ProgressUpdateFactory(action=side.action, reported_on=today)
    services.retract_progress_update(retracted, side.manager, "Wrong action.")
    f.ActionFactory(plan=side.plan)  # never reported on
    late = f.ActionFactory(plan=side.plan, status=Action.Status.IN_PROGRESS)
    f.ProgressUpdateFactory(action=late, reported_on=today - cycle - datetime.timedelta(days=1))
    actions = Action.objects.filter(plan=side.plan).select_related("plan").order_by("pk")
    read = action_states(actions)
    with CaptureQueriesContext(connection) as captured:
        by_day = action_states(with_standing_on(actions), updates=False)
    assert len(captured) == 1  # the actions, each with its day
    assert [s.update_due for s in by_day] == [s.update_due for s in read]
    assert [s.update_due for s in by_day[1:]] == [True, True]
    assert by_day[0].action.standing_on == read[0].update.reported_on != today
