"""The council's paper: its name, logo, header rows and footer, as plain values for the report.

The logo travels inside the report's content as a data: URL, so a finalised report keeps the logo
it was finalised with, the HTML page needs no file URL, and the PDF renderer is handed exactly
that image (PaperFetcher) while every other fetch stays refused.
"""

import base64
import mimetypes

from weasyprint.urls import URLFetcherResponse

from core.pdf import StaticOnlyFetcher

MAX_LOGO_BYTES = 500 * 1024


def paper_of(report):
    """The paper's look for a report: its council's template, or the authority's own name."""
    from reports.models import PaperTemplate

    authority = report.plan.authority
    template = PaperTemplate.objects.filter(authority=authority).first()
    if template is None:
        return {"council": authority.name, "logo": "", "logo_alt": "", "header": [], "footer": ""}
    return {
        "council": template.council_name,
        "logo": logo_data_url(template.logo),
        "logo_alt": template.logo_alt_text,
        "header": header_rows(template, report),
        "footer": template.footer_text,
    }


def header_rows(template, report):
    """(label, value) rows beyond the standard ones: ward(s), then the council's own lines."""
    rows = []
    wards = report.wards or template.default_wards
    if wards:
        rows.append(("Ward(s)", wards))
    for line in template.header_lines.splitlines():
        label, _, value = line.partition(":")
        if label.strip() and value.strip():
            rows.append((label.strip(), value.strip()))
    return rows


def logo_data_url(logo):
    if not logo:
        return ""
    with logo.open("rb") as file:
        data = file.read()
    mime = mimetypes.guess_type(logo.name)[0] or "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def logo_bytes(data_url):
    header, _, encoded = data_url.partition(",")
    return header[len("data:") :].split(";")[0], base64.b64decode(encoded)


class PaperFetcher(StaticOnlyFetcher):
    """Our static files, and the one logo the report's content carries."""

    def __init__(self, logo="", **kwargs):
        super().__init__(**kwargs)
        self.logo = logo

    def fetch(self, url, headers=None):
        if self.logo and url == self.logo:
            mime, data = logo_bytes(url)
            return URLFetcherResponse(url, data, {"Content-Type": mime})
        return super().fetch(url, headers)


def paper_fetcher(content):
    return PaperFetcher(logo=content.get("paper", {}).get("logo", ""))
