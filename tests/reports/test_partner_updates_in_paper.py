"""A partner's progress update reaches the committee paper marked as their organisation's.

Gateshead's 2017 Looked After Children plan, reported to its Corporate Parenting Overview and
Scrutiny Committee on 1 March 2017. Northumbria Police is a partner on action 2 (child
protection conferences and looked after reviews, which the police attend); its detective adds the
update of 1 March 2017 in the app, and the paper prints it, marked as Northumbria Police's, in
HTML, PDF and Word alike. A partner reads the paper once it is final, not before.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from authorities.models import LocalAuthority, Membership, Organisation
from improvement.models import Action, ProgressUpdate
from reports import services
from reports.models import CommitteeReport
from tests.access import date_data
from tests.reports.conftest import GATESHEAD, cleared
from tests.reports.test_parity import html_text, missing_in_order, pdf_text, word_text

POLICE = "Northumbria Police"
NARRATIVE = (
    "Northumbria Police attended 14 of the 15 initial child protection conferences held in "
    "February; the missing report was sent on the day."
)
MARK = "Update from Northumbria Police"
MEETING = datetime.date(2017, 3, 1)


@pytest.fixture
def police(seeds):
    gateshead = LocalAuthority.objects.get(ons_code=GATESHEAD)
    return Organisation.objects.create(
        authority=gateshead, name=POLICE, kind=Organisation.Kind.POLICE
    )


@pytest.fixture
def action_2(police):
    action = Action.objects.get(plan__authority__ons_code=GATESHEAD, reference="2")
    action.partner_organisations.add(police)
    return action


@pytest.fixture
def detective(police):
    user = get_user_model().objects.create_user(
        "detective", password="x", first_name="Dana", last_name="Reed"
    )
    Membership.objects.create(
        user=user, authority=police.authority, role=Membership.Role.PARTNER, organisation=police
    )
    return user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def add_update(client, action):
    return client.post(
        reverse("improvement:add_update", args=[action.pk]),
        {"rag": "amber", "narrative": NARRATIVE, **date_data("reported_on", MEETING)},
    )


def paper_action_text(content, reference):
    """The paper's text from the action's heading to the next action's."""
    pieces = services.plain_text(content)
    start = next(i for i, p in enumerate(pieces) if p.startswith(f"Action {reference}:"))
    end = next(
        (i for i, p in enumerate(pieces[start + 1 :], start + 1) if p.startswith("Action ")),
        len(pieces),
    )
    return pieces[start:end]


def test_a_partners_update_reaches_the_paper_marked_as_their_organisations(
    gateshead_report, action_2, detective
):
    response = add_update(signed_in(detective), action_2)
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(action=action_2, narrative=NARRATIVE)
    assert update.organisation.name == POLICE
    assert update.author == detective

    content = services.content_of(gateshead_report)
    summary = next(
        a for s in content.recommendations for a in s.actions if a.reference == action_2.reference
    )
    assert (summary.update_from, summary.narrative) == (POLICE, NARRATIVE)
    block = paper_action_text(content, "2")
    assert f"Progress at 1 March 2017. {MARK}:" in block[1]
    assert NARRATIVE in block
    # The mark and the words, in their order, in every rendering of the paper.
    pieces = [block[1], NARRATIVE]
    for text in (html_text(content), word_text(content), pdf_text(gateshead_report)):
        assert missing_in_order(pieces, text) == []


def test_the_councils_own_updates_are_not_marked(gateshead_report, action_2, manager):
    add_update(signed_in(manager), action_2)
    block = paper_action_text(services.content_of(gateshead_report), "2")
    assert ProgressUpdate.objects.get(narrative=NARRATIVE).organisation is None
    assert NARRATIVE in block
    assert not any("Update from" in piece for piece in block)


def test_the_action_page_marks_the_update_as_the_organisations(action_2, detective, manager):
    add_update(signed_in(detective), action_2)
    html = signed_in(manager).get(reverse("improvement:action", args=[action_2.pk])).content
    page = html.decode()
    assert MARK in page
    assert "By Dana Reed" in page
    assert f'Partner organisations</dt><dd class="govuk-summary-list__value">{POLICE}' in page


def test_a_partner_reads_the_paper_only_once_it_is_final(
    gateshead_report, action_2, detective, manager
):
    client = signed_in(detective)
    page = reverse("reports:report-detail", args=[gateshead_report.pk])
    assert client.get(page).status_code == 404  # a draft is not there for them
    cleared(gateshead_report, manager)
    assert client.get(page).status_code == 404  # nor a cleared one, which may go back
    listed = client.get(reverse("reports:report-list")).content.decode()
    assert gateshead_report.title not in listed
    signed_in(manager).post(reverse("reports:report-finalise", args=[gateshead_report.pk]))
    assert CommitteeReport.objects.get(pk=gateshead_report.pk).is_final
    assert client.get(page).status_code == 200
    assert gateshead_report.title in client.get(reverse("reports:report-list")).content.decode()
