"""Milestones edited and deleted in the browser, with their history, and no lost edit."""

import datetime

import pytest
from django.urls import reverse

from improvement.models import Milestone
from tests import factories as f
from tests.access import build_side
from tests.improvement.test_plan_edits_concurrent import form_data, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def side():
    side = build_side("Aldwick", 1)
    side.milestone = Milestone.objects.create(
        action=side.action, title="Audit reported to the board", due_on=datetime.date(2025, 1, 31)
    )
    return side


def test_a_manager_marks_a_milestone_done_from_the_plan_builder(side):
    client = signed_in(side.manager)
    build = client.get(reverse("improvement:plan_build", args=[side.plan.pk])).content.decode()
    url = reverse("improvement:milestone_edit", args=[side.milestone.pk])
    assert url in build
    data = {**form_data(client, url), "completed_on_day": "3", "completed_on_month": "2"}
    data["completed_on_year"] = "2025"
    assert client.post(url, data).status_code == 302
    side.milestone.refresh_from_db()
    assert side.milestone.completed_on == datetime.date(2025, 2, 3)
    assert side.milestone.due_on == datetime.date(2025, 1, 31)  # kept as it was
    assert side.milestone.history.first().history_user == side.manager


def test_done_in_the_future_is_refused_naming_the_field(side):
    client = signed_in(side.manager)
    url = reverse("improvement:milestone_edit", args=[side.milestone.pk])
    data = {**form_data(client, url), "completed_on_day": "1", "completed_on_month": "1"}
    data["completed_on_year"] = "2099"
    page = client.post(url, data).content.decode()
    assert "Done must be today or in the past." in page
    side.milestone.refresh_from_db()
    assert side.milestone.completed_on is None


def test_the_second_of_two_milestone_edits_is_refused(side):
    url = reverse("improvement:milestone_edit", args=[side.milestone.pk])
    other = f.member(side.authority, "manager", username="aldwick-manager-2")
    first, second = signed_in(side.manager), signed_in(other)
    first_form, second_form = form_data(first, url), form_data(second, url)
    assert first.post(url, {**first_form, "title": "Audit to the board"}).status_code == 302
    assert second.post(url, {**second_form, "title": "Audit to the panel"}).url == url
    assert Milestone.objects.get(pk=side.milestone.pk).title == "Audit to the board"


def test_a_deleted_milestone_leaves_its_history(side):
    client = signed_in(side.manager)
    url = reverse("improvement:milestone_delete", args=[side.milestone.pk])
    assert "Delete the milestone “Audit reported to the board”?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Milestone.objects.filter(pk=side.milestone.pk).exists()
    deleted = Milestone.history.filter(id=side.milestone.pk).first()
    assert (deleted.history_type, deleted.history_user) == ("-", side.manager)
