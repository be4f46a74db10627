"""What an import would change, shown before it runs: every changed field with its old and new
value; a field emptied (a lead officer removed) only with a tick; due dates moved only with a
reason, recorded on each move; and a column the workbook does not have leaves its field alone."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.models import Action, DueDateChange
from tests.access import build_side
from tests.workbooks import workbook_bytes

pytestmark = pytest.mark.django_db

HEADERS = ["Ref", "Action", "Measure of success", "Lead", "Due"]


@pytest.fixture
def side():
    side = build_side("Aldwick", 1)
    side.officer.first_name, side.officer.last_name = "Demo", "Officer"
    side.officer.save()
    Action.objects.filter(pk=side.action.pk).update(
        title="Audit case files",
        success_measure="All chairs trained",
        due_on=datetime.date(2025, 3, 31),
    )
    return side


def preview_url(client, side, rows, headers=HEADERS):
    """Upload the rows, accept the guessed columns; the preview's URL."""
    client.force_login(side.manager)
    content = workbook_bytes({"Plan": [headers, *rows]})
    url = reverse("improvement:workbook_upload", args=[side.plan.pk])
    response = client.post(url, {"workbook": SimpleUploadedFile("plan131.xlsx", content)})
    columns = client.get(response["Location"])
    return client.post(response["Location"], columns.context["form"].initial)["Location"]


# The measure emptied, the lead misspelt (so the officer is removed), the due date moved.
EDITED = ["1.1", "Audit every case file", "", "Demo Ofiicer", "30/06/2025"]


def saved(side):
    return Action.objects.get(pk=side.action.pk)


def test_the_preview_lists_every_changed_field_with_its_old_and_new_value(client, side):
    page = client.get(preview_url(client, side, [EDITED]))
    [row] = page.context["result"].rows
    assert [(c.label, c.old, c.new, c.emptied) for c in row.changes] == [
        ("Action", "Audit case files", "Audit every case file", False),
        ("Lead officer", "Demo Officer", "", True),
        ("Lead, as the plan names them", "", "Demo Ofiicer", False),
        ("Due", "31 March 2025", "30 June 2025", False),
        ("Measure of success", "All chairs trained", "", True),
    ]
    html = page.content.decode()
    assert '<dt class="govuk-summary-list__key">Measure of success</dt>' in html
    assert "All chairs trained" in html
    assert "Emptied" in html


def test_emptying_a_field_needs_a_tick_and_without_it_nothing_is_written(client, side):
    url = preview_url(client, side, [EDITED])
    before = (saved(side).version, DueDateChange.objects.count())
    page = client.post(url, {"due_date_reason": "Replanned after the audit."})
    assert page.status_code == 200
    assert (
        "Tick to confirm that the import empties the 2 fields listed; nothing was imported."
        in page.content.decode()
    )
    assert (saved(side).version, DueDateChange.objects.count()) == before
    assert saved(side).success_measure == "All chairs trained"

    page = client.post(url, {"empty_fields": "on", "due_date_reason": "Replanned after the audit."})
    assert page.status_code == 302
    action = saved(side)
    assert (action.success_measure, action.lead_officer, action.lead_name) == (
        "",
        None,
        "Demo Ofiicer",
    )


def test_moved_due_dates_need_a_reason_recorded_on_each_with_the_file(client, side):
    other = Action.objects.create(
        plan=side.plan,
        theme=side.theme,
        reference="1.2",
        title="Train chairs",
        due_on=datetime.date(2025, 1, 31),
    )
    rows = [
        ["1.1", "Audit case files", "All chairs trained", "Demo Officer", "30/06/2025"],
        ["1.2", "Train chairs", "", "", "Q1 2025/26"],
    ]
    url = preview_url(client, side, rows)
    html = client.get(url).content.decode()
    assert "Due dates the import moves" in html
    assert "31 March 2025 to 30 June 2025" in html
    assert "31 January 2025 to 30 June 2025" in html
    before = DueDateChange.objects.count()
    page = client.post(url)
    assert "Give the reason the due dates move; nothing was imported." in page.content.decode()
    assert DueDateChange.objects.count() == before

    assert client.post(url, {"due_date_reason": "Replanned after the audit."}).status_code == 302
    moves = DueDateChange.objects.filter(action__in=[side.action, other])
    reasons = moves.exclude(pk=side.due_date_change.pk).values_list(
        "action__reference", "new_due_on", "reason"
    )
    reason = "Replanned after the audit. (imported from plan131.xlsx)"
    assert sorted(reasons) == [
        ("1.1", datetime.date(2025, 6, 30), reason),
        ("1.2", datetime.date(2025, 6, 30), reason),
    ]


def test_a_column_the_workbook_does_not_have_leaves_its_field_as_it_is(client, side):
    # Reference and action only: the measure, the lead, the due date, status and RAG stand.
    url = preview_url(client, side, [["1.1", "Audit case files"]], headers=["Ref", "Action"])
    result = client.get(url).context["result"]
    assert [r.outcome for r in result.rows] == ["unchanged"]
    before = saved(side)
    client.post(url)
    after = saved(side)
    assert (after.version, after.success_measure, after.lead_officer, after.due_on) == (
        before.version,
        "All chairs trained",
        side.officer,
        datetime.date(2025, 3, 31),
    )
    assert list(after.recommendations.all()) == [side.recommendation]
