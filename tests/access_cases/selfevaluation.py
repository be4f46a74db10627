"""Access cases for self-evaluations: managers (and admins) write and clear; officers read every
one; committee members read a final one only (any other is not there for them: 404), and not its
versions (403)."""

import datetime

from django.utils import timezone

from selfevaluation import services
from selfevaluation.models import SelfEvaluation
from tests.access import EDITORS, INSIDERS, PARTNERS, UPDATERS, Case, Role, date_data

# Committee members do not see a self-evaluation before it is final: for them it is not there.
# A partner agency's people find no self-evaluation at all (the council's internal work); a
# committee member finds none until it is final.
UNFINISHED = frozenset({Role.COMMITTEE_MEMBER, Role.PARTNER})
Status = SelfEvaluation.Status


def evaluation_in(w, status, year):
    """A self-evaluation of side A's plan in a clearance state, made once per world (a step that
    moves it on leaves the next request none in that state: it makes another, a year on)."""
    found = SelfEvaluation.objects.filter(plan=w.a.plan, status=status).first()
    if found:
        return found
    while SelfEvaluation.objects.filter(plan=w.a.plan, year=year).exists():
        year += 1
    evaluation = services.start(
        w.a.manager,
        authority=w.a.authority,
        plan=w.a.plan,
        year=year,
        as_at=timezone.localdate(),
        title="Self-evaluation of social work practice",
    )
    if status == Status.DRAFT:
        return evaluation
    # Put in the state as the committee reports' cases do: submitted by no one, so that any
    # manager may clear it (a second manager clears what another submitted).
    evaluation.status = Status.CLEARED if status == Status.FINAL else status
    evaluation.save()
    return services.finalise(evaluation, w.a.manager) if status == Status.FINAL else evaluation


def draft_pk(w):
    return {"pk": evaluation_in(w, Status.DRAFT, 2030).pk}


def submitted_pk(w):
    return {"pk": evaluation_in(w, Status.SUBMITTED, 2040).pk}


def cleared_pk(w):
    return {"pk": evaluation_in(w, Status.CLEARED, 2050).pk}


def final_pk(w):
    """Committee members read a self-evaluation once it is final: the reading cases use one."""
    return {"pk": evaluation_in(w, Status.FINAL, 2060).pk}


def final_version(w):
    final = evaluation_in(w, Status.FINAL, 2060)
    return {"pk": final.pk, "history_id": final.history.latest().history_id}


def edited(w):
    evaluation = evaluation_in(w, Status.DRAFT, 2030)
    return {
        "title": "Self-evaluation of social work practice (revised)",
        "year": evaluation.year,
        **date_data("as_at", evaluation.as_at),
        **date_data("meeting_on", datetime.date(2030, 1, 20)),
        "know_before": "Our children are seen, and seen alone.",
        "version": evaluation.version,
    }


def new_evaluation(w):
    return {
        "authority": w.a.authority.pk,
        "plan": w.a.plan.pk,
        "year": 2070,
        "title": "Self-evaluation of social work practice",
        **date_data("as_at", timezone.localdate()),
        **date_data("meeting_on", None),
    }


CASES = [
    Case("selfevaluation:list", scoped=False),
    Case(
        "selfevaluation:create",
        get=EDITORS,
        post=EDITORS,
        post_data=new_evaluation,
        scoped=False,
    ),
    Case("selfevaluation:detail", kwargs=final_pk, get=INSIDERS, hidden=PARTNERS),
    Case(
        "selfevaluation:edit",
        kwargs=draft_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=edited,
        hidden=UNFINISHED,
    ),
    Case("selfevaluation:redraft", kwargs=draft_pk, get=None, post=EDITORS, hidden=UNFINISHED),
    Case("selfevaluation:submit", kwargs=draft_pk, get=None, post=EDITORS, hidden=UNFINISHED),
    Case(
        "selfevaluation:clear",
        kwargs=submitted_pk,
        get=EDITORS,
        post=EDITORS,
        hidden=UNFINISHED,
        fresh=True,  # a manager clears it: the next role gets a submitted one
    ),
    Case(
        "selfevaluation:return",
        kwargs=submitted_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=lambda w: {"reason": "The quarter's figures were corrected."},
        hidden=UNFINISHED,
        fresh=True,  # a manager sends it back: the next role gets a submitted one
    ),
    Case(
        "selfevaluation:finalise",
        kwargs=cleared_pk,
        get=EDITORS,
        post=EDITORS,
        hidden=UNFINISHED,
        fresh=True,  # a manager finalises it: the next role gets a cleared one
    ),
    Case("selfevaluation:versions", kwargs=final_pk, get=UPDATERS, hidden=PARTNERS),
    Case("selfevaluation:version", kwargs=final_version, get=UPDATERS, hidden=PARTNERS),
    Case("selfevaluation:pdf", kwargs=final_pk, get=INSIDERS, hidden=PARTNERS),
    Case("selfevaluation:docx", kwargs=final_pk, get=INSIDERS, hidden=PARTNERS),
    Case("selfevaluation:pack-pdf", kwargs=final_pk, get=INSIDERS, hidden=PARTNERS),
    Case("selfevaluation:pack-docx", kwargs=final_pk, get=INSIDERS, hidden=PARTNERS),
]
