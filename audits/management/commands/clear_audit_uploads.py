from django.core.management.base import BaseCommand
from django.template.defaultfilters import pluralize

from audits.tasks import clear_stale_uploads, stale_uploads


class Command(BaseCommand):
    help = (
        "Delete audit workbooks uploaded more than a day ago and never imported (they may hold "
        "what the import warned of). Run it daily (docs/data-protection.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would go; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            count = stale_uploads().count()
            self.stdout.write(f"Would delete {count} audit upload{pluralize(count)}.")
            return
        count = clear_stale_uploads()
        self.stdout.write(f"Deleted {count} audit upload{pluralize(count)}.")
