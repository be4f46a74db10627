"""HTML to PDF: the one module that imports WeasyPrint.

Everything WeasyPrint asks for goes through `StaticOnlyFetcher`, which serves files under the
project's static directories and refuses anything else (web addresses, other file paths, data:
URLs), so a narrative that names an image or a stylesheet can never make the renderer fetch it.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_VARIANT = "pdf/ua-1"
LANGUAGE = "en-GB"

# Building a font configuration scans the system fonts: do it once per process.
FONT_CONFIG = FontConfiguration()


class FetchRefused(ValueError):
    """WeasyPrint asked for something that is not one of our static files."""


def static_dirs():
    dirs = [Path(d) for d in settings.STATICFILES_DIRS]
    dirs.append(Path(settings.STATIC_ROOT))
    return [d.resolve() for d in dirs]


def static_path(url):
    """The file a file: URL names, if it lies under a static directory; else FetchRefused."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise FetchRefused(f"Refused to fetch {url!r}: only the project's static files are served.")
    path = Path(unquote(parts.path)).resolve()
    if not any(path.is_relative_to(d) for d in static_dirs()) or not path.is_file():
        raise FetchRefused(f"Refused to fetch {url!r}: not a static file of the project.")
    return path


class StaticOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        path = static_path(url)
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime_type})


def base_url():
    return static_dirs()[0].as_uri() + "/"


def stylesheet(relative_path, fetcher):
    """A stylesheet from the static directory, by its path under it (css/report-pdf.css)."""
    url = base_url() + relative_path
    static_path(url)  # Our own stylesheet must exist: fail loudly rather than render unstyled.
    return CSS(url=url, url_fetcher=fetcher, font_config=FONT_CONFIG)


def html_to_pdf(html, *, title, stylesheets=(), fetcher=None):
    """Render an HTML document to tagged PDF/UA-1 bytes with its title and language set."""
    fetcher = fetcher or StaticOnlyFetcher()
    options = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
    sheets = [stylesheet(name, fetcher) for name in stylesheets]
    html_document = HTML(string=html, base_url=base_url(), url_fetcher=fetcher)
    document = html_document.render(font_config=FONT_CONFIG, stylesheets=sheets, **options)
    document.metadata.title = title
    document.metadata.lang = LANGUAGE
    return document.write_pdf(**options)
