"""The plan workbook as an office suite other than Excel opens it: LibreOffice (headless) shows
each cell's text as typed, with no safety apostrophe and no formula run, and keeps the column
widths. Needs LibreOffice's `soffice` with Calc (bin/test installs it).

The CSV is not checked here: LibreOffice converting untold reads a CSV as Western European even
after a byte-order mark (its import dialog detects it; Excel honours the mark), so the CSV's mark
is checked where it is written (tests/improvement/test_exports_inert.py)."""

import csv
import io
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.access import build_side

pytestmark = pytest.mark.django_db

SOFFICE = "/usr/bin/soffice"
TITLE = 'Ofsted’s “good”: =HYPERLINK("http://x","y")'
NARRATIVE = "- Two nurses recruited"


@pytest.fixture
def side():
    side = build_side("Aldwick", 1)
    side.action.title = TITLE
    side.action.success_measure = NARRATIVE
    side.action.save()
    return side


# LibreOffice's CSV export in UTF-8 (filter options: comma, double quote, UTF-8): how it wrote
# what it showed, not how it read the file.
CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76"


def converted(content, name, to, folder):
    """The file as LibreOffice writes it again in format `to`, opened with no filter options."""
    source = folder / name
    source.write_bytes(content)
    profile = (folder / "profile").as_uri()  # a profile of its own: runs in parallel do not clash
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", to]
        + ["--outdir", str(folder / "out"), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return (folder / "out" / f"{source.stem}.{to.split(':')[0]}").read_bytes()


def test_the_workbook_shows_text_as_typed_and_keeps_its_column_widths(client, side, tmp_path):
    client.force_login(side.officer)
    download = client.get(reverse("improvement:plan_xlsx", args=[side.plan.pk])).content
    shown = converted(download, "plan.xlsx", CSV_UTF8, tmp_path).decode("utf-8")
    row = next(r for r in csv.reader(io.StringIO(shown)) if r and r[0] == "1.1")
    # As typed: no apostrophe shown, no formula run.
    assert TITLE in row
    assert NARRATIVE in row
    again = load_workbook(io.BytesIO(converted(download, "plan.xlsx", "xlsx", tmp_path))).active
    widths = {letter: again.column_dimensions[letter].width for letter in "ABC"}
    assert widths["A"] < 15 < widths["C"]  # the reference narrow, the action wide, as written
