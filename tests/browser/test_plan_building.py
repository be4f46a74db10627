"""A manager builds a plan in the browser, without the admin; every page passes axe and reflows.

Reflow (WCAG 1.4.10): at 320 CSS pixels wide no page scrolls sideways; wide tables scroll in
their own box instead.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.db import connections
from django.urls import reverse

from authorities.models import LocalAuthority
from improvement.models import Milestone
from inspections.models import Inspection
from tests import factories as f
from tests.access import ROLES, build_world
from tests.browser.test_pages_in_browser import WCAG_TAGS, pages_of, refused, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NARROW = {"width": 320, "height": 800}


@pytest.fixture
def chromium(browser):
    return browser


@pytest.fixture
def gateshead(transactional_db):
    call_command("loaddata", "authorities", "seeds", verbosity=0)
    authority = LocalAuthority.objects.get(ons_code="E08000037")
    yield authority
    connections.close_all()


@pytest.fixture
def world(transactional_db):
    yield build_world()
    connections.close_all()


def add_action(page, reference, title, search):
    page.get_by_role("link", name="Add an action").click()
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("What will be done").fill(title)
    page.get_by_label("Theme").select_option(label="1. Care leavers")
    page.get_by_role("button", name="Add the action").click()
    page.get_by_label("Find a recommendation in the plan's scope").fill(search)
    page.get_by_role("button", name="Search").click()


def test_a_manager_builds_a_plan_from_the_gateshead_inspection(chromium, live_server, gateshead):
    sif = Inspection.objects.get(authority=gateshead, framework__code="sif")
    texts = dict(sif.recommendations.values_list("number", "text"))
    manager = f.member(gateshead, "manager", first_name="Hannah", last_name="Reid")
    page = sign_in(chromium, live_server, manager)
    page.get_by_role("link", name="Start a plan for Gateshead").click()
    page.get_by_label("Title").fill("Care leavers plan")
    page.get_by_role("button", name="Create the plan").click()

    page.locator(f"#inspections-{sif.pk}").check()
    for number in (5, 6, 7):
        page.get_by_label(f"{number}. {texts[number]}").check()
    page.get_by_role("button", name="Save what the plan answers").click()
    assert "3 recommendations in scope" in page.inner_text("main")

    page.get_by_role("link", name="Add a theme").click()
    page.get_by_label("Title").fill("Care leavers")
    page.get_by_role("button", name="Add the theme").click()

    add_action(page, "1.1", "Give every care leaver their health history.", "health")
    page.get_by_label(f"5. {texts[5]}").check()
    page.get_by_role("button", name="Save the recommendations").click()
    add_action(page, "1.2", "Write to every care leaver about their entitlements.", "6")
    assert page.locator(".govuk-checkboxes__item").count() == 1
    page.get_by_label(f"6. {texts[6]}").check()
    page.get_by_role("button", name="Save the recommendations").click()

    page.get_by_role("link", name="See the plan as everyone sees it").click()
    table = page.locator("table", has_text="Answered by")
    rows = [row.split("\t") for row in table.locator("tbody tr").all_inner_texts()]
    assert rows == [
        [f"7. {texts[7]}", "Gap: no action"],
        [f"5. {texts[5]}", "1.1"],
        [f"6. {texts[6]}", "1.2"],
    ]
    for number in (1, 2, 3, 4, 8):
        assert texts[number] not in page.inner_text("main")


def new_pages(world):
    a = world.a
    milestone = Milestone.objects.create(action=a.action, title="Audit reported to the board")
    return {
        "plan-create": reverse("improvement:plan_create"),
        "plan-build": reverse("improvement:plan_build", args=[a.plan.pk]),
        "plan-edit": reverse("improvement:plan_edit", args=[a.plan.pk]),
        "plan-scope": reverse("improvement:plan_scope", args=[a.plan.pk]),
        "theme-add": reverse("improvement:theme_add", args=[a.plan.pk]),
        "theme-edit": reverse("improvement:theme_edit", args=[a.theme.pk]),
        "action-add": reverse("improvement:action_add", args=[a.plan.pk]),
        "recommendations": reverse("improvement:action_recommendations", args=[a.action.pk]),
        "milestone-add": reverse("improvement:milestone_add", args=[a.action.pk]),
        "milestone-edit": reverse("improvement:milestone_edit", args=[milestone.pk]),
        "milestone-delete": reverse("improvement:milestone_delete", args=[milestone.pk]),
    }


def axe_violations(page):
    results = Axe().run(page)
    assert results.response["passes"], "axe checked nothing"
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if WCAG_TAGS & set(v["tags"])
    ]


def scrolls_sideways(page):
    return page.evaluate("() => document.documentElement.scrollWidth > 320")


@pytest.mark.parametrize("role", ROLES)
def test_new_pages_pass_axe_and_every_page_reflows_at_320_pixels(
    chromium, live_server, world, role
):
    page = sign_in(chromium, live_server, getattr(world.a, role))
    page.set_viewport_size(NARROW)
    new = new_pages(world)
    for name, url in {**pages_of(world), **new}.items():
        response = page.goto(live_server.url + url)
        if refused(response, role, name):
            continue
        assert response.status == 200, f"{name} as {role}: {response.status}"
        assert not scrolls_sideways(page), f"{name} as {role} scrolls sideways at 320px"
        if name in new or name in ("actions", "add-update"):
            assert not axe_violations(page), f"{name} as {role}: {axe_violations(page)}"


def test_the_bulk_form_with_a_problem_passes_axe_and_reflows(chromium, live_server, world):
    page = sign_in(chromium, live_server, world.a.manager)
    page.set_viewport_size(NARROW)
    page.goto(live_server.url + reverse("improvement:actions"))
    page.get_by_label(f"Select {world.a.action.reference}").check()
    page.get_by_role("button", name="Change the ticked actions").click()
    assert "Choose a status, a lead or a due date to set." in page.inner_text("main")
    assert not scrolls_sideways(page)
    assert not axe_violations(page)
    page.get_by_label("Set status to").select_option(label="Complete")
    page.get_by_role("button", name="Change the ticked actions").click()
    assert "1 action changed." in page.inner_text("main")
