"""The report pages: HTML with a print stylesheet, downloads, and who may do what."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from reports.models import CommitteeReport
from tests.access import date_data
from tests.reports.conftest import cleared


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def url(name, report):
    return reverse(f"reports:{name}", kwargs={"pk": report.pk})


def test_a_committee_member_reads_the_report_page_with_its_print_stylesheet(
    gateshead_report, councillor, manager
):
    cleared(gateshead_report, manager)
    response = client_for(councillor).get(url("report-detail", gateshead_report))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'media="print"' in html
    assert "css/report-print.css" in html
    assert "Corporate Parenting Overview and Scrutiny Committee" in html
    assert "Finalise report" not in html


def test_the_pdf_and_word_downloads_have_their_types(gateshead_report, officer):
    client = client_for(officer)
    pdf = client.get(url("report-pdf", gateshead_report))
    word = client.get(url("report-docx", gateshead_report))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert word["Content-Type"].endswith("wordprocessingml.document")
    assert "draft.pdf" in pdf["Content-Disposition"]


def test_another_authoritys_manager_gets_404(gateshead_report, outsider):
    client = client_for(outsider)
    for name in ("report-detail", "report-pdf", "report-edit"):
        assert client.get(url(name, gateshead_report)).status_code == 404


def test_a_manager_finalises_and_can_no_longer_edit(gateshead_report, manager):
    client = client_for(manager)
    cleared(gateshead_report, manager)
    client.post(url("report-finalise", gateshead_report))
    assert CommitteeReport.objects.get(pk=gateshead_report.pk).is_final
    response = client.post(url("report-edit", gateshead_report), {"title": "Changed"})
    assert response.status_code == 302
    assert CommitteeReport.objects.get(pk=gateshead_report.pk).title != "Changed"


@pytest.mark.django_db
def test_a_new_report_to_another_authoritys_committee_is_refused_by_name(manager):
    from authorities.models import Committee
    from improvement.models import ImprovementPlan

    halton_board = Committee.objects.get(pk=110)
    data = {
        "plan": ImprovementPlan.objects.get(pk=100).pk,
        "committee": halton_board.pk,
        **date_data("meeting_on", datetime.date(2017, 9, 1)),
        "title": "Update",
        "report_of": "Director",
        "purpose": "Progress.",
        "recommendations": "Note it.",
    }
    response = client_for(manager).post(reverse("reports:report-create"), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not CommitteeReport.objects.filter(title="Update").exists()


def test_a_manager_creates_a_draft_for_their_committee(seeds, manager):
    data = {
        "plan": 100,
        "committee": 101,
        **date_data("meeting_on", datetime.date(2017, 9, 1)),
        "title": "Looked After Children Improvement Plan: September update",
        "report_of": "Strategic Director",
        "purpose": "Progress.",
        "recommendations": "Note it.",
    }
    response = client_for(manager).post(reverse("reports:report-create"), data)
    report = CommitteeReport.objects.get(meeting_on="2017-09-01")
    assert response.status_code == 302
    assert response["Location"] == url("report-detail", report)
    assert report.status == CommitteeReport.Status.DRAFT


def test_finalising_asks_first_on_a_confirmation_page_then_freezes(gateshead_report, manager):
    client = client_for(manager)
    cleared(gateshead_report, manager)
    page = client.get(url("report-finalise", gateshead_report)).content.decode()
    assert "Finalise the report" in page
    assert "as at 1 March 2017" in page
    assert not CommitteeReport.objects.get(pk=gateshead_report.pk).is_final
    response = client.post(url("report-finalise", gateshead_report))
    assert response["Location"] == url("report-detail", gateshead_report)
    assert CommitteeReport.objects.get(pk=gateshead_report.pk).is_final
    again = client.get(url("report-finalise", gateshead_report))
    assert again["Location"] == url("report-detail", gateshead_report)


def test_an_officer_may_not_see_the_confirmation_page(gateshead_report, officer):
    assert client_for(officer).get(url("report-finalise", gateshead_report)).status_code == 403


def test_a_committee_member_is_not_told_a_draft_exists(gateshead_report, councillor):
    client = client_for(councillor)
    assert gateshead_report.is_draft
    for name in ("report-detail", "report-edit"):
        assert client.get(url(name, gateshead_report)).status_code == 404, name
    assert client.post(url("report-submit", gateshead_report)).status_code == 404
    assert CommitteeReport.objects.get(pk=gateshead_report.pk).is_draft


def test_a_committee_member_may_read_but_not_edit_a_cleared_report(
    gateshead_report, councillor, manager
):
    cleared(gateshead_report, manager)
    assert client_for(councillor).get(url("report-edit", gateshead_report)).status_code == 403


def test_the_report_form_is_in_parts_each_with_its_save_button(gateshead_report, manager):
    """One Save button at the foot of twenty fields stood 5,300 pixels down the page."""
    page = client_for(manager).get(reverse("reports:report-edit", args=[gateshead_report.pk]))
    html = page.content.decode()
    headings = [
        "The meeting and the report",
        "What the report says",
        "Implications",
        "Recommendations and contact",
    ]
    places = [html.index(f">{heading}</h2>") for heading in headings]
    assert places == sorted(places)
    saves = [i for i in range(len(html)) if html.startswith(">Save the report</button>", i)]
    assert len(saves) == len(headings)
    # A Save button closes each part, before the next part's heading.
    assert all(
        a < save < b for save, a, b in zip(saves, places, [*places[1:], len(html)], strict=True)
    )
    assert saves[0] < html.index('name="background"')
