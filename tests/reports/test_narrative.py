"""The plain-text convention of narratives: blank lines part paragraphs, "- " lines are a list."""

from reports.blocks import Paragraph
from reports.narrative import narrative_blocks


def test_blank_lines_part_paragraphs_and_a_single_line_break_stays_within_its_paragraph():
    blocks = narrative_blocks("First line\nsame paragraph.\n\n\nSecond paragraph.")
    assert [b.text for b in blocks] == ["First line\nsame paragraph.", "Second paragraph."]
    assert {b.kind for b in blocks} == {"paragraph"}


def test_dash_lines_make_one_list_between_paragraphs_with_or_without_blank_lines():
    text = "The group are looking at;\n- apprenticeships\n- traineeships\r\n\r\nThey meet monthly."
    blocks = narrative_blocks(text)
    assert [b.kind for b in blocks] == ["paragraph", "list", "paragraph"]
    assert [i.text for i in blocks[1].items] == ["apprenticeships", "traineeships"]
    assert all(i.label == "" for i in blocks[1].items)


def test_markup_stays_text_and_a_lone_dash_or_hyphenated_word_is_not_an_item():
    blocks = narrative_blocks("<b>bold</b>\n-\n-not an item")
    assert blocks == [Paragraph("<b>bold</b>\n-\n-not an item")]


def test_an_empty_narrative_has_no_blocks():
    assert narrative_blocks("") == narrative_blocks(None) == narrative_blocks("\n \n") == []
