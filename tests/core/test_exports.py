"""The one sheet writer of the exports: what goes in is what a spreadsheet shows."""

import datetime
import io

from openpyxl import load_workbook

from core.exports import xlsx


def test_text_stays_text_dates_are_dates_and_blanks_stay_blank():
    content = xlsx(
        "Actions",
        ["Text", "Due", "Empty"],
        [["=SUM(A1:A9)", datetime.date(2024, 9, 2), None], ["http://example.org", None, "0123"]],
    )
    sheet = load_workbook(io.BytesIO(content))["Actions"]
    header, first, second = sheet.iter_rows()
    assert [c.value for c in header] == ["Text", "Due", "Empty"]
    assert (first[0].value, first[0].data_type) == ("=SUM(A1:A9)", "s")  # not a formula
    assert first[1].value == datetime.datetime(2024, 9, 2)
    assert first[1].number_format == "dd/mm/yyyy"
    assert first[2].value is None
    assert [c.value for c in second] == ["http://example.org", None, "0123"]  # no link, no number
    assert second[0].hyperlink is None


def test_columns_fit_their_longest_line_within_bounds_and_long_text_wraps():
    narrative = "Two social workers recruited; one post vacant. " * 4 + "\nSecond line."
    content = xlsx(
        "Actions", ["Ref", "Latest update", "Due"], [["1.1", narrative, datetime.date(2027, 1, 31)]]
    )
    sheet = load_workbook(io.BytesIO(content))["Actions"]
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABC"}
    assert widths["A"] < 10 < widths["C"] < 15  # "Ref" is narrow, a date fits
    assert 55 < widths["B"] < 62  # capped: the narrative wraps instead
    assert sheet["B2"].alignment.wrap_text
    assert sheet["A1"].font.b
