"""Importing a plan from a council's Excel tracker: problems by sheet, row and column; all or nothing;
the same file twice changes nothing; export then import loses nothing."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.models import Action, ImprovementPlan, ProgressUpdate, Theme, WorkbookUpload
from improvement.workbook_fields import guess_mapping
from improvement.workbook_read import parse_date
from tests import factories as f
from tests.access import build_side
from tests.workbooks import workbook_bytes

pytestmark = pytest.mark.django_db

HEADERS = [
    "Ref",
    "Recommendation",
    "Action required",
    "Desired outcome",
    "How success is measured",
    "Officer",
    "Timescale",
    "RAG",
    "% complete",
    "Progress",
    "Date of update",
]


def tracker(side, faulty):
    """Two sheets, one per theme, a title row above each table and merged recommendation cells.
    With `faulty`, five rows carry one deliberate fault each."""
    officer = side.officer.get_full_name()
    practice = [
        HEADERS,
        [
            "1.1",
            "1",
            "Audit case files",
            "Better plans",
            "80% good",
            officer,
            "end of March 2025",
            "Amber",
            "50%",
            "Audits under way.",
            "1 June 2024",
        ],
        [
            "1.2",
            None,
            "Train team managers",
            "",
            "",
            "Principal social worker",
            "Ongoing" if faulty else "Q2 2024/25",
            "Green",
            0,
            "",
            "",
        ],
        [
            "1.3",
            "2",
            "Supervision policy",
            "",
            "",
            officer,
            "March 2025",
            "Purple" if faulty else "Red",
            "",
            "Policy drafted; not agreed.",
            "2024-06-01",
        ],
    ]
    voice = [
        HEADERS,
        [
            "2.1",
            "9" if faulty else "2",
            "Children's views in plans",
            "",
            "",
            officer,
            "31/12/2024",
            "Green",
            "",
            "",
            "",
        ],
        [
            "1.1" if faulty else "2.2",
            "2",
            "Feedback from care leavers",
            "",
            "",
            officer,
            "Dec 2024",
            "Blue",
            "100%",
            "Done.",
            "01/06/2024",
        ],
    ]
    return workbook_bytes(
        {"1. Practice": practice, "2. Voice of the child": voice},
        merges={"1. Practice": ["B3:B4"]},
        title_rows={
            "1. Practice": "Ofsted improvement plan tracker",
            "2. Voice of the child": "Strand 2",
        },
    )


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def upload(client, side, content):
    """Upload, accept the guessed columns, and return the preview's URL."""
    client.force_login(side.manager)
    url = reverse("improvement:workbook_upload", args=[side.plan.pk])
    response = client.post(url, {"workbook": SimpleUploadedFile("tracker.xlsx", content)})
    assert response.status_code == 302, response.content
    columns = client.get(response["Location"])
    data = {name: field.initial for name, field in columns.context["form"].fields.items()}
    data = {name: columns.context["form"].initial[name] for name in data}
    response = client.post(response["Location"], data)
    assert response.status_code == 302
    return response["Location"]


def state(plan):
    return (
        Action.objects.filter(plan=plan).count(),
        Theme.objects.filter(plan=plan).count(),
        ProgressUpdate.objects.filter(action__plan=plan).count(),
        Action.history.filter(plan_id=plan.pk).count(),
        sorted(Action.objects.filter(plan=plan).values_list("reference", "version")),
    )


def test_every_fault_is_reported_by_sheet_row_and_column_and_nothing_is_written(client, side):
    before = state(side.plan)
    preview_url = upload(client, side, tracker(side, faulty=True))
    result = client.get(preview_url).context["result"]
    found = {(p.sheet, p.row, p.column, p.blocking) for p in result.problems}
    assert found == {
        ("1. Practice", 4, "F (Officer)", False),  # unknown lead: kept as a name
        ("1. Practice", 4, "G (Timescale)", True),  # "Ongoing" is not a date
        ("1. Practice", 5, "H (RAG)", True),  # "Purple"
        ("2. Voice of the child", 3, "B (Recommendation)", True),  # no recommendation 9
        ("2. Voice of the child", 4, "A (Ref)", True),  # 1.1 again
    }
    messages = " ".join(p.message for p in result.problems)
    assert "“Ongoing” is not a date" in messages
    assert "Reference 1.1 is also on sheet “1. Practice” row 3" in messages
    assert client.post(preview_url).status_code == 200
    assert state(side.plan) == before


def test_the_fixed_workbook_imports_and_importing_it_again_changes_nothing(client, side):
    preview_url = upload(client, side, tracker(side, faulty=False))
    assert not client.get(preview_url).context["result"].blocking
    reason = {"due_date_reason": "Agreed at the improvement board."}
    assert client.post(preview_url, reason).status_code == 302
    action = Action.objects.get(plan=side.plan, reference="1.2")
    # The plan's theme 1 has another title: "Practice" is added after it, not renamed.
    assert (action.theme.number, action.theme.title) == (2, "Practice")
    # B3:B4 is merged: row 4 answers recommendation 1 too.
    assert [r.number for r in action.recommendations.all()] == [1]
    assert action.due_on == datetime.date(2024, 9, 30)
    assert action.lead_name == "Principal social worker"
    assert action.lead_officer is None
    assert action.status == Action.Status.NOT_STARTED
    audit = Action.objects.get(plan=side.plan, reference="1.1")
    assert (audit.lead_officer, audit.due_on, audit.rag) == (
        side.officer,
        datetime.date(2025, 3, 31),
        "amber",
    )
    assert audit.updates.first().narrative == "Audits under way."
    # 1.1 was the plan's, due ten days ago: its move is recorded as on the due-date page.
    moved = audit.due_date_changes.last()
    assert (moved.new_due_on, moved.changed_by) == (datetime.date(2025, 3, 31), side.manager)
    assert moved.reason == "Agreed at the improvement board. (imported from tracker.xlsx)"
    assert Action.objects.get(plan=side.plan, reference="2.2").status == "complete"
    imported = state(side.plan)
    # Reference 1.1 was the plan's already: the import changed it rather than adding one.
    assert imported[0] == 5

    again = upload(client, side, tracker(side, faulty=False))
    preview = client.get(again)
    assert preview.context["unchanged"] == 5
    assert "Nothing to import: every action is as the plan already has it." in preview.text
    client.post(again)
    assert state(side.plan) == imported


def test_a_formula_saved_without_its_result_is_a_problem_not_a_blank(client, side):
    """openpyxl (like other tools that do not calculate) writes "=1+1" with no result: read as
    it stood, the measure "80% good" would have been emptied and the new row had "no action"."""
    rows = [
        HEADERS,
        ["1.1", "1", "Audit case files", "", "=1+1", "", "31/03/2025", "", "", "", ""],
        ["1.9", "1", "=CONCAT(A2,B2)", "", "", "", "", "", "", "", ""],
    ]
    side.action.success_measure = "80% good"
    side.action.due_on = datetime.date(2025, 3, 31)
    side.action.save()
    before = state(side.plan)
    preview_url = upload(client, side, workbook_bytes({"Plan": rows}))
    result = client.get(preview_url).context["result"]
    found = {(p.row, p.column, p.blocking, p.message) for p in result.problems}
    assert found == {
        (
            2,
            "E (How success is measured)",
            True,
            "Measure of success holds =1+1, a formula saved without its result: type the value, "
            "or open the workbook in Excel and save it again.",
        ),
        (
            3,
            "C (Action required)",
            True,
            "Action holds =CONCAT(A2,B2), a formula saved without its result: type the value, "
            "or open the workbook in Excel and save it again.",
        ),
    }
    assert client.post(preview_url).status_code == 200
    assert state(side.plan) == before
    side.action.refresh_from_db()
    assert side.action.success_measure == "80% good"


def test_a_lead_misspelt_is_shown_the_closest_person_and_whom_the_action_would_leave(client, side):
    officer = side.officer
    officer.first_name, officer.last_name = "Demo", "Officer"
    officer.save()
    side.action.due_on = datetime.date(2025, 3, 31)
    side.action.save()
    rows = [HEADERS, ["1.1", "1", "Audit case files", "", "", "Demo Ofiicer", "31/03/2025"]]
    preview_url = upload(client, side, workbook_bytes({"Plan": rows}))
    [problem] = client.get(preview_url).context["result"].problems
    assert (problem.column, problem.blocking) == ("F (Officer)", False)
    assert problem.message == (
        "“Demo Ofiicer” is not one of the council's officers or managers: did you mean Demo"
        " Officer? The import would take the action from Demo Officer."
    )


def test_recommendations_linked_by_an_import_make_a_new_version_of_the_action(client, side):
    """Written through the services like every other change: an edit form of the action opened
    before the import is then refused rather than overwriting it."""
    action = side.action
    action.due_on = datetime.date(2025, 3, 31)
    action.save()
    version = action.version
    numbers = sorted(r.number for r in action.plan.recommendations.all())
    assert len(numbers) >= 2, "the side's plan has two recommendations in scope"
    action.recommendations.set(action.plan.recommendations.filter(number=numbers[0]))
    # Only these columns: the fields the workbook lacks stay as they are.
    rows = [["Ref", "Recommendation", "Action required", "Timescale"]]
    rows.append(["1.1", str(numbers[1]), action.title, "31/03/2025"])
    preview_url = upload(client, side, workbook_bytes({"Plan": rows}))
    assert client.post(preview_url).status_code == 302
    action.refresh_from_db()
    assert [r.number for r in action.recommendations.all()] == [numbers[1]]
    assert action.version > version
    assert action.history.first().version == action.version


def test_a_file_that_is_not_a_workbook_is_refused_by_its_content(client, side):
    client.force_login(side.manager)
    url = reverse("improvement:workbook_upload", args=[side.plan.pk])
    html = SimpleUploadedFile("tracker.xlsx", b"<html><body>not a workbook</body></html>")
    response = client.post(url, {"workbook": html})
    assert "“tracker.xlsx” is not an Excel workbook (.xlsx)." in response.content.decode()
    assert not WorkbookUpload.objects.exists()


def test_a_workbook_with_an_xml_bomb_is_refused(client, side):
    """Billion laughs in a sheet: defusedxml stops it, the user gets a message, nothing is kept."""
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes({"Plan": [["Ref", "Action"], ["1", "x"]]})))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = laughs.encode() + data.replace(b"<t>x</t>", b"<t>&lol2;</t>")
            target.writestr(item, data)
    client.force_login(side.manager)
    url = reverse("improvement:workbook_upload", args=[side.plan.pk])
    response = client.post(url, {"workbook": SimpleUploadedFile("bomb.xlsx", output.getvalue())})
    assert "“bomb.xlsx” could not be read as a workbook" in response.content.decode()
    assert not WorkbookUpload.objects.exists()


def test_columns_are_guessed_from_councils_headings():
    assert guess_mapping(HEADERS) == {
        "Ref": "reference",
        "Recommendation": "recommendations",
        "Action required": "title",
        "Desired outcome": "description",
        "How success is measured": "success_measure",
        "Officer": "lead",
        "Timescale": "due_on",
        "RAG": "rag",
        "% complete": "percent_complete",
        "Progress": "update",
        "Date of update": "update_on",
    }


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("end of March 2024", datetime.date(2024, 3, 31)),
        ("March 2024", datetime.date(2024, 3, 31)),
        ("Q2 2024/25", datetime.date(2024, 9, 30)),
        ("Q4 2024/25", datetime.date(2025, 3, 31)),
        ("31/03/2024", datetime.date(2024, 3, 31)),
        ("1st April 2024", datetime.date(2024, 4, 1)),
    ],
)
def test_dates_typed_as_text_follow_the_documented_rule(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["Ongoing", "Spring 2024", "31/02/2024", "Q5 2024/25"])
def test_text_that_is_no_date_is_refused(text):
    with pytest.raises(ValueError, match="is not a date"):
        parse_date(text)


def actions_as_read(plan):
    return [
        (
            a.reference,
            a.title,
            str(a.theme) if a.theme else "",
            a.starts_on,
            a.due_on,
            a.lead_officer_id,
            a.lead_name,
            a.status,
            a.rag,
            [r.pk for r in a.recommendations.all()],
            [(u.reported_on, u.rag, u.narrative) for u in a.updates.all()[:1]],
        )
        for a in plan.actions.select_related("theme").prefetch_related("recommendations", "updates")
    ]


@pytest.mark.parametrize("plan_pk", [100, 110], ids=["gateshead", "halton"])
def test_export_then_import_of_a_seeded_plan_loses_nothing(client, seeds, plan_pk):
    source = ImprovementPlan.objects.get(pk=plan_pk)
    manager = f.member(source.authority, "manager", username="manager")
    client.force_login(manager)
    content = client.get(reverse("improvement:plan_xlsx", args=[source.pk])).content
    copy = ImprovementPlan.objects.create(authority=source.authority, title="Copy")
    copy.inspections.set(source.inspections.all())
    copy.recommendations.set(source.recommendations.all())
    side = type("Side", (), {"manager": manager, "plan": copy})
    preview_url = upload(client, side, content)
    assert not client.get(preview_url).context["result"].blocking
    client.post(preview_url)
    assert actions_as_read(copy) == actions_as_read(source)
    # Importing the export into the plan it came from changes nothing.
    side.plan = source
    before = state(source)
    client.post(upload(client, side, content))
    assert state(source) == before


def test_a_rag_changed_without_an_update_or_a_due_date_removed_is_refused(client, side):
    content = workbook_bytes(
        {"Plan": [["Ref", "Action", "Due", "RAG"], ["1.1", side.action.title, "", "Red"]]}
    )
    before = state(side.plan)
    result = client.get(upload(client, side, content)).context["result"]
    assert [(p.row, p.column) for p in result.blocking] == [(2, "C (Due)"), (2, "D (RAG)")]
    assert "The RAG changes from green to red" in result.blocking[1].message
    assert state(side.plan) == before


def test_text_too_long_for_a_field_is_reported_not_cut(client, side):
    content = workbook_bytes({"Plan": [["Ref", "Action"], ["R" * 21, "x" * 501]]})
    result = client.get(upload(client, side, content)).context["result"]
    assert [(p.column, p.message) for p in result.blocking] == [
        ("A (Ref)", "Reference is 21 characters; at most 20."),
        ("B (Action)", "Action is 501 characters; at most 500."),
    ]


def test_reimporting_the_export_keeps_the_plans_name_for_a_lead_who_is_also_a_user(client, seeds):
    # As in the demo: Gateshead's officer leads the actions the paper gives to a post by name.
    source = ImprovementPlan.objects.get(pk=100)
    officer = f.member(source.authority, "officer", first_name="Demo", last_name="Officer")
    source.actions.update(lead_officer=officer)
    named = dict(source.actions.values_list("reference", "lead_name"))
    assert named["1"] == "Interim Strategic Director, Care Wellbeing and Learning"
    manager = f.member(source.authority, "manager", username="manager")
    client.force_login(manager)
    content = client.get(reverse("improvement:plan_xlsx", args=[source.pk])).content
    side = type("Side", (), {"manager": manager, "plan": source})
    before = state(source)
    preview_url = upload(client, side, content)
    result = client.get(preview_url).context["result"]
    assert (result.count("changed"), result.count("unchanged")) == (0, len(named))
    client.post(preview_url)
    assert state(source) == before
    assert dict(source.actions.values_list("reference", "lead_name")) == named


UPDATE_HEADERS = ["Ref", "Action", "Officer", "Due", "RAG", "Progress", "Date of update"]


def test_an_imported_update_is_signed_with_the_file_and_moves_the_action_on(client, side):
    officer = f"{side.officer.get_full_name()} (Head of Service)"
    row = ["4.1", "Audit case files", officer, "31/03/2025", "Red", "Behind.", "02/09/2024"]
    preview_url = upload(client, side, workbook_bytes({"Plan": [UPDATE_HEADERS, row]}))
    assert not client.get(preview_url).context["result"].problems
    client.post(preview_url)
    action = Action.objects.get(plan=side.plan, reference="4.1")
    update = action.updates.get()
    assert (update.author, update.signature) == (None, "Imported from tracker.xlsx")
    assert (action.rag, action.status) == ("red", Action.Status.IN_PROGRESS)
    assert (action.lead_officer, action.lead_name) == (side.officer, "Head of Service")
    assert action.lead == officer


def test_an_update_dated_before_the_plan_began_is_refused_by_row_and_column(client, side):
    # The plan starts on 1 April 2024 (tests/factories.py).
    row = ["4.1", "Audit case files", "", "31/03/2025", "Red", "Behind.", "31/03/2024"]
    before = state(side.plan)
    result = client.get(upload(client, side, workbook_bytes({"Plan": [UPDATE_HEADERS, row]})))
    [problem] = result.context["result"].blocking
    assert (problem.row, problem.column) == (2, "G (Date of update)")
    assert "is before the plan existed (from 1 April 2024)" in problem.message
    assert state(side.plan) == before


def test_a_start_and_due_date_both_moved_earlier_are_saved_in_an_order_that_holds(client, side):
    # The side's action starts on 1 April 2024; its new due date comes before that.
    Action.objects.filter(pk=side.action.pk).update(starts_on=datetime.date(2024, 4, 1))
    row = ["1.1", side.action.title, "01/01/2024", "29/02/2024"]
    content = workbook_bytes({"Plan": [["Ref", "Action", "Start", "Due"], row]})
    client.post(upload(client, side, content), {"due_date_reason": "Started sooner."})
    action = Action.objects.get(pk=side.action.pk)
    assert (action.starts_on, action.due_on) == (
        datetime.date(2024, 1, 1),
        datetime.date(2024, 2, 29),
    )
    assert action.due_date_changes.last().reason == "Started sooner. (imported from tracker.xlsx)"
