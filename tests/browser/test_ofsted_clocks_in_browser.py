"""Ofsted's deadlines in headless Chromium: the manager's and the officer's home and the plan page
pass axe and reflow at 320 px with a focused visit's draft and plan deadlines on them."""

import datetime

import pytest
from django.urls import reverse

from inspections.models import Recommendation
from tests import factories as f
from tests.browser.test_indicator_pages import violations_on
from tests.browser.test_pages_in_browser import (  # noqa: F401 (fixtures)
    browser,
    sign_in,
    world,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def focused_visit_with_a_priority_action(side):
    published = datetime.date.today() - datetime.timedelta(days=7)
    visit = f.InspectionFactory(
        authority=side.authority,
        kind="focused_visit",
        started_on=published - datetime.timedelta(days=28),
        ended_on=published - datetime.timedelta(days=27),
        published_on=published,
        overall_grade="",
    )
    f.RecommendationFactory(
        inspection=visit, number=1, priority=Recommendation.Priority.PRIORITY_ACTION
    )
    side.plan.inspections.add(visit)


@pytest.mark.parametrize("role", ["manager", "officer"])
def test_the_deadlines_pass_axe_and_reflow(browser, live_server, world, role):  # noqa: F811
    focused_visit_with_a_priority_action(world.a)
    page = sign_in(browser, live_server, getattr(world.a, role))
    for url in [reverse("home"), reverse("improvement:plan", args=[world.a.plan.pk])]:
        page.set_viewport_size({"width": 1280, "height": 900})
        assert page.goto(live_server.url + url).status == 200
        assert "Draft plan due at Ofsted on" in page.content(), url
        assert not violations_on(page), url
        page.set_viewport_size({"width": 320, "height": 700})
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url}: {overflow}px of horizontal scroll at 320px"
