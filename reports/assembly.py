"""Assemble a committee report's content from the data, as a typed snapshot (reports.snapshot).

The result is the data, and the paper written from it as blocks (reports.compose): a finalised
report stores it as its snapshot and renders from it ever after, so nothing in it is a model or a
lazy value. Everything is as at the date the figures are taken (figures_date): the meeting, or
the day the report is assembled if that comes first. Each action is as it stood then
(improvement.state); no progress update, indicator period or other authority's inspection after
the date counts. Queries are fixed in number, whatever the size of the plan.
"""

import re
from dataclasses import replace
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from core.dates import long_date
from improvement.models import Action, rag_words
from improvement.state import action_states
from indicators.report import report_section
from inspections.models import Judgement, Recommendation
from reports import rag
from reports.changes import changes_since
from reports.compose import compose
from reports.paper import paper_of
from reports.regional import regional_appendix
from reports.snapshot import (
    ActionSummary,
    ActionThen,
    DueDateMove,
    Front,
    Implication,
    IndicatorEntry,
    InspectionSummary,
    JudgementGrade,
    PlanName,
    RagRule,
    RagSummary,
    RecommendationSection,
    Snapshot,
    ThemeCounts,
    build,
)


def paragraphs(text):
    return tuple(p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip())


def lines(text):
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def figures_date(report) -> date:
    """The day a report's figures are taken: its meeting, or today while the meeting is to come.
    A paper finalised before its meeting says so, and judges what is overdue on that day."""
    return min(report.meeting_on, timezone.localdate())


def assemble(report, as_at=None) -> Snapshot:
    """Everything the report shows, from live data, as at a date (figures_date by default)."""
    as_at = as_at or figures_date(report)
    plan = report.plan
    actions = plan_actions(plan, as_at)
    states = {a.reference: state_of(a) for a in actions}
    snapshot = Snapshot(
        as_at=long_date(as_at),
        front=front_matter(report),
        paper=paper_of(report),
        plan=PlanName(title=plan.title, authority=plan.authority.name),
        inspections=tuple(inspection_summary(i) for i in plan_inspections(plan)),
        rag_rules=tuple(RagRule(r, rag_words(r), m) for r, m in rag.RAG_MEANINGS),
        summary=rag_summary(actions),
        exceptions=tuple(a for a in actions if a.exception_reasons),
        recommendations=recommendation_sections(plan_recommendations(plan), actions),
        unanswered_actions=tuple(a for a in actions if not a.answers),
        action_states=states,
        appendix=regional_appendix(plan.authority, as_at),
        # The indicators app gives its section as JSON-ready values; read into their types.
        indicators=build(tuple[IndicatorEntry, ...], report_section(plan, as_at)),
        changes=changes_since(report, states),
    )
    return replace(snapshot, blocks=tuple(compose(snapshot)))


def front_matter(report) -> Front:
    return Front(
        title=report.title,
        report_of=report.report_of,
        committee=report.committee.name,
        authority=report.plan.authority.name,
        meeting_on=long_date(report.meeting_on),
        purpose=paragraphs(report.purpose),
        background=paragraphs(report.background),
        recommendations=lines(report.recommendations),
        contact_officer=report.contact_officer,
        background_papers=lines(report.background_papers),
        agenda_item=report.agenda_item,
        summary=paragraphs(report.summary),
        implications=tuple(
            Implication(name, paragraphs(getattr(report, field)))
            for name, field in IMPLICATIONS
            if getattr(report, field).strip()
        ),
    )


# The implications a paper sets out, in its order: (heading, CommitteeReport field).
IMPLICATIONS = [
    ("Financial implications", "financial_implications"),
    ("Legal implications", "legal_implications"),
    ("Risk management implications", "risk_implications"),
    ("Equality and diversity implications", "equality_implications"),
    ("Safeguarding implications", "safeguarding_implications"),
    ("Implications for service users", "service_user_implications"),
]


def plan_inspections(plan):
    judgements = Judgement.objects.select_related("area").order_by("area__order")
    return list(
        plan.inspections.select_related("framework")
        .prefetch_related(
            Prefetch("judgements", queryset=judgements),
            # Only the recommendations in the plan's scope are reported on.
            Prefetch(
                "recommendations",
                queryset=Recommendation.objects.filter(plans_in_scope=plan).order_by("number"),
            ),
        )
        .order_by("started_on", "pk")
    )


def plan_recommendations(plan):
    """The recommendations in the plan's scope: another plan answers the others."""
    return list(
        plan.recommendations.select_related("inspection__framework").order_by(
            "inspection__started_on", "inspection_id", "number"
        )
    )


def inspection_summary(inspection) -> InspectionSummary:
    return InspectionSummary(
        id=inspection.pk,
        framework=inspection.framework.name,
        framework_short=inspection.framework.short_name,
        kind=inspection.get_kind_display(),
        on_site=inspection.date_range,
        published=long_date(inspection.published_on) or "Not published",
        overall=inspection.overall_grade_words,
        judgements=tuple(
            JudgementGrade(j.area.name, j.get_grade_display(), j.area.is_sub_judgement)
            for j in inspection.judgements.all()
        ),
    )


def natural_key(reference):
    """1.2 before 1.10, 1.1 before 1.1a, numbers before letters (1, 2, R9): each run of digits
    compares as a number and each run of letters as text, never one with the other."""
    runs = re.findall(r"\d+|[^\W\d_]+", reference.lower())
    return [(0, int(run), "") if run.isdecimal() else (1, 0, run) for run in runs], reference


def plan_actions(plan, as_at):
    """Each action of the plan as it stood on the day, in the plan's order (plan_order)."""
    queryset = (
        Action.objects.filter(plan=plan)
        .select_related("plan", "theme", "lead_officer")
        .prefetch_related(Prefetch("recommendations", queryset=Recommendation.objects.only("id")))
    )
    states = sorted(action_states(queryset, as_at, due_date_changes=True), key=plan_order)
    return [action_summary(s) for s in states]


def plan_order(state):
    """Actions with no theme first, then themes and their actions as the builder orders them
    (improvement.building); actions never moved, by reference in its natural order."""
    action, theme = state.action, state.action.theme
    where = (1, theme.position, theme.number) if theme else (0, 0, 0)
    return (*where, action.position, natural_key(action.reference))


def action_summary(state) -> ActionSummary:
    action, update = state.action, state.update
    changes = tuple(due_date_change(c) for c in state.due_date_changes)
    return ActionSummary(
        reference=action.reference,
        title=action.title,
        theme_number=action.theme.number if action.theme else 0,
        theme=str(action.theme) if action.theme else "",
        lead=state.lead,
        due_on=long_date(state.due_on),
        due_on_iso=state.due_on.isoformat() if state.due_on else "",
        original_due_on=long_date(action.original_due_on),
        status=state.status_words,
        status_code=state.status,
        rag=state.rag,
        rag_words=state.rag_words,
        overdue=state.overdue,
        narrative=update.narrative if update else "",
        reported_on=long_date(update.reported_on) if update else "",
        update_from=update.organisation.name if update and update.organisation_id else "",
        due_date_changes=changes,
        exception_reasons=tuple(rag.exception_reasons(state.rag, state.overdue, bool(changes))),
        answers=tuple(sorted(r.pk for r in action.recommendations.all())),
    )


def due_date_change(change) -> DueDateMove:
    return DueDateMove(
        old=long_date(change.old_due_on), new=long_date(change.new_due_on), reason=change.reason
    )


def rag_summary(actions) -> RagSummary:
    themes = {}  # in the actions' order, which is the plan's
    for action in actions:
        themes.setdefault((action.theme_number, action.theme), []).append(action.rag)
    return RagSummary(
        plan=rag.rag_counts(a.rag for a in actions),
        themes=tuple(
            ThemeCounts(name or "Actions without a theme", rag.rag_counts(rags))
            for (_, name), rags in themes.items()
        ),
    )


def recommendation_sections(recommendations, actions):
    by_recommendation = {}
    for action in actions:
        for recommendation_id in action.answers:
            by_recommendation.setdefault(recommendation_id, []).append(action)
    return tuple(
        RecommendationSection(
            inspection=inspection_label(r.inspection),
            number=r.number,
            text=r.text,
            priority=r.get_priority_display(),
            addressed_to=r.get_addressed_to_display(),
            actions=tuple(by_recommendation.get(r.pk, [])),
        )
        for r in recommendations
    )


def inspection_label(inspection):
    kind = inspection.get_kind_display().lower()
    return f"{inspection.framework.short_name} {kind}, {long_date(inspection.ended_on)}"


def state_of(action) -> ActionThen:
    return ActionThen(
        title=action.title,
        rag=action.rag,
        status_code=action.status_code,
        due_on=action.due_on_iso,
        overdue=action.overdue,
    )
