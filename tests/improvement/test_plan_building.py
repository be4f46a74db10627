"""Building a plan without the admin: scope, themes, actions, links, order; the scope's effects."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from authorities.models import LocalAuthority
from improvement import building, services
from improvement.models import Action, ImprovementPlan, Theme
from inspections.models import Inspection
from reports.assembly import plan_inspections
from tests import factories as f

pytestmark = pytest.mark.django_db

GATESHEAD = "E08000037"


@pytest.fixture
def gateshead(seeds):
    return LocalAuthority.objects.get(ons_code=GATESHEAD)


@pytest.fixture
def sif(gateshead):
    return Inspection.objects.get(authority=gateshead, framework__code="sif")


@pytest.fixture
def plan(gateshead, sif):
    plan = building.create_plan(gateshead, title="Children in care plan")
    in_scope = sif.recommendations.exclude(number=4)
    building.set_scope(plan, [sif], in_scope)
    return plan


@pytest.fixture
def manager(gateshead):
    return f.member(gateshead, "manager", first_name="Hannah", last_name="Reid")


def test_a_plan_answers_seven_of_gatesheads_eight_recommendations(plan):
    numbers = [r.number for r in building.recommendations_in_scope(plan)]
    assert numbers == [1, 2, 3, 5, 6, 7, 8]
    assert plan.history.count() >= 1


def test_a_recommendation_of_an_inspection_not_chosen_is_refused_and_nothing_changes(plan, sif):
    lscb = Inspection.objects.get(authority=plan.authority, framework__code="lscb-review")
    with pytest.raises(ValidationError) as refused:
        building.set_scope(plan, [sif], [*sif.recommendations.all(), lscb.recommendations.first()])
    assert plan.recommendations.count() == 7
    number = lscb.recommendations.first().number
    assert refused.value.message_dict["recommendations"] == [
        f"Recommendation {number} of the {lscb.get_kind_display().lower()} of {lscb.date_range}: "
        "tick “The plan answers this inspection” for that inspection, or untick it."
    ]


def test_recommendations_of_an_inspection_not_ticked_are_named_with_it_and_what_to_tick(plan, sif):
    lscb = Inspection.objects.get(authority=plan.authority, framework__code="lscb-review")
    with pytest.raises(ValidationError) as refused:
        building.set_scope(plan, [lscb], list(sif.recommendations.all()))
    numbers = sorted(r.number for r in sif.recommendations.all())
    (message,) = refused.value.message_dict["recommendations"]
    listed = f"{', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"
    assert message.startswith(f"Recommendations {listed} of the ")
    assert sif.date_range in message
    assert "belongs to an inspection not chosen" not in message


def test_an_inspection_of_another_authority_is_refused(plan):
    other = f.InspectionFactory()
    with pytest.raises(ValidationError):
        building.set_scope(plan, [other], [])


def test_the_plan_page_shows_only_recommendations_in_scope_and_no_gap_for_the_fourth(
    client, plan, manager, sif
):
    client.force_login(manager)
    page = client.get(reverse("improvement:plan", args=[plan.pk])).content.decode()
    assert page.count("Gap: no action") == 7
    assert escape(sif.recommendations.get(number=4).text) not in page
    assert escape(sif.recommendations.get(number=5).text) in page
    assert reverse("improvement:plan_build", args=[plan.pk]) in page


def test_the_report_counts_only_recommendations_in_scope(plan):
    numbers = [r.number for i in plan_inspections(plan) for r in i.recommendations.all()]
    assert numbers == [1, 2, 3, 5, 6, 7, 8]


def test_themes_are_numbered_in_turn_and_move_up_and_down(plan):
    first = building.add_theme(plan, "Plans and reviews")
    second = building.add_theme(plan, "Care leavers")
    assert (first.number, second.number) == (1, 2)
    building.move_theme(second, building.UP)
    assert list(Theme.objects.filter(plan=plan)) == [second, first]
    building.move_theme(second, building.UP)  # already first: nothing moves
    assert list(Theme.objects.filter(plan=plan)) == [second, first]
    assert second.history.count() >= 2


def test_moving_an_action_reorders_its_theme_and_bumps_both_versions(plan):
    theme = building.add_theme(plan, "Care leavers")
    one = building.add_action(plan, reference="1.1", title="Health histories", theme=theme)
    two = building.add_action(plan, reference="1.2", title="Legal entitlements", theme=theme)
    building.move_action(two, building.UP)
    assert list(Action.objects.filter(plan=plan)) == [two, one]
    one.refresh_from_db()
    assert one.version == 2


def test_an_action_with_a_reference_the_plan_has_is_refused(plan):
    building.add_action(plan, reference="1.1", title="Health histories")
    with pytest.raises(ValidationError):
        building.add_action(plan, reference="1.1", title="Again")


def test_linking_decides_only_the_recommendations_the_picker_showed(plan):
    action = building.add_action(plan, reference="1.1", title="Pathway plans")
    scope = {r.number: r for r in plan.recommendations.all()}
    building.link_recommendations(action.pk, 1, [scope[1], scope[5]], [scope[1], scope[5]])
    # Searching for 6 shows only 6: ticking it keeps 1 and 5.
    building.link_recommendations(action.pk, 2, [scope[6]], [scope[6]])
    assert sorted(r.number for r in action.recommendations.all()) == [1, 5, 6]
    building.link_recommendations(action.pk, 3, [scope[5]], [])
    assert sorted(r.number for r in action.recommendations.all()) == [1, 6]


def test_linking_from_an_old_page_is_refused(plan):
    action = building.add_action(plan, reference="1.1", title="Pathway plans")
    services.edit_action(action.pk, 1, {"title": "Pathway plans for all"})
    with pytest.raises(services.EditConflict):
        building.link_recommendations(action.pk, 1, [], [])


def test_a_recommendation_out_of_scope_cannot_be_linked(plan, sif):
    action = building.add_action(plan, reference="1.1", title="Advocacy")
    advocacy = sif.recommendations.get(number=4)
    with pytest.raises(ValidationError, match="not in the plan's scope"):
        building.link_recommendations(action.pk, 1, [advocacy], [advocacy])
    assert not action.recommendations.exists()


def test_the_picker_finds_recommendations_by_number_or_words(plan):
    assert [r.number for r in building.recommendations_in_scope(plan, "5")] == [5]
    found = building.recommendations_in_scope(plan, "care leavers")
    assert [r.number for r in found] == [1, 5, 6, 7]


def test_a_plan_cannot_end_before_it_starts(gateshead):
    with pytest.raises(ValidationError):
        building.create_plan(
            gateshead,
            title="Backwards",
            starts_on=datetime.date(2024, 4, 1),
            ends_on=datetime.date(2024, 3, 1),
        )
    assert not ImprovementPlan.objects.filter(title="Backwards").exists()


def test_a_milestone_is_added_to_an_action(plan):
    action = building.add_action(plan, reference="1.1", title="Pathway plans")
    milestone = building.add_milestone(action, "Audit reported", datetime.date(2024, 9, 30))
    assert list(action.milestones.all()) == [milestone]


def test_a_milestone_due_after_its_action_is_refused_added_or_edited(plan):
    action = building.add_action(
        plan, reference="1.1", title="Pathway plans", due_on=datetime.date(2027, 1, 31)
    )
    late = "The milestone is due after its action, which is due on 31 January 2027"
    with pytest.raises(ValidationError, match=late):
        building.add_milestone(action, "Audit reported", datetime.date(2027, 2, 1))
    milestone = building.add_milestone(action, "Audit reported", datetime.date(2027, 1, 31))
    seen = building.fingerprint(milestone, {"due_on": None})  # the fields the form shows
    with pytest.raises(ValidationError, match=late):
        building.edit_milestone(milestone, seen=seen, due_on=datetime.date(2027, 3, 1))
    assert list(action.milestones.values_list("due_on", flat=True)) == [datetime.date(2027, 1, 31)]


def test_a_manager_starts_a_plan_and_is_sent_to_its_scope(client, gateshead, manager):
    client.force_login(manager)
    response = client.post(
        reverse("improvement:plan_create"),
        {"authority": gateshead.pk, "title": "Care leavers plan", "update_cycle_weeks": 4},
    )
    plan = ImprovementPlan.objects.get(title="Care leavers plan")
    assert response["Location"] == reverse("improvement:plan_scope", args=[plan.pk])


def test_the_scope_page_saves_the_ticked_recommendations(client, plan, manager, sif):
    client.force_login(manager)
    chosen = [r.pk for r in sif.recommendations.filter(number__in=[1, 2])]
    client.post(
        reverse("improvement:plan_scope", args=[plan.pk]),
        {"inspections": [sif.pk], "recommendations": chosen},
    )
    assert sorted(plan.recommendations.values_list("number", flat=True)) == [1, 2]


def test_a_direction_that_is_neither_up_nor_down_moves_nothing(plan):
    first = building.add_theme(plan, "Plans and reviews")
    second = building.add_theme(plan, "Care leavers")
    building.move_theme(first, "sideways")
    assert list(Theme.objects.filter(plan=plan)) == [first, second]
