"""The action edit form: a complete (blue) action, and saves that change nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from improvement import services
from improvement.models import Action
from tests import factories as f
from tests.access import build_side, date_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def edit_data(action, **changes):
    data = {
        "version": action.version,
        "reference": action.reference,
        "title": action.title,
        "theme": action.theme_id,
        "lead_officer": action.lead_officer_id or "",
        **date_data("starts_on", action.starts_on),
        "status": action.status,
    }
    return {**data, **changes}


def post_edit(user, action, **changes):
    client = Client()
    client.force_login(user)
    url = reverse("improvement:edit_action", args=[action.pk])
    return client.post(url, edit_data(action, **changes))


def test_a_manager_reopening_a_blue_action_is_told_how_not_shown_an_error_page(side):
    services.add_progress_update(side.action, side.officer, "blue", "Audit passed.")
    action = Action.objects.get(pk=side.action.pk)
    page = post_edit(side.manager, action, status=Action.Status.IN_PROGRESS)
    assert page.status_code == 200
    assert "add a progress update rated red, amber or green" in page.content.decode()
    assert Action.objects.get(pk=action.pk).status == Action.Status.COMPLETE


def test_after_an_amber_update_the_manager_reopens_the_action(side):
    services.add_progress_update(side.action, side.officer, "blue", "Audit passed.")
    services.add_progress_update(side.action, side.officer, "amber", "The audit was redone.")
    action = Action.objects.get(pk=side.action.pk)
    assert post_edit(side.manager, action, status=Action.Status.IN_PROGRESS).status_code == 302
    assert Action.objects.get(pk=action.pk).status == Action.Status.IN_PROGRESS


def test_the_edit_form_shows_the_saved_start_date_in_its_boxes(side):
    client = Client()
    client.force_login(side.manager)
    html = client.get(reverse("improvement:edit_action", args=[side.action.pk])).content.decode()
    # The factory's action starts on 1 April 2024.
    assert 'name="starts_on_day" type="text" inputmode="numeric" value="1"' in html
    assert 'name="starts_on_month" type="text" inputmode="numeric" value="4"' in html
    assert 'name="starts_on_year" type="text" inputmode="numeric" value="2024"' in html


def test_an_unchanged_save_keeps_the_version_and_writes_no_history(side):
    before = (side.action.version, side.action.history.count())
    services.edit_action(side.action.pk, side.action.version, {"title": side.action.title})
    action = Action.objects.get(pk=side.action.pk)
    assert (action.version, action.history.count()) == before


def test_the_edit_forms_lead_choices_name_people_as_every_page_does(seeds):
    # Gateshead 2017, action 1; the council's officer is chosen by name, not by sign-in name.
    action = Action.objects.get(plan_id=100, reference="1")
    officer = f.member(action.plan.authority, "officer", username="jb7", first_name="Jo")
    officer.last_name = "Bell"
    officer.save()
    client = Client()
    client.force_login(f.member(action.plan.authority, "manager"))
    form = client.get(reverse("improvement:edit_action", args=[action.pk])).context["form"]
    labels = [label for value, label in form.fields["lead_officer"].choices if value]
    assert "Jo Bell" in labels
    assert "jb7" not in labels


def test_a_manager_corrects_the_plans_wording_of_the_lead_that_an_import_kept(side):
    # An import kept "Demo Ofiicer" as the plan's wording of the lead: the form corrects it.
    Action.objects.filter(pk=side.action.pk).update(lead_officer=None, lead_name="Demo Ofiicer")
    action = Action.objects.get(pk=side.action.pk)
    client = Client()
    client.force_login(side.manager)
    form = client.get(reverse("improvement:edit_action", args=[action.pk])).context["form"]
    assert form["lead_name"].label == "Lead, as the plan names them"
    assert form["lead_name"].value() == "Demo Ofiicer"
    page = post_edit(side.manager, action, lead_name="Head of Service")
    assert page.status_code == 302
    assert Action.objects.get(pk=action.pk).lead_name == "Head of Service"
