"""Every page a user may read can be reached by links, not only by typing its address."""

import pytest
from django.urls import reverse

from tests.access import build_side
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_service_navigation_links_to_the_committee_reports(client):
    side = build_side("Aldwick", 1)
    client.login(username=side.committee_member.username, password=PASSWORD)
    page = client.get(reverse("improvement:plan", args=[side.plan.pk])).content.decode()
    assert f'href="{reverse("reports:report-list")}"' in page


def test_the_reports_list_is_marked_as_the_current_section(client):
    side = build_side("Aldwick", 1)
    client.login(username=side.committee_member.username, password=PASSWORD)
    page = client.get(reverse("reports:report-list")).content.decode()
    link = f'href="{reverse("reports:report-list")}" aria-current="page"'
    assert link in page


def test_home_links_to_the_users_own_authority_pages_only(client):
    mine, theirs = build_side("Aldwick", 1), build_side("Brinscombe", 2)
    client.login(username=mine.officer.username, password=PASSWORD)
    page = client.get(reverse("home")).content.decode()
    assert reverse("inspections:authority", args=[mine.authority.pk]) in page
    assert reverse("inspections:authority", args=[theirs.authority.pk]) not in page


def test_the_service_navigation_links_to_the_self_evaluations(client):
    side = build_side("Aldwick", 1)
    client.login(username=side.committee_member.username, password=PASSWORD)
    page = client.get(reverse("selfevaluation:list")).content.decode()
    link = f'href="{reverse("selfevaluation:list")}" aria-current="page"'
    assert link in page
