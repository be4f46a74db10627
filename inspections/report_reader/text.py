"""A report PDF's text as lines, without the running headers, footers and page numbers."""

import re
import time
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, StreamObject

PAGE_NUMBER = re.compile(r"^\d{1,3}$")
TRAILING_NUMBER = re.compile(r"\s*\d{1,3}$")
# How many lines at the top and bottom of a page may be a running header or footer.
EDGE = 3
# What a report may ask the reader to read. pypdf reads a page's content stream, and every form it
# draws, again for each page that draws them: an 8 KB file with one 2 MB stream of text drawn on
# 10 pages took 30 s. The 27 reports in tests/data/ofsted have 9 to 49 pages, at most 51 KB of
# content on a page and 0.8 MB in all, and are read in at most 1.1 s of CPU.
MAX_PAGES = 300
MAX_PAGE_CONTENT = 512 * 1024  # bytes a page draws: its content and its forms, unpacked
MAX_CONTENT = 2 * 1024 * 1024  # the same, all pages added up
MAX_READING_SECONDS = 5  # CPU time reading the text: what the limits above do not foresee
NOT_READ = "so it was not read: upload the report as Ofsted published it."


class UnreadablePdf(Exception):
    """The file is not a PDF we can read text from."""


class _TooSlow(Exception):
    pass


def pdf_pages(source):
    """The text of each page of a PDF (a path or a file object)."""
    try:
        reader = PdfReader(source)
        _check_size(reader.pages)
        deadline = time.thread_time() + MAX_READING_SECONDS

        def in_time(*args):  # called before each of the page's operators
            if time.thread_time() > deadline:
                raise _TooSlow

        return [page.extract_text(visitor_operand_before=in_time) or "" for page in reader.pages]
    except _TooSlow as error:
        raise UnreadablePdf(
            f"Reading this PDF's text took more than {MAX_READING_SECONDS} s, far longer than "
            f"any report takes, {NOT_READ}"
        ) from error
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


def _check_size(pages):
    """Refuse a PDF whose pages would take far longer to read than any report's."""
    if len(pages) > MAX_PAGES:
        raise UnreadablePdf(
            f"This PDF has {len(pages):,} pages, far more than a report (at most {MAX_PAGES}), "
            + NOT_READ
        )
    # Which pages draw each content stream, from the references alone (nothing unpacked).
    drawn_on = Counter(_key(stream) for page in pages for stream in _contents(page))
    total = 0
    for number, page in enumerate(pages, start=1):
        streams = _drawn(page)
        size = sum(streams.values())
        total += size
        if size > MAX_PAGE_CONTENT:
            shared = max(drawn_on[key] for key in streams)
            also = f", and the same content is drawn on {shared} pages" if shared > 1 else ""
            raise UnreadablePdf(
                f"Page {number} of this PDF holds {_mb(size)} of text and drawing to read{also}: "
                f"far more than a report's page (at most {MAX_PAGE_CONTENT // 1024} KB), "
                + NOT_READ
            )
        if total > MAX_CONTENT:
            raise UnreadablePdf(
                f"The pages of this PDF hold more than {_mb(MAX_CONTENT)} of text and drawing to "
                f"read (by page {number}), more than any report, " + NOT_READ
            )


def _drawn(page):
    """{stream's key: its unpacked size} of what a page draws: its content streams, and the forms
    in its resources and theirs."""
    found = {_key(stream): len(stream.get_data()) for stream in _contents(page)}
    resources = [page.get("/Resources")]
    while resources:
        xobjects = _dictionary(_dictionary(resources.pop()).get("/XObject"))
        for reference in xobjects.values():
            form = reference.get_object()
            is_form = isinstance(form, StreamObject) and form.get("/Subtype") == "/Form"
            if is_form and _key(form) not in found:
                found[_key(form)] = len(form.get_data())
                resources.append(form.get("/Resources"))
    return found


def _contents(page):
    """The content streams of a page, not yet unpacked."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    streams = [stream.get_object() if stream is not None else None for stream in streams]
    return [stream for stream in streams if isinstance(stream, StreamObject)]


def _dictionary(value):
    value = value.get_object() if value is not None else None
    return value if isinstance(value, DictionaryObject) else {}


def _key(stream):
    reference = stream.indirect_reference
    return (reference.idnum, reference.generation) if reference else id(stream)


def _mb(size):
    return f"{size / 1024 / 1024:.1f} MB"


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
