"""`__in` on integer columns with a number the column cannot hold.

Django (5.0 on) answers `pk=<30 digits>` with no rows, but hands `pk__in=[<30 digits>]` to the
database, where SQLite raises OverflowError: a hostile id in a form's multiple choice, a ticked
box or a picker's list answered 500. The same rule as Django's own for `=`, `<` and `>`: a number
outside the column's range matches nothing.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            kind = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(kind)
            self.rhs = [value for value in self.rhs if in_range(value, low, high)]
        return super().process_rhs(compiler, connection)


def in_range(value, low, high):
    if not isinstance(value, int):
        return True
    return (low is None or value >= low) and (high is None or value <= high)
