"""Visits in the admin: a report's or a letter's text pasted, its headings saying which items are
priority actions; a monitoring visit's findings pasted as findings; no grade on a visit.

The Halton text is the real report's (tests/data/ofsted/halton_sif_2015-02-03_what_needs_to_improve
.txt, its source on its first line). No focused visit or monitoring visit letter is among the
project's Ofsted data (its README: full inspections only), so the letters below are written for
the tests in the shape and under the headings of Ofsted's letters, about a made-up authority."""

import csv
import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from improvement import clocks
from inspections.letters import read_findings, read_recommendations
from inspections.models import Finding, Grade, Inspection, Judgement, Recommendation
from tests import factories as f

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parents[1] / "data" / "ofsted"
HALTON = (DATA / "halton_sif_2015-02-03_what_needs_to_improve.txt").read_text().split("\n", 1)[1]

FOCUSED_VISIT_LETTER = """
Areas for priority action
The local authority needs to take swift and decisive action to address the following areas of
significant weakness:
• The timeliness and quality of the response to children at risk of significant harm,
  including strategy discussions held without delay.
• Management oversight of children's plans, so that drift and delay are seen and acted on.

What needs to improve in this area of social work practice:
• The quality of assessments, so that they take account of children's histories.
• The recording of children's wishes and feelings.
"""

MONITORING_VISIT_FINDINGS = """Findings and evaluation of progress

Leaders have a better understanding of the quality of practice. Audits are now moderated
and their learning is shared with teams.

Children at risk of significant harm are now seen quickly. Strategy discussions are timely
and well attended by partners.

7

Caseloads remain too high in the assessment teams, and some children wait too long for
their assessments to be completed.
"""


def straight(text):
    return text.replace("’", "'")


def test_the_halton_sif_paste_gives_its_19_recommendations_3_of_them_priority_actions():
    pasted = read_recommendations(HALTON, Recommendation.Priority.AREA_FOR_IMPROVEMENT)
    with (DATA / "report_recommendations.csv").open() as rows:
        checked = [
            row["text"]
            for row in csv.DictReader(rows)
            if row["la_name"] == "Halton" and row["framework"] == "SIF"
        ]
    assert [straight(item.text) for item in pasted.items] == checked  # typed, checked by hand
    assert {item.section for item in pasted.items[:3]} == {"Priority and immediate action"}
    assert {item.priority for item in pasted.items[:3]} == {"priority"}
    assert {item.section for item in pasted.items[3:]} == {"Areas for improvement"}
    assert {item.priority for item in pasted.items[3:]} == {"improvement"}
    # The headings, the sub-headings grouping the areas for improvement and the page numbers.
    assert pasted.left_out == [
        "What does the local authority need to improve?",
        "Priority and immediate action",
        "Areas for improvement",
        "Consistency of practice",
        "4",
        "Management capacity and oversight",
        "Educational outcomes",
        "Children and young people’s participation and access to information",
        "5",
    ]


def test_a_focused_visit_letters_priority_actions_are_read_from_its_headings():
    pasted = read_recommendations(
        FOCUSED_VISIT_LETTER, Recommendation.Priority.AREA_FOR_IMPROVEMENT
    )
    assert [(item.priority, item.section, item.text[:30]) for item in pasted.items] == [
        ("priority", "Areas for priority action", "The timeliness and quality of "),
        ("priority", "Areas for priority action", "Management oversight of childr"),
        ("improvement", "What needs to improve", "The quality of assessments, so"),
        ("improvement", "What needs to improve", "The recording of children's wi"),
    ]
    assert pasted.items[0].text.endswith("including strategy discussions held without delay.")
    # The lead-in sentence is no recommendation.
    assert pasted.left_out[1].startswith("The local authority needs to take swift")
    assert pasted.left_out[2] == "significant weakness:"


@pytest.mark.parametrize(
    "heading", ["Priority action", "Priority actions:", "AREA FOR PRIORITY ACTION"]
)
def test_the_heading_may_be_singular_plural_or_in_capitals(heading):
    pasted = read_recommendations(
        f"{heading}\n1. Act now.", Recommendation.Priority.AREA_FOR_IMPROVEMENT
    )
    assert [(item.priority, item.text) for item in pasted.items] == [("priority", "Act now.")]


def test_items_under_no_heading_take_the_priority_chosen():
    pasted = read_recommendations("- One.\n- Two.", Recommendation.Priority.PRIORITY_ACTION)
    assert {item.priority for item in pasted.items} == {"priority"}
    assert {item.section for item in pasted.items} == {""}


def test_a_monitoring_visits_findings_are_one_per_paragraph():
    pasted = read_findings(MONITORING_VISIT_FINDINGS)
    assert [item.text[:40] for item in pasted.items] == [
        "Leaders have a better understanding of t",
        "Children at risk of significant harm are",
        "Caseloads remain too high in the assessm",
    ]
    assert pasted.items[0].text.endswith("moderated and their learning is shared with teams.")
    assert pasted.left_out == ["Findings and evaluation of progress", "7"]


def test_bulleted_findings_are_one_per_bullet():
    pasted = read_findings(
        "Headline findings\n• Practice is improving.\n• Caseloads are high\n  in places."
    )
    assert [item.text for item in pasted.items] == [
        "Practice is improving.",
        "Caseloads are high in places.",
    ]


@pytest.mark.parametrize("paste", ["", "Headline findings\n\n12\n"])
def test_a_findings_paste_with_no_finding_is_refused(paste):
    with pytest.raises(ValidationError) as error:
        read_findings(paste)
    assert "no findings in it" in error.value.messages[0]


@pytest.fixture
def aldwick():
    return f.LocalAuthorityFactory(name="Aldwick Council")


def management(prefix):
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def visit_form(authority, kind, **fields):
    data = {
        "authority": authority.pk,
        "framework": f.framework().pk,
        "kind": kind,
        "started_on": "2024-11-12",
        "ended_on": "2024-11-13",
        "published_on": "2024-12-10",
        "overall_grade": "",
        "pasted_recommendations": "",
        "pasted_priority": "improvement",
        "pasted_addressed_to": "authority",
        "pasted_findings": "",
        "pasted_finding_kind": "development",
        **fields,
    }
    for prefix in ("judgements", "findings", "recommendations"):
        data.update(management(prefix))
    return data


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_an_admin_enters_a_focused_visit_by_pasting_its_letter_and_its_clock_starts(
    admin_client, aldwick
):
    response = admin_client.post(
        "/admin/inspections/inspection/add/",
        visit_form(aldwick, "focused_visit", pasted_recommendations=FOCUSED_VISIT_LETTER),
        follow=True,
    )
    assert response.status_code == 200
    visit = Inspection.objects.get(authority=aldwick)
    priorities = list(visit.recommendations.values_list("number", "priority"))
    assert priorities == [(1, "priority"), (2, "priority"), (3, "improvement"), (4, "improvement")]
    said = " ".join(messages_of(response))
    assert "Added 4 recommendations from the pasted list, 2 of them priority actions." in said
    assert "Left out, as not an item: “Areas for priority action”" in said
    found = clocks.inspection_clocks(visit, datetime.date(2024, 12, 10))
    assert [clock.due_on for clock in found] == [
        datetime.date(2025, 1, 10),
        datetime.date(2025, 3, 21),
    ]


def test_an_admin_pastes_a_monitoring_visits_findings(admin_client, aldwick):
    response = admin_client.post(
        "/admin/inspections/inspection/add/",
        visit_form(aldwick, "monitoring_visit", pasted_findings=MONITORING_VISIT_FINDINGS),
        follow=True,
    )
    visit = Inspection.objects.get(authority=aldwick)
    assert list(visit.findings.values_list("kind", "order")) == [
        (Finding.Kind.AREA_FOR_DEVELOPMENT, 1),
        (Finding.Kind.AREA_FOR_DEVELOPMENT, 2),
        (Finding.Kind.AREA_FOR_DEVELOPMENT, 3),
    ]
    assert not visit.recommendations.exists()
    assert "Added 3 findings from the pasted text." in " ".join(messages_of(response))


def test_a_jtais_recommendations_are_addressed_to_the_partnership(admin_client, aldwick):
    admin_client.post(
        "/admin/inspections/inspection/add/",
        visit_form(
            aldwick,
            "jtai",
            pasted_recommendations="Areas for improvement\n• Share information at the front door.",
            pasted_addressed_to="partnership",
        ),
    )
    recommendation = Recommendation.objects.get(inspection__authority=aldwick)
    assert recommendation.addressed_to == Recommendation.AddressedTo.PARTNERSHIP
    assert recommendation.get_addressed_to_display() == "The safeguarding partnership"


def test_the_admin_refuses_an_overall_grade_for_a_monitoring_visit(admin_client, aldwick):
    response = admin_client.post(
        "/admin/inspections/inspection/add/",
        visit_form(aldwick, "monitoring_visit", overall_grade="inadequate"),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["overall_grade"]
    assert errors == ["A monitoring visit gives no grade; leave it blank."]
    assert not Inspection.objects.filter(authority=aldwick).exists()


def test_the_admin_refuses_a_judgement_on_a_focused_visit(admin_client, aldwick):
    area = f.framework().areas.first()
    data = visit_form(aldwick, "focused_visit")
    data.update(
        {"judgements-TOTAL_FORMS": "1", "judgements-0-area": area.pk, "judgements-0-grade": "good"}
    )
    response = admin_client.post("/admin/inspections/inspection/add/", data)
    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["inline_admin_formsets"][0].formset.errors)
    assert "A focused visit gives no grades" in errors
    assert not Inspection.objects.filter(authority=aldwick).exists()


def test_the_database_refuses_an_overall_grade_on_a_visit(aldwick):
    with pytest.raises(IntegrityError), transaction.atomic():
        f.InspectionFactory(authority=aldwick, kind="jtai", overall_grade=Grade.GOOD)


def test_a_judgement_added_to_a_saved_visit_is_refused(aldwick):
    visit = f.InspectionFactory(authority=aldwick, kind="monitoring_visit", overall_grade="")
    judgement = Judgement(inspection=visit, area=f.framework().areas.first(), grade=Grade.GOOD)
    with pytest.raises(ValidationError) as error:
        judgement.full_clean()
    assert "A monitoring visit gives no grades" in error.value.messages[0]


def test_the_admin_says_when_no_pasted_item_is_a_priority_action(admin_client, aldwick):
    response = admin_client.post(
        "/admin/inspections/inspection/add/",
        visit_form(aldwick, "focused_visit", pasted_recommendations="- Improve plans."),
        follow=True,
    )
    said = " ".join(messages_of(response))
    assert "Added 1 recommendation from the pasted list, none of them a priority action." in said
