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
