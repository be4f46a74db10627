"""The officer's monthly round: where the action stands on the update form, filters in words."""

import pytest
from django.urls import reverse

from improvement.filters import ActionFilter
from improvement.models import Action
from tests import factories as f
from tests.access import build_side

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def test_the_update_form_shows_the_rag_now_and_the_last_narrative_signed(client, side):
    side.officer.first_name, side.officer.last_name = "Priya", "Shah"
    side.officer.save()
    f.ProgressUpdateFactory(
        action=side.action, author=side.officer, narrative="Two posts filled; one vacant."
    )
    side.action.rag = "amber"
    side.action.save()
    client.force_login(side.officer)
    page = client.get(reverse("improvement:add_update", args=[side.action.pk])).content.decode()
    assert "Two posts filled; one vacant." in page
    assert "Priya Shah" in page
    assert "1 June 2024" in page
    assert "Amber" in page


def test_the_lead_filter_names_people_and_the_overdue_filter_says_what_it_does(side):
    nameless = f.member(side.authority, "officer", username="jbloggs", first_name="", last_name="")
    f.ActionFactory(plan=side.plan, theme=side.theme, lead_officer=nameless)
    action_filter = ActionFilter(None, queryset=Action.objects.all(), user=side.manager)
    leads = [label for _, label in action_filter.form.fields["lead_officer"].choices]
    assert "jbloggs" in leads
    assert side.officer.get_full_name() in leads
    overdue = [label for _, label in action_filter.form.fields["overdue"].choices]
    assert overdue == ["All actions", "Overdue only"]


def test_overdue_only_keeps_the_overdue_action(side):
    f.ActionFactory(plan=side.plan, theme=side.theme, due_on=None)
    action_filter = ActionFilter(
        {"overdue": "yes"}, queryset=Action.objects.all(), user=side.manager
    )
    assert list(action_filter.qs) == [side.action]
