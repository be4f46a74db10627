"""The production settings README documents pass `check --deploy`; a missing key stops the app;
private pages and downloads are never cached."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from tests.access import build_side

BASE = settings.BASE_DIR


def documented_production_env():
    """The variables of .env.example, as README's Configuration section tells production to set."""
    env = {}
    for line in (BASE / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name.strip()] = value.strip()
    return env


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=BASE,
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_under_the_documented_production_env():
    env = documented_production_env()
    assert env["DEBUG"] == "false"
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def load_settings(**env):
    """Import the settings alone in a fresh interpreter, with only `env` set."""
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        env={"PATH": os.environ["PATH"], **env},
        cwd=BASE,
        capture_output=True,
        text=True,
    )


def test_the_app_refuses_to_start_without_a_secret_key_unless_debug():
    refused = load_settings(DEBUG="false")
    assert refused.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in refused.stderr
    assert load_settings(DEBUG="true").returncode == 0  # bin/demo
    assert load_settings(DEBUG="false", SECRET_KEY="k" * 60).returncode == 0


@pytest.mark.django_db
def test_private_pages_and_downloads_are_not_stored(client):
    side = build_side("Gateshead", 1)
    client.force_login(side.officer)
    page = client.get(reverse("improvement:action", args=[side.action.pk]))
    download = client.get(reverse("improvement:actions_csv"))
    for response in (page, download):
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


PROBE = """
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="tracker.example.gov.uk")
print(client.get("/health/").status_code, client.get("/login/").status_code)
"""


def test_a_plain_http_health_probe_is_answered_under_the_documented_production_env():
    env = {**documented_production_env(), "DATABASE_URL": "sqlite://:memory:"}
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=BASE,
        capture_output=True,
        text=True,
    )
    assert probe.returncode == 0, probe.stderr
    # The probe gets the health check's own answer; every other page still goes to HTTPS.
    assert probe.stdout.split() == ["200", "301"]
