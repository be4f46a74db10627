"""The GOV.UK date input: a saved date shows in its boxes and comes back unchanged."""

import datetime

import pytest
from django import forms
from django.template import Context, Template
from hypothesis import given, settings
from hypothesis import strategies as st

from core.forms import DateField


class MeetingForm(forms.Form):
    meeting_on = DateField(label="Meeting date")


def test_a_saved_date_shows_in_the_day_month_and_year_boxes():
    form = MeetingForm(initial={"meeting_on": datetime.date(2017, 4, 1)})
    html = Template("{% load govuk %}{% govuk_field form.meeting_on %}").render(
        Context({"form": form})
    )
    assert 'name="meeting_on_day" type="text" inputmode="numeric" value="1"' in html
    assert 'name="meeting_on_month" type="text" inputmode="numeric" value="4"' in html
    assert 'name="meeting_on_year" type="text" inputmode="numeric" value="2017"' in html
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Meeting date' in html


def test_the_boxes_posted_back_give_the_same_date():
    form = MeetingForm({"meeting_on_day": "1", "meeting_on_month": "4", "meeting_on_year": "2017"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["meeting_on"] == datetime.date(2017, 4, 1)


def test_a_missing_part_is_named():
    form = MeetingForm({"meeting_on_day": "1", "meeting_on_month": "", "meeting_on_year": "2017"})
    assert form.errors["meeting_on"] == ["Meeting date must include a month."]


def test_a_date_that_does_not_exist_is_refused_in_words():
    form = MeetingForm({"meeting_on_day": "31", "meeting_on_month": "2", "meeting_on_year": "2017"})
    assert form.errors["meeting_on"] == ["Meeting date must be a real date (31/2/2017 is not)."]


def test_an_empty_required_date_says_it_is_required():
    form = MeetingForm({"meeting_on_day": "", "meeting_on_month": "", "meeting_on_year": ""})
    assert form.errors["meeting_on"] == ["This field is required."]


THIRTY_DIGITS = "9" * 30


@pytest.mark.parametrize(
    ("day", "month"),
    [(THIRTY_DIGITS, "4"), ("1", THIRTY_DIGITS), ("123", "4"), ("1", "０４"), ("²", "4")],
)
def test_a_day_or_month_that_is_no_calendar_number_is_refused_in_words(day, month):
    form = MeetingForm(
        {"meeting_on_day": day, "meeting_on_month": month, "meeting_on_year": "2017"}
    )
    assert form.errors["meeting_on"] == [
        "Meeting date must be a real date, in numbers: a day and a month of one or two digits "
        "and a four-digit year."
    ]


def test_a_required_date_of_spaces_and_line_breaks_is_missing_not_blank():
    form = MeetingForm({"meeting_on_day": " ", "meeting_on_month": "\r\n", "meeting_on_year": ""})
    assert form.errors["meeting_on"] == ["This field is required."]


# Anything typed: words, numbers of any length, other scripts' digits and superscripts.
BOX = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.text(st.characters(categories=("Nd", "No")), min_size=1, max_size=3),
    st.text(max_size=40),
)
YEAR = st.one_of(st.integers(min_value=1, max_value=9999).map(str), BOX)


@settings(derandomize=True, max_examples=300, database=None, deadline=None)
@given(day=BOX, month=BOX, year=YEAR)
def test_whatever_the_boxes_hold_the_answer_is_a_date_or_a_message_naming_the_date(
    day, month, year
):
    form = MeetingForm({"meeting_on_day": day, "meeting_on_month": month, "meeting_on_year": year})
    if form.is_valid():
        assert isinstance(form.cleaned_data["meeting_on"], datetime.date)
    else:
        [message] = form.errors["meeting_on"]
        assert message.startswith(("Meeting date", "This field is required", "Null characters"))
