import datetime

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django_tasks import TaskResultStatus

from improvement.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "Email leads about overdue and update-due actions, and managers their weekly digest. "
        "Run it daily; nothing is sent twice in a week."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the emails it would send; send nothing."
        )

    def handle(self, *args, date=None, dry_run=False, **options):
        today = date or timezone.localdate()
        # On the tasks worker in production; the inline backend runs it here and now.
        result = send_reminders.enqueue(today.isoformat(), dry_run)
        if not result.is_finished:
            self.stdout.write(f"Queued for the tasks worker: reminders for {today} ({result.id}).")
            return
        if result.status != TaskResultStatus.SUCCESSFUL:
            raise CommandError(f"Sending the reminders failed: {result.errors[-1].traceback}")
        sent = result.return_value
        for email in sent["emails"]:
            self.stdout.write(f"To: {email['to']}\nSubject: {email['subject']}\n\n{email['body']}")
            self.stdout.write("-" * 70)
        verb = "Would send" if dry_run else "Sent"
        lead, digest = sent["lead"], sent["digest"]
        self.stdout.write(
            f"{verb} {lead} lead reminder{pluralize(lead)} and {digest} digest{pluralize(digest)}"
            f" for {today}."
        )
        if sent["skipped"]:
            self.stdout.write(f"Skipped {len(sent['skipped'])}:")
            for line in sent["skipped"]:
                self.stdout.write(f"- {line}")
        if sent["failed"]:
            raise CommandError(
                f"{sent['failed']} reminders failed to send (each is in the log); the next run "
                "tries them again."
            )
