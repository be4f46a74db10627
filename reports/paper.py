"""The council's paper: its name, logo, header rows and footer, for the report's snapshot.

The logo travels inside the report's content as a data: URL, so a finalised report keeps the logo
it was finalised with, the HTML page needs no file URL, and the PDF renderer is handed exactly
that image (PaperFetcher) while every other fetch stays refused.
"""

import base64
import io
import logging
import mimetypes
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, UnidentifiedImageError
from weasyprint.urls import URLFetcherResponse

from core.pdf import StaticOnlyFetcher
from reports.snapshot import Paper

MAX_LOGO_BYTES = 500 * 1024
# Wider or taller than this is no logo: a 13,000 x 13,000 PNG of a few kilobytes was embedded in
# every report, and every reader's PDF decoded its 169 million pixels.
MAX_LOGO_SIDE = 2000
log = logging.getLogger(__name__)


def paper_of(report) -> Paper:
    """The paper's look for a report: its council's template, or the authority's own name."""
    return paper_for(report.plan.authority, report.wards)


def paper_for(authority, wards="") -> Paper:
    """The council's look for any of its documents, with the ward(s) a committee report names
    (or the council's default); `wards=None` for a document about no wards (a
    self-evaluation)."""
    from reports.models import PaperTemplate

    template = PaperTemplate.objects.filter(authority=authority).first()
    if template is None:
        # No look of its own, but the ward(s) typed on the document still print.
        return Paper(council=authority.name, header=tuple(header_rows(None, wards)))
    return Paper(
        council=template.council_name,
        logo=logo_data_url(template.logo),
        logo_alt=template.logo_alt_text,
        header=tuple(header_rows(template, wards)),
        footer=template.footer_text,
    )


def header_rows(template, wards=""):
    """(label, value) rows beyond the standard ones: ward(s) (none when `wards` is None), then
    the council's own lines (the template may be None)."""
    rows = []
    if wards is not None:
        wards = wards or (template.default_wards if template else "")
    if wards:
        rows.append(("Ward(s)", wards))
    lines = template.header_lines.splitlines() if template else []
    for line in lines:
        label, _, value = line.partition(":")
        if label.strip() and value.strip():
            rows.append((label.strip(), value.strip()))
    return rows


def clean_logo(upload):
    """The logo's pixels alone, encoded anew as PNG (or JPG, if it was one), so nothing else of
    the file (text chunks, metadata, colour profiles, later frames) reaches a report. Its size is
    read from its header and checked before any pixel is decoded."""
    image = _header_checked(upload, upload.name)
    try:
        pixels = image.convert("RGB" if image.format == "JPEG" else "RGBA")
    except (OSError, ValueError) as error:  # damaged or cut short
        raise ValidationError(f"“{upload.name}” could not be read as an image.") from error
    pixels.info = {}
    output = io.BytesIO()
    if image.format == "JPEG":
        pixels.save(output, format="JPEG", quality=90)
        suffix = ".jpg"
    else:
        pixels.save(output, format="PNG", optimize=True)
        suffix = ".png"
    return ContentFile(output.getvalue(), name=Path(upload.name).stem + suffix)


def _header_checked(file, name):
    """The image, opened (its header read, no pixel decoded), if its width and height are within
    MAX_LOGO_SIDE; else ValidationError naming them."""
    limit = f"a logo may be at most {MAX_LOGO_SIDE:,} × {MAX_LOGO_SIDE:,} pixels"
    try:
        image = Image.open(file)
    except Image.DecompressionBombError as error:  # Pillow stops past twice its own limit
        raise ValidationError(
            f"“{name}” is an image of more than {2 * Image.MAX_IMAGE_PIXELS:,} pixels; {limit}."
        ) from error
    except (UnidentifiedImageError, OSError) as error:
        raise ValidationError(f"“{name}” could not be read as an image.") from error
    width, height = image.size
    if width > MAX_LOGO_SIDE or height > MAX_LOGO_SIDE:
        raise ValidationError(f"“{name}” is {width:,} × {height:,} pixels; {limit}.")
    return image


def logo_data_url(logo):
    if not logo:
        return ""
    with logo.open("rb") as file:
        data = file.read()
    try:
        _header_checked(io.BytesIO(data), logo.name)
    except ValidationError as error:
        # Stored before logos were checked: left out of the paper rather than decoded.
        log.warning("The paper's logo %s is left out: %s", logo.name, error.message)
        return ""
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
    return PaperFetcher(logo=content.paper.logo)
