"""Reminder emails, for a daily scheduler: each lead once a week about actions overdue or due an
update, and each plan's managers a weekly digest of red, overdue and un-updated actions.

A reminder's cycle is the ISO week (2026-W49). ReminderLog holds one row per kind, person, plan
and cycle, written in the same transaction as the email is sent, so running the command again
the same day or week sends nothing twice, and an email that fails to send is tried again.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse

from authorities.models import Membership
from core.people import person_name
from improvement import rules
from improvement.models import Action, ImprovementPlan, ReminderLog, latest_standing_update


def cycle_of(today):
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def open_actions():
    return (
        Action.objects.exclude(status=Action.Status.COMPLETE)
        .select_related("plan", "lead_officer")
        .prefetch_related(latest_standing_update())
    )


def needs_lead(action, today):
    return rules.is_overdue(action, today) or rules.is_update_due(
        action, today, action.plan.update_cycle_weeks
    )


def lead_reminders(today):
    """[(user, [actions])]: leads who want reminders, with their overdue or update-due actions."""
    enabled = Membership.objects.filter(reminders_enabled=True).values_list(
        "user_id", "authority_id"
    )
    wanted = set(enabled)
    by_lead = {}
    for action in open_actions().filter(lead_officer__isnull=False):
        key = (action.lead_officer_id, action.plan.authority_id)
        if key in wanted and needs_lead(action, today):
            by_lead.setdefault(action.lead_officer, []).append(action)
    return list(by_lead.items())


def digest_rows(plan, today):
    """The plan's actions a manager should look at: red, overdue or with no recent update."""
    return [a for a in plan.open_actions if a.rag == "red" or needs_lead(a, today)]


def digests(today):
    """[(manager, plan, [actions])] for every plan with something to report."""
    plans = ImprovementPlan.objects.prefetch_related(
        Prefetch("actions", open_actions(), to_attr="open_actions")
    )
    managers = Membership.objects.filter(
        role=Membership.Role.MANAGER, reminders_enabled=True
    ).select_related("user")
    by_authority = {}
    for membership in managers:
        by_authority.setdefault(membership.authority_id, []).append(membership.user)
    found = []
    for plan in plans:
        rows = digest_rows(plan, today)
        for manager in by_authority.get(plan.authority_id, []) if rows else []:
            found.append((manager, plan, rows))
    return found


def send_all(today, dry_run=False):
    """Send every reminder due today not already sent this cycle; how many of each were sent."""
    cycle = cycle_of(today)
    sent = {"lead": 0, "digest": 0}
    for user, actions in lead_reminders(today):
        subject = f"{len(actions)} of your actions need attention"
        context = {"user": user, "actions": actions, "today": today}
        sent["lead"] += _send(ReminderLog.Kind.LEAD, user, None, cycle, subject, context, dry_run)
    if today.weekday() == settings.REMINDER_DIGEST_WEEKDAY:
        for user, plan, actions in digests(today):
            subject = f"Weekly digest: {plan.title}"
            context = {"user": user, "plan": plan, "actions": actions, "today": today}
            sent["digest"] += _send(
                ReminderLog.Kind.DIGEST, user, plan, cycle, subject, context, dry_run
            )
    return sent


def _send(kind, user, plan, cycle, subject, context, dry_run):
    if not user.email:
        return 0
    already = ReminderLog.objects.filter(kind=kind, recipient=user, plan=plan, cycle=cycle)
    if already.exists():
        return 0
    if dry_run:
        return 1
    context.update(name=person_name(user), site_url=settings.SITE_URL, kind=kind)
    context["settings_url"] = settings.SITE_URL + reverse("improvement:reminder_settings")
    body = render_to_string(f"improvement/email/{kind}.txt", context)
    with transaction.atomic():
        ReminderLog.objects.create(
            kind=kind,
            recipient=user,
            plan=plan,
            cycle=cycle,
            email=user.email,
            subject=subject,
            action_count=len(context["actions"]),
        )
        send_mail(subject, body, None, [user.email])
    return 1


@transaction.atomic
def set_reminder_choices(memberships, choices):
    """Turn reminders on or off per membership ({membership pk: wanted}); history records each."""
    for membership in memberships:
        wanted = choices[membership.pk]
        if membership.reminders_enabled != wanted:
            membership.reminders_enabled = wanted
            membership.save(update_fields=["reminders_enabled"])
