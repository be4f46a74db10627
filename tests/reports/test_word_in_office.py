"""The Word paper as an office suite other than Word lays it out: LibreOffice (headless) follows a
table's grid (w:tblGrid), not its cells' widths, so a grid of equal columns broke the appendix's
words mid-word ("Authorit y", "Outstan ding"). Needs LibreOffice's `soffice` (bin/test installs it)."""

import io
import re
import subprocess

from pypdf import PdfReader

from reports import services
from reports.blocks import texts

SOFFICE = "/usr/bin/soffice"


def as_pdf_by_libreoffice(docx_bytes, folder):
    source = folder / "paper.docx"
    source.write_bytes(docx_bytes)
    profile = (folder / "profile").as_uri()  # a profile of its own: runs in parallel do not clash
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(folder), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return PdfReader(io.BytesIO((folder / "paper.pdf").read_bytes()))


def words(text):
    return re.findall(r"[A-Za-z]+", text)


def test_libreoffice_breaks_no_word_of_the_appendix_on_its_landscape_page(
    gateshead_report, tmp_path
):
    content = services.content_of(gateshead_report)
    pdf = as_pdf_by_libreoffice(services.render_word(gateshead_report), tmp_path)
    page = pdf.pages[-1]
    assert page.mediabox.width > page.mediabox.height
    start = next(i for i, b in enumerate(content.blocks) if getattr(b, "style", "") == "appendix")
    written = " ".join([*texts(content.blocks[start:]), content.paper.council, content.front.title])
    whole = set(words(written)) | {"DRAFT", "Page", "of"}
    printed = words(page.extract_text())
    assert {"Authority", "Sunderland", "Inadequate", "governance"} <= set(printed)
    # A word broken across two lines of a cell prints as two pieces that are no word of the grid.
    assert [word for word in printed if word not in whole] == []
