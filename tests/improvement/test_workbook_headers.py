"""Guessing what a workbook's columns hold from headers as councils write them: stamped with a
date, abbreviated, phrased as questions; two sample values shown beside each column; and what a
date must look like, said when a cell is not one."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.models import Action
from improvement.workbook_fields import guess_mapping
from tests.access import build_side
from tests.workbooks import workbook_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Update (Nov 23)", "update"),
        ("Progress update Jan 2024", "update"),
        ("Progress as at 31/10/2023", "update"),
        ("Recs", "recommendations"),
        ("Rec no.", "recommendations"),
        ("Ofsted rec(s)", "recommendations"),
        ("Area for improvement", "recommendations"),
        ("Ref.", "reference"),
        ("Action ref", "reference"),
        ("What difference will it make?", "success_measure"),
        ("How will we know it has worked?", "success_measure"),
        ("What are we trying to achieve?", "description"),
        ("Who is responsible?", "lead"),
        ("Lead officer(s)", "lead"),
        ("By when?", "due_on"),
        ("Target completion date", "due_on"),
        ("When will it start?", "starts_on"),
        ("What are we going to do?", "title"),
        ("Key actions", "title"),
        ("RAG rating (Dec 2023)", "rag"),
        ("Status Q3 2023/24", "status"),
        ("Date of last update", "update_on"),
        ("Partner agencies involved", "partners"),
        ("Workstream / theme", "theme"),
        ("% complete", "percent_complete"),
    ],
)
def test_a_header_as_councils_write_it_is_guessed(header, field):
    assert guess_mapping([header]) == {header: field}


def test_headers_naming_no_field_are_left_for_the_person():
    assert guess_mapping(["Column 7", "Notes for the chair's eyes", ""]) == {
        "Column 7": "",
        "Notes for the chair's eyes": "",
        "": "",
    }


# A tracker laid out as no test had it: a title merged across the top of each sheet, a sheet per
# theme with no theme column, a recommendation merged over the rows that answer it, and headers
# phrased as the council's template phrases them.
UNSEEN = [
    "Rec no.",
    "Ref.",
    "What are we going to do?",
    "Who is responsible?",
    "Start",
    "By when?",
    "What difference will it make?",
    "RAG (Nov 23)",
    "Progress update Nov 2023",
    "Date of last update",
]
UNSEEN_FIELDS = [
    "recommendations",
    "reference",
    "title",
    "lead",
    "starts_on",
    "due_on",
    "success_measure",
    "rag",
    "update",
    "update_on",
]


def unseen_tracker(officer):
    leadership = [
        UNSEEN,
        ["1", "L1", "Board reviews audits", officer, "01/04/2024", "March 2025", "Audits acted on"],
        ["", "L2", "Chair visits teams", "Head of Service", "", "Q4 2024/25", "Chair knows teams"],
    ]
    practice = [
        UNSEEN,
        ["2", "P1", "Audit case files", officer, "", "31/12/2024", "Better plans", "Amber"]
        + ["Audits started in two teams.", "01/06/2024"],
    ]
    title = "Children's services improvement plan: tracker as at November 2023"
    return workbook_bytes(
        {"Theme 1 - Leadership": leadership, "Theme 2 - Practice": practice},
        merges={"Theme 1 - Leadership": ["A1:J1", "A3:A4"], "Theme 2 - Practice": ["A1:J1"]},
        title_rows={"Theme 1 - Leadership": title, "Theme 2 - Practice": title},
    )


def test_a_workbook_in_a_layout_not_seen_before_maps_every_header_by_guess(client, side):
    client.force_login(side.manager)
    url = reverse("improvement:workbook_upload", args=[side.plan.pk])
    content = unseen_tracker(side.officer.get_full_name())
    response = client.post(url, {"workbook": SimpleUploadedFile("tracker.xlsx", content)})
    columns = client.get(response["Location"])
    form = columns.context["form"]
    guessed = {field.label: form.initial[name] for name, field in form.fields.items()}
    assert guessed == dict(zip(UNSEEN, UNSEEN_FIELDS, strict=True))
    # Confirmed as guessed, it imports with no problem: merged cells and sheet themes read too.
    response = client.post(response["Location"], form.initial)
    preview = client.get(response["Location"])
    assert not preview.context["result"].blocking
    client.post(response["Location"])
    chair = Action.objects.get(plan=side.plan, reference="L2")
    assert (chair.theme.number, chair.theme.title) == (2, "Leadership")
    assert [r.number for r in chair.recommendations.all()] == [1]
    assert (chair.lead_name, chair.due_on) == ("Head of Service", datetime.date(2025, 3, 31))
    audit = Action.objects.get(plan=side.plan, reference="P1")
    assert (audit.success_measure, audit.rag) == ("Better plans", "amber")
    assert audit.updates.get().narrative == "Audits started in two teams."


def test_the_columns_page_shows_two_sample_values_beside_each_column(client, side):
    client.force_login(side.manager)
    url = reverse("improvement:workbook_upload", args=[side.plan.pk])
    content = unseen_tracker(side.officer.get_full_name())
    response = client.post(url, {"workbook": SimpleUploadedFile("tracker.xlsx", content)})
    form = client.get(response["Location"]).context["form"]
    hints = {field.label: field.help_text for field in form.fields.values()}
    assert hints["Ref."] == "For example: “L1”, “L2”"
    assert hints["By when?"] == "For example: “March 2025”, “Q4 2024/25”"
    # A column with one value shows that one; dates as the pages write them.
    assert hints["Start"] == "For example: “01/04/2024”"
    assert hints["Progress update Nov 2023"] == "For example: “Audits started in two teams.”"
    page = client.get(response["Location"]).content.decode()
    assert "For example: “Board reviews audits”, “Chair visits teams”" in page


def test_text_that_is_no_date_is_reported_with_the_forms_a_date_may_take(client, side):
    content = workbook_bytes(
        {"Plan": [["Ref", "Action", "Due", "Timescale"], ["4.1", "Audit", "Q3 2026", ""]]}
    )
    client.force_login(side.manager)
    url = reverse("improvement:workbook_upload", args=[side.plan.pk])
    response = client.post(url, {"workbook": SimpleUploadedFile("tracker.xlsx", content)})
    form = client.get(response["Location"]).context["form"]
    response = client.post(response["Location"], form.initial)
    [problem] = client.get(response["Location"]).context["result"].problems
    assert str(problem) == (
        "sheet “Plan”, row 2, column C (Due): “Q3 2026” is not a date; write a day (31/03/2025), "
        "a month (March 2025) or a financial quarter (Q3 2025/26)."
    )
