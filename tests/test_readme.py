"""The README's stated defaults are the code's: a deployment is configured from what it says."""

import re
from pathlib import Path

from django.conf import settings
from whitenoise.base import WhiteNoise

README = (Path(settings.BASE_DIR) / "README.md").read_text()


def stated_default(variable):
    match = re.search(rf"`{variable}` [^`]*?\(default `(\w+)`", README)
    assert match, f"the README states no default for {variable}"
    return match.group(1)


def test_the_log_levels_the_readme_states_are_the_defaults():
    assert stated_default("LOG_LEVEL") == settings.LOGGING["root"]["level"]
    assert stated_default("DJANGO_LOG_LEVEL") == settings.LOGGING["loggers"]["django"]["level"]


def test_the_static_cache_the_readme_states_is_whitenoises():
    assert WhiteNoise.FOREVER == 10 * 365 * 24 * 60 * 60
    assert "keep for ten years" in README
