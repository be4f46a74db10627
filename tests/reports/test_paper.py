"""The council's paper: its template (name, logo, header rows, footer) and the sections beyond
progress, in HTML, PDF and Word; and the comparison grid against region and neighbours."""

import datetime
import io
import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from authorities.models import LocalAuthority
from core.dates import month_number
from reports import docx, services
from reports.admin import PaperTemplateForm
from reports.assembly import assemble
from reports.blocks import texts
from reports.models import CommitteeReport, PaperTemplate
from tests.access import date_data
from tests.reports.conftest import FOOTER, GATESHEAD, HALTON, SECTIONS, cleared, member, png


def test_the_cover_carries_the_councils_header_rows(paper, gateshead_report):
    CommitteeReport.objects.filter(pk=gateshead_report.pk).update(agenda_item="6")
    gateshead_report.refresh_from_db()
    cover = assemble(gateshead_report).blocks[0]
    assert cover.rows[:4] == (
        ("Council", "Gateshead Council"),
        ("Report to", "Corporate Parenting Overview and Scrutiny Committee"),
        ("Date", "1 March 2017"),
        ("Agenda item", "6"),
    )
    assert ("Ward(s)", "All wards") in cover.rows
    assert cover.rows[-1] == ("Classification", "Public")


def test_html_shows_the_logo_with_its_alt_text_and_the_footer(paper, gateshead_report):
    html = services.render_html_body(assemble(gateshead_report))
    assert re.search(
        r'<img class="report-logo" src="data:image/png;base64,[^"]+" alt="Gateshead', html
    )
    assert FOOTER in html


def test_the_pdf_draws_the_logo_and_the_footer_on_every_page(paper, gateshead_report):
    reader = PdfReader(io.BytesIO(services.render_pdf(gateshead_report)))
    assert len(reader.pages[0].images) == 1
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]
    assert all(FOOTER in page for page in pages)
    assert all(re.search(r"Page \d+ of \d+", page) for page in pages)


def test_word_has_the_logo_described_and_the_footer(paper, gateshead_report):
    document = Document(io.BytesIO(docx.render_docx(assemble(gateshead_report))))
    assert len(document.inline_shapes) == 1
    assert document.inline_shapes[0]._inline.docPr.get("descr") == "Gateshead Council"
    assert FOOTER in document.sections[0].footer.paragraphs[0].text


def test_without_a_template_the_paper_names_the_authority(gateshead_report):
    content = assemble(gateshead_report)
    assert content.blocks[0].rows[0] == ("Council", "Gateshead")
    assert 'class="report-logo"' not in services.render_html_body(content)


def logo_form(name, data, authority):
    files = {"logo": SimpleUploadedFile(name, data)}
    fields = {"authority": authority.pk, "council_name": "Gateshead Council"}
    return PaperTemplateForm({**fields, "logo_alt_text": "Logo"}, files)


def test_a_logo_is_checked_by_its_content(seeds):
    gateshead = LocalAuthority.objects.get(ons_code=GATESHEAD)
    form = logo_form("logo.png", b"<svg onload='x'></svg>", gateshead)
    assert not form.is_valid()
    assert "“logo.png” is not a PNG image" in form.errors["logo"][0]
    assert not logo_form("logo.gif", png(), gateshead).is_valid()
    assert logo_form("logo.png", png(), gateshead).is_valid()


def test_a_logo_needs_its_alt_text_and_header_lines_their_colon(seeds):
    gateshead = LocalAuthority.objects.get(ons_code=GATESHEAD)
    template = PaperTemplate(
        authority=gateshead, council_name="Gateshead Council", logo="x.png", header_lines="Public"
    )
    with pytest.raises(ValidationError) as raised:
        template.full_clean()
    assert set(raised.value.message_dict) == {"logo_alt_text", "header_lines"}


def test_an_authority_admin_sees_only_their_councils_template(paper):
    from authorities.models import Membership

    halton_admin = member("halton.admin", HALTON, Membership.Role.ADMIN)
    client = Client()
    client.force_login(halton_admin)
    listing = client.get(reverse("admin:reports_papertemplate_changelist"))
    assert listing.status_code == 200
    assert "Gateshead Council" not in listing.content.decode()
    change = reverse("admin:reports_papertemplate_change", args=[paper.pk])
    assert client.get(change, follow=True).status_code in (200, 404)
    assert "Regent Street" not in client.get(change, follow=True).content.decode()


def test_the_sections_come_in_the_papers_order_numbered_on(full_paper):
    blocks = assemble(full_paper).blocks
    headings = [b.text for b in blocks if b.kind == "heading" and b.level == 2]
    assert headings[:2] == ["Executive summary", "Purpose of the report"]
    at = headings.index("Implications")
    assert headings[at - 1 : at + 3] == [
        "Progress on each recommendation",
        "Implications",
        "Recommendations to the committee",
        "Background papers",
    ]
    numbers = [int(b.number[:-1]) for b in blocks if b.kind == "paragraph" and b.number]
    assert numbers == list(range(1, len(numbers) + 1))
    text = list(texts(blocks))
    legal = text.index("Legal implications")
    assert re.fullmatch(
        r"\d+\. The council meets its duties under the Children Act 1989\.", text[legal + 1]
    )
    assert "Contact officer: Jane Smith, Service Manager, 0191 433 0000" in text


def test_blank_sections_are_left_out(gateshead_report):
    headings = {b.text for b in assemble(gateshead_report).blocks if b.kind == "heading"}
    assert not headings & {"Executive summary", "Implications", "Financial implications"}


def test_a_finalised_report_keeps_its_sections(full_paper, manager):
    services.finalise(cleared(full_paper, manager), manager)
    CommitteeReport.objects.filter(pk=full_paper.pk).update(legal_implications="Changed later.")
    final = CommitteeReport.objects.get(pk=full_paper.pk)
    text = services.plain_text(services.content_of(final))
    assert "Financial implications" in text
    assert not any("Changed later." in piece for piece in text)


def grid_of(content):
    return next(b for b in content.blocks if b.kind == "table" and b.style == "grid")


def test_gateshead_2017_grid_lists_its_neighbours_with_grades_in_words(
    neighbours, gateshead_report
):
    content = assemble(gateshead_report)
    appendix = content.appendix
    assert appendix.neighbour_model == 2021  # the earliest model there is, for 2017
    grid = grid_of(content)
    assert grid.header[:4] == ("Authority", "Compared as", "Latest inspection", "Overall")
    assert "Children who need help and protection" in grid.header
    rows = {row[0]: row for row in grid.rows}
    assert rows["Gateshead"][1] == "This council"
    assert rows["Sunderland"][1] == "Region; Neighbour 1"
    assert rows["St. Helens"][1] == "Neighbour 3"
    assert rows["Wakefield"][1] == "Neighbour 6"
    assert rows["Sunderland"][3:] == ("Inadequate",) * (len(grid.header) - 3)
    darlington = rows["Darlington"]
    assert darlington[1] == "Region; Neighbour 4"
    assert "Requires improvement to be good" in darlington


def test_the_grid_shows_nothing_published_after_the_meeting(neighbours, gateshead_report):
    grid = grid_of(assemble(gateshead_report))
    published = [
        date(int(m[3]), month_number(m[2]), int(m[1]))
        for row in grid.rows
        if (m := re.search(r"published (\d+) (\w+) (\d{4})", row[2]))
    ]
    assert published
    assert max(published) <= date(2017, 3, 1)


def test_a_report_of_2025_compares_with_the_2025_model(neighbours, gateshead_report):
    appendix = assemble(gateshead_report, as_at=date(2025, 6, 1)).appendix
    assert appendix.neighbour_model == 2025
    groups = {row.authority: row.group for row in appendix.rows}
    assert groups["Darlington"] == "Region; Neighbour 1"
    assert groups["Tameside"] == "Neighbour 2"


def test_a_manager_types_the_sections_once_on_the_reports_edit_form(gateshead_report, manager):
    client = Client()
    client.force_login(manager)
    address = reverse("reports:report-edit", args=[gateshead_report.pk])
    page = client.get(address).content.decode()
    assert 'name="financial_implications"' in page
    assert 'class="govuk-textarea"' in page
    data = {
        **date_data("meeting_on", datetime.date(2017, 3, 1)),
        "title": gateshead_report.title,
        "report_of": gateshead_report.report_of,
        "purpose": gateshead_report.purpose,
        "recommendations": gateshead_report.recommendations,
        "agenda_item": "6",
        **SECTIONS,
    }
    assert client.post(address, data).status_code == 302
    saved = CommitteeReport.objects.get(pk=gateshead_report.pk)
    assert saved.agenda_item == "6"
    assert saved.risk_implications == SECTIONS["risk_implications"]
    assert saved.history.first().summary == SECTIONS["summary"]


def test_a_finalised_report_keeps_the_paper_it_was_finalised_with(paper, full_paper, manager):
    services.finalise(cleared(full_paper, manager), manager)
    PaperTemplate.objects.filter(pk=paper.pk).update(footer_text="Moved to the Town Hall")
    content = services.content_of(CommitteeReport.objects.get(pk=full_paper.pk))
    assert content.paper.footer == FOOTER
    assert content.paper.logo.startswith("data:image/png;base64,")
