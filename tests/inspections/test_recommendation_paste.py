"""Admins paste Ofsted's list of recommendations; each item becomes one recommendation, in order."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from authorities.models import LocalAuthority
from inspections.models import Framework, Inspection, Recommendation
from inspections.letters import split_recommendation_list
from inspections.services import add_pasted_recommendations

LSCB_PASTE = """
• Ensure that the LSCB engages more effectively with the community it serves, including learning
  from the participation and testimony of children and young people.
• Develop appropriate pathways to increase the LSCB contribution to and influence on the work of
  the Health and Wellbeing Board.
• Ensure that agencies report the outcomes of single-agency auditing activity to the LSCB
"""


def test_a_bulleted_list_becomes_one_item_per_bullet_with_wrapped_lines_joined():
    items = split_recommendation_list(LSCB_PASTE)
    assert len(items) == 3
    assert items[0] == (
        "Ensure that the LSCB engages more effectively with the community it serves, including "
        "learning from the participation and testimony of children and young people."
    )
    assert items[2].startswith("Ensure that agencies report")


def test_a_numbered_list_keeps_its_order():
    items = split_recommendation_list(
        "1. Improve plans.\n2) Ensure reviews drive plans.\n(3) Improve attendance."
    )
    assert items == ["Improve plans.", "Ensure reviews drive plans.", "Improve attendance."]


def test_lines_without_bullets_are_one_recommendation_each():
    assert split_recommendation_list("First one.\n\nSecond one.\n") == ["First one.", "Second one."]


@pytest.mark.parametrize("paste", ["", "   \n  ", "•\n- \n* ", "1.\n2."])
def test_an_empty_paste_is_refused_with_a_clear_message(paste):
    with pytest.raises(ValidationError) as error:
        split_recommendation_list(paste)
    assert "no recommendations in it" in error.value.messages[0]


@pytest.fixture
def inspection(db):
    call_command("loaddata", "authorities", verbosity=0)
    return Inspection.objects.create(
        authority=LocalAuthority.objects.get(ons_code="E08000037"),
        framework=Framework.objects.get(code="lscb-review"),
        kind=Inspection.Kind.LSCB_REVIEW,
        started_on=date(2015, 10, 27),
        ended_on=date(2015, 11, 19),
        published_on=date(2016, 3, 11),
    )


def test_pasted_recommendations_are_numbered_after_those_already_recorded(inspection):
    Recommendation.objects.create(inspection=inspection, number=1, text="Already there.")
    add_pasted_recommendations(inspection, LSCB_PASTE, addressed_to=Recommendation.AddressedTo.LSCB)
    numbers = list(inspection.recommendations.values_list("number", "addressed_to"))
    assert numbers == [(1, "authority"), (2, "lscb"), (3, "lscb"), (4, "lscb")]


def inline_management(prefix):
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def change_form_data(inspection, paste):
    data = {
        "authority": inspection.authority_id,
        "framework": inspection.framework_id,
        "kind": inspection.kind,
        "started_on": "2015-10-27",
        "ended_on": "2015-11-19",
        "published_on": "2016-03-11",
        "overall_grade": "requires_improvement",
        "pasted_recommendations": paste,
        "pasted_priority": "improvement",
        "pasted_addressed_to": "lscb",
    }
    for prefix in ("judgements", "findings", "recommendations"):
        data.update(inline_management(prefix))
    return data


def test_the_admin_turns_a_paste_into_recommendations(inspection, admin_client):
    url = f"/admin/inspections/inspection/{inspection.pk}/change/"
    response = admin_client.post(url, change_form_data(inspection, LSCB_PASTE))
    assert response.status_code == 302, response.context["adminform"].form.errors
    texts = list(inspection.recommendations.values_list("text", flat=True))
    assert len(texts) == 3
    assert texts[1].startswith("Develop appropriate pathways")


def test_the_admin_refuses_a_paste_with_no_recommendations(inspection, admin_client):
    url = f"/admin/inspections/inspection/{inspection.pk}/change/"
    response = admin_client.post(url, change_form_data(inspection, "•\n•\n"))
    assert response.status_code == 200
    assert (
        "no recommendations in it"
        in response.context["adminform"].form.errors["pasted_recommendations"][0]
    )
    assert not inspection.recommendations.exists()
