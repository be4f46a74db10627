"""Messages show as what they are: an error as an error, a success as a success."""

import pytest
from django.test import Client
from django.urls import reverse

from core.forms import NOTHING_CHANGED
from reports import services
from tests.access_cases.reports import report_of
from tests.forms import as_post_data, forms_of
from tests.reports.conftest import cleared

pytestmark = pytest.mark.django_db


def manager_client(world):
    client = Client()
    client.force_login(world.a.manager)
    return client


def test_an_error_shows_as_an_error_not_as_a_success(world):
    report = services.finalise(cleared(report_of(world), world.a.manager), world.a.manager)
    url = reverse("reports:report-edit", args=[report.pk])
    html = manager_client(world).get(url, follow=True).content.decode()
    assert "The report is final: only a draft can be changed." in html
    assert '<div class="govuk-error-summary" data-module="govuk-error-summary">' in html
    assert "There is a problem" in html
    assert "govuk-notification-banner--success" not in html
    assert ">Success</h2>" not in html


def test_a_success_shows_in_the_success_banner_announced_at_once(world):
    report = cleared(report_of(world), world.a.manager)
    url = reverse("reports:report-finalise", args=[report.pk])
    html = manager_client(world).post(url, follow=True).content.decode()
    assert "The report is final" in html
    assert 'govuk-notification-banner--success" role="alert"' in html
    assert "govuk-error-summary" not in html


def test_information_shows_in_an_important_banner_that_is_not_an_alert(world):
    action = world.a.action
    url = reverse("improvement:edit_action", args=[action.pk])
    client = manager_client(world)
    [form] = [f for f in forms_of(client.get(url).content.decode()) if "action" not in f["attrs"]]
    html = client.post(url, as_post_data(form["fields"]), follow=True).content.decode()
    assert "Nothing was changed, so nothing was saved." in html
    assert '<div class="govuk-notification-banner" role="region"' in html
    assert ">Important</h2>" in html


@pytest.mark.parametrize("name", ["improvement:plan_edit", "improvement:theme_edit"])
def test_a_plan_or_theme_saved_unchanged_says_nothing_was_saved(world, name):
    pk = world.a.plan.pk if name == "improvement:plan_edit" else world.a.action.theme.pk
    url = reverse(name, args=[pk])
    client = manager_client(world)
    [form] = [f for f in forms_of(client.get(url).content.decode()) if "action" not in f["attrs"]]
    html = client.post(url, as_post_data(form["fields"]), follow=True).content.decode()
    assert NOTHING_CHANGED in html
    assert "The plan was saved." not in html
    assert "The theme was saved." not in html
