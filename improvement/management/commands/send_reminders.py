import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from improvement.reminders import send_all


class Command(BaseCommand):
    help = (
        "Email leads about overdue and update-due actions, and managers their weekly digest. "
        "Run it daily; nothing is sent twice in a week."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--dry-run", action="store_true", help="Count, send nothing.")

    def handle(self, *args, date=None, dry_run=False, **options):
        today = date or timezone.localdate()
        sent = send_all(today, dry_run=dry_run)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} {sent['lead']} lead reminders and {sent['digest']} digests for {today}."
        )
