"""A self-evaluation in headless Chromium: its cited facts (links with their notes), its list of
sources and its clearance area pass axe, and the page reflows at 320 px."""

import pytest
from django.urls import reverse

from selfevaluation.models import SelfEvaluation
from tests.access_cases.selfevaluation import evaluation_in
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


def test_the_self_evaluation_passes_axe_and_reflows(browser, live_server, world):  # noqa: F811
    evaluation = evaluation_in(world, SelfEvaluation.Status.DRAFT, 2030)
    SelfEvaluation.objects.filter(pk=evaluation.pk).update(
        know_before="What we know.\n\n- Children are seen alone.\n- Plans are specific.",
        plans_after="Over the next 12 months we will audit every plan.",
    )
    page = sign_in(browser, live_server, world.a.manager)
    url = reverse("selfevaluation:detail", args=[evaluation.pk])
    assert page.goto(live_server.url + url).status == 200
    assert page.locator("a.report-cite").count() > 5
    assert page.get_by_role("link", name="[1] source: Ofsted").count() == 1
    assert not violations_on(page)
    page.set_viewport_size({"width": 320, "height": 700})
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow}px of horizontal scroll at 320px"
