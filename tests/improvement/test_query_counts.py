"""The home, plan, actions and action pages run as many queries at 1,000 actions as at 10."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.models import Action, ProgressUpdate
from inspections.models import Recommendation
from tests.access import build_side

pytestmark = pytest.mark.django_db


def grow(side, count):
    """Give side's plan `count` more actions, each answering a recommendation, with two updates."""
    today = datetime.date.today()
    start = Recommendation.objects.filter(inspection=side.inspection).count() + 1
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(inspection=side.inspection, number=start + n, text=f"Do {n}")
        for n in range(count)
    )
    actions = Action.objects.bulk_create(
        Action(
            plan=side.plan,
            theme=side.theme,
            reference=f"{len(side.plan.actions.all()) + n}.{n}",
            title=f"Action {n}",
            lead_officer=side.officer,
            due_on=today + datetime.timedelta(days=n - count // 2),
            original_due_on=today,
            rag="amber",
            status="in_progress",
        )
        for n in range(count)
    )
    Action.recommendations.through.objects.bulk_create(
        Action.recommendations.through(action_id=a.pk, recommendation_id=r.pk)
        for a, r in zip(actions, recommendations, strict=True)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            action=a, reported_on=today - datetime.timedelta(days=d), rag="amber", narrative="On it"
        )
        for a in actions
        for d in (3, 40)
    )
    return actions[0]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


PAGES = {
    "home": lambda side, action: reverse("home"),
    "plan": lambda side, action: reverse("improvement:plan", args=[side.plan.pk]),
    "actions": lambda side, action: reverse("improvement:actions"),
    "actions filtered": lambda side, action: (
        reverse("improvement:actions") + "?rag=amber&q=Action&sort=due_on"
    ),
    "action": lambda side, action: reverse("improvement:action", args=[action.pk]),
}


@pytest.mark.parametrize("page", PAGES)
def test_queries_do_not_grow_with_actions(client, page):
    side = build_side("Aldwick", 1)
    action = grow(side, 10)
    client.force_login(side.officer)
    url = PAGES[page](side, action)
    client.get(url)  # warm caches that are per process, not per page
    few = queries_for(client, url)
    grow(side, 990)
    many = queries_for(client, url)
    assert few == many, f"{page}: {few} queries at 10 actions, {many} at 1,000"


def test_action_page_queries_do_not_grow_with_its_updates_and_recommendations(client):
    side = build_side("Aldwick", 1)
    client.force_login(side.officer)
    url = reverse("improvement:action", args=[side.action.pk])
    client.get(url)
    few = queries_for(client, url)
    today = datetime.date.today()
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(action=side.action, reported_on=today, rag="green", narrative=f"Update {n}")
        for n in range(300)
    )
    extra = Recommendation.objects.bulk_create(
        Recommendation(inspection=side.inspection, number=100 + n, text=f"Do {n}")
        for n in range(100)
    )
    side.action.recommendations.add(*extra)
    many = queries_for(client, url)
    assert few == many, f"{few} queries with one update, {many} with 301"
