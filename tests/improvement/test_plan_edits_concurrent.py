"""Two managers editing the same plan or theme: the second save, from a form shown before the
first was saved, is refused and overwrites nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from improvement.building import STALE
from improvement.models import ImprovementPlan, Milestone, Theme
from tests import factories as f
from tests.access import build_side
from tests.forms import as_post_data, forms_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    side = build_side("Aldwick", 1)
    side.other_manager = f.member(side.authority, "manager", username="aldwick-manager-2")
    return side


def form_data(client, url):
    """The page's own form as a browser would send it back unchanged."""
    [form] = [f for f in forms_of(client.get(url).content.decode()) if "action" not in f["attrs"]]
    return as_post_data(form["fields"])


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_second_of_two_plan_edits_is_refused_and_keeps_the_first(side):
    url = reverse("improvement:plan_edit", args=[side.plan.pk])
    first, second = signed_in(side.manager), signed_in(side.other_manager)
    first_form, second_form = form_data(first, url), form_data(second, url)

    assert (
        first.post(url, {**first_form, "title": "Improvement plan, as agreed"}).status_code == 302
    )
    response = second.post(url, {**second_form, "summary": "Second manager's summary."})
    assert response.url == url
    page = second.get(url).content.decode()
    assert STALE.format(what="plan").replace("'", "&#x27;") in page
    plan = ImprovementPlan.objects.get(pk=side.plan.pk)
    assert plan.title == "Improvement plan, as agreed"
    assert plan.summary != "Second manager's summary."
    # The form now shows the plan as saved; from it, the second manager's change goes in.
    assert second.post(url, {**form_data(second, url), "summary": "Now saved."}).status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.summary) == ("Improvement plan, as agreed", "Now saved.")


def test_the_second_of_two_theme_edits_is_refused(side):
    url = reverse("improvement:theme_edit", args=[side.theme.pk])
    first, second = signed_in(side.manager), signed_in(side.other_manager)
    first_form, second_form = form_data(first, url), form_data(second, url)
    assert first.post(url, {**first_form, "title": "Early help"}).status_code == 302
    assert second.post(url, {**second_form, "title": "Front door"}).url == url
    assert Theme.objects.get(pk=side.theme.pk).title == "Early help"


@pytest.mark.parametrize("name", ["plan_edit", "theme_edit", "milestone_edit"])
def test_an_edit_sent_without_what_its_form_showed_is_refused_and_overwrites_nothing(side, name):
    """Without `seen` a save could be overwriting anyone's: it is refused, the form shown again."""
    milestone = Milestone.objects.create(action=side.action, title="Audit reported to the board")
    row = {"plan_edit": side.plan, "theme_edit": side.theme, "milestone_edit": milestone}[name]
    url = reverse(f"improvement:{name}", args=[row.pk])
    first, second = signed_in(side.manager), signed_in(side.other_manager)
    stale = form_data(second, url)
    del stale["seen"]
    assert first.post(url, {**form_data(first, url), "title": "As agreed"}).status_code == 302
    response = second.post(url, {**stale, "title": "Overwritten"}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "the form did not say which version" in response.content.decode()
    assert type(row).objects.get(pk=row.pk).title == "As agreed"
    assert response.context["form"]["title"].value() == "As agreed"
