"""Clearance: submitted by a manager, cleared by a manager (recorded), finalised only once cleared;
committee members read a report only once it is cleared."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from reports import clearance, services
from reports.models import CommitteeReport
from tests.reports.conftest import cleared

Status = CommitteeReport.Status


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def url(name, report):
    return reverse(f"reports:{name}", kwargs={"pk": report.pk})


def fresh(report):
    return CommitteeReport.objects.with_context().get(pk=report.pk)


def test_submitting_records_who_and_when_and_is_kept_in_history(gateshead_report, manager):
    report = clearance.submit(gateshead_report, manager)
    assert (report.status, report.submitted_by) == (Status.SUBMITTED, manager)
    assert report.submitted_at
    latest = report.history.first()
    assert (latest.status, latest.submitted_by_id) == (Status.SUBMITTED, manager.pk)


def test_clearing_records_who_and_when(gateshead_report, manager):
    report = cleared(gateshead_report, manager)
    stored = fresh(report)
    assert (stored.status, stored.cleared_by) == (Status.CLEARED, manager)
    assert stored.cleared_at >= stored.submitted_at
    assert [h.status for h in stored.history.order_by("history_date")][-2:] == [
        Status.SUBMITTED,
        Status.CLEARED,
    ]


def test_a_draft_cannot_be_cleared_nor_finalised(gateshead_report, manager):
    with pytest.raises(clearance.WrongState, match="is draft: only a report that is submitted"):
        clearance.clear(gateshead_report, manager)
    with pytest.raises(services.NotCleared, match="a manager must clear it"):
        services.finalise(gateshead_report, manager)
    assert fresh(gateshead_report).status == Status.DRAFT


def test_a_submitted_report_cannot_be_submitted_again_nor_finalised(gateshead_report, manager):
    clearance.submit(gateshead_report, manager)
    with pytest.raises(clearance.WrongState, match="is submitted for clearance"):
        clearance.submit(gateshead_report, manager)
    with pytest.raises(services.NotCleared):
        services.finalise(gateshead_report, manager)


def test_a_final_report_cannot_go_back_through_clearance(gateshead_report, manager):
    services.finalise(cleared(gateshead_report, manager), manager)
    for step in (clearance.submit, clearance.clear):
        with pytest.raises(clearance.WrongState, match="is final"):
            step(gateshead_report, manager)


@pytest.mark.parametrize("who", ["officer", "councillor", "outsider"])
def test_only_a_manager_of_the_authority_submits_or_clears(gateshead_report, manager, who, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        clearance.submit(gateshead_report, user)
    clearance.submit(gateshead_report, manager)
    with pytest.raises(PermissionDenied):
        clearance.clear(gateshead_report, user)
    assert fresh(gateshead_report).status == Status.SUBMITTED


def test_the_pages_take_a_draft_through_clearance_to_the_confirmation_page(
    gateshead_report, manager
):
    client = client_for(manager)
    page = client.get(url("report-detail", gateshead_report)).content.decode()
    assert "Submit for clearance" in page
    assert "Finalise report" not in page
    client.post(url("report-submit", gateshead_report))
    page = client.get(url("report-detail", gateshead_report)).content.decode()
    assert "Submitted for clearance" in page
    assert "Clear the report" in page
    assert "Edit front matter" not in page
    client.post(url("report-clear", gateshead_report))
    page = client.get(url("report-detail", gateshead_report)).content.decode()
    assert 'govuk-tag govuk-tag--blue">Cleared' in page
    assert "Finalise report" in page
    assert (
        "Finalise the report"
        in client.get(url("report-finalise", gateshead_report)).content.decode()
    )


def test_a_wrong_step_on_the_pages_says_why_and_changes_nothing(gateshead_report, manager):
    response = client_for(manager).post(url("report-clear", gateshead_report), follow=True)
    assert (
        "only a report that is submitted for clearance can be cleared" in response.content.decode()
    )
    finalise = client_for(manager).get(url("report-finalise", gateshead_report), follow=True)
    assert "only a cleared report can be finalised" in finalise.content.decode()
    assert fresh(gateshead_report).status == Status.DRAFT


def test_an_officer_reads_but_gets_no_clearance_buttons_and_is_refused(gateshead_report, officer):
    client = client_for(officer)
    page = client.get(url("report-detail", gateshead_report)).content.decode()
    assert "Submit for clearance" not in page
    assert client.post(url("report-submit", gateshead_report)).status_code == 403
    assert fresh(gateshead_report).status == Status.DRAFT


def test_a_committee_member_sees_a_report_only_once_it_is_cleared(
    gateshead_report, councillor, manager
):
    client = client_for(councillor)
    for step in (None, clearance.submit):
        if step:
            step(gateshead_report, manager)
        assert (
            gateshead_report.title
            not in client.get(reverse("reports:report-list")).content.decode()
        )
        for name in ("report-detail", "report-pdf", "report-docx"):
            assert client.get(url(name, gateshead_report)).status_code == 404
    clearance.clear(gateshead_report, manager)
    listed = client.get(reverse("reports:report-list")).content.decode()
    assert gateshead_report.title in listed
    assert ">Cleared<" in listed
    assert client.get(url("report-detail", gateshead_report)).status_code == 200
