"""Words a council would write: counts in agreement, moves as moves, signatures and errors that
name what they mean."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from improvement import building
from improvement.history import action_changes
from improvement.models import WorkbookUpload
from tests import factories as f
from tests.access import build_side

pytestmark = pytest.mark.django_db


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def side():
    return build_side("Aldwick", 1)


def test_moving_an_action_reads_as_moved_up_or_down_not_as_positions(side):
    second = f.ActionFactory(plan=side.plan, theme=side.theme, reference="1.2")
    building.move_action(second, building.UP)  # numbers the theme: no move to tell of
    building.move_action(second, building.DOWN)
    changes = [(c.field, c.said) for c in action_changes(second) if c.field != "Version"]
    assert ("Order in its theme", "Moved down") in changes
    assert not [c for c in changes if c[0] == "Position"]
    page = client_of(side.manager).get(reverse("improvement:action", args=[second.pk]))
    html = page.content.decode()
    assert "Moved down" in html
    assert "Position" not in html


def test_an_imported_update_is_signed_as_imported_not_by_imported(side):
    f.ProgressUpdateFactory(
        action=side.action, author=None, author_name="Imported from plan131.xlsx"
    )
    f.ProgressUpdateFactory(action=side.action, author=None, author_name="Team manager")
    html = client_of(side.officer).get(reverse("improvement:action", args=[side.action.pk]))
    html = html.content.decode()
    assert "Imported from plan131.xlsx" in html
    assert "By Imported" not in html
    assert "By Team manager" in html


@pytest.mark.parametrize(
    ("updates", "words"), [(1, "1 progress update added"), (2, "2 progress updates added")]
)
def test_an_imports_counts_agree_in_number(side, updates, words):
    upload = WorkbookUpload.objects.create(
        plan=side.plan,
        uploaded_by=side.manager,
        file_name="plan.xlsx",
        content=b"",
        read_status="read",
        status="imported",
        imported_at=datetime.datetime.now(datetime.UTC),
        outcome={"new": 1, "changed": 0, "unchanged": 3, "updates": updates},
    )
    url = reverse("improvement:workbook_status", args=[side.plan.pk, upload.pk])
    html = client_of(side.manager).get(url).content.decode()
    assert "1 new action," in html
    assert words in html


def test_a_weekly_cycle_reads_every_week(side):
    side.plan.update_cycle_weeks = 1
    side.plan.save()
    html = client_of(side.officer).get(reverse("improvement:plan", args=[side.plan.pk]))
    assert "Every week" in html.content.decode()
    assert "Every 1 weeks" not in html.content.decode()


def test_the_builders_link_to_an_actions_recommendations_reads_as_a_sentence(side):
    html = client_of(side.manager).get(reverse("improvement:plan_build", args=[side.plan.pk]))
    html = html.content.decode()
    assert "Choose the recommendations it answers" in html
    assert "Choose the recommendations<" not in html


def test_the_report_form_says_which_field_is_missing(side):
    response = client_of(side.manager).post(reverse("reports:report-create"), {"title": ""})
    html = response.content.decode()
    assert "This field is required." not in html
    for message in (
        "Choose the plan the report is on.",
        "Enter the title of the report.",
        "Enter the date of the meeting.",
        "Enter the recommendations to the committee, one per line.",
    ):
        assert message in html
