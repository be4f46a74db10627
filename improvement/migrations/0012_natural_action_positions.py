"""Actions never moved in the builder kept position 0 and sorted by reference as text, so 1.10
came before 1.2. Number each such theme's actions 1..n in the reference's natural order (numbers as
numbers); an order a manager set is kept, never-moved actions following it."""

import re
from itertools import groupby

from django.db import migrations


def natural(reference):
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", reference)
    ]


def number_actions(apps, schema_editor):
    Action = apps.get_model("improvement", "Action")
    rows = Action.objects.order_by("plan_id", "theme_id").only(
        "plan_id", "theme_id", "position", "reference"
    )
    for _, group in groupby(rows, key=lambda a: (a.plan_id, a.theme_id)):
        actions = list(group)
        if all(a.position for a in actions):
            continue
        ordered = sorted(actions, key=lambda a: (a.position == 0, a.position, natural(a.reference)))
        for position, action in enumerate(ordered, start=1):
            if action.position != position:
                Action.objects.filter(pk=action.pk).update(position=position)


class Migration(migrations.Migration):
    dependencies = [("improvement", "0011_workbook_confirmation")]

    operations = [migrations.RunPython(number_actions, migrations.RunPython.noop)]
