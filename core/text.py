"""Text written into places that hold one line of bounded length: email subjects, document
properties."""


def one_line(text, limit):
    """The text on one line (line breaks and runs of spaces as one space), at most `limit`
    characters as the database counts them: a longer text is cut short and ends in an ellipsis.
    (Django's Truncator counts a letter and its combining accent as one, so it can run over.)"""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
