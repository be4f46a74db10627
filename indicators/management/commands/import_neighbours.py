from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indicators.ees import ImportError_
from indicators.neighbours import load_model, model_year_of


class Command(BaseCommand):
    help = (
        "Load a DfE statistical neighbour model (sn_model_2025_wide.csv, or the April 2021 "
        "groupings): each authority's ten nearest authorities, in order. Replaces that year's model."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, help="The model's year (read from the file name).")

    def handle(self, *args, **options):
        path = options["file"]
        year = options["year"] or model_year_of(path.name)
        if not year:
            raise CommandError("Give the model's year with --year.")
        try:
            links, passed_over = load_model(path.read_bytes(), path.name, year)
        except ImportError_ as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Loaded the {year} model: {links} neighbours.")
        if passed_over:
            self.stdout.write(f"Not among our authorities: {', '.join(sorted(passed_over))}.")
