"""Assemble a committee report's content from the data, as plain JSON-ready values.

The result is the data, and the paper written from it as blocks (reports.compose): a finalised
report stores it as its snapshot and renders from it ever after, so nothing here may be a model or
a lazy value. Everything is as at the report's meeting date: no progress update, and no other
authority's inspection, dated after it. Queries are fixed in number, whatever the size of the plan.
"""

from django.db.models import Prefetch

from core.people import person_name
from improvement import rules
from improvement.models import Action, DueDateChange, ProgressUpdate
from indicators.report import report_section
from inspections.models import Judgement, Recommendation
from reports import rag
from reports.changes import changes_since
from reports.compose import compose
from reports.paper import paper_of
from reports.regional import regional_appendix

SCHEMA_VERSION = 2


def words(day):
    return f"{day:%-d %B %Y}" if day else ""


def paragraphs(text):
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def assemble(report, as_at=None):
    """Everything the report shows, from live data, as at a date (its meeting date by default)."""
    as_at = as_at or report.meeting_on
    plan = report.plan
    inspections = plan_inspections(plan)
    actions = plan_actions(plan, as_at)
    content = {
        "schema": SCHEMA_VERSION,
        "as_at": words(as_at),
        "front": front_matter(report),
        "paper": paper_of(report),
        "plan": {"title": plan.title, "authority": plan.authority.name},
        "inspections": [inspection_summary(i) for i in inspections],
        "rag_rules": [
            {"rag": r, "words": rag.rag_in_words(r), "meaning": m} for r, m in rag.RAG_MEANINGS
        ],
        "summary": rag_summary(actions),
        "exceptions": [a for a in actions if a["exception_reasons"]],
        "recommendations": recommendation_sections(plan_recommendations(plan), actions),
        "unanswered_actions": [a for a in actions if not a["answers"]],
        "action_states": {a["reference"]: state_of(a) for a in actions},
        "appendix": regional_appendix(plan.authority, as_at),
        "indicators": report_section(plan, as_at),
    }
    content["changes"] = changes_since(report, content["action_states"])
    content["blocks"] = compose(content)
    return content


def front_matter(report):
    return {
        "title": report.title,
        "report_of": report.report_of,
        "committee": report.committee.name,
        "authority": report.plan.authority.name,
        "meeting_on": words(report.meeting_on),
        "purpose": paragraphs(report.purpose),
        "background": paragraphs(report.background),
        "recommendations": lines(report.recommendations),
        "contact_officer": report.contact_officer,
        "background_papers": lines(report.background_papers),
        "agenda_item": report.agenda_item,
        "summary": paragraphs(report.summary),
        "implications": [
            {"heading": name, "paragraphs": paragraphs(getattr(report, field))}
            for name, field in IMPLICATIONS
            if getattr(report, field).strip()
        ],
    }


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


def inspection_summary(inspection):
    return {
        "id": inspection.pk,
        "framework": inspection.framework.name,
        "framework_short": inspection.framework.short_name,
        "kind": inspection.get_kind_display(),
        "on_site": f"{words(inspection.started_on)} to {words(inspection.ended_on)}",
        "published": words(inspection.published_on) or "Not published",
        "overall": inspection.get_overall_grade_display() or "No overall grade",
        "judgements": [
            {
                "area": j.area.name,
                "grade": j.get_grade_display(),
                "is_sub_judgement": j.area.is_sub_judgement,
            }
            for j in inspection.judgements.all()
        ],
    }


def natural_key(reference):
    return [int(p) if p.isdigit() else p for p in reference.replace("-", ".").split(".")]


def plan_actions(plan, as_at):
    # Retracted updates no longer count, and nothing dated after the meeting is reported.
    updates = (
        ProgressUpdate.objects.current().filter(reported_on__lte=as_at).order_by(*LATEST_FIRST)
    )
    queryset = (
        Action.objects.filter(plan=plan)
        .select_related("theme", "lead_officer")
        .prefetch_related(
            Prefetch("updates", queryset=updates),
            Prefetch("due_date_changes", queryset=DueDateChange.objects.order_by("changed_at")),
            Prefetch("recommendations", queryset=Recommendation.objects.only("id")),
        )
    )
    actions = [action_summary(a, as_at) for a in queryset]
    return sorted(actions, key=lambda a: (a["theme_number"], natural_key(a["reference"])))


LATEST_FIRST = ("-reported_on", "-created_at", "-pk")


def action_summary(action, as_at):
    updates = list(action.updates.all())
    latest = updates[0] if updates else None
    current_rag = latest.rag if latest else action.rag
    overdue = rules.is_overdue(action, as_at)
    changes = [due_date_change(c) for c in action.due_date_changes.all()]
    return {
        "reference": action.reference,
        "title": action.title,
        "theme_number": action.theme.number if action.theme else 0,
        "theme": str(action.theme) if action.theme else "",
        "lead": lead_of(action),
        "due_on": words(action.due_on),
        "due_on_iso": action.due_on.isoformat() if action.due_on else "",
        "original_due_on": words(action.original_due_on),
        "status": action.get_status_display(),
        "status_code": action.status,
        "rag": current_rag,
        "rag_words": rag.rag_in_words(current_rag),
        "overdue": overdue,
        "narrative": latest.narrative if latest else "",
        "reported_on": words(latest.reported_on) if latest else "",
        "due_date_changes": changes,
        "exception_reasons": rag.exception_reasons(current_rag, overdue, bool(changes)),
        "answers": sorted(r.pk for r in action.recommendations.all()),
    }


def lead_of(action):
    if action.lead_name or not action.lead_officer:
        return action.lead_name
    return person_name(action.lead_officer)


def due_date_change(change):
    return {
        "old": words(change.old_due_on),
        "new": words(change.new_due_on),
        "reason": change.reason,
    }


def rag_summary(actions):
    themes = {}
    for action in actions:
        themes.setdefault((action["theme_number"], action["theme"]), []).append(action["rag"])
    return {
        "plan": rag.rag_counts(a["rag"] for a in actions),
        "themes": [
            {"theme": name or "Actions without a theme", "counts": rag.rag_counts(rags)}
            for (_, name), rags in sorted(themes.items())
        ],
    }


def recommendation_sections(recommendations, actions):
    by_recommendation = {}
    for action in actions:
        for recommendation_id in action["answers"]:
            by_recommendation.setdefault(recommendation_id, []).append(action)
    return [
        {
            "inspection": inspection_label(r.inspection),
            "number": r.number,
            "text": r.text,
            "priority": r.get_priority_display(),
            "addressed_to": r.get_addressed_to_display(),
            "actions": by_recommendation.get(r.pk, []),
        }
        for r in recommendations
    ]


def inspection_label(inspection):
    kind = inspection.get_kind_display().lower()
    return f"{inspection.framework.short_name} {kind}, {words(inspection.ended_on)}"


def state_of(action):
    return {
        "title": action["title"],
        "rag": action["rag"],
        "status_code": action["status_code"],
        "due_on": action["due_on_iso"],
        "overdue": action["overdue"],
    }
