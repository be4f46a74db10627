"""Rules of the improvement plan that are plain arithmetic on dates and ratings."""

from datetime import date, timedelta
from functools import lru_cache

import holidays

# Ofsted expects the written plan 70 working days after the report is published.
PLAN_DUE_WORKING_DAYS = 70


@lru_cache(maxsize=64)
def english_bank_holidays(year):
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in english_bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start`, skipping weekends and English bank holidays."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def plan_due_at_ofsted(published_on: date) -> date:
    return add_working_days(published_on, PLAN_DUE_WORKING_DAYS)


# --- Roll-ups of actions, on plain objects (no queries): the workspace's groupings. ---

DUE_SOON_DAYS = 30
RAG_ORDER = ("red", "amber", "green", "blue", "")


def is_overdue(action, today: date) -> bool:
    return bool(action.due_on and action.due_on < today and action.status != "complete")


def standing_updates(action):
    """The action's prefetched updates less the retracted ones (wrong, so no longer progress),
    newest first; only the newest where models.latest_standing_update() fetched it alone."""
    if hasattr(action, "newest_standing"):
        return action.newest_standing
    return [u for u in action.updates.all() if getattr(u, "retracted_at", None) is None]


def latest_update(action):
    """The newest standing update of an action whose updates were prefetched newest first."""
    return next(iter(standing_updates(action)), None)


def latest_update_on(action):
    """The date of the action's latest standing update."""
    return max((u.reported_on for u in standing_updates(action)), default=None)


def is_update_due(action, today: date, cycle_weeks: int) -> bool:
    """No update within the plan's update cycle (and the action is not complete)."""
    if action.status == "complete":
        return False
    last = latest_update_on(action)
    return last is None or last < today - timedelta(weeks=cycle_weeks)


def is_due_soon(action, today: date, days: int = DUE_SOON_DAYS) -> bool:
    return bool(
        action.due_on
        and today <= action.due_on <= today + timedelta(days=days)
        and action.status != "complete"
    )


def group_my_actions(actions, today: date):
    """Split actions into overdue, update due, due in 30 days and the rest; each in one group."""
    groups = {"overdue": [], "update_due": [], "due_soon": [], "rest": []}
    for action in actions:
        if is_overdue(action, today):
            groups["overdue"].append(action)
        elif is_update_due(action, today, action.plan.update_cycle_weeks):
            groups["update_due"].append(action)
        elif is_due_soon(action, today):
            groups["due_soon"].append(action)
        else:
            groups["rest"].append(action)
    return groups


def rag_counts(actions):
    """How many actions have each RAG, in RAG order; unrated actions count under ''."""
    counts = dict.fromkeys(RAG_ORDER, 0)
    for action in actions:
        counts[action.rag or ""] += 1
    return counts


def themes_with_counts(themes, actions):
    """[(theme, its actions, their RAG counts)] and the actions with no theme as theme None."""
    by_theme = {}
    for action in actions:
        by_theme.setdefault(action.theme_id, []).append(action)
    rows = [(t, by_theme.get(t.pk, []), rag_counts(by_theme.get(t.pk, []))) for t in themes]
    if None in by_theme:
        rows.append((None, by_theme[None], rag_counts(by_theme[None])))
    return rows


def recommendations_with_gaps_first(recommendations, actions):
    """[(recommendation, actions answering it)], those no action answers (gaps) first."""
    answering = {}
    for action in actions:
        for recommendation in action.recommendations.all():
            answering.setdefault(recommendation.pk, []).append(action)
    rows = [(r, answering.get(r.pk, [])) for r in recommendations]
    return [row for row in rows if not row[1]] + [row for row in rows if row[1]]
