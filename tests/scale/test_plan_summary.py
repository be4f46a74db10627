"""The plan page shows what a person can read: counts for all, the first actions, links to the rest."""

import pytest
from django.urls import reverse

from improvement import summary
from tests.access import build_side
from tests.improvement.test_query_counts import grow

pytestmark = pytest.mark.django_db


def test_a_long_theme_shows_its_first_actions_its_counts_and_a_link_to_the_rest(client):
    side = build_side("Aldwick", 1)
    grow(side, 24)  # 25 actions in one theme, amber; half of them overdue
    client.force_login(side.officer)
    response = client.get(reverse("improvement:plan", args=[side.plan.pk]))
    assert response.status_code == 200
    [(theme, shown, counts, total)] = response.context["themes"]
    assert theme == side.theme
    assert len(shown) == summary.ACTIONS_PER_THEME
    assert total == 25
    assert counts["amber"] == 24
    assert response.context["plan_counts"]["amber"] == 24
    actions_url = reverse("improvement:actions")
    html = response.content.decode()
    assert f"{actions_url}?plan={side.plan.pk}&amp;theme={side.theme.pk}" in html
    assert "See all 25 actions in" in html
    late = response.context["overdue_count"]
    assert late > summary.OVERDUE_SHOWN
    assert len(response.context["overdue"]) == summary.OVERDUE_SHOWN
    assert f"See all {late} overdue actions" in html


def test_recommendations_show_gaps_first_and_how_many_more_actions_answer(client):
    side = build_side("Aldwick", 1)
    side.plan.recommendations.set([side.recommendation, side.gap])
    extra = grow(side, 8)
    for action in side.plan.actions.exclude(pk=side.action.pk):
        action.recommendations.add(side.recommendation)
    rows = summary.recommendations(side.plan)
    assert [(r, len(shown), more) for r, shown, more in rows] == [
        (side.gap, 0, 0),
        (side.recommendation, summary.ANSWERS_SHOWN, 9 - summary.ANSWERS_SHOWN),
    ]
    assert extra.plan == side.plan
