"""Digits int() cannot read (a superscript ², which isdigit() passes) are taken as words wherever
a number is read from text: a search, ticked boxes, a page's query, an action's reference, a
workbook's row number. Each answered 500."""

from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from improvement.workbook_check import NotAWorkbook, check_limits
from reports.assembly import natural_key
from tests.access import build_side
from tests.access_cases.indicators import indicator_kwargs
from tests.workbooks import tracker_sheet, xlsx

SUPERSCRIPT = "²"


@pytest.fixture
def side(db):
    return build_side("Aldwick", 1)


@pytest.fixture
def manager(side):
    client = Client()
    client.force_login(side.manager)
    return client


def test_a_search_or_a_ticked_box_of_superscript_digits_finds_nothing(side, manager):
    picker = reverse("improvement:action_recommendations", args=[side.action.pk])
    assert manager.get(picker, {"q": SUPERSCRIPT}).status_code == 200
    linked = manager.post(picker, {"version": side.action.version, "shown": [SUPERSCRIPT]})
    assert linked.status_code == 302
    data = {"action": [SUPERSCRIPT], "bulk-status": "complete"}
    assert manager.post(reverse("improvement:bulk_update"), data).status_code == 302


def test_a_target_page_back_to_a_plan_numbered_in_superscript_goes_to_the_indicator(side, manager):
    url = reverse("indicators:target", kwargs=indicator_kwargs(SimpleNamespace(a=side)))
    assert manager.get(url, {"plan": SUPERSCRIPT}).status_code == 200


def test_an_action_reference_with_a_superscript_sorts_as_words():
    assert natural_key("1.2²")[0] == [(0, 1, ""), (0, 2, ""), (1, 0, SUPERSCRIPT)]
    assert sorted(["1.2²", "1.10", "1.2"], key=natural_key) == ["1.2", "1.2²", "1.10"]


def test_a_workbook_row_numbered_in_superscript_is_refused_as_unreadable():
    sheet = tracker_sheet(extra_rows=f'<row r="{SUPERSCRIPT}"></row>')
    with pytest.raises(NotAWorkbook, match="could not be read as a workbook"):
        check_limits(xlsx({"Plan": sheet}), "tracker.xlsx")
