"""What the audit forms and import warn of as looking like a child's name or an identifier
(audits.privacy): names, NHS numbers, case numbers, dates of birth, postcodes, emails and
telephone numbers; and what they leave alone."""

import time

import pytest

from audits.privacy import concerns

WARNED = [
    # text, the words found, what they look like
    ("John Smith aged 7 was seen at home.", "John Smith", "a person's name"),
    ("Seen with Mrs Jones at school.", "Mrs Jones", "a person's name"),
    ("Jack said he was happy.", "Jack", "a person's name"),
    ("Will Brown attended the review.", "Will Brown", "a person's name"),
    ("A girl called Ellie-May.", "called Ellie-May", "a person's name"),
    ("NHS 943 476 5919 on file.", "943 476 5919", "an NHS number"),
    ("NHS number 9434765919.", "9434765919", "an NHS number"),
    ("Mosaic 1234567 reviewed.", "Mosaic 1234567", "a case number"),
    ("Person ID: 48213 on LCS.", "Person ID: 48213", "a case number"),
    ("Ref 765432 closed.", "Ref 765432", "a case number"),
    ("Seen by O'Brien's team: Sean O'Brien.", "Sean O'Brien", "a person's name"),
    ("UPN A123456789012.", "UPN A123456789012", "a case number"),
    ("DOB 01/02/2010.", "DOB", "a date of birth"),
    ("Born on 3 March 2012.", "Born on 3 March 2012", "a date of birth"),
    ("Lives at NE8 1HH.", "NE8 1HH", "a postcode"),
    ("Email mum@example.com.", "mum@example.com", "an email address"),
    ("Ring 0191 433 3000.", "0191 433 3000", "a telephone number"),
]

LEFT_ALONE = [
    "Child A's views are recorded in their own words.",
    "Young person B was seen alone; sibling 2 was not.",
    "The child's mother and father attended.",
    "The young person, aged 15, is settled.",
    "Reviewed on 12/03/2016 and again in May 2016.",
    "Supervision by the Team Manager is reflective.",
    "Care First records are up to date.",
    "Voice of the child: wishes recorded.",
    "The plan will improve outcomes; hope is evident.",
    "RAG rating Amber at the last review.",
    "Audit reference G-1604-01, re-audit in 2016.",
    "Case no. 2016 audit cycle.",
    "",
]


@pytest.mark.parametrize(("text", "found", "kind"), WARNED)
def test_what_looks_like_a_name_or_an_identifier_is_warned_of(text, found, kind):
    said = concerns(text)
    assert [(c.found, c.kind) for c in said] == [(found, kind)], said
    assert str(said[0]) == f"“{found}” looks like {kind}"


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_anonymised_words_ages_and_ordinary_dates_are_left_alone(text):
    assert concerns(text) == []


def test_each_thing_found_is_named_once_in_the_order_written():
    text = "Mosaic 1234567 for John Smith; John Smith's NHS 943 476 5919."
    assert [c.found for c in concerns(text)] == ["Mosaic 1234567", "John Smith", "943 476 5919"]


def test_hostile_text_is_read_without_failing():
    for text in ("\x00" * 50, "1" * 10_000, "<script>alert(1)</script>", "Ω" * 5000, "\n\r\t"):
        concerns(text)
    assert [c.kind for c in concerns("1" * 10_000)] == ["a case number"]


def test_a_long_text_is_read_in_time_growing_with_its_length():
    """A pattern tried at every character of a long word can take time growing with the square
    of its length (200,000 characters took minutes); each is read in one pass."""
    for text in ("a" * 200_000, "1" * 200_000, "a." * 100_000, "Mr " * 70_000):
        started = time.perf_counter()
        concerns(text)
        assert time.perf_counter() - started < 2, text[:10]
