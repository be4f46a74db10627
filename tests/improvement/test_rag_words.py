"""A RAG rating is worded by improvement.models.rag_words alone: pages, emails, exports, papers
and indicator targets ask it, so "Blue (complete)" and "Not rated" read the same everywhere."""

import re
from pathlib import Path

from improvement.models import ProgressUpdate, rag_words
from indicators.compare import Comparison

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = (
    "authorities",
    "core",
    "improvement",
    "indicators",
    "inspections",
    "reports",
    "templates",
)


def sources():
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".html", ".txt") and "migrations" not in path.parts:
                yield path


def test_the_words_of_each_rating():
    assert [rag_words(r) for r in ("red", "amber", "green", "blue", "")] == [
        "Red",
        "Amber",
        "Green",
        "Blue (complete)",
        "Not rated",
    ]
    assert ProgressUpdate(rag="blue").rag_words == "Blue (complete)"


def test_nothing_else_spells_out_a_rating_or_asks_django_for_its_label():
    spelled = re.compile(r"get_rag_display|\"Not rated\"|\"Amber\"|RAG_WORDS")
    found = [
        str(p.relative_to(ROOT))
        for p in sources()
        if spelled.search(p.read_text()) and p != ROOT / "improvement/models.py"
    ]
    assert found == []


def test_an_indicators_rating_uses_the_same_words():
    assert "rag_words" in Comparison.rag_words.fget.__code__.co_names


def test_the_plan_pages_counts_word_blue_as_complete():
    from django.template.loader import render_to_string

    html = render_to_string("improvement/rag_counts.html", {"counts": {"blue": 2, "": 1}})
    assert "Blue (complete)</strong> 2" in html
    assert "Not rated</strong> 1" in html
