"""A signed-in session is written when it changes, or at most once a minute to move its idle
expiry on, not on every page: reading pages writes nothing, and a person still signs out 29 to 30
minutes after their last request (core/sessions.py)."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db

NINE = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/London"))
HOME = reverse("home")


def at(minutes, seconds=0):
    return time_machine.travel(
        NINE + datetime.timedelta(minutes=minutes, seconds=seconds), tick=False
    )


def sign_in(client):
    user = f.UserFactory(username="jo.officer")
    response = client.post(reverse("login"), {"username": user.username, "password": f.PASSWORD})
    assert response.status_code == 302
    return user


def writes(client, url=HOME):
    """How many times the page wrote the session, and its status."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    written = [q for q in captured if "django_session" in q["sql"] and "SELECT" not in q["sql"]]
    return len(written), response.status_code


def expires(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_pages_read_within_the_minute_write_no_session(client):
    with at(0):
        sign_in(client)
    for second in (10, 30, 59):
        with at(0, second):
            assert writes(client) == (0, 200)


def test_the_first_page_after_a_minute_writes_it_once_and_moves_its_expiry_on(client):
    with at(0):
        sign_in(client)
    signed_in_until = expires(client)
    assert signed_in_until == NINE + datetime.timedelta(minutes=30)
    with at(1, 5):
        assert writes(client) == (1, 200)
        assert writes(client) == (0, 200)
    assert expires(client) == NINE + datetime.timedelta(minutes=31, seconds=5)


def test_a_person_reading_every_fifty_seconds_stays_signed_in_for_an_hour(client):
    with at(0):
        sign_in(client)
    for second in range(50, 3600, 50):
        with at(0, second):
            assert writes(client)[1] == 200, f"signed out after {second} s"


def test_thirty_minutes_without_a_request_sign_a_person_out(client):
    with at(0):
        sign_in(client)
    with at(0, 50):
        assert writes(client) == (0, 200)  # read, not written: the expiry stays at 09:30
    with at(30):
        response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_change_to_the_session_is_written_at_once(client):
    with at(0):
        sign_in(client)
    with at(0, 20), CaptureQueriesContext(connection) as captured:
        client.post(reverse("logout"))
    assert any("DELETE" in q["sql"] and "django_session" in q["sql"] for q in captured)
    with at(0, 30):
        assert client.get(HOME).status_code == 302


def test_saving_on_every_request_can_be_turned_back_on(client, settings):
    settings.SESSION_SAVE_EVERY_REQUEST = True
    with at(0):
        sign_in(client)
    with at(0, 10):
        assert writes(client) == (1, 200)
