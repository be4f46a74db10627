"""Access cases for committee reports: managers (and admins) write, everyone of the authority reads."""

import datetime

from reports.models import CommitteeReport
from tests import factories as f
from tests.access import EDITORS, Case, date_data

MEETING = datetime.date(2030, 3, 4)
BOARD = "Corporate Parenting Board"


def committee(w):
    """Side A's corporate parenting board, made once per world."""
    board = w.a.authority.committees.filter(name=BOARD).first()
    return board or f.CommitteeFactory(authority=w.a.authority, name=BOARD)


def report_of(w):
    """A draft report of side A's plan, made once per world."""
    existing = CommitteeReport.objects.filter(plan=w.a.plan).first()
    if existing:
        return existing
    return CommitteeReport.objects.create(
        plan=w.a.plan,
        committee=committee(w),
        meeting_on=MEETING,
        title="Improvement plan progress",
        report_of="Director of Children's Services",
        purpose="To report progress.",
        recommendations="Note the progress.",
    )


def report_pk(w):
    return {"pk": report_of(w).pk}


def front_matter(w):
    return {
        **date_data("meeting_on", MEETING),
        "title": "Improvement plan progress (revised)",
        "report_of": "Director of Children's Services",
        "purpose": "To report progress.",
        "recommendations": "Note the progress.",
    }


def new_report(w):
    return {**front_matter(w), "plan": w.a.plan.pk, "committee": committee(w).pk}


CASES = [
    Case("reports:report-list", scoped=False),
    Case("reports:report-create", get=EDITORS, post=EDITORS, post_data=new_report, scoped=False),
    Case("reports:report-detail", kwargs=report_pk),
    Case(
        "reports:report-edit", kwargs=report_pk, get=EDITORS, post=EDITORS, post_data=front_matter
    ),
    Case("reports:report-finalise", kwargs=report_pk, get=EDITORS, post=EDITORS),
    Case("reports:report-pdf", kwargs=report_pk),
    Case("reports:report-docx", kwargs=report_pk),
]
