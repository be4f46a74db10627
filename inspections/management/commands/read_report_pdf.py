import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from inspections.models import Grade, Inspection
from inspections.report_reader.draft import make_draft, save_draft
from inspections.report_reader.reader import read_report
from inspections.report_reader.text import UnreadablePdf


class Command(BaseCommand):
    help = (
        "Read an Ofsted inspection report PDF and print the draft inspection: authority, "
        "framework, dates, grades and recommendations, with what could not be read flagged. "
        "--save records it (after you supply what the report does not say)."
    )

    def add_arguments(self, parser):
        parser.add_argument("pdf", type=Path, help="The report PDF.")
        parser.add_argument("--save", action="store_true", help="Record the inspection.")
        parser.add_argument("--authority", help="ONS code, when the name is not matched.")
        parser.add_argument(
            "--kind", choices=Inspection.Kind.values, help="short or standard for ILACS."
        )
        parser.add_argument(
            "--published", type=datetime.date.fromisoformat, help="Publication date, YYYY-MM-DD."
        )

    def handle(self, *args, **options):
        try:
            reading = read_report(options["pdf"])
        except (UnreadablePdf, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        draft = make_draft(reading, file_name=options["pdf"].name)
        self.print_draft(draft)
        if options["save"]:
            self.save(draft, options)

    def save(self, draft, options):
        chosen = {}
        if options["authority"]:
            from authorities.models import LocalAuthority

            chosen["authority"] = LocalAuthority.objects.filter(
                ons_code=options["authority"]
            ).first()
            if chosen["authority"] is None:
                raise CommandError(f"No authority has the ONS code {options['authority']}.")
        if options["kind"]:
            chosen["kind"] = options["kind"]
        if options["published"]:
            chosen["published_on"] = options["published"]
        try:
            inspection = save_draft(draft, **chosen)
        except ValidationError as error:
            raise CommandError("Not saved: " + "; ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"Saved: {inspection} (id {inspection.pk})."))

    def print_draft(self, draft):
        out = self.stdout.write
        out(f"File:            {draft['file_name']}")
        out(
            f"Authority:       {draft['authority'] or '?'} (the report says: {draft['authority_name'] or '?'})"
        )
        out(f"Framework, kind: {draft['framework'] or '?'}, {draft['kind'] or '?'}")
        out(f"On site:         {draft['started_on'] or '?'} to {draft['ended_on'] or '?'}")
        out(f"Published:       {draft['published_on'] or '?'}")
        out(f"Lead inspector:  {draft['lead_inspector'] or '?'}")
        out(f"Overall:         {grade_words(draft['overall_grade'])}")
        for area, grade in draft["grades"].items():
            out(f"  {area}: {grade_words(grade)}")
        if draft["has_lscb_review"]:
            out(f"LSCB review:     {grade_words(draft['lscb_grade'])}")
        self.print_recommendations(draft["recommendations"])
        for flag in draft["flags"]:
            out(self.style.WARNING(f"FLAG: {flag}"))

    def print_recommendations(self, recommendations):
        section = None
        for r in recommendations:
            heading = (
                f"{r['section']} (to the {'LSCB' if r['addressed_to'] == 'lscb' else 'authority'})"
            )
            if heading != section:
                self.stdout.write(f"\n{heading}")
                section = heading
            refs = f" [paras {r['paragraph_refs']}]" if r["paragraph_refs"] else ""
            self.stdout.write(f"  {r['number']}. {r['text']}{refs}")
        self.stdout.write("")


def grade_words(grade):
    if grade is None:
        return "?"
    return Grade(grade).label if grade else "none given"
