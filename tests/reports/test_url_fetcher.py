"""WeasyPrint fetches only the project's static files: hostile narratives render as text."""

from datetime import date

import pytest
from django.conf import settings

from core import pdf
from improvement.models import Action, ProgressUpdate
from reports import services

HOSTILE = (
    '<img src="http://example.com/tracker.png"> <img src="file:///etc/passwd"> '
    '<link rel="stylesheet" href="https://evil.example/x.css"> '
    "<style>@import url(/etc/hostname);</style> see /etc/shadow and https://example.org/a.pdf"
)


@pytest.fixture
def fetched(monkeypatch):
    """Every URL WeasyPrint asks for, through a spy on the fetcher."""
    urls = []
    real_fetch = pdf.StaticOnlyFetcher.fetch

    def spy(self, url, headers=None):
        urls.append(url)
        return real_fetch(self, url, headers)

    monkeypatch.setattr(pdf.StaticOnlyFetcher, "fetch", spy)
    return urls


def static_file(url):
    path = pdf.static_path(url)
    return any(path.is_relative_to(d) for d in pdf.static_dirs())


def test_a_hostile_narrative_renders_as_text_and_nothing_outside_static_is_fetched(
    gateshead_report, fetched
):
    action = Action.objects.get(plan_id=100, reference="1")
    ProgressUpdate.objects.create(
        action=action, reported_on=date(2017, 3, 1), rag="amber", narrative=HOSTILE
    )
    html = services.render_pdf_html(services.content_of(gateshead_report))
    assert "&lt;img src=&quot;http://example.com/tracker.png&quot;&gt;" in html
    assert "<img" not in html
    assert "<link" not in html
    assert "<style" not in html
    services.render_pdf(gateshead_report)
    assert fetched, "the PDF stylesheet should come through the fetcher"
    assert all(static_file(url) for url in fetched), fetched


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/a.png",
        "https://example.com/a.css",
        "file:///etc/passwd",
        "data:text/css,body{}",
        "ftp://example.com/a",
        "file://evil.example/static/css/report-pdf.css",
    ],
)
def test_the_fetcher_refuses_anything_but_a_static_file(url):
    with pytest.raises(pdf.FetchRefused):
        pdf.StaticOnlyFetcher().fetch(url)


def test_the_fetcher_refuses_a_path_that_climbs_out_of_static():
    climbing = pdf.base_url() + "../config/settings.py"
    with pytest.raises(pdf.FetchRefused):
        pdf.StaticOnlyFetcher().fetch(climbing)


def test_the_fetcher_serves_our_own_stylesheet():
    response = pdf.StaticOnlyFetcher().fetch(pdf.base_url() + "css/report-pdf.css")
    assert response.content_type == "text/css"
    assert b"@page" in response.read()
    assert (settings.BASE_DIR / "static" / "css" / "report-pdf.css").exists()


def test_an_image_in_raw_html_is_refused_by_the_renderer(fetched):
    html = '<html lang="en-GB"><head><title>t</title></head><body><p>x</p><img alt="" src="https://example.com/x.png"></body></html>'
    pdf.html_to_pdf(html, title="t")
    assert fetched == ["https://example.com/x.png"]
