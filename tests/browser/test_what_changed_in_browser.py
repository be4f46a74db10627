"""An action page with its "What changed" table: axe-clean and no sideways scroll at 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from improvement import services
from tests.browser.test_pages_in_browser import (  # noqa: F401  (fixtures)
    WCAG_TAGS,
    browser,
    sign_in,
    world,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_changes_of_an_action_pass_axe_and_reflow(browser, live_server, world):  # noqa: F811
    action = world.a.action
    services.edit_action(action.pk, action.version, {"partners": "Health visiting and police"})
    action.refresh_from_db()
    services.edit_action(action.pk, action.version, {"title": "Audit every care plan"})
    page = sign_in(browser, live_server, world.a.officer)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + reverse("improvement:action", args=[action.pk]))
    assert page.get_by_role("heading", name="What changed").is_visible()
    assert "Health visiting and police" in page.locator("details").last.inner_text()
    violations = [
        v["id"] for v in Axe().run(page).response["violations"] if WCAG_TAGS & set(v["tags"])
    ]
    assert not violations
    # The section itself fits; the due-date table above it is a separate matter.
    right = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('#what-changed, #what-changed *')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert right <= 320, f"What changed runs {right}px wide at 320px"
