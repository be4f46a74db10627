"""gunicorn's master loads the app and warms it before forking the workers (gunicorn.conf.py):
every view imported, every template compiled, and no database connection for the workers to
share."""

import contextlib
import runpy

from django.conf import settings
from django.db import connections
from django.template import engines

from config.warm import warm


def test_gunicorn_preloads_the_app_and_warms_it_when_ready():
    conf = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    assert conf["preload_app"] is True
    assert callable(conf["when_ready"])


def test_warming_compiles_every_template_and_opens_no_database_connection(monkeypatch):
    # A test database in memory stays open whatever close() is asked (Django keeps it), so the
    # warming is watched instead: it must neither connect nor send a statement.
    used = []
    for connection in connections.all():
        connection.close()
        monkeypatch.setattr(connection, "connect", lambda: used.append("connect"))
        monkeypatch.setattr(connection, "ensure_connection", lambda: used.append("connect"))
    with contextlib.ExitStack() as stack:
        for connection in connections.all():
            stack.enter_context(connection.execute_wrapper(lambda *a: used.append(a[1])))
        compiled = warm()
    assert compiled > 150
    assert used == []
    cached = engines["django"].engine.template_loaders[0]
    assert "improvement/plan_detail.html" in {
        t.origin.template_name for t in cached.get_template_cache.values() if hasattr(t, "origin")
    }
