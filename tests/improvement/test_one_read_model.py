"""Every output reads an action's state from the one read model: the page, the add-update page,
the actions table and its CSV, the plan workbook, the reminder emails and the committee paper
say the same of the same action."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from improvement import reminders, services
from improvement.models import Action
from reports import services as report_services
from tests import factories as f
from tests.access import build_side
from tests.reports.test_as_at import finalised, report_for

pytestmark = pytest.mark.django_db

POST = "Head of Service"
WRONG = "Reported against the wrong action."


@pytest.fixture
def side(settings):
    settings.REMINDER_DIGEST_WEEKDAY = timezone.localdate().weekday()
    side = build_side("Aldwick", 1)
    for user in (side.officer, side.manager):
        user.email = f"{user.username}@aldwick.example"
        user.save()
    return side


def page(client, user, name, *args, query=""):
    client.force_login(user)
    response = client.get(reverse(name, args=args) + query)
    assert response.status_code == 200, name
    return response


def csv_row(client, side):
    response = page(client, side.manager, "improvement:actions_csv", query=f"?plan={side.plan.pk}")
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    return next(row for row in rows if row["Reference"] == side.action.reference)


def workbook_row(client, side):
    response = page(client, side.manager, "improvement:plan_xlsx", side.plan.pk)
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = sheet.iter_rows(values_only=True)
    row = next(r for r in rows if r[0] == side.action.reference)
    return dict(zip(header, row, strict=True))


def emails():
    mail.outbox.clear()
    reminders.send_all(timezone.localdate())
    return {message.to[0]: message.body for message in mail.outbox}


def paper(side):
    """The text of a committee paper of the plan for a meeting next month, finalised today."""
    report = report_for(side, timezone.localdate() + datetime.timedelta(days=30))
    final = finalised(report, side.manager)
    return " ".join(report_services.plain_text(report_services.content_of(final)))


def test_a_retracted_update_is_never_the_last_one_anywhere(client, side):
    # Due next month, so only the want of a recent update puts the action in the reminders.
    Action.objects.filter(pk=side.action.pk).update(
        due_on=timezone.localdate() + datetime.timedelta(days=60)
    )
    services.add_progress_update(side.action, side.officer, "red", WRONG)
    services.retract_progress_update(side.action.updates.latest(), side.officer, "Error.")
    standing = side.update.narrative

    form = page(client, side.officer, "improvement:add_update", side.action.pk)
    assert (form.context["state"].update, form.context["state"].rag) == (side.update, "green")
    last = form.content.decode().split("Last update", 1)[1].split("</dd>", 1)[0]
    assert standing in last
    assert WRONG not in last
    detail = page(client, side.officer, "improvement:action", side.action.pk)
    assert (detail.context["state"].rag, detail.context["state"].rag_words) == ("green", "Green")
    assert (csv_row(client, side)["Latest update"], csv_row(client, side)["RAG"]) == (
        standing,
        "Green",
    )
    row = workbook_row(client, side)
    assert (row["Latest update"], row["RAG"]) == (standing, "Green")
    assert "a progress update is due" in emails()[side.officer.email]
    text = paper(side)
    assert standing in text
    assert WRONG not in text


def test_the_lead_is_named_the_same_on_the_page_in_the_csv_workbook_email_and_paper(client, side):
    ann = f.member(side.authority, "officer", first_name="Ann", last_name="Officer")
    Action.objects.filter(pk=side.action.pk).update(lead_officer=ann, lead_name=POST, rag="red")
    shown = "Ann Officer (Head of Service)"

    assert shown in page(client, side.officer, "improvement:action", side.action.pk).text
    assert shown in page(client, side.officer, "improvement:actions").text
    assert shown in page(client, side.officer, "improvement:plan", side.plan.pk).text
    assert csv_row(client, side)["Lead"] == shown
    assert workbook_row(client, side)["Lead"] == shown
    assert f"lead {shown}" in emails()[side.manager.email]
    assert f"Lead: {shown}." in paper(side)
