# An action's standing update (improvement.state) read off an index, not by sorting its updates.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("improvement", "0013_partner_organisations_and_their_updates"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="progressupdate",
            index=models.Index(
                models.F("action"),
                models.OrderBy(models.F("reported_on"), descending=True),
                models.OrderBy(models.F("created_at"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                condition=models.Q(("retracted_at__isnull", True)),
                name="update_standing",
            ),
        ),
    ]
