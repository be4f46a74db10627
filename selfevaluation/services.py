"""Workflows on self-evaluations: starting one, drafting its facts, editing its words, moving it
through the committee report's clearance, freezing it, its renderings and its versions.

A draft keeps the facts drafted from the data as at its date (selfevaluation.facts): they are
drafted when it is started, again when its date (or plan) changes, and again when a manager asks
(after a late update, say); the manager's narrative is kept throughout. Its content is composed
from those facts and that narrative whenever it is read. Finalising freezes the whole document
and the engagement meeting pack in its snapshot, which every later reading uses.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.access import check
from core.dates import long_date
from core.pdf import html_to_pdf
from reports import clearance, docx
from reports.paper import paper_fetcher, paper_for
from selfevaluation import facts
from selfevaluation.compose import compose
from selfevaluation.models import NARRATIVE, SelfEvaluation
from selfevaluation.pack import appendices, pack_blocks
from selfevaluation.permissions import (
    may_clear,
    may_edit_self_evaluation,
    may_finalise,
    may_return_to_draft,
    may_self_evaluate,
    may_submit,
)
from selfevaluation.snapshot import (
    QUESTIONS,
    Answer,
    Drafted,
    Evaluation,
    dump,
    load,
    load_drafted,
)

RULES = clearance.Rules(submit=may_submit, clear=may_clear, return_to_draft=may_return_to_draft)
PDF_STYLESHEETS = ("css/report-pdf.css",)
# What a change of these fields asks of the drafted facts: the data they speak of has changed.
REDRAFT_ON = {"as_at", "plan"}


class EditConflict(Exception):
    """Someone saved the self-evaluation after the form was opened."""

    def __init__(self, current):
        super().__init__(f"“{current}” was saved by someone else since you opened it.")
        self.current = current


class NotDraft(Exception):
    pass


# Drafting -----------------------------------------------------------------------------------


def scope_of(evaluation) -> facts.Scope:
    """The authority, the plans the self-evaluation covers (its own, or every plan of the
    authority) and its date."""
    if evaluation.plan_id:
        plans = (evaluation.plan,)
    else:
        plans = tuple(evaluation.authority.plans.order_by("title", "pk"))
    return facts.Scope(evaluation.authority, plans, evaluation.as_at)


def drafted_facts(evaluation) -> dict:
    """The facts drafted now from the data as at the self-evaluation's date, as stored JSON."""
    now = timezone.now()
    found = facts.draft(scope_of(evaluation))
    return dump(
        Drafted(as_at=evaluation.as_at.isoformat(), drafted_at=now.isoformat(), groups=found)
    )


def with_facts_drafted(evaluation):
    evaluation.facts = drafted_facts(evaluation)
    evaluation.drafted_at = timezone.now()
    return evaluation


@transaction.atomic
def start(user, **fields) -> SelfEvaluation:
    """A new draft of the user's authority, its facts drafted from the data as at its date."""
    check(may_self_evaluate, user, fields["authority"])
    evaluation = with_facts_drafted(SelfEvaluation(**fields))
    evaluation._history_user = user
    evaluation.save()
    return evaluation


def locked_draft(evaluation, version=None):
    """The draft, locked for a change; NotDraft when it is not a draft, EditConflict when it
    is no longer the `version` the form showed."""
    current = SelfEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if not current.is_draft:
        raise NotDraft(
            f"“{current}” is {current.get_status_display().lower()}: only a draft can be changed."
        )
    if version is not None and str(version).strip() != str(current.version):
        raise EditConflict(current)
    return current


@transaction.atomic
def edit(evaluation, user, version, changes) -> SelfEvaluation:
    """Save a manager's words and dates, if nobody saved the draft since `version` was read; a
    new date (or plan) drafts the facts again, the narrative is kept."""
    check(may_edit_self_evaluation, user, evaluation)
    current = locked_draft(evaluation, version)
    changes = {name: value for name, value in changes.items() if getattr(current, name) != value}
    if not changes:
        return current  # an unchanged form writes nothing and keeps the version
    for name, value in changes.items():
        setattr(current, name, value)
    if REDRAFT_ON & set(changes):
        with_facts_drafted(current)
    return saved(current, user)


@transaction.atomic
def redraft(evaluation, user) -> SelfEvaluation:
    """Draft the facts again from the data as at the same date (a late update, a new figure)."""
    check(may_edit_self_evaluation, user, evaluation)
    return draft_again(evaluation, user)


@transaction.atomic
def draft_again(evaluation, by=None) -> SelfEvaluation:
    """The facts drafted again, saved as a new version by `by` (None: the demo loader, acting
    for no one; a page calls redraft, which asks the user's rule)."""
    return saved(with_facts_drafted(locked_draft(evaluation)), by)


def saved(evaluation, user):
    evaluation.version += 1
    evaluation._history_user = user
    evaluation.save()
    return evaluation


# Clearance: the committee report's, under this app's rules ----------------------------------


def submit(evaluation, user):
    return clearance.submit(evaluation, user, RULES)


def clear(evaluation, user):
    return clearance.clear(evaluation, user, RULES)


def return_to_draft(evaluation, user, reason):
    return clearance.return_to_draft(evaluation, user, reason, RULES)


@transaction.atomic
def finalise(evaluation, user) -> SelfEvaluation:
    """Freeze the document as cleared (its drafted facts and narrative), with the engagement
    meeting pack's appendices as at its date: it reads the same from then on."""

    check(may_finalise, user, evaluation)

    def freeze(locked):
        appended = appendices(scope_of(locked).plans, locked.as_at)
        return dump(replace(evaluation_of(locked), pack=tuple(appended)))

    return clearance.finalise(evaluation, user, freeze)


# Content ------------------------------------------------------------------------------------


def evaluation_of(evaluation) -> Evaluation:
    """The document from the draft's drafted facts and narrative (any version of it: a history
    record's instance too)."""
    stored = load_drafted(evaluation.facts) if evaluation.facts else None
    words = dict(QUESTIONS)
    answers = tuple(
        Answer(question, words[question], getattr(evaluation, before), getattr(evaluation, after))
        for question, before, after in NARRATIVE
    )
    content = Evaluation(
        title=evaluation.title,
        authority=evaluation.authority.name,
        plan=evaluation.plan.title if evaluation.plan_id else "",
        year=evaluation.year,
        as_at=long_date(evaluation.as_at),
        meeting_on=long_date(evaluation.meeting_on),
        paper=paper_for(evaluation.authority, wards=None),
        answers=answers,
        facts=stored.groups if stored else (),
    )
    return replace(content, blocks=tuple(compose(content)))


def content_of(evaluation) -> Evaluation:
    """The frozen document of a final self-evaluation; a draft's, composed now."""
    return load(evaluation.snapshot) if evaluation.is_final else evaluation_of(evaluation)


def pack_of(evaluation) -> Evaluation:
    """The engagement meeting pack: the document with the appendices (frozen with it once
    final; as at its date from the data, until then)."""
    content = content_of(evaluation)
    appended = (
        content.pack
        if evaluation.is_final
        else appendices(scope_of(evaluation).plans, evaluation.as_at)
    )
    return replace(content, blocks=tuple(pack_blocks(content.blocks, appended)))


def is_draft(evaluation):
    """Draft, submitted and cleared are all drafts to a reader: only final is final."""
    return not evaluation.is_final


def title_of(content, pack=False, draft=False, authority=True):
    """ "Self-evaluation of social work practice 2026 – Gateshead", the pack's with "Engagement
    meeting pack: " before it, a draft's with "DRAFT: "; without the authority at the head of
    every page (the council is named there)."""
    title = f"{content.title} {content.year}"
    if pack:
        title = f"Engagement meeting pack: {title}"
    if authority:
        title = f"{title} – {content.authority}"
    return f"{docx.DRAFT}: {title}" if draft else title


def render_pdf(evaluation, pack=False):
    """The self-evaluation (or its engagement meeting pack) as PDF/UA-1 bytes; until it is
    final, "DRAFT" heads every page and its title. Its citations are numbered notes."""
    content = pack_of(evaluation) if pack else content_of(evaluation)
    draft = is_draft(evaluation)
    title = title_of(content, pack, draft)
    context = {
        "report": content,
        "title": title,
        "running": title_of(content, pack, authority=False),
        "draft": draft,
        "in_print": True,
        "site_url": settings.SITE_URL,
    }
    html = render_to_string("selfevaluation/selfevaluation_pdf.html", context)
    return html_to_pdf(
        html, title=title, stylesheets=PDF_STYLESHEETS, fetcher=paper_fetcher(content)
    )


def render_word(evaluation, pack=False):
    """The self-evaluation (or the pack) as a Word file: its citations are numbered notes."""
    content = pack_of(evaluation) if pack else content_of(evaluation)
    identity = docx.Identity(
        council=content.paper.council or content.authority,
        title=title_of(content, pack, authority=False),
        subject=f"Ofsted annual engagement meeting {content.year}, facts as at {content.as_at}",
        category="Engagement meeting pack" if pack else "Self-evaluation",
    )
    return docx.render_blocks(
        content.blocks,
        content.paper,
        identity,
        draft=is_draft(evaluation),
        when=evaluation.finalised_at or timezone.now(),
        site_url=settings.SITE_URL,
    )


def file_name(evaluation, extension, pack=False):
    state = "" if evaluation.is_final else f"-{evaluation.status}"
    kind = "engagement-meeting-pack" if pack else "self-evaluation"
    return f"{kind}-{evaluation.pk}-{evaluation.year}{state}.{extension}"


# Versions -----------------------------------------------------------------------------------

# What a reader calls each field a version may change; others (the version number, when the
# facts were drafted, who moved it on: its status says) are bookkeeping.
QUESTION_NUMBER = {question: number for number, (question, _) in enumerate(QUESTIONS, start=1)}
CHANGED = {
    "title": "Title",
    "year": "Year",
    "as_at": "Facts as at",
    "meeting_on": "Engagement meeting",
    "plan_id": "Plan",
    "facts": "Facts drafted again from the data",
    **{
        name: f"Question {QUESTION_NUMBER[question]}: the words {where} the facts"
        for question, before, after in NARRATIVE
        for name, where in ((before, "before"), (after, "after"))
    },
}


@dataclass(frozen=True)
class Version:
    number: int
    history_id: int
    when: datetime
    who: object  # the user, or None
    status: str
    changes: tuple[str, ...]


def versions(evaluation) -> list[Version]:
    """Every saved version of the self-evaluation, newest first: when, by whom, its state and
    what changed from the version before."""
    records = list(
        evaluation.history.select_related("history_user").order_by("history_date", "history_id")
    )
    found = []
    for number, record in enumerate(records, start=1):
        before = records[number - 2] if number > 1 else None
        found.append(
            Version(
                number=number,
                history_id=record.history_id,
                when=record.history_date,
                who=record.history_user,
                status=record.get_status_display(),
                changes=tuple(changes_between(before, record)),
            )
        )
    return found[::-1]


def changes_between(before, after):
    if before is None:
        yield "Started, its facts drafted from the data"
        return
    for name, said in CHANGED.items():
        if getattr(before, name) != getattr(after, name):
            yield said
    if before.status != after.status:
        yield status_change(after)


def status_change(record):
    if record.status == SelfEvaluation.Status.DRAFT and record.return_reason:
        return f"Sent back to draft: {record.return_reason}"
    if record.status == SelfEvaluation.Status.FINAL:
        return "Finalised: frozen as it reads from now on"
    return record.get_status_display()


def version_of(evaluation, history_id) -> Evaluation:
    """The document as one version had it (404 for a version of another self-evaluation)."""
    record = evaluation.history.get(history_id=history_id)
    if record.status == SelfEvaluation.Status.FINAL and record.snapshot:
        return load(record.snapshot)
    return evaluation_of(record.instance)
