"""Access cases for committee reports: managers (and admins) write, everyone of the authority reads;
committee members once a report is cleared, partners once it is final."""

import datetime

from reports.models import CommitteeReport
from tests import factories as f
from tests.access import EDITORS, EVERYONE, Case, Role, date_data

MEETING = datetime.date(2030, 3, 4)
# Committee members do not see a report before it is cleared, nor partners before it is final:
# for them it is not there (404).
UNCLEARED = frozenset({Role.COMMITTEE_MEMBER, Role.PARTNER})
NOT_FINAL = frozenset({Role.PARTNER})
READERS = EVERYONE - NOT_FINAL
BOARD = "Corporate Parenting Board"


def committee(w):
    """Side A's corporate parenting board, made once per world."""
    board = w.a.authority.committees.filter(name=BOARD).first()
    return board or f.CommitteeFactory(authority=w.a.authority, name=BOARD)


def report_of(w):
    """A draft report of side A's plan, made once per world."""
    existing = CommitteeReport.objects.filter(plan=w.a.plan, meeting_on=MEETING).first()
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


def report_in(w, status, meeting_on):
    """A report of side A's plan in a clearance state, made once per world."""
    report = report_of(w)
    found = CommitteeReport.objects.filter(plan=w.a.plan, status=status).first()
    if found:
        return found
    while CommitteeReport.objects.filter(plan=w.a.plan, meeting_on=meeting_on).exists():
        meeting_on += datetime.timedelta(days=7)  # the one made before has moved on
    report.pk, report.id, report.status, report.meeting_on = None, None, status, meeting_on
    report.save()
    return report


def submitted_pk(w):
    return {"pk": report_in(w, CommitteeReport.Status.SUBMITTED, datetime.date(2030, 5, 6)).pk}


def cleared_pk(w):
    """Committee members read a report once it is cleared, so the reading cases use one."""
    return {"pk": report_in(w, CommitteeReport.Status.CLEARED, datetime.date(2030, 7, 8)).pk}


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
    Case("reports:report-detail", kwargs=cleared_pk, get=READERS, hidden=NOT_FINAL),
    Case(
        "reports:report-edit",
        kwargs=report_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=front_matter,
        hidden=UNCLEARED,
    ),
    Case("reports:report-submit", kwargs=report_pk, get=None, post=EDITORS, hidden=UNCLEARED),
    Case(
        "reports:report-clear",
        kwargs=submitted_pk,
        get=EDITORS,
        post=EDITORS,
        hidden=UNCLEARED,
        fresh=True,  # a manager clears it: the next role gets a submitted one
    ),
    Case(
        "reports:report-return",
        kwargs=submitted_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=lambda w: {"reason": "The figures for the quarter were corrected."},
        hidden=UNCLEARED,
        fresh=True,  # a manager sends it back: the next role gets a submitted one
    ),
    Case(
        "reports:report-finalise",
        kwargs=cleared_pk,
        get=EDITORS,
        post=EDITORS,
        hidden=NOT_FINAL,
        fresh=True,  # a manager finalises it: the next role gets a cleared one
    ),
    Case("reports:report-pdf", kwargs=cleared_pk, get=READERS, hidden=NOT_FINAL),
    Case("reports:report-docx", kwargs=cleared_pk, get=READERS, hidden=NOT_FINAL),
]
