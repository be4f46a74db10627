"""Reminder emails, for a daily scheduler: each lead once a week about actions overdue or due an
update, and each plan's managers a weekly digest of red, overdue and un-updated actions.

A reminder's cycle is the ISO week (2026-W49). ReminderLog holds one row per kind, person, plan
and cycle, written in the same transaction as the email is sent, so running the command again
the same day or week sends nothing twice, and an email that fails to send is tried again. One
email's failure (a mail server refusing an address, a plan's odd title) is logged and the run
goes on to the others.
"""

import logging
from typing import NamedTuple

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.urls import reverse

from authorities.models import Membership
from core.people import person_name
from core.text import one_line
from improvement.models import Action, Rag, ReminderLog
from improvement.state import action_states

log = logging.getLogger(__name__)
# A subject is one line, as long as the log keeps (a plan's title may be longer).
SUBJECT_MAX = ReminderLog._meta.get_field("subject").max_length


def cycle_of(today):
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def open_states(today):
    """The states, as at today, of every action not complete."""
    actions = Action.objects.exclude(status=Action.Status.COMPLETE)
    return action_states(actions.select_related("plan", "lead_officer"), today)


def needs_lead(state):
    return state.overdue or state.update_due


def lead_reminders(states):
    """[(user, [states])]: leads who want reminders, with their overdue or update-due actions."""
    enabled = Membership.objects.filter(reminders_enabled=True).values_list(
        "user_id", "authority_id"
    )
    wanted = set(enabled)
    by_lead = {}
    for state in states:
        action = state.action
        key = (action.lead_officer_id, action.plan.authority_id)
        if action.lead_officer_id and key in wanted and needs_lead(state):
            by_lead.setdefault(action.lead_officer, []).append(state)
    return list(by_lead.items())


def digest_rows(states):
    """The plan's actions a manager should look at: red, overdue or with no recent update."""
    return [s for s in states if s.rag == Rag.RED or needs_lead(s)]


def digests(states):
    """[(manager, plan, [states])] for every plan with something to report."""
    by_plan = {}
    for state in states:
        by_plan.setdefault(state.action.plan, []).append(state)
    managers = Membership.objects.filter(
        role=Membership.Role.MANAGER, reminders_enabled=True
    ).select_related("user")
    by_authority = {}
    for membership in managers:
        by_authority.setdefault(membership.authority_id, []).append(membership.user)
    found = []
    for plan, plan_states in by_plan.items():
        rows = digest_rows(plan_states)
        for manager in by_authority.get(plan.authority_id, []) if rows else []:
            found.append((manager, plan, rows))
    return found


class Reminder(NamedTuple):
    kind: str
    user: object
    plan: object
    subject: str
    context: dict


def due_reminders(today):
    """Every reminder due today, sent or not."""
    states = open_states(today)
    for user, actions in lead_reminders(states):
        count = len(actions)
        subject = f"{count} of your actions need{pluralize(count, 's,')} attention"
        context = {"user": user, "actions": actions, "today": today}
        yield Reminder(ReminderLog.Kind.LEAD, user, None, subject, context)
    if today.weekday() == settings.REMINDER_DIGEST_WEEKDAY:
        for user, plan, actions in digests(states):
            context = {"user": user, "plan": plan, "actions": actions, "today": today}
            yield Reminder(
                ReminderLog.Kind.DIGEST, user, plan, f"Weekly digest: {plan.title}", context
            )


def send_all(today, dry_run=False):
    """Send every reminder due today not already sent this cycle. Says how many of each kind were
    sent, how many failed (each is logged, and tried again at the next run), who was skipped and
    why, and in a dry run each email it would have sent."""
    cycle = cycle_of(today)
    outcome = {
        ReminderLog.Kind.LEAD: 0,
        ReminderLog.Kind.DIGEST: 0,
        "failed": 0,
        "skipped": [],
        "emails": [],
    }
    for reminder in due_reminders(today):
        if not reminder.user.email:
            outcome["skipped"].append(skipped(reminder))
            continue
        try:
            email = _send(reminder, cycle, dry_run)
        except Exception:
            log.exception(
                "The %s reminder to user %s was not sent", reminder.kind, reminder.user.pk
            )
            outcome["failed"] += 1
            continue
        if email:
            outcome[reminder.kind] += 1
            if dry_run:
                outcome["emails"].append(email)
    return outcome


def skipped(reminder):
    user = reminder.user
    kind = ReminderLog.Kind(reminder.kind).label.lower()
    return f"{person_name(user)} ({user.username}) has no email address: no {kind} was sent."


@transaction.atomic
def _send(reminder, cycle, dry_run):
    """Send one reminder and log it, both or neither: the email as {to, subject, body}, or None
    if it was sent already this cycle. A dry run writes and sends nothing."""
    kind, user, plan, _, context = reminder
    already = ReminderLog.objects.filter(kind=kind, recipient=user, plan=plan, cycle=cycle)
    if already.exists():
        return None
    subject = one_line(reminder.subject, SUBJECT_MAX)
    context.update(name=person_name(user), site_url=settings.SITE_URL, kind=kind)
    context["settings_url"] = settings.SITE_URL + reverse("improvement:reminder_settings")
    email = {
        "to": user.email,
        "subject": subject,
        "body": render_to_string(f"improvement/email/{kind}.txt", context),
    }
    if dry_run:
        return email
    ReminderLog.objects.create(
        kind=kind,
        recipient=user,
        plan=plan,
        cycle=cycle,
        email=user.email,
        subject=subject,
        action_count=len(context["actions"]),
    )
    send_mail(subject, email["body"], None, [user.email])
    return email


@transaction.atomic
def set_reminder_choices(memberships, choices):
    """Turn reminders on or off per membership ({membership pk: wanted}); history records each."""
    for membership in memberships:
        wanted = choices[membership.pk]
        if membership.reminders_enabled != wanted:
            membership.reminders_enabled = wanted
            membership.save(update_fields=["reminders_enabled"])
