"""Hostile input, generated from a page's own forms: every field, every kind of bad value.

A sweep takes a form as a browser would submit it (tests/forms.py) and, for each kind of hostile
value, sends it in every field at once. The forms the response holds say which fields refused it;
the value is then sent again in all the fields that accepted it, the others as they were, so it
also reaches whatever runs after the forms are valid (the save, the query, the document, and what
a view reads from the query itself). A request refused as a whole is swept field by field (in
halves, when Django refused the body's size); one refused at the door (a NUL anywhere, see
core.security) would be refused the same with the value in any field. Any 500 is found again
field by field, so the failure names the URL, the field and the value.
"""

import datetime
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from django.db import transaction
from django.forms import BaseForm, BaseFormSet, MultiWidget

from tests.forms import forms_of, links_of

MISSING = object()  # the field is not sent at all

# Each kind is also a wrong type somewhere: words (and 100,000 letters) where a number, a date,
# a choice or an id is expected; numbers where words are. Of two values, a field that takes one
# reads the last, a negative number, and one that takes a list (ticked boxes, a multiple choice)
# also a superscript digit, which isdigit() passes and int() refuses.
KINDS = {
    "30 digits": "9" * 30,
    "NUL byte": "a\x00b",
    "100,000 characters": "x" * 100_000,
    "words with CR/LF": "a\r\nBcc: someone@example.com",
    "spaces only": " \r\n\t ",
    "two values, -1 last": ["²", "-1"],
    "missing": MISSING,
}

# Not swept: the CSRF token (the test client's requests skip its check); an admin inline's
# formset counts (Django's own bookkeeping: a count of 30 digits only makes Django build its
# documented most, 1,000 blank forms more than max_num, for every inline); and an inline's
# blank template row, which a browser sends and Django never reads.
NOT_SWEPT = re.compile(
    r"csrfmiddlewaretoken|.*-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS|.*__prefix__.*"
)


@dataclass
class Sweep:
    """Requests made and the 500s found, over one form or one page's query."""

    method: str
    url: str
    requests: int = 0
    failures: list = field(default_factory=list)


def shown(value):
    if value is MISSING:
        return "(missing)"
    text = repr(value)
    return text if len(text) < 60 else f"{text[:40]}..."


def with_values(baseline, names, value):
    """The baseline data with each of `names` set to the hostile value (or left out)."""
    data = {name: list(values) for name, values in baseline.items()}
    for name in names:
        if value is MISSING:
            data.pop(name, None)
        else:
            data[name] = value if isinstance(value, list) else [value]
    return data


def bound_forms(context):
    """Every bound form a response's template context holds: forms, formsets' forms, a filter's
    form, the admin's form and inline forms."""
    found = []
    for values in context or []:
        for value in values.dicts if hasattr(values, "dicts") else [values]:
            for item in value.values() if isinstance(value, dict) else []:
                found.extend(_forms_in(item))
    return {id(form): form for form in found if form.is_bound}.values()


def _forms_in(item):
    if isinstance(item, BaseForm):
        return [item]
    if isinstance(item, BaseFormSet):
        return [item.management_form, *item.forms]
    if isinstance(item, (list, tuple)):
        return [form for element in item[:50] for form in _forms_in(element)]
    for name in ("form", "formset"):
        inner = getattr(item, name, None)
        if isinstance(inner, (BaseForm, BaseFormSet)):
            return _forms_in(inner)
    return []


def posted_names(form, name):
    """The names a browser sends for a form's field (a GOV.UK date sends three)."""
    key = form.add_prefix(name)
    widget = form.fields[name].widget
    if isinstance(widget, MultiWidget):
        return {f"{key}{suffix}" for suffix in widget.widgets_names}
    return {key}


def answered(response, names):
    """(the fields a form of the response refused, and the site's own dates among them as
    {input: a real value}, so that each box can be hostile in an otherwise real date)."""
    refused, dates = set(), []
    for form in bound_forms(response.context):
        for name in form.errors:
            if name in form.fields:
                refused |= posted_names(form, name) & set(names)
                if getattr(form.fields[name].widget, "is_govuk_date", False):
                    dates.append(real_date(form, name))
    return refused, dates


def real_date(form, name):
    """{input: value} of a GOV.UK date's day, month and year boxes holding today.

    Only the site's own date joins its boxes into one value (core.forms.DateField), where a
    30-digit day in a real month and year overflowed; Django's split date and time parses each
    box by itself."""
    widget = form.fields[name].widget
    names = [f"{form.add_prefix(name)}{suffix}" for suffix in widget.widgets_names]
    parts = widget.decompress(datetime.date.today())
    return {input_name: [str(part)] for input_name, part in zip(names, parts, strict=True)}


class Sender:
    """Sends one request in its own savepoint (a failed request leaves the test's transaction
    usable, as on PostgreSQL a database error would abort it) and records 500s."""

    def __init__(self, client, sweep, baseline, files=None):
        self.client, self.sweep, self.baseline, self.files = client, sweep, baseline, files or {}

    def send(self, names, value, fill=None):
        data = with_values({**self.baseline, **(fill or {})}, names, value)
        with transaction.atomic():
            response = self._request(data)
            if response.status_code == 500:
                transaction.set_rollback(True)
        self.sweep.requests += 1
        return response

    def _request(self, data):
        if self.sweep.method == "GET":
            return self.client.get(self.sweep.url, data)
        for upload in self.files.values():
            upload.seek(0)
        return self.client.post(self.sweep.url, {**data, **self.files})

    def check(self, names, kind, value, fill=None):
        """Send the value in these fields (the `fill` fields set as given); a 500 is recorded,
        naming the field."""
        response = self.send(names, value, fill)
        if response.status_code == 500:
            self.fail(names, kind, response, fill)
        return response

    def fail(self, names, kind, response, fill):
        """Find which field alone gives the 500, and record it with the exception."""
        culprits = names
        if len(names) > 1:
            culprits = [n for n in names if self.send([n], KINDS[kind], fill).status_code == 500]
        error = response.exc_info[1] if response.exc_info else "no exception recorded"
        for name in culprits or [", ".join(sorted(names))]:
            failure = (
                f"{self.sweep.method} {self.sweep.url} {name}={shown(KINDS[kind])} ({kind}): "
                f"500, {type(error).__name__}: {str(error)[:200]}"
            )
            if failure not in self.sweep.failures:
                self.sweep.failures.append(failure)


def sweep(client, method, url, baseline, names=None, files=None):
    """Every kind of hostile value in every field of `baseline` (or those `names`); returns the
    Sweep."""
    result = Sweep(method, url)
    sender = Sender(client, result, baseline, files)
    names = sorted(name for name in names or baseline if not NOT_SWEPT.fullmatch(name))
    for kind, value in KINDS.items():
        if names:
            _sweep_kind(sender, names, kind, value)
    return result


def _sweep_kind(sender, names, kind, value):
    response = sender.check(names, kind, value)
    if response.status_code == 500:
        return  # recorded, naming the field
    if refused_at_the_door(response):
        return  # the same answer for the value in any field: nothing of the site was reached
    if not taken(response, sender.sweep.method):
        _refused_as_a_whole(sender, names, kind, value, response)
        return
    refused, dates = answered(response, names)
    accepted = [name for name in names if name not in refused]
    if refused and accepted:
        # The forms are valid now, so the value reaches what runs after them (and the fields
        # no form answers for are read by a view no longer stopped by an invalid form).
        _sweep_kind(sender, accepted, kind, value)
    # A date refused the value in all its boxes: each box alone, the others real.
    for date in dates:
        for name in sorted(date.keys() & set(names)):
            sender.check([name], kind, value, fill=date)


def _refused_as_a_whole(sender, names, kind, value, response):
    """No field was reached: a body over Django's size limit (400) is swept in halves, anything
    else (a list's invalid filter, a form sent to a page refusing it) one field at a time."""
    if len(names) == 1:
        return
    if response.status_code == 400:
        middle = len(names) // 2
        _sweep_kind(sender, names[:middle], kind, value)
        _sweep_kind(sender, names[middle:], kind, value)
        return
    for name in names:
        _sweep_kind(sender, [name], kind, value)


def refused_at_the_door(response):
    """The site's refusal of unreadable input (core.security): a NUL anywhere, a query too long."""
    return response.status_code in (400, 414) and any(
        template.name == "refused.html" for template in response.templates
    )


def taken(response, method):
    """The request was read: a page shown, or a form saved (a GET redirected was refused)."""
    return response.status_code == 200 or (response.status_code == 302 and method == "POST")


def page_form(html, url, method):
    """The page's own form of that method (posting or reading to the page itself), as fields."""
    path = urlsplit(url).path
    for form in forms_of(html):
        if form["attrs"].get("method", "get").lower() != method:
            continue
        target = urlsplit(form["attrs"].get("action", "")).path
        if target in ("", path):
            return form["fields"]
    return None


def query_of(html, url):
    """The query a page reads, from its own GET form and its links back to itself (sorting,
    paging, filters), with the values the page offers first."""
    path = urlsplit(url).path
    fields = list(page_form(html, url, "get") or [])
    for href in links_of(html):
        parts = urlsplit(href)
        if parts.query and parts.path in ("", path):
            fields.extend(parse_qsl(parts.query, keep_blank_values=True))
    query = {}
    for name, value in fields:
        query.setdefault(name, [value])
    return query


class AutocompleteReader(HTMLParser):
    """The admin's autocomplete select boxes: the search each would send as one types."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.searches = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select" and attrs.get("data-ajax--url"):
            query = {
                "app_label": [attrs.get("data-app-label", "")],
                "model_name": [attrs.get("data-model-name", "")],
                "field_name": [attrs.get("data-field-name", "")],
                "term": [""],
            }
            self.searches.append((attrs["data-ajax--url"], query))


def autocompletes(html):
    """[(url, query)] of every autocomplete search a page's select boxes make, one per URL and
    field."""
    reader = AutocompleteReader()
    reader.feed(html)
    unique = {(url, str(sorted(query.items()))): (url, query) for url, query in reader.searches}
    return list(unique.values())
