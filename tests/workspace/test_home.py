"""Home shows what needs each person: a manager's overview of their authorities, an officer's own
actions, a committee member's papers; staff get the admin."""

import datetime

import pytest
from django.urls import reverse

from improvement.models import WorkbookUpload
from reports.models import CommitteeReport
from tests import factories as f
from tests.access import build_side

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def home_of(client, user):
    client.force_login(user)
    return client.get(reverse("home")).content.decode()


def report(side, status, **fields):
    return CommitteeReport.objects.create(
        plan=side.plan,
        committee=f.CommitteeFactory(authority=side.authority),
        meeting_on=TODAY + datetime.timedelta(days=60),
        title=f"Progress, {status}",
        report_of="Director",
        purpose="To report.",
        recommendations="Note it.",
        status=status,
        snapshot={} if status == "final" else None,
        **fields,
    )


@pytest.fixture
def side():
    """Side A, whose one action is overdue, with a red action whose update is late, a missed and
    a coming milestone, a report waiting for clearance and an import read but not imported."""
    side = build_side("Aldwick", 1)
    side.red = f.ActionFactory(
        plan=side.plan,
        theme=side.theme,
        reference="1.2",
        title="Recruit two nurses",
        rag="red",
        status="in_progress",
        due_on=TODAY + datetime.timedelta(days=90),
    )
    f.MilestoneFactory(action=side.red, title="Advert placed", due_on=TODAY - datetime.timedelta(3))
    f.MilestoneFactory(action=side.red, title="Shortlist", due_on=TODAY + datetime.timedelta(9))
    report(side, "submitted", submitted_by=side.admin)
    WorkbookUpload.objects.create(
        plan=side.plan,
        uploaded_by=side.manager,
        file_name="plan-june.xlsx",
        content=b"",
        read_status="read",
    )
    return side


def test_a_managers_home_shows_what_needs_them(client, side):
    page = home_of(client, side.manager)
    assert "What needs you" in page
    overdue = page.split('id="overdue-or-red"')[1].split("</table>")[0]
    assert side.action.title in overdue
    assert "Overdue" in overdue
    assert "Recruit two nurses" in overdue
    late = page.split('id="update-missing"')[1].split("</table>")[0]
    assert "Recruit two nurses" in late  # red, and no update in the plan's cycle
    missed = page.split('id="missed-milestones"')[1].split("</ul>")[0]
    assert "Advert placed" in missed
    assert "Shortlist" not in missed
    waiting = page.split('id="awaiting-clearance"')[1].split("</ul>")[0]
    assert "Progress, submitted" in waiting
    imports = page.split('id="imports-waiting"')[1].split("</ul>")[0]
    assert "plan-june.xlsx" in imports
    assert "read and not yet imported" in imports
    deadline = page.split('id="next-deadlines"')[1].split("</ul>")[0]
    shortlist = (TODAY + datetime.timedelta(9)).strftime("%-d %B %Y")
    assert f"{side.plan.title}: {shortlist}, " in deadline
    assert "Milestone: Shortlist" in deadline


def test_a_managers_home_leaves_out_what_no_longer_needs_them(client, side):
    WorkbookUpload.objects.update(status="imported")
    CommitteeReport.objects.update(status="cleared")
    side.red.milestones.update(completed_on=TODAY)
    page = home_of(client, side.manager)
    assert 'id="imports-waiting"' not in page
    assert 'id="awaiting-clearance"' not in page
    assert 'id="missed-milestones"' not in page


def test_a_managers_home_shows_nothing_of_another_authority(client, side):
    other = build_side("Brampton", 2)
    page = home_of(client, other.manager)
    for theirs in ("Recruit two nurses", "Advert placed", "plan-june.xlsx", "Progress, submitted"):
        assert theirs not in page


def test_an_officer_gets_their_actions_and_no_overview(client, side):
    page = home_of(client, side.officer)
    assert "What needs you" not in page
    assert "Your actions" in page
    assert "Email reminders" in page
    assert reverse("admin:index") not in page


def test_a_committee_members_home_leads_to_the_papers(client, side):
    final = report(side, "final")
    page = home_of(client, side.committee_member)
    assert "Committee papers" in page
    assert reverse("reports:report-detail", args=[final.pk]) in page
    assert "Progress, submitted" not in page
    for not_theirs in ("Your actions", "Email reminders", "What needs you"):
        assert not_theirs not in page


def test_staff_get_a_link_to_the_admin(client, side):
    assert reverse("admin:index") in home_of(client, side.admin)
    assert reverse("admin:index") not in home_of(client, side.manager)
