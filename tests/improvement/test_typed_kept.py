"""What a person ticked, chose or filtered is kept, or they are told it was not: the recommendation
picker's search keeps the ticks, the update form says to choose the file again, and the bulk
change returns to the list as it was filtered."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.models import Action
from tests import factories as f
from tests.access import build_side

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    side = build_side("Aldwick", 1)
    side.plan.recommendations.set([side.recommendation, side.gap])
    side.third = f.RecommendationFactory(inspection=side.inspection, number=3, text="Advocacy")
    side.plan.recommendations.add(side.third)
    return side


def picker(client, side, data):
    url = reverse("improvement:action_recommendations", args=[side.action.pk])
    return client.post(url, {"version": side.action.version, **data})


def test_a_search_in_the_picker_keeps_what_was_ticked_and_saving_then_links_it(client, side):
    client.force_login(side.manager)
    everything = [side.recommendation.pk, side.gap.pk, side.third.pk]
    # Recommendation 1 unticked and 2 ticked, then a search for 3.
    response = picker(
        client,
        side,
        {"shown": everything, "recommendations": [side.gap.pk], "q": "advocacy", "search": ""},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f'name="recommendations" value="{side.gap.pk}"' in page
    assert f'name="recommendations" value="{side.recommendation.pk}"' not in page
    side.action.refresh_from_db()
    assert list(side.action.recommendations.all()) == [side.recommendation]  # nothing saved yet
    carried = response.context["carried"]
    response = picker(
        client,
        side,
        {
            "shown": [side.third.pk, *[pk for pk, _ in carried]],
            "recommendations": [side.third.pk, *[pk for pk, chosen in carried if chosen]],
        },
    )
    assert response.status_code == 302
    assert set(side.action.recommendations.all()) == {side.gap, side.third}


def test_after_a_problem_the_update_form_says_to_choose_the_file_again(client, side):
    client.force_login(side.officer)
    url = reverse("improvement:add_update", args=[side.action.pk])
    upload = SimpleUploadedFile("audit.pdf", b"%PDF-1.4 audit", content_type="application/pdf")
    response = client.post(
        url,
        {
            "rag": "red",
            "narrative": "",
            "evidence_file": upload,
            "evidence_description": "The audit",
        },
    )
    assert response.status_code == 200
    assert "Choose the file again: files are not kept when the form has a problem" in (
        response.content.decode()
    )


def test_the_bulk_change_returns_to_the_list_as_it_was_filtered(client, side):
    client.force_login(side.manager)
    query = f"plan={side.plan.pk}&status=in_progress&sort=due_on"
    response = client.post(
        reverse("improvement:bulk_update"),
        {
            "action": [side.action.pk],
            f"version-{side.action.pk}": side.action.version,
            "bulk-lead_officer": side.manager.pk,
            "query": query,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("improvement:actions") + "?" + query
    assert Action.objects.get(pk=side.action.pk).lead_officer == side.manager
