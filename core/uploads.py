"""Uploaded files are judged by what they contain, not by their names (the `filetype` library)."""

from pathlib import Path

import filetype
from django.core.exceptions import ValidationError

# A file's name ending -> the kind its first bytes must show, and the kind's name for people.
BINARY_KINDS = {
    ".pdf": ("pdf", "PDF file"),
    ".png": ("png", "PNG image"),
    ".jpg": ("jpg", "JPG image"),
    ".jpeg": ("jpg", "JPG image"),
    ".docx": ("docx", "Word document"),
    ".xlsx": ("xlsx", "Excel workbook"),
}
TEXT_KINDS = {".txt": "text", ".csv": "CSV"}
HEAD_BYTES = 8192
MARKUP_STARTS = (b"<", b"\xef\xbb\xbf<")


def check_content(upload, suffix=None):
    """Refuse an upload whose content is not the kind its name (or `suffix`) says it is."""
    suffix = suffix or Path(upload.name).suffix.lower()
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    found = filetype.guess(head)
    if suffix in BINARY_KINDS:
        extension, label = BINARY_KINDS[suffix]
        if found is None or found.extension != extension:
            raise ValidationError(
                f"“{upload.name}” is not a {label}: its content is {_described(found, head)}."
            )
    elif suffix in TEXT_KINDS and not _is_plain_text(found, head):
        raise ValidationError(
            f"“{upload.name}” is not a {TEXT_KINDS[suffix]} file: its content is "
            f"{_described(found, head)}."
        )


def _is_plain_text(found, head):
    return found is None and b"\0" not in head and not head.lstrip().startswith(MARKUP_STARTS)


def _described(found, head):
    if found is not None:
        return f"{found.mime}"
    if head.lstrip().startswith(MARKUP_STARTS):
        return "a web page (HTML or XML)"
    if not head:
        return "empty"
    return "not of a kind we know"
