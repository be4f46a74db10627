"""Rules that belong to one plan, action or progress update."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from authorities.models import LocalAuthority
from improvement.models import Action, AppendOnlyError, ImprovementPlan, ProgressUpdate, Rag
from inspections.models import Framework, Inspection

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(db):
    call_command("loaddata", "authorities", verbosity=0)
    stockton = LocalAuthority.objects.get(ons_code="E06000004")
    inspection = Inspection.objects.create(
        authority=stockton,
        framework=Framework.objects.get(code="ilacs-2023"),
        kind=Inspection.Kind.STANDARD,
        started_on=date(2023, 2, 27),
        ended_on=date(2023, 3, 14),
        published_on=date(2023, 5, 9),
        overall_grade="requires_improvement",
    )
    plan = ImprovementPlan.objects.create(
        authority=stockton, title="Children's services improvement plan"
    )
    plan.inspections.add(inspection)
    return plan


@pytest.fixture
def action(plan):
    return Action.objects.create(
        plan=plan,
        reference="1.1",
        title="Open an Academy for ASYE social workers",
        due_on=date(2024, 3, 31),
    )


def test_the_plan_is_due_at_ofsted_70_working_days_after_publication(plan):
    assert plan.ofsted_due_on() == date(2023, 8, 16)


def test_a_plan_answering_no_inspection_has_no_ofsted_due_date(plan):
    plan.inspections.clear()
    assert plan.ofsted_due_on() is None


def test_references_are_unique_within_a_plan(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(plan=action.plan, reference="1.1", title="Twin")


def test_an_action_remembers_its_original_due_date(action):
    action.due_on = date(2024, 6, 30)
    action.save()
    action.refresh_from_db()
    assert action.original_due_on == date(2024, 3, 31)


def test_blue_is_refused_unless_the_action_is_complete(action):
    action.rag = Rag.BLUE
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert error.value.message_dict["rag"][0].startswith("Blue means complete")
    with pytest.raises(IntegrityError), transaction.atomic():
        action.save()
    action.status = Action.Status.COMPLETE
    action.save()


def test_an_action_due_before_it_starts_is_refused(action):
    action.starts_on = date(2024, 4, 1)
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert error.value.message_dict["due_on"] == ["The due date is before the start date."]


def test_a_progress_update_is_never_edited_or_deleted(action):
    update = ProgressUpdate.objects.create(
        action=action,
        reported_on=date(2023, 7, 1),
        rag=Rag.GREEN,
        narrative="Academy cohort recruited.",
    )
    update.narrative = "Rewritten history"
    with pytest.raises(AppendOnlyError):
        update.save()
    with pytest.raises(AppendOnlyError):
        update.delete()
    update.refresh_from_db()
    assert update.narrative == "Academy cohort recruited."


def test_the_admin_offers_no_way_to_change_a_progress_update(action, admin_client):
    update = ProgressUpdate.objects.create(
        action=action,
        reported_on=date(2023, 7, 1),
        rag=Rag.GREEN,
        narrative="Academy cohort recruited.",
    )
    url = f"/admin/improvement/progressupdate/{update.pk}/change/"
    response = admin_client.post(
        url,
        {"action": action.pk, "reported_on": "2023-07-02", "rag": "red", "narrative": "Changed"},
    )
    assert response.status_code == 403
    update.refresh_from_db()
    assert update.rag == Rag.GREEN
    assert admin_client.get(url).status_code == 200  # it can still be read
    assert (
        admin_client.post(
            f"/admin/improvement/progressupdate/{update.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
