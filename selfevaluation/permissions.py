"""Who may read, start, edit and move a self-evaluation through clearance: the selfevaluation
app's named rules, the committee report's (reports.permissions) applied to a document the
authority owns.

Officers, managers and admins of the authority read every self-evaluation of it, as they read
every committee report. A committee member reads one only once it is final: it is the council's
account to Ofsted, and members see it as it went, not while managers draft and clear it. To them
a self-evaluation that is not final is not there at all (404, through readable_self_evaluations),
and its earlier versions, drafts all, are not theirs to read (403, may_read_versions).
"""

from authorities.access import (
    committee_member_of,
    is_staff_of,
    managed_by,
    manages,
)
from reports.permissions import is_own_submission


def readable_self_evaluations(queryset, user):
    """The self-evaluations the user may read, of those in `queryset` (still to be scoped to
    the user's authorities): without those not yet final of the authorities where the user is a
    committee member."""
    members = committee_member_of(user)
    return queryset.exclude(authority_id__in=members, status__in=unfinished(queryset.model))


def unfinished(model):
    return [status for status in model.Status.values if status != model.Status.FINAL]


def may_read_versions(user, evaluation):
    """Officers, managers and admins of its authority: every saved version, drafts included (a
    committee member reads the final one alone)."""
    return is_staff_of(user, evaluation.authority_id)


def may_start_self_evaluation(user):
    """Managers and admins, of any authority."""
    return bool(managed_by(user))


def may_self_evaluate(user, authority):
    """Managers and admins of the authority: a new self-evaluation of it."""
    return manages(user, authority.pk)


def may_edit_self_evaluation(user, evaluation):
    """Managers and admins of its authority: its date and narrative while a draft, and its facts
    drafted again."""
    return manages(user, evaluation.authority_id)


def may_submit(user, evaluation):
    """Managers and admins of its authority: the draft goes for clearance."""
    return manages(user, evaluation.authority_id)


def may_clear(user, evaluation):
    """Managers and admins of its authority; where the authority asks for a second person
    (LocalAuthority.clearer_must_differ), not the one who submitted it for clearance."""
    return manages(user, evaluation.authority_id) and not is_own_submission(user, evaluation)


def may_return_to_draft(user, evaluation):
    """Managers and admins of its authority: a submitted or cleared self-evaluation goes back to
    draft, with a reason."""
    return manages(user, evaluation.authority_id)


def may_finalise(user, evaluation):
    """Managers and admins of its authority: the cleared self-evaluation is frozen."""
    return manages(user, evaluation.authority_id)
