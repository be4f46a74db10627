import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indicators import services
from indicators.ees import ImportError_, describe
from indicators.forms import parse_filters
from indicators.models import Frequency, Indicator, Polarity, Unit


class Command(BaseCommand):
    help = (
        "Import one measure of a DfE tidy CSV (Explore Education Statistics) into an indicator: "
        "every national, regional and authority value of every period. The measure and the "
        "breakdown values are saved on the indicator, so later imports need only the file."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--indicator", help="The indicator's name (created if new).")
        parser.add_argument("--measure", help="The measure column, such as rereferral_percent.")
        parser.add_argument("--filter", action="append", default=[], metavar="COLUMN=VALUE")
        parser.add_argument("--unit", choices=Unit.values, default=Unit.PERCENT)
        parser.add_argument("--polarity", choices=Polarity.values, default=Polarity.HIGHER)
        parser.add_argument("--frequency", choices=Frequency.values, default=Frequency.ANNUAL)
        parser.add_argument(
            "--source", default="Department for Education, Explore Education Statistics"
        )
        parser.add_argument("--definition", default="")
        parser.add_argument("--describe", action="store_true", help="List the file's columns only.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file, write nothing.")

    def handle(self, *args, **options):
        path = options["file"]
        data = path.read_bytes()
        try:
            if options["describe"]:
                return self._describe(data, path.name)
            indicator = self._indicator(options, path.name)
            outcome = services.import_file(
                indicator,
                data,
                path.name,
                options["measure"],
                parse_filters(options["filter"]),
                dry_run=options["dry_run"],
            )
        except ImportError_ as error:
            raise CommandError(str(error)) from error
        done = "Checked (nothing written)" if options["dry_run"] else "Imported"
        self.stdout.write(f"{done} {indicator.name} from {path.name}: {outcome}.")

    def _indicator(self, options, file_name):
        name = options["indicator"]
        if not name:
            raise CommandError("Name the indicator with --indicator.")
        indicator = Indicator.objects.filter(name=name, authority__isnull=True).first()
        if indicator:
            return indicator
        if not options["measure"]:
            raise CommandError(f"No indicator “{name}” yet: give --measure to create it.")
        return Indicator(
            name=name,
            unit=options["unit"],
            polarity=options["polarity"],
            frequency=options["frequency"],
            source=options["source"],
            definition=options["definition"],
            file_pattern=_pattern(file_name),
        )

    def _describe(self, data, file_name):
        breakdowns, measures = describe(data, file_name)
        self.stdout.write(f"Measures: {', '.join(measures)}")
        for column, values in breakdowns.items():
            self.stdout.write(f"Breakdown {column}: {'; '.join(values)}")


def _pattern(file_name):
    """The file's name with any year range left open: c1_…_2013_to_2025.csv -> c1_…_*.csv."""
    return re.sub(r"\d{4}(_to_\d{4})?", "*", file_name)
