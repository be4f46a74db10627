"""What production relies on: the health check, shared state in the database, the tasks worker."""

import datetime
import importlib
import json
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus

from core.tasks import clear_expired_sessions

pytestmark = pytest.mark.django_db


def test_health_answers_200_with_json_when_the_database_answers(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_answers_503_when_the_database_does_not(client):
    with mock.patch("core.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_nothing_another_process_needs_is_kept_in_memory():
    engine = importlib.import_module(settings.SESSION_ENGINE)
    assert issubclass(engine.SessionStore, db.SessionStore)  # sessions are a table
    assert {c["BACKEND"] for c in settings.CACHES.values()} == {
        "django.core.cache.backends.db.DatabaseCache"
    }
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(
    transaction=True, serialized_rollback=True
)  # the worker closes its connection between tasks
@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_queued_in_the_database_runs_once_through_the_worker():
    past = timezone.now() - datetime.timedelta(days=1)
    Session.objects.create(session_key="x" * 32, session_data="", expire_date=past)
    Session.objects.create(
        session_key="y" * 32, session_data="", expire_date=past + datetime.timedelta(days=30)
    )
    result = clear_expired_sessions.enqueue()
    assert result.status == TaskResultStatus.READY
    assert Session.objects.count() == 2  # queued, not run inline

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == ["y" * 32]
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    result.refresh()
    assert result.attempts == 1


def test_collectstatic_writes_compressed_files_under_hashed_names(tmp_path):
    source = tmp_path / "source"
    (source / "css").mkdir(parents=True)
    (source / "css" / "site.css").write_text(
        "body { background: url(dot.png); }\n" * 50  # big enough to be worth compressing
        + "/*# sourceMappingURL=site.css.map */\n"
    )
    (source / "css" / "dot.png").write_bytes(b"png")
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "core.storage.StaticFilesStorage"}}
    with override_settings(
        STATIC_ROOT=tmp_path / "out",
        STATICFILES_DIRS=[source],
        STORAGES=storages,
        INSTALLED_APPS=[a for a in settings.INSTALLED_APPS if a != "django.contrib.admin"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((tmp_path / "out" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"
    css = (tmp_path / "out" / hashed).read_text()
    assert manifest["paths"]["css/dot.png"].removeprefix("css/") in css
    assert (tmp_path / "out" / f"{hashed}.gz").exists()
