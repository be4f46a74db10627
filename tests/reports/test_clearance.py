"""Clearance: submitted by a manager, cleared by a manager (recorded), finalised only once cleared;
committee members read a report only once it is cleared."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from authorities.models import Membership
from reports import clearance, services
from reports.models import CommitteeReport
from tests.admin.world import change_form_data
from tests.reports.conftest import GATESHEAD, cleared, member, second_manager

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
    assert (stored.status, stored.cleared_by) == (Status.CLEARED, second_manager(report))
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
    for step in (clearance.submit, lambda report, user: clearance.clear(report, user)):
        with pytest.raises(clearance.WrongState, match="is final"):
            step(gateshead_report, second_manager(gateshead_report))
    with pytest.raises(clearance.WrongState, match="is final"):
        clearance.return_to_draft(gateshead_report, manager, "Wrong figures.")


@pytest.mark.parametrize("who", ["officer", "councillor", "outsider"])
def test_only_a_manager_of_the_authority_submits_or_clears(gateshead_report, manager, who, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        clearance.submit(gateshead_report, user)
    clearance.submit(gateshead_report, manager)
    with pytest.raises(PermissionDenied):
        clearance.clear(gateshead_report, user)
    with pytest.raises(PermissionDenied):
        clearance.return_to_draft(gateshead_report, user, "Wrong figures.")
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
    assert "Edit front matter" not in page
    client = client_for(second_manager(gateshead_report))
    page = client.get(url("report-detail", gateshead_report)).content.decode()
    assert "Clear the report" in page
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
    clearance.clear(gateshead_report, second_manager(gateshead_report))
    listed = client.get(reverse("reports:report-list")).content.decode()
    assert gateshead_report.title in listed
    assert ">Cleared<" in listed
    assert client.get(url("report-detail", gateshead_report)).status_code == 200


def test_the_manager_who_submitted_a_report_may_not_clear_it(gateshead_report, manager):
    clearance.submit(gateshead_report, manager)
    with pytest.raises(PermissionDenied):
        clearance.clear(gateshead_report, manager)
    assert fresh(gateshead_report).status == Status.SUBMITTED
    client = client_for(manager)
    page = client.get(url("report-detail", gateshead_report)).content.decode()
    assert "Clear the report" not in page
    assert "You submitted this report: Gateshead asks another manager to clear it." in page
    assert client.get(url("report-clear", gateshead_report)).status_code == 403
    assert client.post(url("report-clear", gateshead_report)).status_code == 403
    assert fresh(gateshead_report).status == Status.SUBMITTED


def test_an_authority_may_let_one_manager_submit_and_clear(gateshead_report, manager):
    authority = gateshead_report.plan.authority
    authority.clearer_must_differ = False
    authority.save()
    report = clearance.clear(clearance.submit(fresh(gateshead_report), manager), manager)
    assert (report.status, report.submitted_by, report.cleared_by) == (
        Status.CLEARED,
        manager,
        manager,
    )


def test_clear_asks_for_confirmation_before_clearing(gateshead_report, manager):
    clearance.submit(gateshead_report, manager)
    client = client_for(second_manager(gateshead_report))
    page = client.get(url("report-clear", gateshead_report)).content.decode()
    assert "members of the Corporate Parenting" in page or "can read it from then on" in page
    assert "Go back to the submitted report" in page
    assert fresh(gateshead_report).status == Status.SUBMITTED
    response = client.post(url("report-clear", gateshead_report), follow=True)
    assert "The report is cleared" in response.content.decode()
    assert fresh(gateshead_report).status == Status.CLEARED


def test_the_finalise_page_leads_back_to_the_cleared_report_not_a_draft(gateshead_report, manager):
    page = client_for(manager).get(url("report-finalise", cleared(gateshead_report, manager)))
    assert "Go back to the cleared report" in page.content.decode()
    assert "draft" not in page.content.decode().split("<main")[1].split("Go back")[1][:60]
    assert "Go back to the draft" not in page.content.decode()


@pytest.mark.parametrize("step", ["submitted", "cleared"])
def test_a_submitted_or_cleared_report_goes_back_to_draft_with_its_reason_shown(
    gateshead_report, manager, councillor, step
):
    report = clearance.submit(gateshead_report, manager)
    if step == "cleared":
        report = clearance.clear(report, second_manager(report))
    client = client_for(manager)
    refused = client.post(url("report-return", report), {"reason": "  "})
    assert "Say why the report goes back to draft." in refused.content.decode()
    assert fresh(report).status == step
    response = client.post(
        url("report-return", report),
        {"reason": "The quarter's figures were corrected."},
        follow=True,
    )
    page = response.content.decode()
    assert "The report is a draft again" in page
    assert "Sent back to draft" in page
    assert "The quarter&#x27;s figures were corrected." in page
    assert "Edit front matter" in page
    stored = fresh(report)
    assert (stored.status, stored.returned_by, stored.submitted_by, stored.cleared_by) == (
        Status.DRAFT,
        manager,
        None,
        None,
    )
    assert stored.history.filter(status=step).exists()  # who moved it on before is kept
    assert client_for(councillor).get(url("report-detail", report)).status_code == 404


def test_a_draft_cannot_be_sent_back_to_draft(gateshead_report, manager):
    with pytest.raises(clearance.WrongState, match="only a report that is submitted"):
        clearance.return_to_draft(gateshead_report, manager, "Wrong figures.")
    response = client_for(manager).get(url("report-return", gateshead_report), follow=True)
    assert "can be sent back to draft" in response.content.decode()


def test_an_authority_admin_sets_the_second_person_rule_and_nothing_else_of_the_authority(
    gateshead_report,
):
    admin = member("gateshead-admin", GATESHEAD, Membership.Role.ADMIN)
    authority = gateshead_report.plan.authority
    client = client_for(admin)
    address = reverse("admin:authorities_localauthority_change", args=[authority.pk])
    page = client.get(address)
    form = page.context["adminform"].form
    assert list(form.fields) == ["clearer_must_differ"]
    data = change_form_data(page)
    data.pop("clearer_must_differ", None)  # the box unticked
    response = client.post(address, {**data, "name": "Renamed"})
    assert response.status_code == 302
    authority.refresh_from_db()
    assert (authority.clearer_must_differ, authority.name) == (False, "Gateshead")
