"""Managers tie indicators to their plan's themes and actions and set their authority's targets
in the app (issue 19, defect 3); the plan page and the committee paper then rate them."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from authorities.models import LocalAuthority, Membership
from indicators.models import Indicator, Target
from reports import services as papers
from reports.models import CommitteeReport
from tests import factories as f

pytestmark = pytest.mark.django_db
RULE = "Green at 15% or less; amber above 15% up to 17%; red above 17%."


@pytest.fixture
def plan(gateshead):
    plan = f.ImprovementPlanFactory(authority=gateshead)
    f.ThemeFactory(plan=plan, number=1, title="Help and protection")
    return plan


@pytest.fixture
def manager(client, gateshead):
    client.force_login(f.member(gateshead, Membership.Role.MANAGER))
    return client


def seen_on(client, url):
    """The form's fingerprint as the page shows it."""
    return re.search(r'name="seen" value="([0-9a-f]*)"', client.get(url).content.decode())[1]


def tie(client, plan, indicator, themes=(), actions=(), seen=None):
    url = reverse("indicators:tie-indicator", args=[plan.pk, indicator.pk])
    seen = seen_on(client, url) if seen is None else seen
    data = {"themes": [t.pk for t in themes], "actions": [a.pk for a in actions], "seen": seen}
    return client.post(url, data)


def set_target(client, authority, indicator, target, tolerance, seen=None):
    url = reverse("indicators:target", args=[authority.pk, indicator.pk])
    seen = seen_on(client, url) if seen is None else seen
    return client.post(url, {"target": target, "tolerance": tolerance, "seen": seen})


def test_a_manager_ties_an_indicator_sets_a_target_and_the_plan_and_paper_rate_it(
    manager, gateshead, plan, rereferrals
):
    theme = plan.themes.get()
    plan_page = reverse("improvement:plan", args=[plan.pk])
    choose = reverse("indicators:plan-indicators", args=[plan.pk])
    assert choose in manager.get(plan_page).content.decode()
    assert (
        reverse("indicators:tie-indicator", args=[plan.pk, rereferrals.pk])
        in manager.get(choose).content.decode()
    )

    response = tie(manager, plan, rereferrals, themes=[theme])
    assert response.status_code == 302
    assert list(rereferrals.themes.all()) == [theme]
    assert set_target(manager, gateshead, rereferrals, "15", "2").status_code == 302
    target = Target.objects.get(indicator=rereferrals, authority=gateshead)
    assert (target.target, target.tolerance) == (Decimal(15), Decimal(2))

    html = manager.get(plan_page).content.decode()
    row = html[html.index("Re-referrals within 12 months") :]
    assert "13.9%" in row
    assert "govuk-tag--green" in row[: row.index("</tr>")]
    report = CommitteeReport.objects.create(
        plan=plan,
        committee=f.CommitteeFactory(authority=gateshead),
        meeting_on=datetime.date(2025, 6, 1),
        title="Improvement plan: progress",
        report_of="Director of Children's Services",
        purpose="To report progress.",
        recommendations="Note the progress.",
    )
    texts = [getattr(block, "text", "") for block in papers.content_of(report).blocks]
    assert (
        f"Against target: Green: {RULE}\nTrend: Down from 16.6% in 2024 to 13.9% in 2025: better."
        in texts
    )


def test_the_tie_changes_only_this_plans_ties(manager, gateshead, plan, rereferrals, authorities):
    elsewhere = f.ThemeFactory(plan=f.ImprovementPlanFactory(authority=gateshead), number=1)
    other_council = LocalAuthority.objects.get(ons_code="E08000023")  # South Tyneside
    theirs = f.ThemeFactory(plan=f.ImprovementPlanFactory(authority=other_council), number=1)
    rereferrals.themes.add(elsewhere, theirs)
    action = f.ActionFactory(plan=plan, theme=plan.themes.get())
    tie(manager, plan, rereferrals, actions=[action])
    assert set(rereferrals.themes.all()) == {elsewhere, theirs}
    assert list(rereferrals.actions.all()) == [action]
    tie(manager, plan, rereferrals)
    assert set(rereferrals.themes.all()) == {elsewhere, theirs}
    assert not rereferrals.actions.exists()


def test_another_authoritys_theme_cannot_be_chosen(manager, plan, rereferrals, authorities):
    other_council = LocalAuthority.objects.get(ons_code="E08000023")
    theirs = f.ThemeFactory(plan=f.ImprovementPlanFactory(authority=other_council), number=1)
    response = tie(manager, plan, rereferrals, themes=[theirs])
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not rereferrals.themes.exists()


def test_another_authoritys_plan_and_local_indicator_are_not_found(
    manager, gateshead, plan, rereferrals, authorities
):
    other_council = LocalAuthority.objects.get(ons_code="E08000023")
    their_plan = f.ImprovementPlanFactory(authority=other_council)
    their_indicator = Indicator.objects.create(
        name="Audits",
        unit="percent",
        polarity="higher",
        source="Audit",
        frequency="annual",
        authority=other_council,
    )
    for url in (
        reverse("indicators:plan-indicators", args=[their_plan.pk]),
        reverse("indicators:tie-indicator", args=[their_plan.pk, rereferrals.pk]),
        reverse("indicators:tie-indicator", args=[plan.pk, their_indicator.pk]),
        reverse("indicators:target", args=[gateshead.pk, their_indicator.pk]),
        reverse("indicators:target", args=[other_council.pk, rereferrals.pk]),
    ):
        assert manager.get(url).status_code == 404, url
        assert manager.post(url, {"target": "1", "themes": []}).status_code == 404, url
    assert not Target.objects.exists()


def test_a_tie_saved_after_someone_elses_is_refused(manager, gateshead, plan, rereferrals):
    theme = plan.themes.get()
    url = reverse("indicators:tie-indicator", args=[plan.pk, rereferrals.pk])
    seen = seen_on(manager, url)
    tie(manager, plan, rereferrals, themes=[theme])  # someone else, meanwhile
    action = f.ActionFactory(plan=plan, theme=theme)
    response = tie(manager, plan, rereferrals, actions=[action], seen=seen)
    assert response.status_code == 302
    assert "Someone else saved this choice" in manager.get(response["Location"]).content.decode()
    assert list(rereferrals.themes.all()) == [theme]
    assert not rereferrals.actions.exists()


def test_a_target_saved_after_someone_elses_is_refused_and_unchanged_writes_nothing(
    manager, gateshead, rereferrals
):
    url = reverse("indicators:target", args=[gateshead.pk, rereferrals.pk])
    seen = seen_on(manager, url)
    set_target(manager, gateshead, rereferrals, "15", "2")  # someone else, meanwhile
    response = set_target(manager, gateshead, rereferrals, "18", "1", seen=seen)
    assert "Someone else saved this target" in manager.get(response["Location"]).content.decode()
    target = Target.objects.get()
    assert target.target == Decimal(15)
    set_target(manager, gateshead, rereferrals, "15.0", "2")
    assert target.history.count() == 1


def test_a_target_is_checked_against_the_unit_and_removed_when_emptied(
    manager, gateshead, rereferrals
):
    response = set_target(manager, gateshead, rereferrals, "150", "2")
    assert response.status_code == 200
    assert "The target 150 is over 100, which a percentage cannot be." in response.content.decode()
    assert not Target.objects.exists()
    set_target(manager, gateshead, rereferrals, "15", "")
    assert Target.objects.get().tolerance == 0
    set_target(manager, gateshead, rereferrals, "", "")
    assert not Target.objects.exists()


def test_a_tie_or_target_posted_without_what_its_form_showed_is_refused(
    manager, gateshead, plan, rereferrals
):
    # Without its fingerprint a post could be overwriting anyone's save: the check is not optional.
    set_target(manager, gateshead, rereferrals, "15", "2")
    response = set_target(manager, gateshead, rereferrals, "18", "1", seen="")
    assert (
        "did not say which version of the target"
        in manager.get(response["Location"]).content.decode()
    )
    assert Target.objects.get().target == Decimal(15)
    response = tie(manager, plan, rereferrals, themes=[plan.themes.get()], seen="")
    assert "did not say which version" in manager.get(response["Location"]).content.decode()
    assert not rereferrals.themes.exists()
