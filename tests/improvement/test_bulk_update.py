"""A manager changes many actions at once; each change is recorded as if made one by one."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from improvement import bulk, services
from improvement.models import Action, DueDateChange
from tests import factories as f
from tests.access import build_side

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    side = build_side("Aldwick", 1)
    side.second = f.ActionFactory(plan=side.plan, theme=side.theme, reference="1.2")
    f.ProgressUpdateFactory(action=side.second)
    return side


def versions(*actions):
    return {a.pk: a.version for a in actions}


def test_a_status_set_on_two_actions_is_recorded_on_each(side):
    count = bulk.bulk_update(versions(side.action, side.second), side.manager, status="complete")
    assert count == 2
    for action in (side.action, side.second):
        action.refresh_from_db()
        assert action.status == Action.Status.COMPLETE
        assert action.version == 2
        assert action.history.first().status == Action.Status.COMPLETE


def test_completing_an_action_with_no_progress_update_is_refused_saying_which_and_what_to_do(
    side,
):
    third = f.ActionFactory(plan=side.plan, theme=side.theme, reference="1.3")
    retracted = f.ProgressUpdateFactory(action=third)
    services.retract_progress_update(retracted, side.manager, "Wrong action.")
    fourth = f.ActionFactory(plan=side.plan, theme=side.theme, reference="1.4")
    ticked = versions(side.action, side.second, Action.objects.get(pk=third.pk), fourth)
    with pytest.raises(ValidationError) as refused:
        bulk.bulk_update(ticked, side.manager, status="complete")
    assert refused.value.messages == [
        "Nothing was changed: 1.3, 1.4 have no progress update. Add an update saying what was"
        " done to each before marking it complete, or untick it."
    ]
    statuses = Action.objects.filter(plan=side.plan).values_list("status", flat=True)
    assert Action.Status.COMPLETE not in statuses


def test_an_action_already_complete_may_be_ticked_with_others_being_completed(side):
    side.second = f.ActionFactory(plan=side.plan, theme=side.theme, reference="1.5")
    Action.objects.filter(pk=side.second.pk).update(status=Action.Status.COMPLETE)
    assert bulk.bulk_update(versions(side.action, side.second), side.manager, status="complete")


def test_a_due_date_set_on_two_actions_records_each_change_with_the_reason(side):
    new = datetime.date(2030, 1, 31)
    bulk.bulk_update(
        versions(side.action, side.second), side.manager, due_on=new, reason="Staffing."
    )
    changes = DueDateChange.objects.filter(new_due_on=new, reason="Staffing.")
    assert {c.action_id for c in changes} == {side.action.pk, side.second.pk}


def test_a_due_date_needs_a_reason(side):
    with pytest.raises(ValidationError):
        bulk.bulk_update(versions(side.action), side.manager, due_on=datetime.date(2030, 1, 1))


def test_one_action_changed_meanwhile_leaves_every_action_as_it_was(side):
    seen = versions(side.action, side.second)
    services.edit_action(side.second.pk, side.second.version, {"title": "Changed meanwhile"})
    with pytest.raises(services.EditConflict):
        bulk.bulk_update(seen, side.manager, status="complete", lead_officer=side.manager)
    side.action.refresh_from_db()
    assert side.action.status == Action.Status.IN_PROGRESS
    assert side.action.lead_officer == side.officer


def test_a_lead_from_another_authority_is_refused(side):
    stranger = f.member(f.LocalAuthorityFactory(), "officer")
    with pytest.raises(ValidationError, match="must be an officer or manager of"):
        bulk.bulk_update(versions(side.action), side.manager, lead_officer=stranger)
    side.action.refresh_from_db()
    assert side.action.lead_officer == side.officer


def test_the_list_posts_ticked_actions_and_names_how_many_changed(client, side):
    client.force_login(side.manager)
    data = {
        "action": [side.action.pk, side.second.pk],
        f"version-{side.action.pk}": side.action.version,
        f"version-{side.second.pk}": side.second.version,
        "bulk-lead_officer": side.manager.pk,
    }
    response = client.post(reverse("improvement:bulk_update"), data)
    assert response["Location"] == reverse("improvement:actions")
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["2 actions changed."]
    assert Action.objects.filter(lead_officer=side.manager).count() == 2


def test_a_due_date_without_a_reason_is_shown_on_the_form(client, side):
    client.force_login(side.manager)
    data = {
        "action": [side.action.pk],
        f"version-{side.action.pk}": side.action.version,
        "bulk-due_on_day": "31",
        "bulk-due_on_month": "1",
        "bulk-due_on_year": "2030",
    }
    response = client.post(reverse("improvement:bulk_update"), data)
    assert "Give the reason the due dates change." in response.content.decode()
    side.action.refresh_from_db()
    assert side.action.due_on != datetime.date(2030, 1, 31)


def test_only_managers_see_the_tick_boxes(client, side):
    client.force_login(side.officer)
    assert 'name="action"' not in client.get(reverse("improvement:actions")).content.decode()
    client.force_login(side.manager)
    assert 'name="action"' in client.get(reverse("improvement:actions")).content.decode()


def test_a_new_lead_keeps_the_plans_name_for_the_post(side):
    side.action.lead_name = "Interim Strategic Director, Care Wellbeing and Learning"
    side.action.save()
    bulk.bulk_update(versions(side.action), side.manager, lead_officer=side.manager)
    side.action.refresh_from_db()
    assert side.action.lead_officer == side.manager
    assert side.action.lead_name == "Interim Strategic Director, Care Wellbeing and Learning"
