"""What a web process does at its first request, done once at start instead: gunicorn's master
process (gunicorn.conf.py) runs it after loading the app and before forking the workers, which
then start with it done.

A worker that does it itself spends its first request importing every view (and what they import:
openpyxl, XlsxWriter, the reports), reversing the URL configuration, reading the static files'
manifest, loading the English bank holidays (the plan's Ofsted due date counts working days) and
compiling each template as a page first needs it. Nothing here opens a database connection,
which forked workers must not share.
"""

import contextlib
import datetime
from pathlib import Path

from django.contrib.staticfiles.storage import staticfiles_storage
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver, reverse

from improvement.rules import english_bank_holidays


def warm():
    """Import the URL configuration and its views, read what the first pages read once, and
    compile every template; returns how many templates."""
    get_resolver().url_patterns  # noqa: B018  imports every view module
    reverse("home")  # fills the resolver's reverse index
    # The manifest of hashed names; not there uncollected, where each page finds out for itself.
    with contextlib.suppress(ValueError):
        staticfiles_storage.url("css/site.css")
    this_year = datetime.date.today().year
    for year in (this_year - 1, this_year, this_year + 1):
        english_bank_holidays(year)
    return sum(_compile_templates(engine) for engine in engines.all())


def _compile_templates(engine):
    count = 0
    for directory in engine.template_dirs:
        for path in Path(directory).rglob("*"):
            if path.suffix not in {".html", ".txt", ".xml"}:
                continue
            try:
                engine.get_template(str(path.relative_to(directory)))  # kept by the cached loader
            except (TemplateDoesNotExist, TemplateSyntaxError, UnicodeDecodeError):
                continue
            count += 1
    return count
