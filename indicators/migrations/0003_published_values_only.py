"""Every IndicatorValue is now published (0002 moved the councils' own figures out): no origin."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("indicators", "0002_local_figures"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="historicalindicatorvalue",
            name="origin",
        ),
        migrations.RemoveField(
            model_name="indicatorvalue",
            name="origin",
        ),
    ]
