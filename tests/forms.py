"""Reading a page's forms as a browser would submit them, and the whole database as rows."""

import re
from html.parser import HTMLParser

from django.apps import apps

# Not the council's data: the login session a test client holds.
NOT_DATA = {"sessions.Session"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FormReader(HTMLParser):
    """Every <form> of a page with the (name, value) pairs a browser would submit unchanged."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"attrs": attrs, "fields": []}
            self.forms.append(self._form)
        elif self._form is None or "disabled" in attrs:
            return
        elif tag == "input":
            self._input(attrs)
        elif tag == "select":
            self._select = {
                "name": attrs.get("name"),
                "multiple": "multiple" in attrs,
                "options": [],
            }
        elif tag == "option" and self._select is not None:
            self._select["options"].append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea":
            self._textarea = {"name": attrs.get("name"), "text": []}

    def _input(self, attrs):
        kind = attrs.get("type", "text")
        if kind in ("submit", "button", "reset", "file", "image") or not attrs.get("name"):
            return
        if kind in ("checkbox", "radio") and "checked" not in attrs:
            return
        default = "on" if kind in ("checkbox", "radio") else ""
        value = attrs.get("value", default)
        if kind == "date" and not ISO_DATE.fullmatch(value):
            value = ""  # the browser's value sanitisation: a date input holds only YYYY-MM-DD
        self._form["fields"].append((attrs["name"], value))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            self._end_select()
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._textarea["text"])
            # Browsers drop the newline after <textarea> and submit line breaks as CRLF.
            text = text.removeprefix("\n").replace("\r\n", "\n").replace("\n", "\r\n")
            self._form["fields"].append((self._textarea["name"], text))
            self._textarea = None

    def _end_select(self):
        options, name = self._select["options"], self._select["name"]
        chosen = [value for value, selected in options if selected]
        if not chosen and options and not self._select["multiple"]:
            chosen = [options[0][0]]  # a single select with nothing marked submits its first option
        self._form["fields"].extend((name, value) for value in chosen)
        self._select = None


class LinkReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def links_of(html):
    """Every <a href> of a page, as written."""
    reader = LinkReader()
    reader.feed(html)
    return reader.hrefs


def forms_of(html):
    reader = FormReader()
    reader.feed(html)
    return reader.forms


def as_post_data(fields):
    """(name, value) pairs as the dict of lists Django's test client posts."""
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


def every_row():
    """{model label: {primary key: {field: value}}}, auto-set timestamps left out."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label in NOT_DATA:
            continue
        names = [
            field.attname
            for field in model._meta.concrete_fields
            if not getattr(field, "auto_now", False)
        ]
        rows[model._meta.label] = {
            row["pk"]: row for row in model._base_manager.values("pk", *names)
        }
    return rows


def differences(before, after):
    """[(model, primary key, field, before, after)] of every value that differs."""
    changed = []
    for label, rows in after.items():
        old_rows = before.get(label, {})
        for pk in sorted(old_rows.keys() | rows.keys(), key=str):
            old, new = old_rows.get(pk), rows.get(pk)
            if old is None or new is None:
                changed.append((label, pk, "(row)", old, new))
                continue
            changed.extend(
                (label, pk, name, old[name], new[name]) for name in new if old[name] != new[name]
            )
    return changed
