"""The apps' layers (docs/architecture.md, "Layers"), checked by import-linter as bin/test does."""

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from importlinter.cli import lint_imports

CONFIG = settings.BASE_DIR / "pyproject.toml"


def contract(kind):
    contracts = tomllib.loads(CONFIG.read_text())["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["type"] == kind)


def test_each_app_imports_only_the_apps_below_it(monkeypatch):
    monkeypatch.chdir(settings.BASE_DIR)  # import-linter finds the apps from where it runs
    assert lint_imports(config_filename=str(CONFIG), no_cache=True, no_logo=True) == 0


def test_every_app_of_the_project_has_its_layer():
    # An app left out of the contract would be checked by nothing.
    ours = {
        app.name for app in apps.get_app_configs() if Path(app.path).parent == settings.BASE_DIR
    }
    layered = {name.strip() for layer in contract("layers")["layers"] for name in layer.split("|")}
    assert {"core", "workspace"} <= ours <= layered
    assert contract("layers")["layers"][-1] == "core"


def test_the_layers_hold_with_no_exception():
    # core imports no domain app, with no import let through.
    assert "ignore_imports" not in contract("layers")
