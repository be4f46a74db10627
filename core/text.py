"""Text written into places that hold one line of bounded length: email subjects, document
properties."""

from django.utils.text import Truncator


def one_line(text, limit):
    """The text on one line (line breaks and runs of spaces as one space), at most `limit`
    characters: a longer text is cut short and ends in an ellipsis."""
    return Truncator(" ".join(str(text).split())).chars(limit)
