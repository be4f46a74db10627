from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from inspections.importers.national import import_national
from inspections.importers.tables import ImportFailed

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "ofsted"


class Command(BaseCommand):
    help = (
        "Import Ofsted's national picture: the authorities table (regions, names, ONS and DfE "
        "codes) and the inspection history table (every published inspection and its grades). "
        "Re-running changes nothing; any bad row stops the import and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--authorities",
            default=FIXTURES / "la_reference_england.csv",
            help="The authorities table (default: fixtures/ofsted/la_reference_england.csv).",
        )
        parser.add_argument(
            "--history",
            default=FIXTURES / "la_inspection_history.csv",
            help="The inspection history table (default: fixtures/ofsted/la_inspection_history.csv).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would change, and write nothing."
        )

    def handle(self, *args, **options):
        try:
            changes = import_national(
                options["authorities"], options["history"], dry_run=options["dry_run"]
            )
        except ImportFailed as failure:
            raise CommandError(
                "Nothing was imported; correct these and run again:\n  "
                + "\n  ".join(failure.errors)
            ) from failure
        except FileNotFoundError as missing:
            raise CommandError(f"No such file: {missing.filename}") from missing
        self.report(changes, options)

    def report(self, changes, options):
        dry = options["dry_run"]
        if dry or options["verbosity"] > 1:
            for line in changes.lines:
                self.stdout.write(("would " if dry else "") + line)
        if options["verbosity"] > 0:
            for line in changes.skipped:
                self.stdout.write(line)
        heading = "Dry run: nothing written. It would leave" if dry else "Imported:"
        self.stdout.write(self.style.SUCCESS(heading))
        for line in changes.summary():
            self.stdout.write(f"  {line}")
