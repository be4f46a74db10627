"""The project's templates as Django reads them."""

from pathlib import Path

from django.conf import settings


def test_no_comment_runs_over_two_lines():
    """Django's {# #} comment ends on its own line; one that does not is printed on the page."""
    roots = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("*/templates")]
    open_comments = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}"
        for root in roots
        for path in root.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if line.count("{#") > line.count("#}")
    ]
    assert not open_comments, f"use {{% comment %}} for these: {open_comments}"
