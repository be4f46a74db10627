"""Every date of the site is typed in GOV.UK's day, month and year boxes and shows when saved."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from inspections.forms import DraftReviewForm
from tests.access import build_side

pytestmark = pytest.mark.django_db


def test_the_pdf_readers_review_page_shows_the_dates_it_read():
    draft = {"started_on": "2015-10-27", "ended_on": "2015-11-19", "published_on": "2016-03-11"}
    html = str(DraftReviewForm(draft)["started_on"]) + str(DraftReviewForm(draft)["published_on"])
    assert 'name="started_on_day" type="text" inputmode="numeric" value="27"' in html
    assert 'name="started_on_month" type="text" inputmode="numeric" value="10"' in html
    assert 'name="published_on_year" type="text" inputmode="numeric" value="2016"' in html


def test_the_actions_list_filters_by_due_dates_typed_in_boxes():
    side = build_side("Aldwick", 1)
    client = Client()
    client.force_login(side.manager)
    due = side.action.due_on
    query = {"due_after_day": due.day, "due_after_month": due.month, "due_after_year": due.year}
    page = client.get(reverse("improvement:actions"), query)
    assert page.status_code == 200
    assert side.action.title in page.content.decode()
    query["due_after_year"] = due.year + 1
    page = client.get(reverse("improvement:actions"), query).content.decode()
    assert side.action.title not in page


def test_a_report_edit_submitted_unchanged_is_accepted_and_keeps_its_meeting_date():
    from tests.access import build_world
    from tests.access_cases.reports import front_matter, report_of

    world = build_world()
    report = report_of(world)
    client = Client()
    client.force_login(world.a.manager)
    url = reverse("reports:report-edit", args=[report.pk])
    data = {**front_matter(world), "title": report.title}
    assert client.post(url, data).status_code == 302
    report.refresh_from_db()
    assert report.meeting_on == datetime.date(2030, 3, 4)
    assert report.history.count() == 1
