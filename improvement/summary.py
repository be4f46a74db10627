"""The plan page's rows, counted and cut by the database: what a person can read, at any size.

A plan of 3,000 actions shows each theme's RAG counts and its first actions, with a link to the
actions table filtered to the rest; the page costs the same few queries at 30 actions or 3,000.
"""

from django.db.models import Count, F, Q

from improvement.models import Action, Milestone, Theme, first_and_count, first_of_each
from improvement.rules import RAG_ORDER
from improvement.state import action_states, missed_milestones, overdue_on

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
    rows = Action.objects.filter(plan=plan).values("theme_id", "rag").annotate(n=Count("pk"))
    for row in rows.order_by():
        counts.setdefault(row["theme_id"], dict.fromkeys(RAG_ORDER, 0))[row["rag"] or ""] += row[
            "n"
        ]
    return counts


def themes(plan):
    """[(theme, its first actions' states, its RAG counts, how many it has)]; no theme (None)
    last."""
    counts = rag_counts_by_theme(plan)
    first = {}
    shown = first_of_each(
        Action.objects.filter(plan=plan).select_related("lead_officer").only(*LISTED, *LEAD),
        "theme_id",
        # The builder's order (improvement.building), as the builder and the paper show it.
        [F("position").asc(), F("reference").asc(), F("pk").asc()],
        ACTIONS_PER_THEME,
    )
    for state in action_states(shown.order_by("position", "reference", "pk"), updates=False):
        first.setdefault(state.action.theme_id, []).append(state)
    rows = []
    for theme in [*Theme.objects.filter(plan=plan), None]:
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
    late = overdue_on(Action.objects.filter(plan=plan), today)
    shown, count = first_and_count(
        late.only(*LISTED).order_by("due_on", "reference"), OVERDUE_SHOWN
    )
    return action_states(shown, updates=False), count


def missed(plan, today):
    """(the first milestones missed, by due date, each with its action; how many are missed)."""
    late = missed_milestones(Milestone.objects.filter(action__plan=plan), today)
    shown = late.select_related("action").order_by("due_on", "action__reference", "pk")
    return first_and_count(shown, OVERDUE_SHOWN)


def recommendations(plan):
    """[(recommendation, the first actions answering it, how many more do)], gaps first."""
    in_scope = list(
        plan.recommendations.annotate(answers=Count("actions", filter=Q(actions__plan=plan)))
    )
    links = first_of_each(
        Action.recommendations.through.objects.filter(
            action__plan=plan, recommendation__in=[r.pk for r in in_scope]
        )
        .select_related("action")
        .only("recommendation_id", "action__reference"),
        "recommendation_id",
        [F("action__reference").asc(), F("action_id").asc()],
        ANSWERS_SHOWN,
    )
    answering = {}
    for link in links.order_by("action__reference", "action_id"):
        answering.setdefault(link.recommendation_id, []).append(link.action)
    rows = [(r, answering.get(r.pk, [])) for r in in_scope]
    rows = [(r, shown, r.answers - len(shown)) for r, shown in rows]
    return [row for row in rows if not row[1]] + [row for row in rows if row[1]]
