"""Signing in: lockout of a username at an address after repeated failures, a far higher ceiling
for one address, a cool-off after which the lock lifts, sessions that end when idle, and a
password reset by email."""

import datetime
import re
import subprocess
import sys
import zoneinfo

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests import factories as f

LOGIN = reverse("login")
PASSWORD = "correct horse battery staple"
LIMIT = 3
ADDRESS_LIMIT = 8
PROXY = "10.0.0.1"  # a council's proxy: every colleague signs in from it
MORNING = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/London"))
COOL_OFF = datetime.timedelta(minutes=15)

pytestmark = pytest.mark.django_db
lockout_on = override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=LIMIT)


@pytest.fixture
def person():
    user = f.UserFactory(username="jo.officer", email="jo@gateshead.gov.uk")
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, username, password, address=PROXY):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def failures(client, username, times=LIMIT, address=PROXY):
    for _ in range(times):
        sign_in(client, username, "wrong", address=address)


def signed_in_as(client, user):
    return client.session.get("_auth_user_id") == str(user.pk)


@lockout_on
def test_failures_lock_the_username_at_that_address_and_say_when_to_try_again(client, person):
    with time_machine.travel(MORNING, tick=False):
        for _ in range(LIMIT - 1):
            assert sign_in(client, "jo.officer", "wrong").status_code == 200
        locked = sign_in(client, "jo.officer", "wrong")
        assert locked.status_code == 429
        # Even the right password waits, and the page says how long.
        again = sign_in(client, "jo.officer", PASSWORD)
    assert again.status_code == 429
    assert not signed_in_as(client, person)
    for page in (locked, again):
        text = page.content.decode()
        assert "Sign-in locked" in text
        assert "too many failed attempts to sign in as jo.officer" in text
        assert "You can try again after 09:15." in text  # the cool-off after 09:00
        assert "govuk-template" in text


@lockout_on
def test_five_failed_usernames_behind_one_proxy_do_not_stop_a_sixth_person(client, person):
    for n in range(5):
        colleague = f.UserFactory(username=f"colleague{n}")
        failures(client, colleague.username)
        assert sign_in(client, colleague.username, "wrong").status_code == 429
    assert sign_in(client, "jo.officer", PASSWORD).status_code == 302
    assert signed_in_as(client, person)


@lockout_on
def test_a_username_attacked_from_one_address_still_signs_in_from_another(client, person):
    failures(client, "jo.officer", address="203.0.113.66")
    assert sign_in(client, "jo.officer", PASSWORD, address="203.0.113.66").status_code == 429
    assert sign_in(client, "jo.officer", PASSWORD, address=PROXY).status_code == 302
    assert signed_in_as(client, person)


@lockout_on
def test_a_locked_pair_may_try_again_after_the_cool_off(client, person):
    with time_machine.travel(MORNING, tick=False):
        failures(client, "jo.officer")
    with time_machine.travel(MORNING + COOL_OFF - datetime.timedelta(seconds=1), tick=False):
        assert sign_in(client, "jo.officer", PASSWORD).status_code == 429
    with time_machine.travel(MORNING + COOL_OFF + datetime.timedelta(seconds=1), tick=False):
        assert sign_in(client, "jo.officer", PASSWORD).status_code == 302
        assert signed_in_as(client, person)


@lockout_on
@override_settings(LOGIN_ADDRESS_FAILURE_LIMIT=ADDRESS_LIMIT)
def test_one_address_has_a_much_higher_ceiling_across_usernames(client, person):
    with time_machine.travel(MORNING, tick=False):
        for n in range(ADDRESS_LIMIT):
            sign_in(client, f"guess{n}", "wrong", address="198.51.100.7")
        locked = sign_in(client, "jo.officer", PASSWORD, address="198.51.100.7")
        assert locked.status_code == 429
        assert "from your network" in locked.content.decode()
        assert "You can try again after 09:15." in locked.content.decode()
        assert sign_in(client, "jo.officer", PASSWORD, address=PROXY).status_code == 302
    with time_machine.travel(MORNING + COOL_OFF + datetime.timedelta(seconds=1), tick=False):
        assert sign_in(client, "jo.officer", PASSWORD, address="198.51.100.7").status_code == 302


@lockout_on
def test_an_admin_may_unlock_before_the_cool_off(client, person):
    failures(client, "jo.officer")
    admin = f.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    attempts = AccessAttempt.objects.filter(username="jo.officer")
    assert attempts.exists()
    response = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [a.pk for a in attempts], "post": "yes"},
    )
    assert response.status_code == 302
    client.logout()
    assert sign_in(client, "jo.officer", PASSWORD).status_code == 302


def test_the_lockout_limits_are_configurable():
    code = (
        "import config.test_settings as s; "
        "print(s.AXES_FAILURE_LIMIT, s.LOGIN_ADDRESS_FAILURE_LIMIT, s.AXES_COOLOFF_TIME)"
    )
    env = {"LOGIN_FAILURE_LIMIT": "4", "LOGIN_ADDRESS_FAILURE_LIMIT": "60"}
    env["LOGIN_COOLOFF_MINUTES"] = "30"
    shown = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.split() == ["4", "60", "0:30:00"]
    assert settings.AXES_COOLOFF_TIME == COOL_OFF  # the default


def test_sessions_end_after_thirty_idle_minutes_and_at_browser_close(client, person):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_REFRESH_MINUTES == 1  # tests/security/test_session_writes.py
    response = sign_in(client, "jo.officer", PASSWORD)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == ""  # a browser-session cookie
    assert cookie["max-age"] == ""
    assert 29 * 60 < client.session.get_expiry_age() <= 30 * 60


def test_the_idle_time_is_configurable():
    code = "import config.test_settings as s; print(s.SESSION_COOKIE_AGE)"
    env = {"SESSION_IDLE_MINUTES": "10"}
    shown = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "600"


def test_a_password_is_reset_by_a_link_sent_by_email(client, person):
    login_page = client.get(LOGIN).content.decode()
    assert reverse("password_reset") in login_page

    sent = client.post(reverse("password_reset"), {"email": "jo@gateshead.gov.uk"})
    assert sent.status_code == 302
    assert client.get(sent["Location"]).status_code == 200
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jo@gateshead.gov.uk"]
    link = re.search(r"https?://[^/]+(/password-reset/\S+/)", mail.outbox[0].body).group(1)

    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    new = "a different long passphrase 42"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert "Your password has been changed" in done.content.decode()
    person.refresh_from_db()
    assert person.check_password(new)

    again = client.get(link)
    assert "This link does not work" in again.content.decode()


def test_an_unknown_email_is_not_revealed(client, person):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


RESETS = 3  # PASSWORD_RESETS_PER_ACCOUNT
TRY_LATER = "Too many password reset emails have been asked for, so none was sent."


def ask_reset(client, email, address=PROXY):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_a_reset_past_the_accounts_limit_sends_nothing_and_says_to_try_later(client, person):
    with time_machine.travel(MORNING, tick=False):
        for n in range(RESETS):
            assert (
                ask_reset(client, "jo@gateshead.gov.uk", address=f"10.1.0.{n}").status_code == 302
            )
        assert len(mail.outbox) == RESETS
        refused = ask_reset(client, "Jo@Gateshead.gov.uk ", address="10.1.0.99")
        assert refused.status_code == 429
        assert TRY_LATER in refused.content.decode()
        assert "Try again in 60 minutes." in refused.content.decode()
        assert len(mail.outbox) == RESETS
        # An address with no account is answered the same: the limit tells nothing.
        for _ in range(RESETS):
            ask_reset(client, "nobody@example.org")
        unknown = ask_reset(client, "nobody@example.org")
        assert unknown.status_code == 429
        assert TRY_LATER in unknown.content.decode()
    with time_machine.travel(MORNING + datetime.timedelta(minutes=61), tick=False):
        assert ask_reset(client, "jo@gateshead.gov.uk").status_code == 302
    assert len(mail.outbox) == RESETS + 1


@override_settings(PASSWORD_RESETS_PER_ADDRESS=4)
def test_a_reset_past_the_addresss_limit_sends_nothing(client, person):
    for n in range(4):
        assert ask_reset(client, f"someone{n}@example.org").status_code == 302
    refused = ask_reset(client, "jo@gateshead.gov.uk")
    assert refused.status_code == 429
    assert TRY_LATER in refused.content.decode()
    assert mail.outbox == []
    assert ask_reset(client, "jo@gateshead.gov.uk", address="10.2.0.1").status_code == 302
    assert len(mail.outbox) == 1


def test_the_password_reset_limits_are_configurable():
    code = (
        "import config.test_settings as s; print(s.PASSWORD_RESETS_PER_ACCOUNT, "
        "s.PASSWORD_RESETS_PER_ADDRESS, s.PASSWORD_RESET_WINDOW_MINUTES)"
    )
    env = {"PASSWORD_RESETS_PER_ACCOUNT": "2", "PASSWORD_RESETS_PER_ADDRESS": "9"}
    env["PASSWORD_RESET_WINDOW_MINUTES"] = "30"
    shown = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.split() == ["2", "9", "30"]
    assert settings.PASSWORD_RESETS_PER_ACCOUNT == RESETS  # the default
