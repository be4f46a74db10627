"""A milestone due before today and not done is missed: one rule, flagged on the action page and
the plan page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from improvement.models import Milestone
from improvement.state import missed_milestones
from tests.access import build_side

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 1)


@pytest.fixture
def side():
    side = build_side("Aldwick", 1)
    today = timezone.localdate()
    side.action.due_on = today + datetime.timedelta(days=60)
    side.action.save()
    made = {
        "missed": (today - datetime.timedelta(days=1), None),
        "done late": (today - datetime.timedelta(days=9), today),
        "due today": (today, None),
        "no date": (None, None),
    }
    side.milestones = {
        title: Milestone.objects.create(
            action=side.action, title=title, due_on=due_on, completed_on=done
        )
        for title, (due_on, done) in made.items()
    }
    return side


@pytest.mark.parametrize(
    ("due_on", "completed_on", "missed"),
    [
        (datetime.date(2026, 2, 28), None, True),
        (datetime.date(2026, 2, 28), datetime.date(2026, 3, 1), False),
        (DAY, None, False),
        (None, None, False),
    ],
)
def test_a_milestone_is_missed_when_due_before_the_day_and_not_done(due_on, completed_on, missed):
    assert Milestone(due_on=due_on, completed_on=completed_on).missed_on(DAY) is missed


def test_the_query_and_the_row_agree_on_which_milestones_are_missed(side):
    today = timezone.localdate()
    by_query = set(missed_milestones(Milestone.objects.all(), today))
    by_row = {m for m in Milestone.objects.all() if m.missed_on(today)}
    assert by_query == by_row == {side.milestones["missed"]}


def test_the_action_page_and_the_plan_page_tag_the_missed_milestone_only(client, side):
    client.force_login(side.officer)
    for url in (
        reverse("improvement:action", args=[side.action.pk]),
        reverse("improvement:plan", args=[side.plan.pk]),
    ):
        page = client.get(url).content.decode()
        assert page.count(">Missed</strong>") == 1, url
    plan = client.get(reverse("improvement:plan", args=[side.plan.pk])).content.decode()
    assert "Missed milestones (1)" in plan
