"""Signing in: lockout after repeated failures (per username and per address), unlock by an admin,
sessions that end when idle, and a password reset by email."""

import re
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests import factories as f

LOGIN = reverse("login")
PASSWORD = "correct horse battery staple"
LIMIT = 3

pytestmark = pytest.mark.django_db
lockout_on = override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=LIMIT)


@pytest.fixture
def person():
    user = f.UserFactory(username="jo.officer", email="jo@gateshead.gov.uk")
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


@lockout_on
def test_repeated_failures_lock_the_username_until_an_admin_unlocks_it(client, person):
    for _ in range(LIMIT - 1):
        assert sign_in(client, "jo.officer", "wrong").status_code == 200
    locked = sign_in(client, "jo.officer", "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in locked" in page
    assert f"There have been {LIMIT} failed attempts to sign in as jo.officer" in page
    assert "govuk-template" in page

    # The right password from another address does not get through while locked.
    assert sign_in(client, "jo.officer", PASSWORD, address="10.0.0.2").status_code == 429
    assert "_auth_user_id" not in client.session

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
    assert client.session["_auth_user_id"] == str(person.pk)


@lockout_on
def test_repeated_failures_from_one_address_lock_that_address_for_every_username(client, person):
    for n in range(LIMIT):
        sign_in(client, f"guess{n}", "wrong", address="10.9.9.9")
    assert sign_in(client, "jo.officer", PASSWORD, address="10.9.9.9").status_code == 429
    assert sign_in(client, "jo.officer", PASSWORD, address="10.0.0.1").status_code == 302


def test_sessions_end_after_thirty_idle_minutes_and_at_browser_close(client, person):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
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
