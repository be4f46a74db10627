"""The self-evaluation's pages: who reads what, starting one, editing it, and the form's answers
to bad input, each naming the field and the value."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.dates import long_date
from improvement.models import ImprovementPlan
from selfevaluation import services
from selfevaluation.models import SelfEvaluation
from tests.access import date_data

GATESHEAD_PLAN = 100
HALTON_PLAN = 110


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def url(name, evaluation):
    return reverse(f"selfevaluation:{name}", args=[evaluation.pk])


def test_a_committee_member_reads_it_only_once_final_and_never_its_versions(
    gateshead_evaluation, councillor, manager, second_manager
):
    member = client_for(councillor)
    for name in ("detail", "pdf", "docx", "pack-pdf"):
        assert member.get(url(name, gateshead_evaluation)).status_code == 404
    assert (
        "Self-evaluation of social work practice"
        not in member.get(reverse("selfevaluation:list")).content.decode()
    )
    services.clear(services.submit(gateshead_evaluation, manager), second_manager)
    services.finalise(SelfEvaluation.objects.get(pk=gateshead_evaluation.pk), manager)
    page = member.get(url("detail", gateshead_evaluation)).content.decode()
    assert "Placement stability: same carer for 2 years: 70% in 2025" in page
    assert url("versions", gateshead_evaluation) not in page
    assert member.get(url("versions", gateshead_evaluation)).status_code == 403


def test_an_officer_reads_a_draft_with_its_links_and_no_button(gateshead_evaluation, officer):
    page = client_for(officer).get(url("detail", gateshead_evaluation)).content.decode()
    assert 'data-cite-kind="judgement"' in page
    assert 'href="/indicators/' in page
    assert "Submit for clearance" not in page
    assert url("edit", gateshead_evaluation) not in page


def test_the_manager_sees_the_next_step_and_can_draft_the_facts_again(
    gateshead_evaluation, manager
):
    client = client_for(manager)
    page = client.get(url("detail", gateshead_evaluation)).content.decode()
    assert "Submit for clearance" in page
    assert "Draft the facts again from the data" in page
    response = client.post(url("redraft", gateshead_evaluation), follow=True)
    assert "The facts were drafted again from the data" in response.content.decode()


def new_data(plan=GATESHEAD_PLAN, as_at=datetime.date(2025, 11, 28), year=2027, authority=None):
    plan = ImprovementPlan.objects.get(pk=plan)
    return {
        "authority": (authority or plan.authority).pk,
        "plan": plan.pk,
        "year": year,
        "title": "Self-evaluation of social work practice",
        **date_data("as_at", as_at),
        **date_data("meeting_on", None),
    }


def test_a_manager_starts_one_and_its_facts_are_drafted(gateshead_evaluation, manager):
    response = client_for(manager).post(reverse("selfevaluation:create"), new_data(), follow=True)
    created = SelfEvaluation.objects.get(year=2027)
    assert response.redirect_chain[-1][0] == url("detail", created)
    assert "Overall effectiveness: Good." in response.content.decode()
    assert created.history.get().history_user == manager


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"year": 2026}, "Gateshead already has a self-evaluation for 2026 of the Looked After"),
        ({"plan": HALTON_PLAN}, "Choose a plan of an authority you manage, or all the"),
        ({"year": "twenty"}, "Enter the year as a number, such as 2026."),
        ({"year": 1999}, "The year must be 2000 or later."),
    ],
)
def test_a_bad_start_is_refused_naming_the_field(gateshead_evaluation, manager, data, message):
    response = client_for(manager).post(reverse("selfevaluation:create"), new_data() | data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SelfEvaluation.objects.exclude(pk=gateshead_evaluation.pk).exists()


def test_facts_cannot_be_taken_as_at_a_day_after_today(gateshead_evaluation, manager):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client_for(manager).post(reverse("selfevaluation:create"), new_data(as_at=tomorrow))
    assert f"The facts cannot be taken as at {long_date(tomorrow)}: that is after today." in (
        response.content.decode()
    )


def edit_data(evaluation, **changes):
    data = {
        "title": evaluation.title,
        "year": evaluation.year,
        **date_data("as_at", evaluation.as_at),
        **date_data("meeting_on", evaluation.meeting_on),
        "version": evaluation.version,
    }
    for field in ("know", "how", "plans"):
        for where in ("before", "after"):
            name = f"{field}_{where}"
            data[name] = getattr(evaluation, name)
    return data | changes


def test_the_edit_form_saves_the_words_and_a_stale_one_says_so(gateshead_evaluation, manager):
    client = client_for(manager)
    stale = edit_data(gateshead_evaluation, how_after="From a form opened earlier.")
    response = client.post(
        url("edit", gateshead_evaluation), edit_data(gateshead_evaluation, how_after="Ours.")
    )
    assert response.status_code == 302
    response = client.post(url("edit", gateshead_evaluation), stale)
    assert "Someone saved this self-evaluation (version 3) since you opened it" in (
        response.content.decode()
    )
    assert SelfEvaluation.objects.get(pk=gateshead_evaluation.pk).how_after == "Ours."
    unchanged = client.post(
        url("edit", gateshead_evaluation),
        edit_data(SelfEvaluation.objects.get(pk=gateshead_evaluation.pk)),
        follow=True,
    )
    assert "Nothing was changed, so nothing was saved." in unchanged.content.decode()
