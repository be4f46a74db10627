"""The workspace's groupings and RAG counts, on plain objects without the web layer."""

import datetime
from types import SimpleNamespace

from improvement import rules

TODAY = datetime.date(2025, 6, 2)


class Updates(list):
    def all(self):
        return self


def action(due_on=None, status="in_progress", rag="green", updates=(), theme_id=None, pk=0):
    plan = SimpleNamespace(update_cycle_weeks=4)
    return SimpleNamespace(
        pk=pk,
        due_on=due_on,
        status=status,
        rag=rag,
        theme_id=theme_id,
        plan=plan,
        updates=Updates(SimpleNamespace(reported_on=d) for d in updates),
        recommendations=Updates(),
    )


RECENT = [TODAY - datetime.timedelta(days=3)]


def test_each_action_falls_in_exactly_one_group():
    overdue = action(due_on=TODAY - datetime.timedelta(days=1), updates=RECENT)
    stale = action(
        due_on=TODAY + datetime.timedelta(days=90), updates=[TODAY - datetime.timedelta(weeks=5)]
    )
    never_updated = action(due_on=TODAY + datetime.timedelta(days=90))
    soon = action(due_on=TODAY + datetime.timedelta(days=30), updates=RECENT)
    later = action(due_on=TODAY + datetime.timedelta(days=31), updates=RECENT)
    done_late = action(due_on=TODAY - datetime.timedelta(days=9), status="complete", rag="blue")
    groups = rules.group_my_actions([overdue, stale, never_updated, soon, later, done_late], TODAY)
    assert groups["overdue"] == [overdue]
    assert groups["update_due"] == [stale, never_updated]
    assert groups["due_soon"] == [soon]
    assert groups["rest"] == [later, done_late]


def test_update_exactly_one_cycle_ago_is_not_yet_due():
    on_cycle = action(updates=[TODAY - datetime.timedelta(weeks=4)])
    assert not rules.is_update_due(on_cycle, TODAY, 4)
    assert rules.is_update_due(
        action(updates=[TODAY - datetime.timedelta(weeks=4, days=1)]), TODAY, 4
    )


def test_rag_counts_count_unrated_separately():
    counts = rules.rag_counts(
        [
            action(rag="red"),
            action(rag="red"),
            action(rag=""),
            action(rag="blue", status="complete"),
        ]
    )
    assert counts == {"red": 2, "amber": 0, "green": 0, "blue": 1, "": 1}


def test_themes_with_counts_puts_unthemed_actions_last():
    themes = [SimpleNamespace(pk=1), SimpleNamespace(pk=2)]
    a, b, c = action(theme_id=1, rag="amber"), action(theme_id=None), action(theme_id=1)
    rows = rules.themes_with_counts(themes, [a, b, c])
    assert [(t and t.pk, acts) for t, acts, _ in rows] == [(1, [a, c]), (2, []), (None, [b])]
    assert (rows[0][2]["amber"], rows[0][2]["green"]) == (1, 1)


def test_recommendations_no_action_answers_come_first_as_gaps():
    r1, r2, r3 = (SimpleNamespace(pk=n) for n in (1, 2, 3))
    answering = action()
    answering.recommendations = Updates([r1, r3])
    rows = rules.recommendations_with_gaps_first([r1, r2, r3], [answering])
    assert rows == [(r2, []), (r1, [answering]), (r3, [answering])]
