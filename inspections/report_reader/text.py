"""A report PDF's text as lines, without the running headers, footers and page numbers."""

import re
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError

PAGE_NUMBER = re.compile(r"^\d{1,3}$")
TRAILING_NUMBER = re.compile(r"\s*\d{1,3}$")
# How many lines at the top and bottom of a page may be a running header or footer.
EDGE = 3


class UnreadablePdf(Exception):
    """The file is not a PDF we can read text from."""


def pdf_pages(source):
    """The text of each page of a PDF (a path or a file object)."""
    try:
        reader = PdfReader(source)
        return [page.extract_text() or "" for page in reader.pages]
    except (FileNotDecryptedError, DependencyError) as error:
        # Encrypted with an open password, or with a cipher we cannot decrypt.
        raise UnreadablePdf(
            "This PDF is encrypted and cannot be opened without its password: upload the report "
            "as Ofsted published it, without a password."
        ) from error
    except LimitReachedError as error:
        # A few kilobytes that would unpack to more than any report (a decompression bomb).
        raise UnreadablePdf(
            "This PDF unpacks to far more than a report could hold, so it was not read: "
            "upload the report as Ofsted published it."
        ) from error
    except (PdfReadError, ValueError, OSError, KeyError) as error:
        raise UnreadablePdf(f"This file cannot be read as a PDF ({error}).") from error


def page_lines(pages):
    """[(page number from 1, line)], stripped, with repeated headers and footers removed."""
    split = [[line.strip() for line in page.splitlines()] for page in pages]
    running = _running_lines(split)
    lines = []
    for number, page in enumerate(split, start=1):
        content = [line for line in page if line]
        for index, line in enumerate(content):
            at_edge = index < EDGE or index >= len(content) - EDGE
            if at_edge and (PAGE_NUMBER.match(line) or _edge_key(line) in running):
                continue
            lines.append((number, line))
    return lines


def _running_lines(pages):
    """Lines (page numbers aside) found at the edge of at least half the pages: running heads."""
    if len(pages) < 3:
        return set()
    counts = Counter()
    for page in pages:
        content = [line for line in page if line]
        edges = content[:EDGE] + content[-EDGE:]
        counts.update({_edge_key(line) for line in edges if line})
    return {key for key, n in counts.items() if key and n >= len(pages) / 2}


def _edge_key(line):
    return TRAILING_NUMBER.sub("", " ".join(line.split()))
