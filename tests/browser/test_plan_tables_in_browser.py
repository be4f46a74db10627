"""The plan's lists as a person reads them: whole words and dates, a list of a sensible height,
the builder's order, and what was typed or ticked kept; each page passes axe."""

import datetime

import pytest
from django.urls import reverse

from improvement.models import Action
from tests import factories as f
from tests.browser.test_pages_in_browser import sign_in
from tests.browser.test_plan_building import axe_violations, scrolls_sideways

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 800}
TITLE = (
    "Review every child in care's plan with their social worker and independent reviewing "
    "officer, and record the child's own words in it"
)

# Each cell's words: any that is laid out on more than one line was broken mid-word.
WORDS_BROKEN = """(selector) => {
  const broken = [];
  for (const cell of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (const match of text.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def twelve_actions(side):
    lead = f.member(side.authority, "officer", first_name="Demo", last_name="Officer")
    for number in range(2, 14):
        f.ActionFactory(
            plan=side.plan,
            theme=side.theme,
            reference=f"1.{number}",
            title=TITLE,
            lead_officer=lead,
            status=Action.Status.IN_PROGRESS,
            due_on=datetime.date(2027, 1, 31),
        )


def test_the_actions_list_keeps_words_whole_and_is_not_a_tall_column_at_1280_pixels(
    browser, live_server, world
):
    twelve_actions(world.a)
    page = sign_in(browser, live_server, world.a.manager)
    page.set_viewport_size(WIDE)
    page.goto(live_server.url + reverse("improvement:actions"))
    table = page.locator("table", has_text="Demo Officer")
    assert table.locator("tbody tr").count() == 13
    height = table.bounding_box()["height"]
    assert height < 2500, f"the list of 13 actions is {height} px tall"
    assert page.evaluate(WORDS_BROKEN, "tbody td") == []
    assert not axe_violations(page)


def test_the_plan_page_keeps_each_date_on_one_line_at_320_pixels(browser, live_server, world):
    twelve_actions(world.a)
    page = sign_in(browser, live_server, world.a.officer)
    page.set_viewport_size(NARROW)
    page.goto(live_server.url + reverse("improvement:plan", args=[world.a.plan.pk]))
    assert "31 Jan 2027" in page.inner_text("main")
    assert page.evaluate(WORDS_BROKEN, "tbody td") == []
    assert not scrolls_sideways(page)


def test_a_move_in_the_builder_keeps_the_page_at_the_moved_action(browser, live_server, world):
    twelve_actions(world.a)
    last = Action.objects.get(plan=world.a.plan, reference="1.13")
    page = sign_in(browser, live_server, world.a.manager)
    page.set_viewport_size(WIDE)
    page.goto(live_server.url + reverse("improvement:plan_build", args=[world.a.plan.pk]))
    page.get_by_role("button", name="Move up 1.13").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"#action-{last.pk}")
    assert page.evaluate("() => window.scrollY") > 1000
    assert page.locator(f"#action-{last.pk}").is_visible()
    references = page.locator(".site-build__action h4").all_inner_texts()
    order = [r.split()[0] for r in references]
    assert order.index("1.13") == order.index("1.12") - 1
    assert not axe_violations(page)


def test_ticks_made_before_a_search_in_the_picker_are_saved_with_those_after(
    browser, live_server, world
):
    a = world.a
    advocacy = f.RecommendationFactory(inspection=a.inspection, number=3, text="Advocacy for all")
    a.plan.recommendations.set([a.recommendation, a.gap, advocacy])
    page = sign_in(browser, live_server, a.manager)
    page.goto(live_server.url + reverse("improvement:action_recommendations", args=[a.action.pk]))
    page.get_by_label(f"2. {a.gap.text}").check()
    page.get_by_label(f"1. {a.recommendation.text}").uncheck()
    page.get_by_label("Find a recommendation in the plan's scope").fill("advocacy")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("3. Advocacy for all").check()
    assert not axe_violations(page)
    page.get_by_role("button", name="Save the recommendations").click()
    assert "recommendations were saved" in page.inner_text("main")
    assert set(a.action.recommendations.all()) == {a.gap, advocacy}


def test_the_update_form_says_to_choose_the_file_again_after_a_problem(
    browser, live_server, world, tmp_path
):
    evidence = tmp_path / "audit.pdf"
    evidence.write_bytes(b"%PDF-1.4 audit")
    page = sign_in(browser, live_server, world.a.officer)
    page.goto(live_server.url + reverse("improvement:add_update", args=[world.a.action.pk]))
    page.get_by_label("Red").check()
    page.get_by_label("Evidence: what it shows").fill("The audit")
    page.get_by_label("Evidence file").set_input_files(evidence)
    page.get_by_role("button", name="Add the update").click()
    message = "Choose the file again: files are not kept when the form has a problem."
    assert page.locator(".govuk-error-summary").inner_text().count(message) == 1
    assert message in page.locator(".govuk-error-message").all_inner_texts()[-1]
    assert not axe_violations(page)


def test_the_bulk_change_returns_to_the_filtered_list(browser, live_server, world):
    twelve_actions(world.a)
    page = sign_in(browser, live_server, world.a.manager)
    page.goto(live_server.url + reverse("improvement:actions") + "?status=in_progress&sort=-due_on")
    page.get_by_label("Select 1.13").check()
    page.get_by_label("Set status to").select_option(label="Not started")
    page.get_by_role("button", name="Change the ticked actions").click()
    assert "1 action changed." in page.inner_text("main")
    assert page.url.endswith("?status=in_progress&sort=-due_on")
    assert "1.13" not in page.locator("table").inner_text()


def test_a_bulk_complete_without_an_update_is_refused_and_a_missed_milestone_is_tagged(
    browser, live_server, world
):
    twelve_actions(world.a)
    unreported = Action.objects.get(plan=world.a.plan, reference="1.2")
    f.MilestoneFactory(action=unreported, due_on=datetime.date.today() - datetime.timedelta(1))
    page = sign_in(browser, live_server, world.a.manager)
    page.goto(live_server.url + reverse("improvement:actions"))
    page.get_by_label("Select 1.2", exact=True).check()
    page.get_by_label("Set status to").select_option(label="Complete")
    page.get_by_role("button", name="Change the ticked actions").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "1.2 has no progress update. Add an update saying what was done" in summary
    assert not axe_violations(page)
    page.goto(live_server.url + reverse("improvement:action", args=[unreported.pk]))
    assert page.locator(".govuk-tag", has_text="Missed").count() == 1
    assert not axe_violations(page)


def test_a_due_date_moved_to_the_date_it_has_is_refused_on_the_page(browser, live_server, world):
    action = world.a.action
    action.refresh_from_db()
    page = sign_in(browser, live_server, world.a.manager)
    page.goto(live_server.url + reverse("improvement:change_due_date", args=[action.pk]))
    page.get_by_label("Day").fill(str(action.due_on.day))
    page.get_by_label("Month").fill(str(action.due_on.month))
    page.get_by_label("Year").fill(str(action.due_on.year))
    page.get_by_label("Why the due date changes").fill("Agreed at the board.")
    page.get_by_role("button", name="Change the due date").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "The action is already due on" in summary
    assert "enter a different date" in summary
    assert action.due_date_changes.count() == 1  # only the world's own change
    assert not axe_violations(page)
