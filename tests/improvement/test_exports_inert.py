"""Exports a council opens in a spreadsheet: text that looks like a formula stays text (OWASP CSV
injection), and each action carries its latest narrative and that update's date."""

import codecs
import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from improvement import services
from tests import factories as f
from tests.access import build_side

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def side():
    side = build_side("Aldwick", 1)
    side.action.title = HYPERLINK
    side.action.partners = "+44 police"
    side.action.success_measure = "@SUM(A1:A9)"
    side.action.save()
    f.ProgressUpdateFactory(
        action=side.action,
        reported_on=datetime.date(2024, 9, 2),
        narrative="-1 vacancy since July.",
        rag="amber",
    )
    return side


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows()]


def assert_inert(cells):
    """No cell is a formula, and the typed text is there as text, with no apostrophe showing: a
    string cell of an .xlsx is never run."""
    assert all(cell.data_type != "f" for cell in cells)
    values = {cell.value for cell in cells}
    for typed in (HYPERLINK, "+44 police", "@SUM(A1:A9)", "-1 vacancy since July."):
        assert typed in values, typed
        assert next(c for c in cells if c.value == typed).data_type == "s"


def csv_rows(response):
    """The rows as Excel reads a CSV opened by a double click: UTF-8 only if it starts with a BOM."""
    assert response.content.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_actions_csv_is_inert_and_carries_the_latest_narrative(client, side):
    client.force_login(side.officer)
    rows = csv_rows(client.get(reverse("improvement:actions_csv")))
    row = next(r for r in rows if r["Reference"] == "1.1")
    assert row["Action"] == "'" + HYPERLINK
    assert row["Partners"] == "'+44 police"
    assert row["Measure of success"] == "'@SUM(A1:A9)"
    assert row["Latest update"] == "'-1 vacancy since July."
    assert row["Latest update date"] == "2024-09-02"
    assert not any(value.startswith(("=", "+", "-", "@")) for r in rows for value in r.values())


def test_the_actions_xlsx_is_inert_and_carries_the_latest_narrative(client, side):
    client.force_login(side.officer)
    header, *rows = xlsx_rows(client.get(reverse("improvement:actions_xlsx")))
    headings = [c.value for c in header]
    row = next(r for r in rows if r[0].value == "1.1")
    assert_inert(row)
    assert row[headings.index("Latest update date")].value == datetime.datetime(2024, 9, 2)
    assert row[headings.index("Latest update date")].number_format == "dd/mm/yyyy"


def test_the_plan_workbook_is_inert(client, side):
    client.force_login(side.committee_member)
    header, *rows = xlsx_rows(client.get(reverse("improvement:plan_xlsx", args=[side.plan.pk])))
    row = next(r for r in rows if r[0].value == "1.1")
    assert_inert(row)
    assert [c.value for c in header][10:12] == ["Latest update", "Latest update date"]
    assert row[11].number_format == "dd/mm/yyyy"  # the same date form as the actions' export


def test_a_retracted_update_is_not_exported_as_the_latest(client, side):
    wrong = f.ProgressUpdateFactory(
        action=side.action,
        reported_on=datetime.date(2024, 10, 1),
        narrative="Typed on the wrong action.",
        rag="green",
    )
    services.retract_progress_update(wrong, side.manager, "Belongs to action 1.2")
    client.force_login(side.officer)
    row = next(
        r
        for r in csv_rows(client.get(reverse("improvement:actions_csv")))
        if r["Reference"] == "1.1"
    )
    assert row["Latest update"] == "'-1 vacancy since July."
    assert row["Latest update date"] == "2024-09-02"
