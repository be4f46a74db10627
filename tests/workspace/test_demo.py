"""The demo's data: what `load_demo` sets up is on the record, so no one is shown as having done it."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from improvement.history import action_changes
from improvement.models import Action
from improvement.services import add_progress_update
from selfevaluation.models import SelfEvaluation
from workspace.demo import create_demo_users

pytestmark = pytest.mark.django_db


def test_the_demo_officers_first_update_shows_only_what_the_update_changed():
    call_command("loaddata", "authorities", "seeds", verbosity=0)
    create_demo_users()
    officer = get_user_model().objects.get(username="officer")
    # Gateshead 2017, action 2: green on 1 March 2017, led by the IRO manager in the paper.
    action = Action.objects.get(plan_id=100, reference="2")
    assert action.lead_officer == officer
    add_progress_update(action, officer, "amber", "Risk analysis training postponed to May.")
    newest, *older = action_changes(action)
    in_the_update = [c.field for c in [newest, *older] if c.when == newest.when]
    assert in_the_update == ["RAG rating"]


def test_the_demo_hand_over_of_actions_is_by_the_authoritys_manager():
    call_command("loaddata", "authorities", "seeds", verbosity=0)
    create_demo_users()
    action = Action.objects.get(plan_id=100, reference="2")
    [hand_over] = [c for c in action_changes(action) if c.field == "Lead officer"]
    manager = get_user_model().objects.get(username="manager")
    assert hand_over.who == manager.get_full_name()


def test_the_demo_drafts_gateshead_s_self_evaluation_as_its_manager():
    call_command("load_demo", stdout=io.StringIO())
    evaluation = SelfEvaluation.objects.get(authority__ons_code="E08000037")
    assert (evaluation.as_at.isoformat(), evaluation.status) == ("2025-11-28", "draft")
    drafted = evaluation.history.latest()
    assert drafted.history_user == get_user_model().objects.get(username="manager")
    assert drafted.facts["groups"], "no facts drafted"
    assert evaluation.plans_after.startswith("Over the next 12 months we will:")
