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


def grow_the_overview(side, count):
    """More of everything a manager's overview or a member's home lists: missed milestones,
    reports waiting for clearance, final papers and workbook imports waiting, `count` of each."""
    from improvement.models import Milestone, WorkbookUpload
    from reports.models import CommitteeReport
    from tests import factories as f

    action = grow(side, count)
    past = datetime.date.today() - datetime.timedelta(days=5)
    Milestone.objects.bulk_create(
        Milestone(action=action, title=f"Step {n}", due_on=past) for n in range(count)
    )
    committee = f.CommitteeFactory(authority=side.authority)
    start = CommitteeReport.objects.count()
    CommitteeReport.objects.bulk_create(
        CommitteeReport(
            plan=side.plan,
            committee=committee,
            meeting_on=datetime.date(2030, 1, 1) + datetime.timedelta(days=start + n),
            title=f"Progress {n}",
            report_of="Director",
            purpose="To report.",
            recommendations="Note it.",
            status=status,
            snapshot={} if status == "final" else None,
            submitted_by=side.officer,
        )
        for n in range(count * 2)
        for status in ["submitted" if n % 2 else "final"]
    )
    WorkbookUpload.objects.bulk_create(
        WorkbookUpload(
            plan=side.plan,
            uploaded_by=side.manager,
            file_name=f"plan{n}.xlsx",
            content=b"",
            read_status="read",
        )
        for n in range(count)
    )


@pytest.mark.parametrize("role", ["manager", "committee_member"])
def test_a_managers_and_a_members_home_queries_do_not_grow(client, role):
    side = build_side("Aldwick", 1)
    grow_the_overview(side, 10)
    client.force_login(getattr(side, role))
    url = reverse("home")
    client.get(url)
    few = queries_for(client, url)
    grow_the_overview(side, 300)
    many = queries_for(client, url)
    assert few == many, f"{role}: {few} queries with 10 of each, {many} with 310"
