"""The workbook import's pages and the reminder settings in Chromium: axe for every role that may
open them, and no horizontal scroll at 320 CSS pixels wide (WCAG 1.4.10 reflow)."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from improvement.models import Action, DueDateChange, ImportStatus, ReadStatus, WorkbookUpload
from tests.access import ROLES
from tests.access_cases.workbook import MAPPING
from tests.browser.test_pages_in_browser import WCAG_TAGS, sign_in
from tests.workbooks import TRACKER_HEADERS, workbook_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def pages(world):
    """The workbook pages (and one that could not be read); the preview lists a problem so its problem table is checked too."""
    a = world.a
    content = workbook_bytes(
        {
            "Plan": [
                TRACKER_HEADERS,
                ["1.1", "1", "Audit case files", "Team manager", "Ongoing", "Purple"],
                [
                    "1.2",
                    "1",
                    "https://example.org/a-very-long-address-that-must-wrap-at-320px",
                    a.officer.get_full_name(),
                    "March 2025",
                    "Green",
                ],
            ]
        }
    )
    upload = WorkbookUpload.objects.create(
        plan=a.plan,
        uploaded_by=a.manager,
        file_name="tracker.xlsx",
        content=content,
        mapping=MAPPING,
    )
    args = [a.plan.pk, upload.pk]
    failed = WorkbookUpload.objects.create(
        plan=a.plan,
        uploaded_by=a.manager,
        file_name="tracker.xlsx",
        content=content,
        mapping=MAPPING,
        status=ImportStatus.FAILED,
        outcome={
            "error": "The workbook no longer fits the plan: https://example.org/a-long-address"
        },
    )
    unread = WorkbookUpload.objects.create(
        plan=a.plan,
        uploaded_by=a.manager,
        file_name="tracker.xlsx",
        content=content,
        read_status=ReadStatus.REFUSED,
        read_error="“tracker.xlsx” cannot be imported: sheet “Plan” reaches row 10,001.",
    )
    changes = WorkbookUpload.objects.create(
        plan=a.plan,
        uploaded_by=a.manager,
        file_name="tracker.xlsx",
        content=edited_tracker(a),
        mapping=EDITED,
    )
    return {
        "upload": reverse("improvement:workbook_upload", args=[a.plan.pk]),
        "columns": reverse("improvement:workbook_columns", args=args),
        "preview": reverse("improvement:workbook_preview", args=args),
        "changes": reverse("improvement:workbook_preview", args=[a.plan.pk, changes.pk]),
        "status": reverse("improvement:workbook_status", args=[a.plan.pk, failed.pk]),
        "not read": reverse("improvement:workbook_columns", args=[a.plan.pk, unread.pk]),
        "reminders": reverse("improvement:reminder_settings"),
    }


EDITED = {
    "Ref": "reference",
    "Action": "title",
    "Measure of success": "success_measure",
    "Lead": "lead",
    "Due": "due_on",
}


def edited_tracker(side):
    """Side A's action 1.1 with its measure emptied and its due date moved; its measure and due
    date are set first, so the preview has a field to empty and a date to move."""
    Action.objects.filter(pk=side.action.pk).update(
        success_measure="All chairs trained", due_on=datetime.date(2025, 3, 31)
    )
    row = ["1.1", side.action.title, "", side.officer.get_full_name(), "30/06/2025"]
    return workbook_bytes({"Plan": [list(EDITED), row]})


def overflow(page):
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("role", ROLES)
def test_workbook_and_reminder_pages_pass_axe_and_reflow_for_each_role(
    browser,
    live_server,
    world,
    role,
):
    urls = pages(world)
    page = sign_in(browser, live_server, getattr(world.a, role))
    checked = []
    for name, url in urls.items():
        response = page.goto(live_server.url + url)
        if response.status == 403:
            continue
        assert response.status == 200, f"{name} as {role}: {response.status}"
        page.set_viewport_size({"width": 1280, "height": 900})
        results = Axe().run(page)
        violations = [
            (v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
            if WCAG_TAGS & set(v["tags"])
        ]
        assert not violations, f"{name} as {role}: {violations}"
        page.set_viewport_size({"width": 320, "height": 640})
        assert overflow(page) <= 0, f"{name} as {role} scrolls sideways at 320 px"
        checked.append(name)
    expected = ["upload", "columns", "preview", "changes", "status", "not read", "reminders"]
    if role in ("officer", "committee_member"):
        expected = ["reminders"]
    if role == "partner":
        expected = []  # a partner gets no reminders
    assert checked == expected


def test_a_manager_imports_a_workbook_through_the_pages(browser, live_server, world, tmp_path):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(
        workbook_bytes(
            {
                "Plan": [
                    TRACKER_HEADERS,
                    ["7.1", "1", "Audit case files", "Team manager", "Q2 2024/25", "Green"],
                ]
            }
        )
    )
    page = sign_in(browser, live_server, world.a.manager)
    page.goto(live_server.url + reverse("improvement:plan", args=[world.a.plan.pk]))
    page.get_by_role("link", name="Import actions from Excel").click()
    page.get_by_label("Excel workbook (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Upload the workbook").click()
    assert page.get_by_label("Timescale").input_value() == "due_on"
    page.get_by_role("button", name="Check the workbook").click()
    assert "“Team manager” is not one of the council's officers or managers" in page.content()
    page.get_by_role("button", name="Import 1 action").click()
    assert "Imported: 1 new action," in page.content()
    assert world.a.plan.actions.filter(reference="7.1", lead_name="Team manager").exists()


def test_a_manager_sees_each_change_and_confirms_an_emptied_field_and_moved_date(
    browser, live_server, world, tmp_path
):
    path = tmp_path / "plan131.xlsx"
    path.write_bytes(edited_tracker(world.a))
    page = sign_in(browser, live_server, world.a.manager)
    page.goto(live_server.url + reverse("improvement:workbook_upload", args=[world.a.plan.pk]))
    page.get_by_label("Excel workbook (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Upload the workbook").click()
    page.get_by_role("button", name="Check the workbook").click()
    changes = page.locator(".govuk-summary-list")
    assert changes.locator("dt").all_inner_texts() == ["Due", "Measure of success"]
    assert "from 31 March 2025\nto 30 June 2025" in changes.inner_text()
    assert "Emptied it was All chairs trained" in changes.inner_text()
    page.set_viewport_size({"width": 320, "height": 640})
    assert overflow(page) <= 0, "the preview scrolls sideways at 320 px"

    page.get_by_role("button", name="Import 1 action").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Give the reason the due dates move; nothing was imported." in summary
    assert (
        "Tick to confirm that the import empties the field listed; nothing was imported." in summary
    )
    action = Action.objects.get(pk=world.a.action.pk)
    assert (action.success_measure, action.due_on) == (
        "All chairs trained",
        datetime.date(2025, 3, 31),
    )

    page.get_by_label("Why the due dates move").fill("The audit was replanned.")
    page.get_by_label("Empty the field listed above").check()
    page.get_by_role("button", name="Import 1 action").click()
    assert "Imported: 0 new actions, 1 changed" in page.content()
    action = Action.objects.get(pk=world.a.action.pk)
    assert (action.success_measure, action.due_on) == ("", datetime.date(2025, 6, 30))
    moved = DueDateChange.objects.filter(action=action).last()
    assert moved.reason == "The audit was replanned. (imported from plan131.xlsx)"
