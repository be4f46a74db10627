"""A council's own figures move out of the published series into LocalFigure.

Until now "Add a local value" wrote over the DfE's row for the authority and period (origin
"local"). Each such row becomes a LocalFigure of its authority, signed by whoever last saved it
(from the row's history); where the history still holds the published figure it replaced, the
published row gets that figure back, else the row goes (it was never published).
"""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

RESTORED = "Published figure restored; the council's own figure moved to its local figures"


def move_local_values(apps, schema_editor):
    IndicatorValue = apps.get_model("indicators", "IndicatorValue")
    LocalAuthority = apps.get_model("authorities", "LocalAuthority")
    by_code = {a.ons_code: a.pk for a in LocalAuthority.objects.all()}
    for row in IndicatorValue.objects.filter(origin="local"):
        authority_id = row.authority_id or by_code.get(row.area_code)
        if authority_id is None:
            continue  # no authority of ours to own it: left as it is
        history = apps.get_model("indicators", "HistoricalIndicatorValue").objects.filter(id=row.pk)
        latest = history.order_by("-history_date", "-history_id").first()
        _local_figure(apps, row, authority_id, latest)
        published = history.filter(origin="imported").order_by("-history_date", "-history_id")
        _restore_or_delete(apps, row, published.first())


def _local_figure(apps, row, authority_id, latest):
    fields = {
        "indicator_id": row.indicator_id,
        "authority_id": authority_id,
        "period": row.period,
        "period_end": row.period_end,
        "value": row.value,
        "symbol": row.symbol,
        "entered_by_id": latest.history_user_id if latest else None,
        "entered_at": latest.history_date if latest else timezone.now(),
    }
    figure = apps.get_model("indicators", "LocalFigure").objects.create(**fields)
    apps.get_model("indicators", "HistoricalLocalFigure").objects.create(
        id=figure.pk,
        history_date=fields["entered_at"],
        history_type="+",
        history_user_id=fields["entered_by_id"],
        **fields,
    )


def _restore_or_delete(apps, row, published):
    if published is None:
        row.delete()
        return
    for name in ("level", "area_name", "authority_id", "period", "value", "symbol", "origin"):
        setattr(row, name, getattr(published, name))
    row.save()
    names = ("indicator_id", "level", "area_code", "area_name", "authority_id", "period")
    names += ("period_end", "value", "symbol", "origin")
    apps.get_model("indicators", "HistoricalIndicatorValue").objects.create(
        id=row.pk,
        history_date=timezone.now(),
        history_type="~",
        history_change_reason=RESTORED,
        **{name: getattr(row, name) for name in names},
    )



class Migration(migrations.Migration):

    dependencies = [
        ('authorities', '0003_membership_reminders_enabled'),
        ('indicators', '0001_indicators_values_targets_neighbours'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalLocalFigure',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('value', models.DecimalField(blank=True, decimal_places=4, max_digits=16, null=True)),
                ('symbol', models.CharField(blank=True, choices=[('c', 'c: confidential (suppressed)'), ('k', 'k: fewer than 5, rounded to 0 or suppressed'), ('u', 'u: low reliability'), ('x', 'x: not available'), ('z', 'z: not applicable'), ('low', 'low: a small number')], max_length=3)),
                ('period', models.CharField(help_text='Year to 31 March 2025, 2016-17 Q2, May 2017.', max_length=40)),
                ('period_end', models.DateField()),
                ('entered_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('authority', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='authorities.localauthority')),
                ('entered_by', models.ForeignKey(blank=True, db_constraint=False, help_text='Who entered or last corrected it (empty when not known).', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicator', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='indicators.indicator')),
            ],
            options={
                'verbose_name': 'historical local figure',
                'verbose_name_plural': 'historical local figures',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='LocalFigure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.DecimalField(blank=True, decimal_places=4, max_digits=16, null=True)),
                ('symbol', models.CharField(blank=True, choices=[('c', 'c: confidential (suppressed)'), ('k', 'k: fewer than 5, rounded to 0 or suppressed'), ('u', 'u: low reliability'), ('x', 'x: not available'), ('z', 'z: not applicable'), ('low', 'low: a small number')], max_length=3)),
                ('period', models.CharField(help_text='Year to 31 March 2025, 2016-17 Q2, May 2017.', max_length=40)),
                ('period_end', models.DateField()),
                ('entered_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('authority', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='local_figures', to='authorities.localauthority')),
                ('entered_by', models.ForeignKey(blank=True, help_text='Who entered or last corrected it (empty when not known).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='local_figures', to='indicators.indicator')),
            ],
            options={
                'ordering': ['indicator', 'authority', 'period_end'],
                'constraints': [models.UniqueConstraint(fields=('indicator', 'authority', 'period_end'), name='one_local_figure_per_period'), models.CheckConstraint(condition=models.Q(models.Q(('value__isnull', True), models.Q(('symbol', ''), _negated=True)), models.Q(('value__isnull', False), ('symbol', '')), _connector='OR'), name='local_figure_value_or_symbol')],
            },
        ),
        migrations.RunPython(move_local_values, migrations.RunPython.noop),
    ]
