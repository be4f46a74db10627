from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports import services
from reports.models import CommitteeReport

FORMATS = ("pdf", "html", "docx")


class Command(BaseCommand):
    help = "Render a committee report to a file (PDF, HTML or Word) without the web server."

    def add_arguments(self, parser):
        parser.add_argument("report", type=int, help="The committee report's id.")
        parser.add_argument("output", type=Path, help="The file to write.")
        parser.add_argument("--format", choices=FORMATS, help="Default: from the file's extension.")
        parser.add_argument("--dry-run", action="store_true", help="Render, but write nothing.")

    def handle(self, *args, report, output, format=None, dry_run=False, **options):
        kind = format or output.suffix.lstrip(".").lower()
        if kind not in FORMATS:
            raise CommandError(
                f"Unknown format {kind!r} for {output}: use one of {', '.join(FORMATS)}."
            )
        data = render(self.report(report), kind)
        if dry_run:
            self.stdout.write(
                f"Rendered report {report} as {kind}: {len(data)} bytes (dry run, nothing written)."
            )
            return
        output.write_bytes(data)
        self.stdout.write(
            self.style.SUCCESS(f"Wrote report {report} as {kind} to {output} ({len(data)} bytes).")
        )

    def report(self, pk):
        try:
            return CommitteeReport.objects.with_context().get(pk=pk)
        except CommitteeReport.DoesNotExist:
            raise CommandError(f"No committee report with id {pk}.") from None


def render(report, kind):
    if kind == "pdf":
        return services.render_pdf(report)
    if kind == "docx":
        return services.render_word(report)
    content = services.content_of(report)
    return services.render_pdf_html(content, services.is_draft(report)).encode()
