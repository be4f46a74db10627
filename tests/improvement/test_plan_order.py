"""The order a manager sets in the builder is the plan's order everywhere: the plan page, the paper's
actions, the theme numbers; a move keeps the page's place; an action put in a theme goes last."""

import pytest
from django.urls import reverse

from improvement import building, services, summary
from improvement.models import Action, Theme
from reports.assembly import plan_actions, rag_summary
from tests import factories as f
from tests.access import build_side
from tests.improvement.test_workbook_import import upload
from tests.workbooks import workbook_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    plan = f.ImprovementPlanFactory()
    first = building.add_theme(plan, "Leadership")
    second = building.add_theme(plan, "Practice")
    for theme in (first, second):
        for reference in ("1", "2", "3"):
            building.add_action(
                plan, reference=f"{theme.number}.{reference}", title="Do", theme=theme
            )
    return plan


@pytest.fixture
def manager(plan):
    return f.member(plan.authority, "manager")


def moved(plan):
    """Theme 2 above theme 1, and action 1.3 above 1.1 and 1.2."""
    second = Theme.objects.get(plan=plan, title="Practice")
    building.move_theme(second, building.UP)
    last = Action.objects.get(plan=plan, reference="1.3")
    building.move_action(last, building.UP)
    building.move_action(Action.objects.get(pk=last.pk), building.UP)
    return plan


def test_the_plan_page_lists_themes_and_actions_in_the_builders_order(plan):
    moved(plan)
    rows = summary.themes(plan)
    assert [theme.title for theme, *_ in rows] == ["Practice", "Leadership"]
    references = [state.action.reference for state in rows[1][1]]
    assert references == ["1.3", "1.1", "1.2"]


def test_a_moved_theme_takes_the_number_of_its_place_so_1_comes_before_2(plan):
    moved(plan)
    themes = list(Theme.objects.filter(plan=plan))
    assert [str(t) for t in themes] == ["1. Practice", "2. Leadership"]
    assert Theme.history.filter(title="Practice").first().number == 1


def test_the_papers_actions_follow_the_builders_order(plan):
    moved(plan)
    actions = plan_actions(plan, None)
    assert [a.reference for a in actions] == ["2.1", "2.2", "2.3", "1.3", "1.1", "1.2"]
    themes = [t.theme for t in rag_summary(actions).themes]
    assert themes == ["1. Practice", "2. Leadership"]


def test_an_action_moved_to_another_theme_goes_last_in_it(plan):
    action = Action.objects.get(plan=plan, reference="1.1")
    practice = Theme.objects.get(plan=plan, title="Practice")
    services.edit_action(action.pk, action.version, {"theme": practice})
    order = list(Action.objects.filter(theme=practice).values_list("reference", flat=True))
    assert order == ["2.1", "2.2", "2.3", "1.1"]


def test_an_action_added_to_a_theme_goes_last_in_it(plan):
    theme = Theme.objects.get(plan=plan, title="Leadership")
    building.add_action(plan, reference="1.0", title="New", theme=theme)
    order = list(Action.objects.filter(theme=theme).values_list("reference", flat=True))
    assert order[-1] == "1.0"


def test_a_move_returns_to_the_moved_action_or_theme_on_the_builder(client, plan, manager):
    client.force_login(manager)
    action = Action.objects.get(plan=plan, reference="1.2")
    response = client.post(
        reverse("improvement:action_move", args=[action.pk]), {"direction": "up"}
    )
    build = reverse("improvement:plan_build", args=[plan.pk])
    assert response["Location"] == f"{build}#action-{action.pk}"
    theme = action.theme
    response = client.post(
        reverse("improvement:theme_move", args=[theme.pk]), {"direction": "down"}
    )
    assert response["Location"] == f"{build}#theme-{theme.pk}"
    page = client.get(build).content.decode()
    assert f'id="action-{action.pk}"' in page


def test_a_move_renumbers_themes_numbered_out_of_their_order_keeping_their_numbers(plan):
    third = building.add_theme(plan, "Partnerships")
    Theme.objects.filter(pk=third.pk).update(number=9)
    building.move_theme(Theme.objects.get(pk=third.pk), building.UP)
    themes = list(Theme.objects.filter(plan=plan))
    assert [str(t) for t in themes] == ["1. Leadership", "2. Partnerships", "9. Practice"]


def test_an_imported_action_goes_last_in_its_theme_on_the_builder(client):
    side = build_side("Aldwick", 1)
    building.add_action(side.plan, reference="1.2", title="Second", theme=side.theme)
    building.move_action(Action.objects.get(plan=side.plan, reference="1.2"), building.UP)
    headers = ["Ref", "Theme", "Action", "Due"]
    row = ["1.0", side.theme.title, "Imported last", "31/03/2025"]
    preview_url = upload(client, side, workbook_bytes({"Plan": [headers, row]}))
    assert not client.get(preview_url).context["result"].blocking
    client.post(preview_url)
    order = Action.objects.filter(theme=side.theme).values_list("reference", flat=True)
    assert list(order) == ["1.2", "1.1", "1.0"]
    page = client.get(reverse("improvement:plan", args=[side.plan.pk])).content.decode()
    themes = page[page.index(">Themes</h2>") :]
    assert themes.index("Second") < themes.index(side.action.title) < themes.index("Imported last")


def test_never_moved_actions_are_numbered_in_natural_order_by_the_migration():
    """Rows loaded before positions were kept sat at 0 and sorted as text (1.10 above 1.2); the
    migration numbers them as numbers, after any order a manager set."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("improvement.migrations.0012_natural_action_positions")
    plan = f.ImprovementPlanFactory()
    for reference in ("1.10", "1.2", "1.1", "1.9"):
        f.ActionFactory(plan=plan, theme=None, reference=reference, position=0)
    f.ActionFactory(plan=plan, theme=None, reference="2.1", position=1)

    migration.number_actions(apps, None)

    order = (
        Action.objects.filter(plan=plan).order_by("position").values_list("reference", flat=True)
    )
    assert list(order) == ["2.1", "1.1", "1.2", "1.9", "1.10"]
