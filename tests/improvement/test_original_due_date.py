"""The original due date is the first one an action is given, however it is given."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from improvement.models import Action
from tests import factories as f
from tests.access import date_data

pytestmark = pytest.mark.django_db


def test_the_first_due_date_set_on_the_due_date_page_is_the_original(seeds):
    # Gateshead 2017's plan gives action 3 (education professionals at reviews) no due date.
    action = Action.objects.get(plan_id=100, reference="3")
    assert (action.due_on, action.original_due_on) == (None, None)
    client = Client()
    client.force_login(f.member(action.plan.authority, "manager"))
    url = reverse("improvement:change_due_date", args=[action.pk])
    for day, reason in [
        (datetime.date(2017, 6, 30), "Training booked."),
        (datetime.date(2017, 9, 29), "Schools closed for summer."),
    ]:
        data = {
            "seen_due_on": action.due_on or "",
            **date_data("new_due_on", day),
            "reason": reason,
        }
        assert client.post(url, data).status_code == 302
        action.refresh_from_db()
    assert (action.due_on, action.original_due_on) == (
        datetime.date(2017, 9, 29),
        datetime.date(2017, 6, 30),
    )
    page = client.get(reverse("improvement:action", args=[action.pk])).content.decode()
    assert "30 June 2017" in page


def test_the_due_date_page_says_plainly_when_an_action_has_no_due_date(seeds):
    action = Action.objects.get(plan_id=100, reference="3")
    client = Client()
    client.force_login(f.member(action.plan.authority, "manager"))
    page = client.get(reverse("improvement:change_due_date", args=[action.pk])).content.decode()
    assert "The action has no due date yet" in page
    assert "on no date" not in page


def test_a_due_date_moved_to_the_date_it_already_has_is_refused_and_nothing_recorded(seeds):
    action = Action.objects.get(plan_id=100, reference="3")
    client = Client()
    client.force_login(f.member(action.plan.authority, "manager"))
    url = reverse("improvement:change_due_date", args=[action.pk])
    day = datetime.date(2027, 1, 31)
    first = {"seen_due_on": "", **date_data("new_due_on", day), "reason": "Training booked."}
    assert client.post(url, first).status_code == 302
    again = {"seen_due_on": day, **date_data("new_due_on", day), "reason": "Still January."}
    page = client.post(url, again)
    assert page.status_code == 200
    assert (
        "The action is already due on 31 January 2027: enter a different date."
        in page.content.decode()
    )
    assert action.due_date_changes.count() == 1
