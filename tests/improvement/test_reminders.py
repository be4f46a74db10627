"""Reminder emails: each once per cycle, to leads and to managers on the digest's weekday, never to
those who turned them off; and the page where a user turns them off."""

import datetime
import io
import smtplib

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from authorities.models import Membership
from improvement import reminders
from improvement.models import ImprovementPlan, ReminderLog
from tests import factories as f
from tests.access import build_side

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 30)


@pytest.fixture
def side(settings):
    settings.REMINDER_DIGEST_WEEKDAY = 0
    side = build_side("Aldwick", 1)
    for role in ("officer", "manager", "committee_member", "admin"):
        user = getattr(side, role)
        user.email = f"{role}@aldwick.example"
        user.save()
    # Red and led by the officer; the side's action 1.1 is overdue.
    f.ActionFactory(plan=side.plan, theme=side.theme, reference="1.2", rag="red", due_on=None)
    return side


def run(day):
    out = io.StringIO()
    call_command("send_reminders", f"--date={day.isoformat()}", stdout=out)
    return out.getvalue()


def test_run_twice_on_the_same_day_each_email_goes_once(side):
    run(MONDAY)
    run(MONDAY)
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("manager@aldwick.example", f"Weekly digest: {side.plan.title}"),
        ("officer@aldwick.example", "1 of your actions needs attention"),
    ]
    lead, digest = sorted(mail.outbox, key=lambda m: m.to[0], reverse=True)
    assert side.action.title in lead.body
    assert "overdue" in lead.body
    assert "1.2" in digest.body
    assert "1.1" in digest.body
    assert ReminderLog.objects.count() == 2


def test_no_digest_on_other_days_and_no_lead_reminder_twice_in_a_week(side):
    run(MONDAY)
    run(MONDAY + datetime.timedelta(days=1))
    assert len(mail.outbox) == 2
    run(MONDAY + datetime.timedelta(days=7))
    assert len(mail.outbox) == 4
    assert set(ReminderLog.objects.values_list("cycle", flat=True)) == {"2026-W49", "2026-W50"}


def test_a_user_who_turned_reminders_off_gets_none(client, side):
    client.force_login(side.officer)
    page = client.get(reverse("improvement:reminder_settings"))
    field = f"authority_{side.authority.pk}"
    assert page.context["form"].initial[field] is True
    client.post(reverse("improvement:reminder_settings"), {})
    assert not Membership.objects.get(user=side.officer).reminders_enabled
    run(MONDAY)
    assert [m.to[0] for m in mail.outbox] == ["manager@aldwick.example"]
    client.post(reverse("improvement:reminder_settings"), {field: "on"})
    run(MONDAY)
    assert [m.to[0] for m in mail.outbox] == ["manager@aldwick.example", "officer@aldwick.example"]


def test_a_dry_run_sends_and_records_nothing(side):
    out = io.StringIO()
    call_command("send_reminders", f"--date={MONDAY.isoformat()}", "--dry-run", stdout=out)
    printed = out.getvalue()
    assert "Would send 1 lead reminder and 1 digest for 2026-11-30." in printed
    assert "To: officer@aldwick.example\nSubject: 1 of your actions needs attention" in printed
    assert f"To: manager@aldwick.example\nSubject: Weekly digest: {side.plan.title}" in printed
    assert side.action.title in printed  # the bodies, as they would go
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_a_user_with_no_email_address_is_named_as_skipped(side):
    side.officer.email = ""
    side.officer.save()
    printed = run(MONDAY)
    assert "Sent 0 lead reminders and 1 digest for 2026-11-30." in printed
    name = f"{side.officer.get_full_name() or side.officer.username} ({side.officer.username})"
    assert (
        f"Skipped 1:\n- {name} has no email address: no lead officer's reminder was sent."
        in printed
    )
    assert [m.to[0] for m in mail.outbox] == ["manager@aldwick.example"]


@pytest.mark.parametrize("with_plan", [False, True])
def test_the_database_itself_refuses_a_second_reminder_in_a_cycle(side, with_plan):
    """Two schedulers running at once cannot both send: the log's constraints hold on every
    database, for a lead's reminder (no plan) and a digest (a plan) alike."""
    kind = ReminderLog.Kind.DIGEST if with_plan else ReminderLog.Kind.LEAD
    row = {
        "kind": kind,
        "recipient": side.officer,
        "plan": side.plan if with_plan else None,
        "cycle": "2026-W49",
        "email": "officer@example.gov.uk",
        "subject": "Actions to update",
        "action_count": 1,
    }
    ReminderLog.objects.create(**row)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReminderLog.objects.create(**row)


def test_with_a_tasks_worker_the_command_queues_the_reminders_for_it(side, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    out = io.StringIO()
    call_command("send_reminders", f"--date={MONDAY.isoformat()}", stdout=out)
    assert "Queued for the tasks worker: reminders for 2026-11-30" in out.getvalue()
    assert mail.outbox == []  # the worker sends them


@pytest.fixture
def two_councils(side):
    """Aldwick (the side above) and Brampton, each with a manager who has a digest due."""
    other = build_side("Brampton", 2)
    other.manager.email = "manager@brampton.example"
    other.manager.save()
    return side, other


def digests_to(address):
    return [m for m in mail.outbox if m.to == [address] and m.subject.startswith("Weekly digest")]


@pytest.mark.parametrize(
    "title",
    ["Improvement plan " + "for children in care " * 9, "Plan\r\nBcc: everyone@example.com"],
)
def test_a_plans_long_or_broken_title_gives_a_one_line_bounded_subject(two_councils, title):
    aldwick, brampton = two_councils
    ImprovementPlan.objects.filter(pk=aldwick.plan.pk).update(title=title[:200])
    run(MONDAY)
    [digest] = digests_to("manager@aldwick.example")
    assert len(digest.subject) <= ReminderLog._meta.get_field("subject").max_length
    assert "\n" not in digest.subject
    assert "\r" not in digest.subject
    assert digest.subject.startswith("Weekly digest: " + " ".join(title.split())[:40])
    assert digest.recipients() == ["manager@aldwick.example"]
    assert digests_to("manager@brampton.example")


def test_one_email_that_fails_stops_no_other_and_the_command_says_so(two_councils, monkeypatch):
    aldwick, brampton = two_councils
    refused = "manager@aldwick.example"

    def send(subject, body, sender, to):
        if to == [refused]:
            raise smtplib.SMTPRecipientsRefused({refused: (550, b"No such mailbox")})
        return mail.send_mail(subject, body, sender, to)

    monkeypatch.setattr(reminders, "send_mail", send)
    with pytest.raises(CommandError, match="1 reminders failed to send"):
        run(MONDAY)
    assert digests_to("manager@brampton.example")
    assert [m.to[0] for m in mail.outbox if m.to == ["officer@aldwick.example"]]
    assert not ReminderLog.objects.filter(email=refused).exists()  # tried again next time
    monkeypatch.undo()
    run(MONDAY)
    assert digests_to(refused)
