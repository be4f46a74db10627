"""Dates are written one way (core.dates): "5 December 2025" on every page, paper, Word file and
email; "5 Dec 2025" only in dense tables; ISO where a machine reads it."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from core import dates
from reports import docx, services
from reports.models import CommitteeReport
from tests import factories as f
from tests.access import build_side

ROOT = Path(__file__).resolve().parents[2]
DUE = datetime.date(2025, 12, 5)
MONDAY_AFTER = datetime.date(2025, 12, 8)


def test_a_date_is_written_in_govuk_style_and_its_short_form_only_abbreviates_the_month():
    assert dates.long_date(datetime.date(2026, 12, 5)) == "5 December 2026"
    assert dates.short_date(datetime.date(2026, 9, 1)) == "1 Sep 2026"
    assert dates.month_year(datetime.date(2027, 1, 31)) == "January 2027"
    assert dates.long_date(None) == dates.short_date("") == ""
    assert dates.iso_long_date("2024-06-30") == "30 June 2024"


def test_a_moment_is_written_in_the_sites_time_zone():
    # 23:30 UTC on 30 June is 00:30 on 1 July in London.
    moment = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)
    with timezone.override("Europe/London"):
        assert dates.long_date(moment) == "1 July 2026"
        assert dates.long_date_time(moment) == "1 July 2026, 00:30"


def test_month_names_are_read_back_by_the_table_that_writes_them():
    assert [dates.month_number(m) for m in ("December", "dec", "SEPT", "Sep", "June")] == [
        12,
        12,
        9,
        9,
        6,
    ]
    assert dates.month_number("Decembre") is None


DAY_OR_MONTH_NAMES = re.compile(r"\|date:[\"'][^\"']*[FMNbEDlS]")


def templates():
    for folder in ("templates", "core", "improvement", "inspections", "reports", "indicators"):
        yield from (ROOT / folder).rglob("*.html")
        yield from (ROOT / folder).rglob("*.txt")


def test_no_template_writes_a_month_or_day_name_with_the_date_filter():
    found = [
        f"{path.relative_to(ROOT)}: {m[0]}"
        for path in templates()
        for m in DAY_OR_MONTH_NAMES.finditer(path.read_text())
    ]
    assert found == []


def python_files():
    for folder in ("authorities", "core", "improvement", "indicators", "inspections", "reports"):
        yield from (p for p in (ROOT / folder).rglob("*.py") if "migrations" not in p.parts)


def test_no_code_but_the_dates_module_writes_month_names():
    month_formats = re.compile(r"%-?[bBh]\b|date_format\(|month_name|month_abbr|\"January\"")
    found = [
        str(path.relative_to(ROOT))
        for path in python_files()
        if path.name != "dates.py" and month_formats.search(path.read_text())
    ]
    assert found == []


@pytest.fixture
def side(db, settings):
    settings.REMINDER_DIGEST_WEEKDAY = 0
    side = build_side("Aldwick", 1)
    side.officer.email = "officer@aldwick.example"
    side.officer.save()
    side.due_date_change.delete()  # made today: as at an earlier date it would be undone
    side.action.due_on = DUE
    side.action.save()
    return side


def test_the_same_due_date_reads_the_same_on_the_page_in_the_email_the_paper_and_word(side):
    client = Client()
    client.force_login(side.manager)
    page = client.get(reverse("improvement:action", args=[side.action.pk])).content.decode()
    assert "5 December 2025" in page

    call_command("send_reminders", f"--date={MONDAY_AFTER.isoformat()}", stdout=io.StringIO())
    (email,) = [m for m in mail.outbox if m.to == ["officer@aldwick.example"]]
    assert "overdue, due 5 December 2025" in email.body

    report = CommitteeReport.objects.create(
        plan=side.plan,
        committee=f.CommitteeFactory(authority=side.authority),
        meeting_on=MONDAY_AFTER,
        title="Progress",
        report_of="Director",
    )
    content = services.content_of(report)
    html = services.render_html_body(content)
    assert "Due: 5 December 2025." in html
    assert f"Progress on the {side.plan.title} as at 8 December 2025." in html
    word = Document(io.BytesIO(docx.render_docx(content)))
    assert any("Due: 5 December 2025." in p.text for p in word.paragraphs)
    pdf = PdfReader(io.BytesIO(services.render_pdf(report)))
    pdf_text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Due: 5 December 2025." in pdf_text


def test_the_dense_actions_table_uses_the_short_form(side):
    client = Client()
    client.force_login(side.manager)
    page = client.get(reverse("improvement:actions")).content.decode()
    assert "5 Dec 2025" in page
