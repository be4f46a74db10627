"""A paper gives each action as it stood on the date its figures were taken: no later update, no
later due date, and overdue judged on that date; mixed references still come in their order."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from authorities.models import Committee
from improvement import services
from improvement.models import Action
from reports import services as report_services
from reports.assembly import assemble
from reports.models import CommitteeReport
from reports.snapshot import load
from tests import factories as f
from tests.access import build_side
from tests.improvement.test_action_state import DECEMBER, JANUARY, NOVEMBER
from tests.reports.conftest import cleared

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def report_for(side, meeting_on):
    committee = Committee.objects.create(
        authority=side.authority, name="Scrutiny", kind=Committee.Kind.SCRUTINY
    )
    return CommitteeReport.objects.create(
        plan=side.plan,
        committee=committee,
        meeting_on=meeting_on,
        title="Progress",
        report_of="Director",
        purpose="To report progress.",
        recommendations="Note it.",
    )


def finalised(report, manager):
    cleared(report, manager)
    return report_services.finalise(report, manager)


def by_reference(content):
    return {a.reference: a for r in content.recommendations for a in r.actions} | {
        a.reference: a for a in content.unanswered_actions
    }


def text_of(content):
    return " ".join(report_services.plain_text(content))


def test_a_report_as_at_december_leaves_out_januarys_updates(client, side):
    services.add_progress_update(side.action, side.officer, "amber", "Slipping.", NOVEMBER)
    services.add_progress_update(side.action, side.officer, "red", "Stalled.", JANUARY)
    later = f.ActionFactory(plan=side.plan, reference="1.2", rag="", status="not_started")
    services.add_progress_update(later, side.officer, "red", "Not begun.", JANUARY)
    assert Action.objects.get(pk=later.pk).rag == "red"
    report = report_for(side, DECEMBER)

    actions = by_reference(assemble(report))
    assert (actions["1.1"].rag, actions["1.1"].narrative) == ("amber", "Slipping.")
    assert (actions["1.2"].rag_words, actions["1.2"].status) == ("Not rated", "Not started")
    assert assemble(report).exceptions == ()  # both are red now, from January
    client.force_login(side.manager)
    page = client.get(reverse("reports:report-detail", args=[report.pk])).content.decode()
    assert "RAG: Amber" in page
    assert "Stalled." not in page
    assert "Not begun." not in page


def test_a_paper_finalised_before_its_meeting_gives_the_date_its_figures_were_taken(side):
    today = timezone.localdate()
    meeting = today + datetime.timedelta(days=40)
    between = today + datetime.timedelta(days=26)  # due after today, before the meeting
    Action.objects.filter(pk=side.action.pk).update(due_on=between)
    late = f.ActionFactory(
        plan=side.plan, reference="1.2", due_on=today - datetime.timedelta(days=1)
    )
    report = finalised(report_for(side, meeting), side.manager)

    snapshot = load(report.snapshot)
    words = f"{today:%-d %B %Y}"
    assert snapshot.as_at == words
    assert (
        f"as at {words}, when these figures were taken, for the meeting on {meeting:%-d %B %Y}."
        in text_of(snapshot)
    )
    actions = by_reference(snapshot)
    assert (actions["1.1"].overdue, actions[late.reference].overdue) == (False, True)
    overdue = [e.reference for e in snapshot.exceptions if "Overdue" in e.exception_reasons]
    assert overdue == ["1.2"]
    assert snapshot.action_states["1.1"].overdue is False


def test_a_paper_for_a_past_meeting_is_as_at_the_meeting(side):
    meeting = timezone.localdate() - datetime.timedelta(days=3)
    report = finalised(report_for(side, meeting), side.manager)
    assert report.snapshot["as_at"] == f"{meeting:%-d %B %Y}"
    assert f"as at {meeting:%-d %B %Y}." in text_of(load(report.snapshot))


MIXED = ["R9", "2", "1.10", "1.1a", "1.2", "1"]


def test_mixed_references_come_in_their_natural_order_on_the_page_and_when_finalised(client, side):
    for reference in MIXED:
        f.ActionFactory(plan=side.plan, theme=side.theme, reference=reference)
    report = report_for(side, timezone.localdate() + datetime.timedelta(days=7))
    client.force_login(side.manager)
    page = client.get(reverse("reports:report-detail", args=[report.pk]))
    assert page.status_code == 200
    order = ["1", "1.1", "1.1a", "1.2", "1.10", "2", "R9"]
    assert list(page.context["report"].action_states) == order
    report = finalised(report, side.manager)
    assert list(report.snapshot["action_states"]) == order
