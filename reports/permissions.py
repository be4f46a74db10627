"""Who may read, start, edit and move a committee report through clearance: the reports app's
named rules.

A committee member reads a report only once a manager has cleared it: to them a draft or a
submitted report is not there at all (404, through readable_reports), not forbidden (403). A
partner (of an organisation in the partnership) reads only final papers, the ones the committee
reads and the council publishes: a cleared paper may still go back to draft, and is the
council's own until it is final.
"""

from authorities.access import committee_member_of, managed_by, manages, partner_of


def readable_reports(queryset, user):
    """The reports the user may read, of those in `queryset` (still to be scoped to the user's
    authorities): without the drafts and submitted reports of authorities where the user is a
    committee member, and only the final ones of authorities where the user is a partner."""
    Status = queryset.model.Status
    unread = [Status.DRAFT, Status.SUBMITTED]
    return queryset.exclude(
        plan__authority_id__in=committee_member_of(user), status__in=unread
    ).exclude(plan__authority_id__in=partner_of(user), status__in=[*unread, Status.CLEARED])


def may_start_report(user):
    """Managers and admins, of any authority."""
    return bool(managed_by(user))


def may_report_on(user, plan):
    """Managers and admins of the plan's authority: a new report of the plan."""
    return manages(user, plan.authority_id)


def may_edit_report(user, report):
    """Managers and admins of the report's authority: its front matter, while a draft."""
    return manages(user, report.plan.authority_id)


def may_submit(user, report):
    """Managers and admins of the report's authority: the draft goes for clearance."""
    return manages(user, report.plan.authority_id)


def may_clear(user, report):
    """Managers and admins of the report's authority: committee members may read it from then.
    Where the authority asks for a second person (LocalAuthority.clearer_must_differ, on by
    default), not the one who submitted it for clearance."""
    return manages(user, report.plan.authority_id) and not is_own_submission(user, report)


def is_own_submission(user, document):
    """Whether the authority wants a second person and the user submitted the document (a
    committee report or a self-evaluation: reports.models.Clearance)."""
    return document.authority.clearer_must_differ and document.submitted_by_id == user.pk


def may_return_to_draft(user, report):
    """Managers and admins of the report's authority: a submitted or cleared report goes back to
    draft, with a reason, to be changed and submitted again."""
    return manages(user, report.plan.authority_id)


def may_finalise(user, report):
    """Managers and admins of the report's authority: the cleared report is frozen."""
    return manages(user, report.plan.authority_id)
