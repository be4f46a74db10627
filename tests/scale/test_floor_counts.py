"""Each busy page runs no more queries than the smallest SQL that returns its rows, the floor
bench/floors.py times it against (its statements, with the request's session, user and
memberships), and as many at 1,000 actions as at 10."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench import floors
from improvement import services
from improvement.models import Action, Milestone
from tests.access import build_side
from tests.improvement.test_query_counts import grow, grow_the_overview

pytestmark = pytest.mark.django_db
OWN = 3  # the session, the user and their memberships: the floor runs them too


def pages(side, action):
    plan = side.plan.pk
    return [
        ("officer", reverse("improvement:plan", args=[plan]), floors.PLAN),
        ("officer", reverse("improvement:actions"), floors.ACTIONS),
        (
            "officer",
            reverse("improvement:actions") + f"?plan={plan}&rag=amber&sort=-due_on",
            floors.ACTIONS_FILTERED,
        ),
        ("officer", reverse("improvement:action", args=[action.pk]), floors.ACTION),
        ("officer", reverse("home"), floors.HOME),
        ("manager", reverse("home"), floors.HOME + floors.OVERVIEW),
        ("committee_member", reverse("home"), floors.PAPERS),
    ]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_every_page_runs_at_most_its_floors_queries_however_many_actions(client):
    side = build_side("Aldwick", 1)
    grow_the_overview(side, 10)
    action = Action.objects.get(pk=side.action.pk)
    # A history that names a plan, a theme and a lead; a milestone missed.
    services.edit_action(action.pk, action.version, {"lead_officer": side.manager})
    Milestone.objects.create(action=action, title="Audit", due_on=datetime.date(2020, 1, 1))
    counts = {}
    for role, url, floor in pages(side, action):
        client.force_login(getattr(side, role))
        client.get(url)  # what a process reads once
        counts[role, url] = queries(client, url)
        assert counts[role, url] <= len(floor) + OWN, (role, url, counts[role, url])
    grow(side, 990)
    for role, url, _ in pages(side, action):
        client.force_login(getattr(side, role))
        assert queries(client, url) == counts[role, url], (role, url)
