"""Ofsted's deadlines on the pages: a focused visit with priority actions, published on Tuesday
10 December 2024 (made up, on a made-up authority), asks for the draft plan by Friday 10 January
2025 and the plan by Friday 21 March 2025 (tests/improvement/test_clocks.py counts them)."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from core.dates import long_date
from improvement.rules import plan_due_at_ofsted, working_days_between
from inspections.models import Recommendation
from tests import factories as f
from tests.access import build_side

pytestmark = pytest.mark.django_db

# Thursday 2 January 2025, in the morning in England.
SEEN_ON = datetime.datetime(2025, 1, 2, 9, 0, tzinfo=datetime.UTC)
DRAFT = "Draft plan due at Ofsted on 10 January 2025, 6 working days away"
PLAN = "Plan due at Ofsted on 21 March 2025, 56 working days away"


@pytest.fixture
def side():
    with time_machine.travel(SEEN_ON, tick=False):
        side = build_side("Aldwick", 1)
    side.visit = f.InspectionFactory(
        authority=side.authority,
        kind="focused_visit",
        started_on=datetime.date(2024, 11, 12),
        ended_on=datetime.date(2024, 11, 13),
        published_on=datetime.date(2024, 12, 10),
        overall_grade="",
    )
    f.RecommendationFactory(
        inspection=side.visit,
        number=1,
        text="Ensure that children at risk of significant harm are seen promptly.",
        priority=Recommendation.Priority.PRIORITY_ACTION,
        section="Areas for priority action",
    )
    side.plan.inspections.add(side.visit)
    return side


def page(client, user, url):
    with time_machine.travel(SEEN_ON, tick=False):
        client.force_login(user)
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def section(html, heading_id):
    """The words of the list after the heading (or in the row) with that id, tags left out."""
    words = html.split(f'id="{heading_id}"')[1].split("</ul>")[0]
    return " ".join(re.sub(r"<[^>]*>", " ", words).split())


def test_a_managers_home_shows_the_draft_and_plan_deadlines_in_working_days(client, side):
    deadlines = section(page(client, side.manager, reverse("home")), "ofsted-deadlines")
    assert DRAFT in deadlines
    assert PLAN in deadlines
    assert deadlines.index(DRAFT) < deadlines.index(PLAN)  # soonest first
    assert side.plan.title in deadlines
    # The first inspection's plan was due in 2024: passed, so not on home.
    assert "was due" not in deadlines


def test_an_officers_home_shows_them_too(client, side):
    html = page(client, side.officer, reverse("home"))
    assert 'id="ofsted-deadlines"' not in html  # no manager's overview
    deadlines = section(html, "plan-ofsted-deadlines")
    assert DRAFT in deadlines
    assert PLAN in deadlines


def test_the_plan_page_shows_every_deadline_and_what_set_it(client, side):
    # The standard inspection build_side makes, published (here) early in 2024: its plan's
    # deadline has passed by the day the page is seen.
    side.inspection.started_on = datetime.date(2024, 1, 8)
    side.inspection.ended_on = datetime.date(2024, 1, 19)
    side.inspection.published_on = datetime.date(2024, 2, 28)
    side.inspection.save()
    html = page(client, side.officer, reverse("improvement:plan", args=[side.plan.pk]))
    deadlines = section(html, "ofsted-deadlines")
    assert f"{DRAFT} (after the focused visit published 10 December 2024)" in deadlines
    assert f"{PLAN} (after the focused visit published 10 December 2024)" in deadlines
    published = side.inspection.published_on
    due = plan_due_at_ofsted(published)
    ago = working_days_between(due, SEEN_ON.date())
    assert (
        f"Plan was due at Ofsted on {long_date(due)}, {ago} working days ago "
        f"(after the standard inspection published {long_date(published)})"
    ) in deadlines


def test_on_the_deadline_day_the_page_says_today(client, side):
    with time_machine.travel(datetime.datetime(2025, 1, 10, 9, 0, tzinfo=datetime.UTC), tick=False):
        client.force_login(side.manager)
        html = client.get(reverse("home")).content.decode()
    assert "Draft plan due at Ofsted today, 10 January 2025" in section(html, "ofsted-deadlines")


def test_an_inadequate_authoritys_home_expects_the_next_monitoring_visit(client, side):
    side.inspection.overall_grade = "inadequate"
    side.inspection.save()
    f.InspectionFactory(
        authority=side.authority,
        kind="monitoring_visit",
        started_on=datetime.date(2024, 11, 5),
        ended_on=datetime.date(2024, 11, 6),
        published_on=datetime.date(2024, 12, 3),
        overall_grade="",
    )
    deadlines = section(page(client, side.manager, reverse("home")), "ofsted-deadlines")
    # Three months after the latest visit's first day on site.
    assert "Next monitoring visit expected around 5 February 2025" in deadlines
    html = page(client, side.manager, reverse("improvement:plan", args=[side.plan.pk]))
    assert "about three months after the monitoring visit that began on 5 November 2024" in section(
        html, "ofsted-deadlines"
    )


def test_a_visits_page_says_it_gives_no_grades_and_names_priority_actions(client, side):
    html = page(client, side.officer, reverse("inspections:inspection", args=[side.visit.pk]))
    assert "A focused visit gives no grades" in html
    assert "Priority action 1" in html
    assert "No graded judgements" not in html
