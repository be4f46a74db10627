"""Text for places that hold one bounded line (an email's subject, Word's title property)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from core.text import one_line


def test_line_breaks_and_runs_of_spaces_become_one_space():
    assert one_line("Plan\r\nBcc: everyone@example.com\t ", 200) == "Plan Bcc: everyone@example.com"


def test_a_longer_text_is_cut_short_with_an_ellipsis():
    assert one_line("Improvement plan progress", 12) == "Improvement…"


@settings(derandomize=True, max_examples=200, database=None, deadline=None)
@given(text=st.text(max_size=400), limit=st.integers(min_value=1, max_value=300))
def test_whatever_the_text_the_result_is_one_line_within_the_limit(text, limit):
    line = one_line(text, limit)
    assert len(line) <= limit
    assert not any(character in line for character in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
