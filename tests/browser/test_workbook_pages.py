"""The workbook import's pages and the reminder settings in Chromium: axe for every role that may
open them, and no horizontal scroll at 320 CSS pixels wide (WCAG 1.4.10 reflow)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from improvement.models import ImportStatus, ReadStatus, WorkbookUpload
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
    return {
        "upload": reverse("improvement:workbook_upload", args=[a.plan.pk]),
        "columns": reverse("improvement:workbook_columns", args=args),
        "preview": reverse("improvement:workbook_preview", args=args),
        "status": reverse("improvement:workbook_status", args=[a.plan.pk, failed.pk]),
        "not read": reverse("improvement:workbook_columns", args=[a.plan.pk, unread.pk]),
        "reminders": reverse("improvement:reminder_settings"),
    }


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
    expected = ["upload", "columns", "preview", "status", "not read", "reminders"]
    if role in ("officer", "committee_member"):
        expected = ["reminders"]
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
