"""The plan page's rows, counted and cut by the database: what a person can read, at any size.

A plan of 3,000 actions shows each theme's RAG counts and its first actions, with a link to the
actions table filtered to the rest; the page costs the same few queries at 30 actions or 3,000.
"""

from django.db.models import Count, F, Q

from core.prepared import prepared
from improvement.models import Action, Milestone, Theme, first_of_all, first_of_each
from improvement.rules import RAG_ORDER
from improvement.state import action_states, missed_milestones, overdue_on
from inspections.models import Recommendation

ACTIONS_PER_THEME = 5
OVERDUE_SHOWN = 10
ANSWERS_SHOWN = 5
# What the page shows of an action in its lists (its state as at today reads the plan, RAG, status
# and due date): the rest of the row is not read.
LISTED = (
    "pk",
    "theme_id",
    "position",
    "reference",
    "title",
    "lead_name",
    "due_on",
    "rag",
    "status",
)
LEAD = ("lead_officer__first_name", "lead_officer__last_name", "lead_officer__username")


def rag_counts_by_theme(plan):
    """{theme id: {rag: count}} in RAG order, counted by the database."""
    counts = {}
    for row in _rag_counts(plan.pk):
        theme = counts.setdefault(row["theme_id"], dict.fromkeys(RAG_ORDER, 0))
        theme[row["rag"] or ""] += row["n"]
    return counts


def themes(plan):
    """[(theme, its first actions' states, its RAG counts, how many it has)]; no theme (None)
    last."""
    counts = rag_counts_by_theme(plan)
    first = {}
    for state in action_states(_first_actions(plan.pk), updates=False):
        first.setdefault(state.action.theme_id, []).append(state)
    rows = []
    for theme in [*_themes(plan.pk), None]:
        key = theme.pk if theme else None
        if theme is None and key not in counts:
            continue
        theme_counts = counts.get(key, dict.fromkeys(RAG_ORDER, 0))
        rows.append((theme, first.get(key, []), theme_counts, sum(theme_counts.values())))
    return rows


def plan_counts(theme_rows):
    totals = dict.fromkeys(RAG_ORDER, 0)
    for _, _, counts, _ in theme_rows:
        for rag, count in counts.items():
            totals[rag] += count
    return totals


def overdue(plan, today):
    """(the states of the first overdue actions by due date, how many are overdue)."""
    shown = _overdue(plan.pk, today)
    return action_states(shown, updates=False), shown[0].rows_in_all if shown else 0


def missed(plan, today):
    """(the first milestones missed, by due date, each with its action; how many are missed)."""
    shown = _missed(plan.pk, today)
    return shown, shown[0].rows_in_all if shown else 0


def recommendations(plan):
    """[(recommendation, the first actions answering it, how many more do)], gaps first."""
    in_scope = _in_scope(plan.pk)
    answering = {}
    for link in _answers(plan.pk, [r.pk for r in in_scope]):
        answering.setdefault(link.recommendation_id, []).append(link.action)
    rows = [(r, answering.get(r.pk, [])) for r in in_scope]
    rows = [(r, shown, r.answers - len(shown)) for r, shown in rows]
    return [row for row in rows if not row[1]] + [row for row in rows if row[1]]


# The page's queries, each compiled once per process (core.prepared).


@prepared
def _rag_counts(plan_id):
    actions = Action.objects.filter(plan_id=plan_id).order_by()
    return actions.values("theme_id", "rag").annotate(n=Count("pk"))


@prepared
def _first_actions(plan_id):
    actions = Action.objects.filter(plan_id=plan_id).select_related("lead_officer")
    shown = first_of_each(
        actions.only(*LISTED, *LEAD),
        "theme_id",
        # The builder's order (improvement.building), as the builder and the paper show it.
        [F("position").asc(), F("reference").asc(), F("pk").asc()],
        ACTIONS_PER_THEME,
    )
    return shown.order_by("position", "reference", "pk")


@prepared
def _themes(plan_id):
    return Theme.objects.filter(plan_id=plan_id)


@prepared
def _overdue(plan_id, today):
    late = overdue_on(Action.objects.filter(plan_id=plan_id), today)
    return first_of_all(late.only(*LISTED).order_by("due_on", "reference"), OVERDUE_SHOWN)


@prepared
def _missed(plan_id, today):
    late = missed_milestones(Milestone.objects.filter(action__plan_id=plan_id), today)
    shown = late.select_related("action").order_by("due_on", "action__reference", "pk")
    return first_of_all(shown, OVERDUE_SHOWN)


@prepared
def _in_scope(plan_id):
    answering = Count("actions", filter=Q(actions__plan_id=plan_id))
    return Recommendation.objects.filter(plans_in_scope=plan_id).annotate(answers=answering)


@prepared
def _answers(plan_id, recommendation_ids):
    links = first_of_each(
        Action.recommendations.through.objects.filter(
            action__plan_id=plan_id, recommendation__in=recommendation_ids
        )
        .select_related("action")
        .only("recommendation_id", "action__reference"),
        "recommendation_id",
        [F("action__reference").asc(), F("action_id").asc()],
        ANSWERS_SHOWN,
    )
    return links.order_by("action__reference", "action_id")
