"""gunicorn's master loads the app and warms it before forking the workers (gunicorn.conf.py):
every view imported, every template compiled, and no database connection for the workers to
share."""

import runpy

from django.conf import settings
from django.db.backends.base.base import BaseDatabaseWrapper
from django.template import engines

from config.warm import warm


def test_gunicorn_preloads_the_app_and_warms_it_when_ready():
    conf = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    assert conf["preload_app"] is True
    assert callable(conf["when_ready"])


def test_warming_compiles_every_template_and_asks_nothing_of_the_database(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("warming asked for a database connection")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
    assert warm() > 150
    cached = engines["django"].engine.template_loaders[0]
    names = {
        t.origin.template_name for t in cached.get_template_cache.values() if hasattr(t, "origin")
    }
    assert {"improvement/plan_detail.html", "workspace/home.html"} <= names
