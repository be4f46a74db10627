"""Who may plan audits, record and correct results, and import them: the audits app's named rules.

Everyone of the authority reads its programme, results and summaries (committee members too, as
they read the plan: the results hold no child's name or identifier). Officers, managers and
admins record results and import them; managers and admins keep the programme and correct any
result; an officer corrects the results they recorded.
"""

from authorities.access import is_staff_of, manages


def may_plan_audits(user, authority):
    """Managers and admins of the authority: its audit programme."""
    return manages(user, authority.pk)


def may_record_audit(user, authority):
    """Officers, managers and admins of the authority: a result, in the form or from a workbook."""
    return is_staff_of(user, authority.pk)


def may_edit_audit(user, result):
    """Managers and admins of its authority, and the officer who recorded it."""
    if manages(user, result.authority_id):
        return True
    return is_staff_of(user, result.authority_id) and result.recorded_by_id == user.pk
