"""Querysets compiled to SQL once per process, then run again with new values.

Django builds a queryset and compiles it to SQL each time it is evaluated. For the short queries
a page makes (a plan's themes, a user's memberships: rows found by id) that costs more than the
database takes to answer them, and a page makes a dozen. A function decorated with @prepared
builds a queryset from its arguments. The first call for each shape of arguments builds it with
stand-in values, compiles it, and keeps its SQL and where each argument went among its
parameters; later calls run that SQL with their own values through the same compiler, so rows
become model instances as Django makes them (relations read with select_related, annotations,
values(), prefetch_related afterwards). It returns the rows as a list.

The function must only build the queryset from its arguments: whole numbers, text, dates,
times, or lists of whole numbers (a list's length is part of the shape: `IN (%s, %s)`). Nothing
else may vary (no timezone.now() inside: pass it in); a function whose SQL or other parameters
differ between two builds is not kept. Where a stand-in does not come out as a parameter of its
own (an argument used in arithmetic or written into the SQL; a date on SQLite, which passes
dates as text), that shape is built and compiled on every call, as Django does.
"""

import copy
import datetime
import functools
from itertools import count

from django.core.exceptions import EmptyResultSet
from django.db import connections

_numbers = count()


def prepared(build):
    """Decorate a function returning a queryset: it then returns the queryset's rows, as a list."""
    compiled = {}

    @functools.wraps(build)
    def run(*args):
        shape = tuple(_shape(arg) for arg in args)
        if None in shape:
            return list(build(*args))
        if shape not in compiled:
            compiled[shape] = _Compiled.of(build, shape)
        entry = compiled[shape]
        return entry.rows(args) if entry else list(build(*args))

    run.compiled = compiled
    return run


KINDS = (int, str, datetime.date, datetime.datetime)
# Django leaves a number too large for its column out of the SQL (it matches nothing); a database
# sent one may refuse it (SQLite), so those are left to Django.
BIGGEST = 2**63 - 1


def _shape(arg):
    if type(arg) is int:
        return int if -BIGGEST <= arg <= BIGGEST else None
    if type(arg) in KINDS:
        return type(arg)
    if type(arg) is list and all(type(item) is int for item in arg):
        # An empty list is a shape of its own: where a filter reads it, Django answers without a
        # query and nothing is compiled (_Compiled.of); where it only chooses how the query is
        # built (no partner organisations), that query is compiled once like any other.
        return len(arg) if all(-BIGGEST <= item <= BIGGEST for item in arg) else None
    return None


def _stand_ins(shape):
    """Values each different from the others: numbers that fit a small integer column (a larger
    one matches nothing there, and Django leaves it out of the SQL), text that says what it is,
    days and times a thousand years ago. A constant of the query that happened to be one is
    caught by compiling twice with different stand-ins."""
    values = []
    for kind in shape:
        if kind is int:
            values.append(_number())
        elif kind is str:
            values.append(f"stand-in {_number()}")
        elif kind is datetime.date:
            values.append(datetime.date(1000, 1, 1) + datetime.timedelta(days=_number()))
        elif kind is datetime.datetime:
            start = datetime.datetime(1000, 1, 1, tzinfo=datetime.UTC)
            values.append(start + datetime.timedelta(seconds=_number()))
        else:
            values.append([_number() for _ in range(kind)])
    return values


def _number():
    return 20_000 + next(_numbers) % 12_000


class _Compiled:
    """A queryset, its compiler, its SQL, and for each parameter either (argument, item) or
    ("constant", value)."""

    def __init__(self, queryset, compiler, sql, slots):
        self.queryset, self.compiler, self.sql, self.slots = queryset, compiler, sql, slots

    @classmethod
    def of(cls, build, shape):
        """The compiled query, or None where it cannot be run again with other values."""
        first, second = cls._compile(build, shape), cls._compile(build, shape)
        if first is None or second is None:
            return None
        if (first.sql, _constants(first.slots)) != (second.sql, _constants(second.slots)):
            return None  # something other than the arguments changed the query
        return first

    @classmethod
    def _compile(cls, build, shape):
        stand_ins = _stand_ins(shape)
        queryset = build(*stand_ins)
        compiler = queryset.query.get_compiler(using=queryset.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return None
        places = {}
        for n, value in enumerate(stand_ins):
            if isinstance(value, list):
                places.update({item: (n, m) for m, item in enumerate(value)})
            else:
                places[value] = (n, None)
        slots = [places.get(param, ("constant", param)) for param in params]
        if set(places.values()) - set(slots) or any(str(item) in sql for item in places):
            return None  # a stand-in was changed, or written into the SQL
        return cls(queryset, compiler, sql, slots)

    def rows(self, args):
        params = tuple(_value(slot, args) for slot in self.slots)
        # A copy for this call, on this thread's connection: the compiled state is only read.
        compiler = copy.copy(self.compiler)
        compiler.connection = connections[self.queryset.db]
        compiler.as_sql = lambda *a, **k: (self.sql, params)
        queryset = self.queryset._chain()
        queryset.query.get_compiler = lambda *a, **k: compiler
        return list(queryset)


def _value(slot, args):
    source, item = slot
    if source == "constant":
        return item
    return args[source] if item is None else args[source][item]


def _constants(slots):
    return [slot for slot in slots if slot[0] == "constant"]


def keep_related(instance, name, rows):
    """Keep `rows` as what instance.<name>.all() returns, as prefetch_related keeps them, so that
    reading them (in a template) makes no query: for relations read by a prepared query."""
    manager = getattr(instance, name)
    rows = list(rows)
    if hasattr(manager, "prefetch_cache_name"):  # many to many
        cache_name = manager.prefetch_cache_name
    else:  # the rows' foreign key to the instance: each row knows its instance, as prefetched
        cache_name = manager.field.remote_field.cache_name
        for row in rows:
            manager.field.set_cached_value(row, instance)
    queryset = manager.get_queryset()
    queryset._result_cache, queryset._prefetch_done = rows, True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[cache_name] = queryset
