"""Every page in headless Chromium: journeys, no form for committee members, axe, keyboard.

Playwright's sync API runs an event loop in this thread, so Django's async-safety check must be
relaxed for these tests only (DJANGO_ALLOW_ASYNC_UNSAFE). Axe is injected with page.evaluate on a
context created with bypass_csp=True, so the site's strict CSP stays on for the pages themselves.
"""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connections
from django.urls import reverse
from playwright.sync_api import sync_playwright

from authorities.models import Membership
from tests.access import ROLES, build_world
from tests.access_cases.reports import cleared_pk, report_of
from tests.factories import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
WCAG_TAGS = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}


@pytest.fixture(scope="module")
def chromium_of_module(django_db_setup):
    """One Chromium for a module's tests: starting Playwright and Chromium costs more processor
    time than most pages do.

    While Playwright runs, its event loop makes Django keep database connections per context
    (asgiref), so the tests get connections of their own: they are handed the migrations' rows
    that serialized_rollback reloads before each test, which Django keeps on the first connection.
    """
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            yield browser
            browser.close()


@pytest.fixture
def browser(chromium_of_module):
    """Chromium; each test's browser contexts (its signed-in sessions) are closed after it."""
    yield chromium_of_module
    for context in chromium_of_module.contexts:
        context.close()


@pytest.fixture
def world(transactional_db):
    yield build_world()
    # Built while Playwright's greenlet runs, the world holds database connections of its own
    # context that Django's teardown does not see; left open, PostgreSQL cannot drop the test
    # database at the end of the run.
    connections.close_all()


def sign_in(browser, live_server, user):
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/")
    return page


# A committee member reads a paper once cleared, a partner once final: before then it is not found
# (404) rather than forbidden.
NOT_FOUND_FOR = {
    Membership.Role.COMMITTEE_MEMBER: {"edit-report"},
    Membership.Role.PARTNER: {"edit-report", "report", "finalise-report"},
}


def refused(response, role, name):
    """Whether the role is refused the page as the access matrix says; any other answer but 200 fails."""
    if name in NOT_FOUND_FOR.get(role, ()):
        assert response.status == 404, f"{name} as {role}: {response.status}"
        return True
    return response.status == 403


def pages_of(world):
    a = world.a
    report = report_of(world)
    return {
        "home": reverse("home"),
        "plan": reverse("improvement:plan", args=[a.plan.pk]),
        "actions": reverse("improvement:actions"),
        "action": reverse("improvement:action", args=[a.action.pk]),
        "inspection": reverse("inspections:inspection", args=[a.inspection.pk]),
        "add-update": reverse("improvement:add_update", args=[a.action.pk]),
        "edit-action": reverse("improvement:edit_action", args=[a.action.pk]),
        "due-date": reverse("improvement:change_due_date", args=[a.action.pk]),
        "authority": reverse("inspections:authority", args=[a.authority.pk]),
        "reports": reverse("reports:report-list"),
        "new-report": reverse("reports:report-create"),
        "report": reverse("reports:report-detail", kwargs=cleared_pk(world)),
        "edit-report": reverse("reports:report-edit", args=[report.pk]),
        "finalise-report": reverse("reports:report-finalise", kwargs=cleared_pk(world)),
        "retract-update": reverse("improvement:retract_update", args=[a.update.pk]),
    }


def test_officer_finds_an_overdue_action_and_adds_an_update(browser, live_server, world):
    page = sign_in(browser, live_server, world.a.officer)
    overdue = page.locator("#group-overdue + table")
    overdue.get_by_role("link", name=world.a.action.title).click()
    page.get_by_role("link", name="Add a progress update").click()
    page.get_by_label("Amber").check()
    page.get_by_label("What has happened since the last update").fill(
        "Two posts filled; one vacant."
    )
    page.get_by_role("button", name="Add the update").click()
    first = page.locator(".site-history__item").first
    assert "Two posts filled; one vacant." in first.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "action-after-update.png", full_page=True)


def test_committee_member_sees_no_changing_form_but_sign_out(browser, live_server, world):
    page = sign_in(browser, live_server, world.a.committee_member)
    for name, url in pages_of(world).items():
        response = page.goto(live_server.url + url)
        if response.status == 403:
            continue
        # The actions list's filter is a GET search form: it reads, never changes anything.
        actions = page.eval_on_selector_all(
            "form", "forms => forms.filter(f => f.method !== 'get').map(f => f.action)"
        )
        assert all(a.endswith(reverse("logout")) for a in actions), f"{name}: {actions}"
    assert page.goto(live_server.url + pages_of(world)["add-update"]).status == 403


def test_officer_of_another_authority_gets_404(browser, live_server, world):
    page = sign_in(browser, live_server, world.b.officer)
    for name in ("plan", "action", "inspection", "authority", "report"):
        assert page.goto(live_server.url + pages_of(world)[name]).status == 404, name


def focus_is_visible(page):
    return page.evaluate(
        r"""() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
            && !/^rgba\(.*,\s*0\)$/.test(s.outlineColor) && s.outlineColor !== 'transparent';
        const shadow = s.boxShadow && s.boxShadow !== 'none';
        return outline || shadow;
    }"""
    )


def tab_through(page, name):
    """Every link, button and input is reached by Tab, and shows where focus is."""
    wanted = page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')]
        .filter(el => el.offsetParent !== null || el.type === 'radio' || el.type === 'file')
        .map(el => el.outerHTML)"""
    )
    reached = set()
    page.locator("body").focus()
    for _ in range(len(wanted) * 2 + 5):
        page.keyboard.press("Tab")
        html = page.evaluate("() => document.activeElement.outerHTML")
        if html in reached or html.startswith("<body"):
            continue
        reached.add(html)
        assert focus_is_visible(page), f"{name}: focus not visible on {html[:120]}"
    radios = [h for h in wanted if 'type="radio"' in h]
    # Tab enters a radio group once; the arrow keys move within it.
    missing = [h for h in wanted if h not in reached and h not in radios]
    assert not missing, f"{name}: never reached by Tab: {[m[:100] for m in missing]}"


@pytest.mark.parametrize("role", ROLES)
def test_every_page_passes_axe_and_keyboard_for_each_role(browser, live_server, world, role):
    page = sign_in(browser, live_server, getattr(world.a, role))
    axe = Axe()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, url in pages_of(world).items():
        response = page.goto(live_server.url + url)
        if refused(response, role, name):
            continue
        assert response.status == 200, f"{name} as {role}: {response.status}"
        results = axe.run(page)
        assert results.response["passes"], f"{name}: axe checked nothing"
        violations = [
            (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
            if WCAG_TAGS & set(v["tags"])
        ]
        assert not violations, f"{name} as {role}: {violations}"
        tab_through(page, f"{name} as {role}")
        page.screenshot(path=SCREENSHOTS / f"{name}-{role}.png", full_page=True)


def test_login_page_passes_axe(browser, live_server, world):
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(live_server.url + reverse("login"))
    violations = [
        v["id"] for v in Axe().run(page).response["violations"] if WCAG_TAGS & set(v["tags"])
    ]
    assert not violations
    tab_through(page, "login")
    page.screenshot(path=SCREENSHOTS / "login.png", full_page=True)


def test_a_retraction_and_the_struck_through_update_reflow_at_320_pixels(
    browser, live_server, world
):
    page = sign_in(browser, live_server, world.a.manager)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + pages_of(world)["retract-update"])
    page.get_by_label("Why the update is retracted").fill("Reported against the wrong action.")
    page.get_by_role("button", name="Retract the update").click()
    assert "Reported against the wrong action." in page.locator(".site-history__item").inner_text()
    assert page.locator(".site-history__item del").count() == 2
    violations = [
        v["id"] for v in Axe().run(page).response["violations"] if WCAG_TAGS & set(v["tags"])
    ]
    assert not violations
    right = page.evaluate(
        "() => document.querySelector('.site-history').getBoundingClientRect().right"
    )
    assert right <= 320, f"the progress updates reach {right} CSS px at 320"
    page.goto(live_server.url + pages_of(world)["retract-update"])
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320, f"the retraction page is {width} CSS px wide at 320"
